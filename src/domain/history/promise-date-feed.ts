import { EntityManager } from "typeorm";
import { Ordering, PAGE_SIZE, Page, chunk, execute, fromSqlDate, keysetPage, placeholders, sqlDate } from "../../db";
import { PromiseDateChangeEntity } from "../../entities";
import { badInput } from "../../errors";
import { clock } from "../core";
import type { AllocationEventRow } from "./record-events";

/**
 * The promise-date change feed (docs/domain.md#the-promise-date-feed): an outbox that the worker
 * emailing customers or syncing the shop reads in id order and acknowledges. Rows are written
 * only by `recordPromiseDateChanges` and `copyTieFeedRows`, which `recordEvents` and
 * `recordTieEvents` call in the same transaction as the change, so a committed change always has
 * its row and a rolled-back one never does.
 */

const COLUMNS = ["changed_at", "event_type", "so_item_id", "order_id", "order_item_seq_id", "old_promise_date", "new_promise_date", "reason"];

/** How many ids one acknowledge call may name. */
export const MAX_ACKNOWLEDGE = 1000;

const BY_ID: Ordering = { columns: [{ sql: "change_id", kind: "int" }], direction: "ASC" };

const time = (date: Date | null): number | null => date?.getTime() ?? null;

/**
 * Which history events the feed carries: every one whose old and new promise dates differ, and
 * every release to fulfilment (the promise stands, but the customer's order now ships: the shop
 * and the customer are told too).
 */
export const isFeedEvent = (e: Pick<AllocationEventRow, "type" | "oldPromiseDate" | "newPromiseDate">): boolean =>
  e.type === "FULFILLMENT_RELEASE" || time(e.oldPromiseDate) !== time(e.newPromiseDate);

/** Appends one feed row for every history event the feed carries (isFeedEvent). */
export async function recordPromiseDateChanges(manager: EntityManager, events: AllocationEventRow[]): Promise<void> {
  const changes = events.filter(isFeedEvent);
  const row = `(${placeholders(COLUMNS.length)})`;
  for (const part of chunk(changes, 500)) {
    const params = part.flatMap((e) => [
      sqlDate(e.at), e.type, e.salesOrderItemId, e.orderId, e.orderItemSeqId,
      e.oldPromiseDate && sqlDate(e.oldPromiseDate), e.newPromiseDate && sqlDate(e.newPromiseDate), e.reason,
    ]);
    await execute(manager, `INSERT INTO promise_date_change (${COLUMNS.join(", ")}) VALUES ${part.map(() => row).join(", ")}`, params);
  }
}

/**
 * The feed rows of pre-order items just tied (`ids`, sorted within the statement by `orderBy` over
 * `s`), copied from the tied rows: a tie sets a promise date where there was none, so each is a
 * feed event (isFeedEvent). Answers how many rows it wrote.
 */
export async function copyTieFeedRows(manager: EntityManager, ids: readonly number[], orderBy: string, at: Date, reason: string): Promise<number> {
  return execute(manager,
    `INSERT INTO promise_date_change (${COLUMNS.join(", ")})
     SELECT ?, 'ALLOCATE', s.so_item_id, s.order_id, s.order_item_seq_id, NULL, s.promised_datetime, ?
     FROM sales_order_item s WHERE s.so_item_id IN (${placeholders(ids.length)}) AND s.promised_datetime IS NOT NULL ORDER BY ${orderBy}`,
    [sqlDate(at), reason, ...ids]);
}

/**
 * The feed in id order, after the cursor `after`, optionally only rows (not) acknowledged yet.
 * `totalCount` counts the whole filtered feed, not just what lies after the cursor.
 */
export function listPromiseDateChanges(
  manager: EntityManager, after?: string | null, first?: number | null, acknowledged?: boolean | null,
): Promise<Page<PromiseDateChangeEntity>> {
  return keysetPage(manager, {
    select: "*",
    from: "promise_date_change",
    where: acknowledged != null ? ["acknowledged = ?"] : [],
    params: acknowledged != null ? [acknowledged ? 1 : 0] : [],
    ordering: BY_ID,
    first,
    defaultSize: PAGE_SIZE.history,
    after,
    map: toChange,
    keyOf: (c) => [c.id],
  });
}

/** Marks feed rows done; returns how many were newly acknowledged (unknown or already done ids count 0). */
export async function acknowledgePromiseDateChanges(manager: EntityManager, ids: readonly string[]): Promise<number> {
  if (ids.length > MAX_ACKNOWLEDGE) throw badInput(`ids may name at most ${MAX_ACKNOWLEDGE} changes (got ${ids.length})`);
  const bad = ids.filter((id) => !/^\d{1,15}$/.test(id));
  if (bad.length) throw badInput(`Not a promise date change id: ${bad.slice(0, 5).join(", ")}`);
  const unique = [...new Set(ids.map(Number))];
  let changed = 0;
  for (const part of chunk(unique, 500)) {
    changed += await execute(
      manager,
      `UPDATE promise_date_change SET acknowledged = 1, acknowledged_at = ? WHERE change_id IN (${placeholders(part.length)}) AND acknowledged = 0`,
      [sqlDate(clock.now()), ...part],
    );
  }
  return changed;
}

/** One feed row by id, or null. */
export async function findPromiseDateChange(manager: EntityManager, id: number): Promise<PromiseDateChangeEntity | null> {
  const [row] = await manager.query("SELECT * FROM promise_date_change WHERE change_id = ?", [id]);
  return row ? toChange(row) : null;
}

function toChange(r: Record<string, unknown>): PromiseDateChangeEntity {
  return {
    id: Number(r.change_id),
    at: fromSqlDate(r.changed_at)!,
    type: String(r.event_type) as PromiseDateChangeEntity["type"],
    salesOrderItemId: Number(r.so_item_id),
    orderId: String(r.order_id),
    orderItemSeqId: String(r.order_item_seq_id),
    oldPromiseDate: fromSqlDate(r.old_promise_date),
    newPromiseDate: fromSqlDate(r.new_promise_date),
    reason: String(r.reason),
    acknowledged: Number(r.acknowledged),
    acknowledgedAt: fromSqlDate(r.acknowledged_at),
  };
}
