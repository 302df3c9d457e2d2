import { createConnection } from "mysql2/promise";
import { Logger } from "typeorm";
import { DatabaseConfig, parseDatabaseUrl } from "../../src/config";
import { Db } from "../../src/db";
import { allocateSalesOrders, AllocationResult } from "../../src/domain";

/** The database the suite runs on: TEST_DATABASE_URL, else DATABASE_URL, else SQLite in memory. */
export function testDatabaseConfig(): DatabaseConfig {
  return parseDatabaseUrl(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "sqlite::memory:");
}

/** True when the suite runs on MySQL/MariaDB; the MariaDB-only tests skip otherwise. */
export const onMySql = (): boolean => testDatabaseConfig().kind === "mysql";

const TABLES = ["promise_purge", "allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product", "promise_date_change"];

/** Creates the MySQL database named in the URL when it does not exist yet (anew with `recreate`; `drop` only drops it). */
export async function ensureMySqlDatabase(url: string, { recreate = false, drop = false } = {}): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, "");
  parsed.pathname = "/";
  const connection = await createConnection(parsed.toString());
  try {
    if (recreate || drop) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    if (!drop) await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/**
 * A migrated, empty database: a fresh SQLite one, or the MySQL test database emptied; `logger`
 * sees every SQL statement; `settings` overrides the test database's (limits, a read URL, a URL).
 */
export async function openTestDb(logger?: Logger, settings: Partial<DatabaseConfig> = {}): Promise<Db> {
  const config = { ...testDatabaseConfig(), ...settings };
  if (config.kind === "mysql") await ensureMySqlDatabase(config.url);
  const db = await Db.open(config, logger);
  if (config.kind === "mysql") await emptyTables(db);
  return db;
}

/** Deletes every row but the migrations' (on SQLite and MySQL alike), so one test server can serve many tests. */
export async function emptyTables(db: Db): Promise<void> {
  await db.write(async (m) => {
    for (const table of TABLES) await m.query(`DELETE FROM ${table}`);
  });
}

/** Every row of every table, to compare before and after an operation that must change nothing. */
export async function snapshot(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) out[table] = await db.read((m) => m.query(`SELECT * FROM ${table} ORDER BY 1`));
  return out;
}

/** Allocate Sales Orders in a unit of work of its own, as the API runs it (a dry run is rolled back). */
export function runAllocation(db: Db, purchaseOrderId: string, actor: string | null, dryRun = false): Promise<AllocationResult> {
  return db.write((m) => allocateSalesOrders(m, purchaseOrderId, actor, dryRun), { rollback: dryRun });
}
