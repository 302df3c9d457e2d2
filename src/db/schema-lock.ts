import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Connection } from "mysql2/promise";

/**
 * The lock that lets one server at a time migrate a MySQL/MariaDB database, however many start at
 * once and on whichever node of a Galera cluster. GET_LOCK is local to one node, so the lock is a
 * row: taking it is a committed UPDATE, which a cluster certifies in one total order (two nodes
 * taking it at once: one commit fails with a deadlock and is tried again, then sees the row
 * taken). It is a lease: renewed while the holder migrates, so a holder that died frees it when
 * the lease runs out. A server that takes it after another released it sees that server's
 * migrations: Galera commits in order, and the release came after them.
 */

const LEASE_SECONDS = 60;
const RETRY_MS = 250;
/** ER_LOCK_DEADLOCK: how a lost certification (or a plain deadlock) ends. */
const DEADLOCK = 1213;

const ddl = `CREATE TABLE IF NOT EXISTS schema_lock (
  lock_id INT NOT NULL PRIMARY KEY, holder VARCHAR(120) NULL, expires_at DATETIME(3) NULL
) ENGINE=InnoDB`;

/** Runs `work` while holding the schema lock; waits at most `waitMs` for it. */
export async function withSchemaLock<T>(control: Connection, work: () => Promise<T>, waitMs = 180_000): Promise<T> {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  await retryDeadlocks(() => control.query(ddl));
  await retryDeadlocks(() => control.query("INSERT IGNORE INTO schema_lock (lock_id) VALUES (1)"));
  const deadline = Date.now() + waitMs;
  while (!(await take(control, holder))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${waitMs / 1000} s waiting for another server to finish migrating the database`);
    await sleep(RETRY_MS);
  }
  const renew = setInterval(() => {
    control.query("UPDATE schema_lock SET expires_at = NOW(3) + INTERVAL ? SECOND WHERE lock_id = 1 AND holder = ?", [LEASE_SECONDS, holder]).catch(() => undefined);
  }, (LEASE_SECONDS * 1000) / 4);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await retryDeadlocks(() => control.query("UPDATE schema_lock SET holder = NULL, expires_at = NULL WHERE lock_id = 1 AND holder = ?", [holder]));
  }
}

/** Takes the lease when it is free or ran out; false when another holder has it. */
async function take(control: Connection, holder: string): Promise<boolean> {
  const [result] = await retryDeadlocks(() => control.query(
    "UPDATE schema_lock SET holder = ?, expires_at = NOW(3) + INTERVAL ? SECOND WHERE lock_id = 1 AND (holder IS NULL OR expires_at < NOW(3))",
    [holder, LEASE_SECONDS],
  ));
  return (result as { affectedRows: number }).affectedRows === 1;
}

async function retryDeadlocks<T>(statement: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await statement();
    } catch (error) {
      if ((error as { errno?: number }).errno !== DEADLOCK || tries >= 50) throw error;
      await sleep(Math.random() * 50 * Math.min(tries, 10));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
