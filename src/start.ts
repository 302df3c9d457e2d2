import { readFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { Logger, createLogger } from "./api/request-log";
import { NamedKey, generateKey } from "./auth/keys";
import { Config } from "./config";
import { Db } from "./db";
import { loadDemoCatalog } from "./domain";
import { PurgeWorker } from "./edge/purge-worker";
import { App, createApp } from "./http/app";
import { projectRoot } from "./http/static";

/** The service's version (package.json), printed at start-up. */
export const SERVICE_VERSION: string = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")).version;

/**
 * Lines in a box, printed once on stdout after the JSON log lines of start-up, so that a person
 * starting the server sees where to go and the generated key at a glance. The key never goes
 * into the JSON log.
 */
function banner(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const row = (l: string) => `  │ ${l.padEnd(width)} │`;
  return ["", `  ┌${"─".repeat(width + 2)}┐`, ...lines.map(row), `  └${"─".repeat(width + 2)}┘`, "", ""].join("\n");
}

/** Writes to the log's own stream (stdout): pino writes asynchronously, so this keeps the text after the lines logged before it. */
function printAfterLogs(logger: Logger, text: string): void {
  const stream = (logger as unknown as Record<symbol, { write(text: string): void } | undefined>)[pino.symbols.streamSym];
  if (stream) stream.write(text);
  else process.stdout.write(text);
}

export interface Service {
  app: App;
  db: Db;
  url: string;
  demoLoaded: boolean;
  /** The admin key made up at start-up when none was configured (printed once), else undefined. */
  generatedAdminKey?: string;
  stop(): Promise<void>;
}

/**
 * Opens (and migrates) the database, loads the demo catalog when due — only into a brand-new
 * embedded SQLite file, never into MySQL — and starts the HTTP server. Without a configured
 * admin key it makes one up and prints it once on stdout (log lines never carry keys);
 * loadConfig has already refused that in production.
 */
export async function startService(config: Config, logger: Logger = createLogger(config.logLevel), print = (text: string) => printAfterLogs(logger, text)): Promise<Service> {
  const { database } = config;
  const db = await Db.open(database);
  const demoLoaded = config.demoData === "auto" && database.embedded && db.brandNew;
  if (demoLoaded) {
    await db.write((m) => loadDemoCatalog(m));
    logger.info("Loaded the demo catalog: PO-DEMO-1 has pre-orders waiting for it (try allocateSalesOrders).");
  }
  const generated = config.keys.some((k) => k.role === "admin") ? undefined : generateKey();
  const keys: NamedKey[] = generated ? [...config.keys, { name: "admin", role: "admin", key: generated }] : config.keys;
  const app = await createApp(db, {
    keys, limits: config.limits, logger,
    introspection: config.introspection || config.graphiql, landingPage: config.landingPage, graphiql: config.graphiql,
    promiseCacheMaxAge: config.promiseCacheMaxAge, edge: config.edge, storefrontPlans: config.storefrontPlans,
  });
  const url = await app.listen(config.port);
  // On SQLite only this process may write, so it runs the purge worker itself (npm run purge-worker is for MySQL/MariaDB).
  const purgeWorker = database.kind === "sqlite" && config.edge.purgeUrls.length > 0
    ? new PurgeWorker(db, config.edge, logger.child({ component: "purge-worker" })) : undefined;
  purgeWorker?.start();
  if (purgeWorker) logger.info({ caches: config.edge.purgeUrls }, "Purge worker running in this process (SQLite)");
  const page = (path: string) => url.replace(/graphql$/, path);
  logger.info({ url, health: page("healthz"), database: database.display, ...(database.readDisplay ? { readDatabase: database.readDisplay } : {}) },
    `Pre-order allocation API ready at ${url}`);
  logger.info({ console: page("admin"), graphiql: config.graphiql ? page("graphiql") : "off (GRAPHIQL=on serves it)" }, `Console: ${page("admin")}`);
  const named = (role: string) => config.keys.filter((k) => k.role === role).map((k) => k.name);
  logger.info({ adminKeys: generated ? ["admin (generated)"] : named("admin"), supportKeys: named("support"), introspection: config.introspection },
    "Authentication: send Authorization: Bearer <key>. Admin keys may do everything, support keys every query, no key only productPromise(s).");
  print(banner([
    `Pre-order allocation API ${SERVICE_VERSION} is ready: ${url}`,
    `Console:  ${page("admin")}`,
    ...(config.graphiql ? [`GraphiQL: ${page("graphiql")}`] : []),
    ...(demoLoaded ? ["Demo catalog loaded: open PO-DEMO-1 in the console (npm run demo:reset starts it over)"] : []),
    ...(generated ? [
      "",
      "No ADMIN_API_KEY is set, so this run generated an admin key (it changes at every start):",
      `    ${generated}`,
      "Paste it into the console, or send it as  Authorization: Bearer <key>",
      "Keep one key: ADMIN_API_KEY=<a long secret> npm start",
    ] : []),
  ]));
  return {
    app, db, url, demoLoaded, generatedAdminKey: generated,
    async stop() {
      await purgeWorker?.stop();
      await app.stop();
      logger.info({ databaseStats: db.stats }, "What this process's units of work ran into: retries by cause, CONFLICT and TIMEOUT answers");
      await db.close();
    },
  };
}
