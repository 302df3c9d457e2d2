import "reflect-metadata";
import { DataSource, DataSourceOptions, Logger } from "typeorm";
import { DatabaseConfig, parseDatabaseUrl } from "./src/config";
import { entities } from "./src/entities";
import { migrations } from "./src/migrations";

/** The DataSource: embedded SQLite by default, MySQL/MariaDB when DATABASE_URL says so. */
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
  return { ...common, type: "better-sqlite3", database: db.url, enableWAL: db.url !== ":memory:", prepareDatabase: (raw: any) => { raw.pragma("busy_timeout = 5000"); raw.pragma("cache_size = -65536"); } };
}

export default new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL)));
