import { EntityManager } from "typeorm";
import { dialectOf } from "./dialect";

/** Small helpers for the hand-written SQL of the hot paths; both drivers take `?` placeholders. */

/** A Date as both databases store it: "YYYY-MM-DD HH:MM:SS.SSS" in UTC (TypeORM's own format). */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A DATETIME read back by raw SQL: a Date from mysql2, a string from SQLite. */
export function fromSqlDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes("T") ? text : `${text.replace(" ", "T")}Z`);
}

/** Fixed values (statuses, facility ids) as a quoted SQL list: `'A', 'B'`. Never for user input. */
export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

/** `?, ?, ?` for n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/** Runs a write statement and returns the number of rows it changed. */
export async function execute(manager: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error("execute() must run inside a transaction");
  const result = await runner.query(sql, params, true);
  return Number(result.affected ?? 0);
}

/** Which of `values` are in `table`.`column` (a key column), read 500 at a time. */
export async function presentKeys(manager: EntityManager, table: string, column: string, values: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (const some of chunk([...new Set(values)], 500)) {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${column} AS k FROM ${table} WHERE ${column} IN (${placeholders(some.length)})`, some);
    for (const row of rows) present.add(String(row.k));
  }
  return present;
}

/** Splits rows into chunks small enough for one statement's parameter list. */
export function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * A read on the hot path as a server-side prepared statement (mysql2 `execute`) through
 * TypeORM's own pool: MySQL parses and plans it once per connection, and no SQL text is
 * escaped per call. Inside a transaction, or where the dialect does not prepare (SQLite), it is
 * a plain `manager.query`. Keep the number of distinct texts small (prepared statements count
 * against max_prepared_stmt_count on the server), e.g. with bucketed IN lists.
 */
export async function selectPrepared(manager: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  if (manager.queryRunner || !dialectOf(manager).prepares) return manager.query(sql, params);
  const { driver, logger } = manager.connection;
  const pool = (driver as unknown as { pool: PreparedPool }).pool;
  logger.logQuery(sql, params);
  const connection = await new Promise<PreparedConnection>((resolve, reject) => pool.getConnection((error, c) => (error ? reject(error) : resolve(c))));
  // As TypeORM does for the connections it takes: an idle connection's error must not crash the process.
  if (connection.listeners("error").length === 0) connection.on("error", (error) => logger.log("warn", `MySQL connection raised an error. ${error}`));
  try {
    return await new Promise((resolve, reject) => connection.execute(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  } catch (error) {
    logger.logQueryError(error as Error, sql, params);
    throw error;
  } finally {
    connection.release();
  }
}

interface PreparedConnection {
  execute(sql: string, params: unknown[], callback: (error: Error | null, rows: Record<string, unknown>[]) => void): void;
  release(): void;
  listeners(event: string): unknown[];
  on(event: string, listener: (error: Error) => void): void;
}

interface PreparedPool {
  getConnection(callback: (error: Error | null, connection: PreparedConnection) => void): void;
}

/** `values` padded with its last value to the next power of two, so an IN list has few distinct texts. */
export function padToPowerOfTwo<T>(values: readonly T[]): T[] {
  let size = 1;
  while (size < values.length) size *= 2;
  return [...values, ...Array<T>(size - values.length).fill(values[values.length - 1])];
}

/**
 * Inserts rows, or updates the `update` columns of the row whose `key` they clash with, in the
 * dialect's own syntax (ON CONFLICT / ON DUPLICATE KEY), a few hundred rows per statement. A
 * concurrent insert of the same key is then an update, never a duplicate-key error.
 */
export async function upsertRows(
  manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][], key: readonly string[], update: readonly string[],
): Promise<void> {
  for (const part of chunk([...rows], 300)) {
    await execute(manager, dialectOf(manager).upsert(table, columns, part.length, key, update), part.flat());
  }
}
