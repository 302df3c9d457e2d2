import { DataSourceOptions, Logger } from "typeorm";
import { DatabaseConfig } from "../config";
import { entities } from "../entities";
import { migrations } from "../migrations";

/**
 * The DataSource options: embedded SQLite (better-sqlite3) by default, MySQL/MariaDB when
 * DATABASE_URL says so. TypeORM reads MariaDB's catalog differently from MySQL's, so `flavor`
 * says which one answered (Db.open asks the server).
 */
export function dataSourceOptions(db: DatabaseConfig, logger?: Logger, flavor: "mysql" | "mariadb" = "mysql"): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: false, synchronize: false, logger, logging: logger ? ["query" as const] : false };
  if (db.kind === "mysql") {
    return {
      ...common,
      type: flavor,
      url: db.url,
      timezone: "Z",
      dateStrings: false,
      supportBigNumbers: true,
      poolSize: 20,
      extra: { connectionLimit: 20, waitForConnections: true, maxIdle: 20 },
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
