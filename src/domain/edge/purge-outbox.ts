import { EntityManager } from "typeorm";
import { chunk, dialectOf, execute, fromSqlDate, placeholders, sqlDate } from "../../db";

/**
 * The purge outbox (table promise_purge): which SKUs' cached promises must go. Every transaction
 * that can change what productPromise answers for a SKU calls queuePromisePurge inside that
 * transaction, so the row commits with the change or not at all (a dry run that rolls back
 * leaves none). The purge worker reads the pending rows with a locking read that skips rows
 * another worker holds, purges their tags in every cache and marks them done only then.
 *
 * Times here are wall-clock (new Date()), not the domain clock: they schedule retries.
 */

/**
 * Records, in the caller's transaction, that the promise of every product in `productIds` may
 * have changed: one outbox row per distinct SKU. Call it from every write that changes a
 * product's stock, a PO item's quantity, order buffer, allocation, status, arrival date or buffer
 * days, or creates a product. Unknown ids are ignored; an empty list writes nothing.
 */
export async function queuePromisePurge(manager: EntityManager, productIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  const now = sqlDate(new Date());
  for (const part of chunk(ids, 500)) {
    await execute(
      manager,
      `INSERT INTO promise_purge (sku, created_at, next_attempt_at, attempts, done)
       SELECT sku, ?, ?, 0, 0 FROM product WHERE product_id IN (${placeholders(part.length)})`,
      [now, now, ...part],
    );
  }
}

/** The same as queuePromisePurge, for writers that hold SKUs rather than product ids. */
export async function queuePromisePurgeBySku(manager: EntityManager, skus: Iterable<string>): Promise<void> {
  const list = [...new Set(skus)];
  const now = sqlDate(new Date());
  for (const part of chunk(list, 300)) {
    await execute(
      manager,
      `INSERT INTO promise_purge (sku, created_at, next_attempt_at, attempts, done) VALUES ${part.map(() => "(?, ?, ?, 0, 0)").join(", ")}`,
      part.flatMap((sku) => [sku, now, now]),
    );
  }
}

/** One pending outbox row, as a worker claims it. */
export interface PendingPurge {
  id: number;
  sku: string;
  createdAt: Date;
  attempts: number;
}

/**
 * Claims up to `limit` pending rows that are due, oldest first, locking them and skipping rows
 * another worker's transaction holds (FOR UPDATE SKIP LOCKED on MySQL/MariaDB): two workers never
 * purge the same row at once, and a worker that dies lets go of its rows with its connection.
 */
export async function claimPendingPurges(manager: EntityManager, limit: number, now = new Date()): Promise<PendingPurge[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT purge_id, sku, created_at, attempts FROM promise_purge WHERE done = 0 AND next_attempt_at <= ?
     ORDER BY purge_id LIMIT ${Math.max(1, Math.floor(limit))}${dialectOf(manager).forUpdateSkipLocked}`,
    [sqlDate(now)],
  );
  return rows.map((r) => ({ id: Number(r.purge_id), sku: String(r.sku), createdAt: fromSqlDate(r.created_at)!, attempts: Number(r.attempts) }));
}

/** Marks rows done: every cache answered their purge. */
export async function markPurgesDone(manager: EntityManager, ids: readonly number[], now = new Date()): Promise<void> {
  for (const part of chunk([...ids], 500)) {
    await execute(manager, `UPDATE promise_purge SET done = 1, done_at = ? WHERE purge_id IN (${placeholders(part.length)}) AND done = 0`, [sqlDate(now), ...part]);
  }
}

/** Puts rows back for a later try, at `retryAt`, counting the attempt and keeping why it failed. */
export async function deferPurges(manager: EntityManager, ids: readonly number[], retryAt: Date, error: string): Promise<void> {
  for (const part of chunk([...ids], 500)) {
    await execute(
      manager,
      `UPDATE promise_purge SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE purge_id IN (${placeholders(part.length)}) AND done = 0`,
      [sqlDate(retryAt), error.slice(0, 255), ...part],
    );
  }
}

/** Deletes at most `limit` done rows finished before `before` (a bounded batch); answers how many. */
export async function deleteDonePurges(manager: EntityManager, before: Date, limit: number): Promise<number> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT purge_id FROM promise_purge WHERE done = 1 AND done_at < ? ORDER BY purge_id LIMIT ${Math.max(1, Math.floor(limit))}`,
    [sqlDate(before)],
  );
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => Number(r.purge_id));
  return execute(manager, `DELETE FROM promise_purge WHERE purge_id IN (${placeholders(ids.length)}) AND done = 1`, ids);
}

/** How many rows wait (for tests, the load and the worker's log). */
export async function countPendingPurges(manager: EntityManager): Promise<number> {
  const [row] = await manager.query(`SELECT COUNT(*) AS n FROM promise_purge WHERE done = 0`);
  return Number(row.n);
}
