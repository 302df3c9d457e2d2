import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { App, createApp } from "./app";
import { Config } from "./config";
import { Db } from "./domain/db";
import { loadDemoCatalog } from "./domain/demo-catalog";

export interface Service {
  app: App;
  db: Db;
  url: string;
  demoLoaded: boolean;
  stop(): Promise<void>;
}

/**
 * Opens (and migrates) the database, loads the demo catalog when due — only into a brand-new
 * embedded SQLite file, never into MySQL — and starts the HTTP server.
 */
export async function startService(config: Config, say: (line: string) => void = console.log): Promise<Service> {
  const { database } = config;
  const brandNew = database.kind === "sqlite" && database.url !== ":memory:" && !existsSync(database.url);
  if (brandNew) mkdirSync(dirname(database.url), { recursive: true });
  const db = await Db.open(database);
  const demoLoaded = config.demoData === "auto" && database.kind === "sqlite" && database.embedded && brandNew;
  if (demoLoaded) {
    await loadDemoCatalog(db);
    say("Loaded the demo catalog: PO-DEMO-1 has pre-orders waiting for it (try allocateSalesOrders).");
  }
  const app = await createApp(db, { introspection: !config.production || config.graphiql, graphiql: config.graphiql, promiseCacheMaxAge: config.promiseCacheMaxAge });
  const url = await app.listen(config.port);
  say(`Pre-order allocation API ready at ${url} (health: ${url.replace(/graphql$/, "healthz")})`);
  say(`Database: ${database.display}`);
  say(`Console: ${url.replace(/graphql$/, "admin")}${config.graphiql ? `; GraphiQL: ${url.replace(/graphql$/, "graphiql")}` : " (GraphiQL off: set GRAPHIQL=on to serve it)"}`);
  say("Authentication: not enforced yet; any Authorization header is accepted and ignored.");
  return {
    app, db, url, demoLoaded,
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}
