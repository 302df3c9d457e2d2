import "reflect-metadata";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createApp } from "./app";
import { createLogger } from "./api/request-log";
import { NamedKey, generateKey } from "./auth/keys";
import { loadConfig } from "./config";
import { Db } from "./domain/db";
import { loadDemoCatalog } from "./domain/demo-catalog";

/** Starts the database, the demo catalog when due, and the HTTP server; stops cleanly on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { database } = config;
  const brandNew = database.kind === "sqlite" && database.url !== ":memory:" && !existsSync(database.url);
  if (brandNew) mkdirSync(dirname(database.url), { recursive: true });
  const db = await Db.open(database);
  if (config.demoData === "auto" && database.embedded && brandNew) {
    await loadDemoCatalog(db);
    logger.info("Loaded the demo catalog (PO-DEMO-1 with pre-orders waiting for it).");
  }
  // loadConfig has already refused to start a production server without an admin key.
  const generated = config.keys.some((k) => k.role === "admin") ? undefined : generateKey();
  const keys: NamedKey[] = generated ? [...config.keys, { name: "admin", role: "admin", key: generated }] : config.keys;
  const app = await createApp(db, { keys, limits: config.limits, introspection: config.introspection, landingPage: config.landingPage, logger });
  const url = await app.listen(config.port);
  logger.info({ url, health: url.replace(/graphql$/, "healthz"), database: database.display }, `Pre-order allocation API ready at ${url}`);
  const named = (role: string) => config.keys.filter((k) => k.role === role).map((k) => k.name);
  logger.info({ adminKeys: generated ? ["admin (generated)"] : named("admin"), supportKeys: named("support"), introspection: config.introspection },
    "Authentication: send Authorization: Bearer <key>. Admin keys may do everything, support keys every query, no key only productPromise(s).");
  if (generated) {
    // Printed once on the console, not through the logger: log lines never carry keys.
    process.stdout.write(`\nNo ADMIN_API_KEY is set, so this run generated one (it changes at every start):\n  Authorization: Bearer ${generated}\n` +
      "Set ADMIN_API_KEY (or ADMIN_API_KEYS=name:key,...) to keep one; NODE_ENV=production refuses to start without it.\n\n");
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then closing the database`);
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  // Before the logger exists (bad configuration) or after it failed: a plain message, no stack.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
