/**
 * `npm run purge-worker`: the purge worker as a process of its own (README "Storefront at internet
 * scale"). Run as many as you like, on as many machines: they share the outbox through row locks.
 * Needs a MySQL/MariaDB DATABASE_URL and PURGE_CACHE_URLS; on SQLite the server runs the worker
 * itself. Stops on SIGTERM or SIGINT after the batch under way.
 */
import "reflect-metadata";
import pino from "pino";
import { loadConfig } from "../src/config";
import { Db } from "../src/db";
import { PurgeWorker } from "../src/edge/purge-worker";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { component: "purge-worker" } });
  if (config.database.kind !== "mysql") {
    throw new Error("npm run purge-worker needs a mysql:// DATABASE_URL; on SQLite the server runs the purge worker itself (set PURGE_CACHE_URLS for it)");
  }
  if (config.edge.purgeUrls.length === 0) throw new Error("npm run purge-worker needs PURGE_CACHE_URLS: the caches to purge");
  const db = await Db.open(config.database);
  const worker = new PurgeWorker(db, config.edge, logger);
  worker.start();
  logger.info({ caches: config.edge.purgeUrls, database: config.database.display, pid: process.pid }, "Purge worker running");
  const stop = async () => {
    await worker.stop();
    await db.close();
    logger.info("Purge worker stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error) => {
  console.error(`purge-worker: ${(error as Error).message}`);
  process.exit(1);
});
