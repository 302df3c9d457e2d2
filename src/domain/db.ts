import { createConnection } from "mysql2/promise";
import { DataSource, EntityManager, Logger } from "typeorm";
import { dataSourceOptions } from "../../ormconfig";
import { DatabaseConfig } from "../config";
import { DomainError, RetryableConflict } from "./errors";

export type Work<T> = (manager: EntityManager) => Promise<T>;

/** MySQL/MariaDB errors after which the whole transaction is safe to run again. */
const RETRYABLE_MYSQL_ERRORS = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);
const MAX_ATTEMPTS = 6;

/**
 * The database and the only ways to use it: `read` and `write`.
 *
 * - MySQL/MariaDB: every `write` is one READ COMMITTED transaction; correctness comes from row
 *   locks, guarded updates and CHECK constraints, so any number of servers may share the
 *   database. Deadlocks, lock-wait timeouts and lost guarded updates retry the whole unit a
 *   bounded number of times, then fail with CONFLICT.
 * - SQLite: TypeORM's better-sqlite3 driver shares one connection, so two interleaved
 *   transactions would corrupt each other. Every read and write goes through one in-process
 *   queue; SQLite is single-process by nature, so this queue is the whole story there.
 */
export class Db {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly dataSource: DataSource, readonly kind: DatabaseConfig["kind"]) {}

  static async open(config: DatabaseConfig, logger?: Logger): Promise<Db> {
    if (config.kind !== "mysql") {
      const dataSource = await new DataSource(dataSourceOptions(config, logger)).initialize();
      const db = new Db(dataSource, config.kind);
      await db.serial(() => dataSource.runMigrations({ transaction: "each" }));
      return db;
    }
    // Several servers may start at once against a new database: one migrates while the
    // others wait on a named lock, then find nothing left to do.
    const control = await createConnection(config.url);
    try {
      const [rows] = await control.query("SELECT VERSION() AS v, GET_LOCK('oms_schema_migrations', 120) AS locked");
      const [{ v, locked }] = rows as { v: string; locked: number | null }[];
      if (Number(locked) !== 1) throw new Error("Timed out waiting for another server to finish migrating the database");
      // TypeORM reads MariaDB's catalog differently from MySQL's, so it must know which one it talks to.
      const flavor = /mariadb/i.test(v) ? "mariadb" : "mysql";
      const dataSource = await new DataSource(dataSourceOptions(config, logger, flavor)).initialize();
      await dataSource.runMigrations({ transaction: "each" });
      return new Db(dataSource, config.kind);
    } finally {
      await control.end();
    }
  }

  get isMySql(): boolean {
    return this.kind === "mysql";
  }

  /** A read outside any transaction (on SQLite it waits its turn in the queue). */
  read<T>(work: Work<T>): Promise<T> {
    return this.isMySql ? work(this.dataSource.manager) : this.serial(() => work(this.dataSource.manager));
  }

  /** One transaction: all of `work` commits, or none of it does. */
  write<T>(work: Work<T>): Promise<T> {
    if (!this.isMySql) return this.serial(() => this.dataSource.transaction(work));
    return this.withRetries(() => this.dataSource.transaction("READ COMMITTED", work));
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isRetryable(error)) throw error;
        if (tries >= MAX_ATTEMPTS) {
          throw new DomainError("CONFLICT", "The data changed under this operation too many times in a row; nothing was written. Try again.");
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
      }
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableConflict) return true;
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE_MYSQL_ERRORS.has(code);
}

/** True when a unique or primary key refused the row (MySQL or SQLite). */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
