import "reflect-metadata";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createApp } from "./app";
import { loadConfig } from "./config";
import { Db } from "./domain/db";
import { loadDemoCatalog } from "./domain/demo-catalog";

/** Starts the database, the demo catalog when due, and the HTTP server; stops cleanly on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { database } = config;
  const brandNew = database.kind === "sqlite" && database.url !== ":memory:" && !existsSync(database.url);
  if (brandNew) mkdirSync(dirname(database.url), { recursive: true });
  const db = await Db.open(database);
  if (config.demoData === "auto" && database.embedded && brandNew) {
    await loadDemoCatalog(db);
    console.log("Loaded the demo catalog (PO-DEMO-1 with pre-orders waiting for it).");
  }
  const app = await createApp(db, { introspection: !config.production, promiseCacheMaxAge: config.promiseCacheMaxAge });
  const url = await app.listen(config.port);
  console.log(`Pre-order allocation API ready at ${url} (health: ${url.replace(/graphql$/, "healthz")})`);
  console.log(`Database: ${database.display}`);
  console.log("Authentication: not enforced yet; any Authorization header is accepted and ignored.");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
