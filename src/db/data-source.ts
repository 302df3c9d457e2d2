import * as mysql2 from "mysql2";
import { DataSourceOptions, Logger } from "typeorm";
import { DatabaseConfig } from "../config";
import { entities } from "../entities";
import { migrations } from "../migrations";

/** One pool of connections to a MySQL/MariaDB server: where, how many, and what each connection is told first. */
export interface PoolOptions {
  /** The server's URL; default the config's DATABASE_URL. */
  url?: string;
  /** Connections at most. */
  size?: number;
  /** A statement every new connection runs before any other (the session's time limits). */
  sessionSetup?: string;
}

/**
 * The DataSource options: embedded SQLite (better-sqlite3) by default, MySQL/MariaDB when
 * DATABASE_URL says so. TypeORM reads MariaDB's catalog differently from MySQL's, so `flavor`
 * says which one answered (Db.open asks the server). On MySQL/MariaDB each DataSource is one
 * pool (`pool`): Db keeps one for writes and one per read lane.
 */
export function dataSourceOptions(db: DatabaseConfig, logger?: Logger, flavor: "mysql" | "mariadb" = "mysql", pool: PoolOptions = {}): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: false, synchronize: false, logger, logging: logger ? ["query" as const] : false };
  if (db.kind === "mysql") {
    const size = pool.size ?? 20;
    return {
      ...common,
      type: flavor,
      url: pool.url ?? db.url,
      timezone: "Z",
      dateStrings: false,
      supportBigNumbers: true,
      poolSize: size,
      connectorPackage: "mysql2",
      driver: pool.sessionSetup ? mysql2WithSessionSetup(pool.sessionSetup) : mysql2,
      extra: { connectionLimit: size, waitForConnections: true, maxIdle: size, connectTimeout: 5000 },
    };
  }
  return {
    ...common,
    type: "better-sqlite3",
    database: db.url,
    enableWAL: db.url !== ":memory:",
    prepareDatabase: (raw: { pragma(text: string): unknown }) => {
      raw.pragma("busy_timeout = 5000");
      raw.pragma("cache_size = -65536");
    },
  };
}

interface SetupConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
  destroy(): void;
}

/**
 * mysql2 whose pools run `sql` on every new connection before handing it out (the pool emits
 * "connection" before the first caller gets it, and a connection runs its statements in order).
 * A connection that cannot take the setup is closed, so nothing ever runs without its limits.
 */
function mysql2WithSessionSetup(sql: string): typeof mysql2 {
  return {
    ...mysql2,
    createPool: ((options: mysql2.PoolOptions) => {
      const pool = mysql2.createPool(options);
      pool.on("connection", (connection) => {
        const c = connection as unknown as SetupConnection;
        c.query(sql, (error) => { if (error) c.destroy(); });
      });
      return pool;
    }) as typeof mysql2.createPool,
  };
}
