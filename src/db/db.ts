import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource, EntityManager, Logger } from "typeorm";
import { DatabaseConfig } from "../config";
import { DomainError, RetryableConflict } from "../errors";
import { dataSourceOptions } from "./data-source";
import { Dialect, dialectOf } from "./dialect";

export type Work<T> = (manager: EntityManager) => Promise<T>;

/** How a unit of work ends besides committing. */
export interface WriteOptions<T> {
  /** Run everything, writes included, then roll back and return what the work returned: a dry run. */
  rollback?: boolean;
  /**
   * When a unique or primary key refuses a row (another request created it first), answer with
   * this read instead of DUPLICATE: e.g. the order a concurrent import of the same id stored.
   */
  onDuplicate?: Work<T>;
}

const MAX_ATTEMPTS = 6;

/** Carries a dry run's result out of the transaction it rolls back. */
class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

/**
 * The database and the only ways to use it: `read`, and `write` — one unit of work, opened here
 * at the edge and handed to the domain as an EntityManager; domain code never opens one itself.
 *
 * - MySQL/MariaDB: every `write` is one READ COMMITTED transaction; correctness comes from row
 *   locks, guarded updates and CHECK constraints, so any number of servers may share the
 *   database. Deadlocks, lock-wait timeouts and lost guarded updates retry the whole unit a
 *   bounded number of times, then fail with CONFLICT.
 * - SQLite: TypeORM's driver shares one connection, so two interleaved transactions would
 *   corrupt each other. Every read and write goes through one in-process queue; SQLite is
 *   single-process by nature, so this queue is the whole story there.
 * - A unique or primary key clash anywhere in a unit of work is DUPLICATE (or the unit's own
 *   `onDuplicate` answer), never an internal error.
 */
export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  readonly dialect: Dialect;

  private constructor(readonly dataSource: DataSource, readonly brandNew: boolean) {
    this.dialect = dialectOf(dataSource);
  }

  /**
   * Opens and migrates the database. `brandNew` is true when this open created the embedded
   * SQLite file. On MySQL several servers may start at once against a new database: one
   * migrates while the others wait on a named lock, then find nothing left to do.
   */
  static async open(config: DatabaseConfig, logger?: Logger): Promise<Db> {
    if (config.kind !== "mysql") {
      const file = config.url !== ":memory:";
      const brandNew = file && !existsSync(config.url);
      if (brandNew) mkdirSync(dirname(config.url), { recursive: true });
      const dataSource = await new DataSource(dataSourceOptions(config, logger)).initialize();
      const db = new Db(dataSource, brandNew);
      await db.serial(() => dataSource.runMigrations({ transaction: "each" }));
      return db;
    }
    const control = await createConnection(config.url);
    try {
      const [rows] = await control.query("SELECT VERSION() AS v, GET_LOCK('oms_schema_migrations', 120) AS locked");
      const [{ v, locked }] = rows as { v: string; locked: number | null }[];
      if (Number(locked) !== 1) throw new Error("Timed out waiting for another server to finish migrating the database");
      const flavor = /mariadb/i.test(v) ? "mariadb" : "mysql";
      const dataSource = await new DataSource(dataSourceOptions(config, logger, flavor)).initialize();
      await dataSource.runMigrations({ transaction: "each" });
      return new Db(dataSource, false);
    } finally {
      await control.end();
    }
  }

  /** A read outside any transaction (on SQLite it waits its turn in the queue). */
  read<T>(work: Work<T>): Promise<T> {
    return this.dialect.name === "mysql" ? work(this.dataSource.manager) : this.serial(() => work(this.dataSource.manager));
  }

  /** One unit of work: all of it commits, or none of it does (see WriteOptions for dry runs and duplicates). */
  async write<T>(work: Work<T>, options: WriteOptions<T> = {}): Promise<T> {
    const unit: Work<T> = options.rollback
      ? async (manager) => { throw new Rollback(await work(manager)); }
      : work;
    try {
      return await this.transaction(unit);
    } catch (error) {
      if (error instanceof Rollback) return error.result as T;
      if (!this.dialect.isDuplicateKey(error)) throw error;
      if (options.onDuplicate) return this.read(options.onDuplicate);
      throw new DomainError("DUPLICATE", "Another request created the same id at the same moment; nothing was written.");
    }
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private transaction<T>(work: Work<T>): Promise<T> {
    if (this.dialect.name !== "mysql") return this.serial(() => this.dataSource.transaction(work));
    return this.withRetries(() => this.dataSource.transaction("READ COMMITTED", work));
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
        if (!(error instanceof RetryableConflict) && !this.dialect.isRetryable(error)) throw error;
        if (tries >= MAX_ATTEMPTS) {
          throw new DomainError("CONFLICT", "The data changed under this operation too many times in a row; nothing was written. Try again.");
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
      }
    }
  }
}
