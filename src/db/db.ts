import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource, EntityManager, Logger } from "typeorm";
import { DEFAULT_DATABASE_LIMITS, DatabaseConfig, DatabaseLimits } from "../config";
import { DomainError, RetryableConflict } from "../errors";
import { dataSourceOptions } from "./data-source";
import { Dialect, dialectFor, dialectOf } from "./dialect";
import { Gate } from "./gate";
import { withSchemaLock } from "./schema-lock";

export type Work<T> = (manager: EntityManager) => Promise<T>;

/** How a unit of work ends besides committing, and which lane it takes. */
export interface WriteOptions<T> {
  /** Run everything, writes included, then roll back and return what the work returned: a dry run. */
  rollback?: boolean;
  /**
   * When a unique or primary key refuses a row (another request created it first), answer with
   * this read instead of DUPLICATE: e.g. the order a concurrent import of the same id stored.
   */
  onDuplicate?: Work<T>;
  /**
   * When a unique or primary key refuses a row (or the work itself answers DUPLICATE, having read
   * the row another request just committed), run the whole unit once more: it then sees the row
   * that clashed and answers as a later request would (a CSV upload lists the id as taken).
   */
  rerunOnDuplicate?: boolean;
  /**
   * A bulk write that holds its locks for long (Allocate Sales Orders): at most
   * DB_MAX_HEAVY_WRITES of them run at once per server, so they cannot take every connection.
   */
  heavy?: boolean;
}

/**
 * Who is asking, which decides where reads go. Writes always go to the primary.
 * - `admin`: the primary, so an admin reads what it just wrote;
 * - `support`: the support read pool (DATABASE_READ_URL when set), never behind writes;
 * - `storefront`: the anonymous lookups' own read pool (DATABASE_READ_URL when set).
 */
export type Lane = "admin" | "support" | "storefront";

/** What a request may do with the database: read on its lane, write on the primary. */
export interface Database {
  readonly dialect: Dialect;
  read<T>(work: Work<T>): Promise<T>;
  write<T>(work: Work<T>, options?: WriteOptions<T>): Promise<T>;
}

/** Attempts of a unit of work before CONFLICT; on a cluster, certification failures need a few. */
const MAX_ATTEMPTS = 10;

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
 *   database (or a Galera cluster). Deadlocks (and lost certifications) and lost guarded updates
 *   retry the whole unit a bounded number of times, then fail with CONFLICT. Every connection
 *   carries a statement time limit and a lock-wait limit: past either, TIMEOUT, nothing written.
 * - Lanes: writes and admin reads use the primary pool; support reads and the storefront's
 *   anonymous lookups each have a pool of their own (on DATABASE_READ_URL when set), so neither
 *   waits for a connection behind writes; heavy writes are few at a time.
 * - SQLite: TypeORM's driver shares one connection, so two interleaved transactions would
 *   corrupt each other. Every read and write goes through one in-process queue; SQLite is
 *   single-process by nature, so this queue is the whole story there (lanes are one lane).
 * - A unique or primary key clash anywhere in a unit of work is DUPLICATE (or the unit's own
 *   `onDuplicate` answer), never an internal error.
 */
export class Db implements Database {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly heavyWrites: Gate;
  readonly dialect: Dialect;
  /** What this process's units of work ran into: retries by cause, and how many ended in CONFLICT or TIMEOUT. */
  readonly stats = { deadlockRetries: 0, changedRetries: 0, conflicts: 0, timeouts: 0 };

  private constructor(
    readonly dataSource: DataSource,
    private readonly readers: Readonly<Record<Exclude<Lane, "admin">, DataSource>>,
    readonly limits: DatabaseLimits,
    readonly brandNew: boolean,
  ) {
    this.dialect = dialectOf(dataSource);
    this.heavyWrites = new Gate(limits.heavyWrites);
  }

  /**
   * Opens and migrates the database. `brandNew` is true when this open created the embedded
   * SQLite file. On MySQL several servers may start at once against a new database (on one
   * server or on several nodes of a cluster): one migrates while the others wait for the schema
   * lock (src/db/schema-lock.ts), then find nothing left to do. Migrations run on a connection
   * of their own without the statement limit (an index on a large table takes a while).
   */
  static async open(config: DatabaseConfig, logger?: Logger): Promise<Db> {
    const limits: DatabaseLimits = { ...DEFAULT_DATABASE_LIMITS, ...config.limits };
    if (config.kind !== "mysql") {
      const file = config.url !== ":memory:";
      const brandNew = file && !existsSync(config.url);
      if (brandNew) mkdirSync(dirname(config.url), { recursive: true });
      const dataSource = await new DataSource(dataSourceOptions(config, logger)).initialize();
      const db = new Db(dataSource, { support: dataSource, storefront: dataSource }, limits, brandNew);
      await db.serial(() => dataSource.runMigrations({ transaction: "each" }));
      return db;
    }
    const control = await createConnection(config.url);
    let flavor: "mariadb" | "mysql";
    try {
      const [rows] = await control.query("SELECT VERSION() AS v");
      flavor = /mariadb/i.test((rows as { v: string }[])[0].v) ? "mariadb" : "mysql";
      await withSchemaLock(control, async () => {
        const migrator = await new DataSource(dataSourceOptions(config, logger, flavor, { size: 1 })).initialize();
        try {
          await migrator.runMigrations({ transaction: "each" });
        } finally {
          await migrator.destroy();
        }
      });
    } finally {
      await control.end();
    }
    const setup = dialectFor(flavor).sessionLimits;
    const pool = (url: string | undefined, size: number, statementMs: number) =>
      new DataSource(dataSourceOptions(config, logger, flavor, { url, size, sessionSetup: setup(statementMs, limits.lockWaitSeconds) })).initialize();
    const reader = () => pool(config.readUrl, limits.readPoolSize, limits.readStatementMs).catch((error: Error) => {
      throw config.readUrl ? new Error(`The read database (${config.readDisplay ?? "DATABASE_READ_URL"}) cannot be used: ${error.message}`) : error;
    });
    const opened = await Promise.allSettled([pool(config.url, limits.poolSize, limits.statementMs), reader(), reader()]);
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) {
      for (const o of opened) if (o.status === "fulfilled") await o.value.destroy();
      throw failed.reason;
    }
    const [primary, support, storefront] = opened.map((o) => (o as PromiseFulfilledResult<DataSource>).value);
    return new Db(primary, { support, storefront }, limits, false);
  }

  /** A read outside any transaction, on the primary (on SQLite it waits its turn in the queue). */
  read<T>(work: Work<T>): Promise<T> {
    return this.readOn(this.dataSource, work);
  }

  /** The database as one lane sees it: reads on the lane's pool, writes on the primary. */
  lane(lane: Lane): Database {
    if (lane === "admin") return this;
    const source = this.readers[lane];
    return { dialect: this.dialect, read: (work) => this.readOn(source, work), write: (work, options) => this.write(work, options) };
  }

  /** One unit of work: all of it commits, or none of it does (see WriteOptions for dry runs, duplicates and heavy writes). */
  async write<T>(work: Work<T>, options: WriteOptions<T> = {}): Promise<T> {
    const unit: Work<T> = options.rollback
      ? async (manager) => { throw new Rollback(await work(manager)); }
      : work;
    const release = options.heavy ? await this.heavyWrites.enter(this.limits.lockWaitSeconds * 1000) : undefined;
    if (options.heavy && !release) {
      throw this.timedOut(`${this.limits.heavyWrites} heavy writes (Allocate Sales Orders) are already running on this server and none finished within ` +
        `${this.limits.lockWaitSeconds} s; nothing was written. Try again.`);
    }
    try {
      // A rerun on a duplicate (rerunOnDuplicate) keeps this call's heavy-write slot: it never waits for a second one.
      for (let reruns = options.rerunOnDuplicate ? 1 : 0; ; reruns--) {
        try {
          return await this.transaction(unit);
        } catch (error) {
          if (error instanceof Rollback) return error.result as T;
          if (this.dialect.isTimeout(error)) throw this.timedOut();
          // A clash the work itself found (it read the row another request had just committed) reruns too.
          const foundByWork = error instanceof DomainError && error.code === "DUPLICATE";
          if (reruns > 0 && (foundByWork || this.dialect.isDuplicateKey(error))) continue;
          if (!this.dialect.isDuplicateKey(error)) throw error;
          if (options.onDuplicate) return this.read(options.onDuplicate);
          throw new DomainError("DUPLICATE", "Another request created the same id at the same moment; nothing was written.");
        }
      }
    } finally {
      release?.();
    }
  }

  /**
   * Whether the database answers, within HEALTH_TIMEOUT_MS whatever it is doing: asked on the
   * storefront's pool (never behind writes); false when it fails or has not answered by then.
   */
  async health(): Promise<boolean> {
    const source = this.readers.storefront;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), this.limits.healthMs); });
    // On SQLite a constant select is safe beside a running transaction (one in-process connection).
    const answered = source.query("SELECT 1").then(() => true, () => false);
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    for (const source of new Set([this.dataSource, ...Object.values(this.readers)])) {
      if (source.isInitialized) await source.destroy();
    }
  }

  private timedOut(message = "The database did not finish in time (a statement or a lock wait ran past its limit); nothing was written. Try again."): DomainError {
    this.stats.timeouts++;
    return new DomainError("TIMEOUT", message);
  }

  private async readOn<T>(source: DataSource, work: Work<T>): Promise<T> {
    if (this.dialect.name !== "mysql") return this.serial(() => work(source.manager));
    try {
      return await work(source.manager);
    } catch (error) {
      throw this.dialect.isTimeout(error) ? this.timedOut() : error;
    }
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

  /** Retries with a random wait that grows with each try ("full jitter"), so clashing writers spread out. */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        const changed = error instanceof RetryableConflict;
        if (!changed && !this.dialect.isRetryable(error)) throw error;
        if (tries >= MAX_ATTEMPTS) {
          this.stats.conflicts++;
          throw new DomainError("CONFLICT", "The data changed under this operation too many times in a row; nothing was written. Try again.");
        }
        this.stats[changed ? "changedRetries" : "deadlockRetries"]++;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** tries)));
      }
    }
  }
}
