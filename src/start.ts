import { Logger, createLogger } from "./api/request-log";
import { NamedKey, generateKey } from "./auth/keys";
import { Config } from "./config";
import { Db } from "./db";
import { loadDemoCatalog } from "./domain";
import { App, createApp } from "./http/app";

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
export async function startService(config: Config, logger: Logger = createLogger(config.logLevel), print = (text: string) => void process.stdout.write(text)): Promise<Service> {
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
    promiseCacheMaxAge: config.promiseCacheMaxAge,
  });
  const url = await app.listen(config.port);
  const page = (path: string) => url.replace(/graphql$/, path);
  logger.info({ url, health: page("healthz"), database: database.display, ...(database.readDisplay ? { readDatabase: database.readDisplay } : {}) },
    `Pre-order allocation API ready at ${url}`);
  logger.info({ console: page("admin"), graphiql: config.graphiql ? page("graphiql") : "off (GRAPHIQL=on serves it)" }, `Console: ${page("admin")}`);
  const named = (role: string) => config.keys.filter((k) => k.role === role).map((k) => k.name);
  logger.info({ adminKeys: generated ? ["admin (generated)"] : named("admin"), supportKeys: named("support"), introspection: config.introspection },
    "Authentication: send Authorization: Bearer <key>. Admin keys may do everything, support keys every query, no key only productPromise(s).");
  if (generated) {
    print(`\nNo ADMIN_API_KEY is set, so this run generated one (it changes at every start):\n  Authorization: Bearer ${generated}\n` +
      "Set ADMIN_API_KEY (or ADMIN_API_KEYS=name:key,...) to keep one; NODE_ENV=production refuses to start without it.\n\n");
  }
  return {
    app, db, url, demoLoaded, generatedAdminKey: generated,
    async stop() {
      await app.stop();
      logger.info({ databaseStats: db.stats }, "What this process's units of work ran into: retries by cause, CONFLICT and TIMEOUT answers");
      await db.close();
    },
  };
}
