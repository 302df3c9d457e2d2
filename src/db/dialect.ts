import { DataSource, EntityManager } from "typeorm";

/**
 * Every difference between SQLite and MySQL/MariaDB that the code has to know about, answered by
 * one object chosen once per DataSource (`dialectOf`). Nothing outside src/db and the migrations
 * asks which database it is talking to.
 */
export interface Dialect {
  readonly name: "sqlite" | "mysql";
  /** Appended to a locking read: `FOR UPDATE` on MySQL; empty on SQLite, whose writes are serialised anyway. */
  readonly forUpdate: string;
  /** The integer column type: SQLite auto-increments only an INTEGER PRIMARY KEY. */
  readonly intType: "integer" | "int";
  /** True when the driver can run a server-side prepared statement outside a transaction. */
  readonly prepares: boolean;
  /** `INSERT ... VALUES ... ON <clash> UPDATE` of `update` columns from the inserted row, when `key` clashes. */
  upsert(table: string, columns: readonly string[], rows: number, key: readonly string[], update: readonly string[]): string;
  /** A unique or primary key refused the row. */
  isDuplicateKey(error: unknown): boolean;
  /** The whole transaction is safe to run again (deadlock, lock-wait timeout). */
  isRetryable(error: unknown): boolean;
}

const driverCode = (error: unknown): string | undefined =>
  (error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;

const valuesRows = (columns: readonly string[], rows: number): string => {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return Array.from({ length: rows }, () => row).join(", ");
};

export const sqliteDialect: Dialect = Object.freeze({
  name: "sqlite",
  forUpdate: "",
  intType: "integer",
  prepares: false,
  upsert: (table: string, columns: readonly string[], rows: number, key: readonly string[], update: readonly string[]) =>
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valuesRows(columns, rows)} ` +
    `ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(", ")}`,
  isDuplicateKey: (error: unknown) => ["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"].includes(driverCode(error) ?? ""),
  isRetryable: () => false,
});

export const mysqlDialect: Dialect = Object.freeze({
  name: "mysql",
  forUpdate: " FOR UPDATE",
  intType: "int",
  prepares: true,
  upsert: (table: string, columns: readonly string[], rows: number, _key: readonly string[], update: readonly string[]) =>
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valuesRows(columns, rows)} ` +
    `ON DUPLICATE KEY UPDATE ${update.map((c) => `${c} = VALUES(${c})`).join(", ")}`,
  isDuplicateKey: (error: unknown) => driverCode(error) === "ER_DUP_ENTRY",
  isRetryable: (error: unknown) => ["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"].includes(driverCode(error) ?? ""),
});

const chosen = new WeakMap<DataSource, Dialect>();

/** The dialect of a DataSource (or of the one a manager or query runner belongs to), decided once. */
export function dialectOf(source: DataSource | EntityManager | { connection: DataSource }): Dialect {
  const dataSource = source instanceof DataSource ? source : source.connection;
  let dialect = chosen.get(dataSource);
  if (!dialect) {
    dialect = dataSource.options.type === "better-sqlite3" ? sqliteDialect : mysqlDialect;
    chosen.set(dataSource, dialect);
  }
  return dialect;
}
