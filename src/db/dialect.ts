import { DataSource, EntityManager } from "typeorm";

/**
 * Every difference between SQLite, MariaDB and MySQL that the code has to know about, answered by
 * one object chosen once per DataSource (`dialectOf`). Nothing outside src/db and the migrations
 * asks which database it is talking to.
 */
export interface Dialect {
  readonly name: "sqlite" | "mysql";
  /** Which server answers: MariaDB and MySQL share the SQL here but not their time limits. */
  readonly flavor: "sqlite" | "mariadb" | "mysql";
  /** Appended to a locking read: `FOR UPDATE` on MySQL; empty on SQLite, whose writes are serialised anyway. */
  readonly forUpdate: string;
  /** A locking read that passes over rows another transaction holds (a queue several workers share); empty on SQLite. */
  readonly forUpdateSkipLocked: string;
  /** The integer column type: SQLite auto-increments only an INTEGER PRIMARY KEY. */
  readonly intType: "integer" | "int";
  /**
   * The collation of id, SKU and facility columns: binary (so-1 is not SO-1, SO-É1 is not SO-E1) and
   * NO PAD ("SO-C1 " is not SO-C1), whatever the server's or the database's default. Null on
   * SQLite, which compares text byte for byte already.
   */
  readonly keyCollation: string | null;
  /** True when the driver can run a server-side prepared statement outside a transaction. */
  readonly prepares: boolean;
  /** `INSERT ... VALUES ... ON <clash> UPDATE` of `update` columns from the inserted row, when `key` clashes. */
  upsert(table: string, columns: readonly string[], rows: number, key: readonly string[], update: readonly string[]): string;
  /**
   * `UPDATE table AS alias` joined to `rows` literal rows of `columns`, derived table `v` (one `?` per
   * value, row after row): `on` matches a row of `v` to the row it changes; `set` and `where` may
   * name both. A per-row value without a CASE branch per row, and the rows are visited in `v`'s order.
   */
  updateJoiningRows(table: string, alias: string, columns: readonly string[], rows: number, on: string, set: string, where: string): string;
  /** A unique or primary key refused the row. */
  isDuplicateKey(error: unknown): boolean;
  /**
   * The whole transaction is safe to run again: a deadlock, which on a Galera cluster is also
   * how a transaction that lost certification to another node's commit fails.
   */
  isRetryable(error: unknown): boolean;
  /** A statement ran past its time limit or waited past the lock-wait limit (the statement was undone). */
  isTimeout(error: unknown): boolean;
  /** The session settings that put these limits on a connection (none where the database has no such limit). */
  sessionLimits(statementMs: number, lockWaitSeconds: number): string | undefined;
}

const driverCode = (error: unknown): string | undefined =>
  (error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;

const driverErrno = (error: unknown): number | undefined =>
  (error as { driverError?: { errno?: number } })?.driverError?.errno ?? (error as { errno?: number })?.errno;

/** `rows` literal rows of `columns` as one SELECT of UNION ALLs (MySQL and MariaDB alike name its columns by the first). */
const unionRows = (columns: readonly string[], rows: number): string =>
  [`SELECT ${columns.map((c) => `? AS ${c}`).join(", ")}`, ...Array.from({ length: rows - 1 }, () => `SELECT ${placeholderList(columns.length)}`)].join(" UNION ALL ");

const placeholderList = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

const valuesRows = (columns: readonly string[], rows: number): string => {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return Array.from({ length: rows }, () => row).join(", ");
};

export const sqliteDialect: Dialect = Object.freeze({
  name: "sqlite",
  flavor: "sqlite",
  forUpdate: "",
  forUpdateSkipLocked: "",
  intType: "integer",
  keyCollation: null,
  prepares: false,
  upsert: (table: string, columns: readonly string[], rows: number, key: readonly string[], update: readonly string[]) =>
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valuesRows(columns, rows)} ` +
    `ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(", ")}`,
  // A VALUES list (no compound-SELECT limit) renamed; UPDATE ... FROM, whose SET names bare columns.
  updateJoiningRows: (table: string, alias: string, columns: readonly string[], rows: number, on: string, set: string, where: string) =>
    `UPDATE ${table} AS ${alias} SET ${set} FROM (SELECT ${columns.map((c, i) => `column${i + 1} AS ${c}`).join(", ")} FROM (VALUES ${valuesRows(columns, rows)})) AS v ` +
    `WHERE ${on} AND ${where}`,
  isDuplicateKey: (error: unknown) => ["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"].includes(driverCode(error) ?? ""),
  isRetryable: () => false,
  // One process, one connection, one queue: nothing waits on another writer.
  isTimeout: () => false,
  sessionLimits: () => undefined,
});

/** ER_LOCK_WAIT_TIMEOUT, MariaDB's max_statement_time exceeded, MySQL's MAX_EXECUTION_TIME exceeded. */
const TIMEOUT_ERRNOS = new Set([1205, 1969, 3024]);

const mysqlFamily = {
  name: "mysql" as const,
  forUpdate: " FOR UPDATE",
  forUpdateSkipLocked: " FOR UPDATE SKIP LOCKED",
  intType: "int" as const,
  prepares: true,
  upsert: (table: string, columns: readonly string[], rows: number, _key: readonly string[], update: readonly string[]) =>
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valuesRows(columns, rows)} ` +
    `ON DUPLICATE KEY UPDATE ${update.map((c) => `${c} = VALUES(${c})`).join(", ")}`,
  updateJoiningRows: (table: string, alias: string, columns: readonly string[], rows: number, on: string, set: string, where: string) =>
    `UPDATE ${table} ${alias} JOIN (${unionRows(columns, rows)}) v ON ${on} SET ${set} WHERE ${where}`,
  isDuplicateKey: (error: unknown) => driverCode(error) === "ER_DUP_ENTRY",
  // A lock wait that ran out is a TIMEOUT, not a retry: retrying would multiply the wait.
  isRetryable: (error: unknown) => driverErrno(error) === 1213,
  isTimeout: (error: unknown) => TIMEOUT_ERRNOS.has(driverErrno(error) ?? 0),
};

/** MariaDB: max_statement_time (seconds) limits every statement, lock waits included. */
export const mariadbDialect: Dialect = Object.freeze({
  ...mysqlFamily,
  flavor: "mariadb",
  keyCollation: "utf8mb4_nopad_bin",
  sessionLimits: (statementMs: number, lockWaitSeconds: number) =>
    `SET SESSION max_statement_time = ${(statementMs / 1000).toFixed(3)}, innodb_lock_wait_timeout = ${lockWaitSeconds}`,
});

/** MySQL: MAX_EXECUTION_TIME (ms) limits read-only SELECTs only; writes are bounded by the lock wait. */
export const mysqlDialect: Dialect = Object.freeze({
  ...mysqlFamily,
  flavor: "mysql",
  keyCollation: "utf8mb4_0900_bin",
  sessionLimits: (statementMs: number, lockWaitSeconds: number) =>
    `SET SESSION MAX_EXECUTION_TIME = ${Math.round(statementMs)}, innodb_lock_wait_timeout = ${lockWaitSeconds}`,
});

/** The dialect of a server flavor (Db.open asks the server which one it is). */
export const dialectFor = (flavor: Dialect["flavor"]): Dialect =>
  flavor === "sqlite" ? sqliteDialect : flavor === "mariadb" ? mariadbDialect : mysqlDialect;

const chosen = new WeakMap<DataSource, Dialect>();

/** The dialect of a DataSource (or of the one a manager or query runner belongs to), decided once. */
export function dialectOf(source: DataSource | EntityManager | { connection: DataSource }): Dialect {
  const dataSource = source instanceof DataSource ? source : source.connection;
  let dialect = chosen.get(dataSource);
  if (!dialect) {
    const type = dataSource.options.type;
    dialect = dialectFor(type === "better-sqlite3" ? "sqlite" : type === "mariadb" ? "mariadb" : "mysql");
    chosen.set(dataSource, dialect);
  }
  return dialect;
}
