import "reflect-metadata";
import { DataSource } from "typeorm";
import { parseDatabaseUrl } from "./src/config";
import { dataSourceOptions } from "./src/db/data-source";

/** The DataSource for TypeORM's CLI: the database DATABASE_URL names (src/db/data-source.ts). */
export default new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL)));
