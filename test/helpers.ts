import { createConnection } from "mysql2/promise";
import { Logger } from "typeorm";
import { App, AppOptions, createApp } from "../src/http/app";
import { createLogger } from "../src/api/request-log";
import { DatabaseConfig, parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { allocateSalesOrders, AllocationResult } from "../src/domain";

/** The database the suite runs on: TEST_DATABASE_URL, else DATABASE_URL, else SQLite in memory. */
export function testDatabaseConfig(): DatabaseConfig {
  return parseDatabaseUrl(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "sqlite::memory:");
}

export const onMySql = () => testDatabaseConfig().kind === "mysql";

const TABLES = ["allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product", "promise_date_change"];

/** Creates the MySQL database named in the URL when it does not exist yet (anew with `recreate`; `drop` only drops it). */
export async function ensureMySqlDatabase(url: string, { recreate = false, drop = false } = {}): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, "");
  parsed.pathname = "/";
  const connection = await createConnection(parsed.toString());
  try {
    if (recreate || drop) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    if (!drop) await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/** A migrated, empty database: a fresh SQLite one, or the MySQL test database emptied; `logger` sees every SQL statement. */
export async function openTestDb(logger?: Logger): Promise<Db> {
  const config = testDatabaseConfig();
  if (config.kind === "mysql") await ensureMySqlDatabase(config.url);
  const db = await Db.open(config, logger);
  if (config.kind === "mysql") await emptyTables(db);
  return db;
}

export async function emptyTables(db: Db): Promise<void> {
  const tables: string[] = await db.read(async (m) => (await m.query("SHOW TABLES")).map((r: Record<string, string>) => Object.values(r)[0]));
  await db.write(async (m) => {
    for (const table of tables) if (table !== "migrations") await m.query(`DELETE FROM ${table}`);
  });
}

/** Every row of every table, to compare before and after an operation that must change nothing. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await db.read((m) => m.query(`SELECT * FROM ${table} ORDER BY 1`));
  return out;
}

/** Keys every test server accepts. gql() sends the admin one unless a test passes its own Authorization. */
export const TEST_KEYS = { admin: "test-admin-key-0123456789abcdef", support: "test-support-key-0123456789abcdef" } as const;

/** Headers for calling as `role`; anonymous sends an empty Authorization, which gql() leaves out. */
export const as = (role: "admin" | "support" | "anonymous"): Record<string, string> => ({ authorization: role === "anonymous" ? "" : `Bearer ${TEST_KEYS[role]}` });

export interface TestServer {
  db: Db;
  app: App;
  url: string;
  /**
   * POSTs one operation as JSON. Sends `Authorization: Bearer <admin test key>` unless `headers`
   * has an authorization header of its own (empty = send none, i.e. call anonymously; see `as`).
   */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: any[]; status: number; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * A real Apollo server on a random port over a fresh test database, with the TEST_KEYS (admin
 * unnamed, so the actor is "admin"; support unnamed). Logs are silent unless TEST_LOG_LEVEL is set.
 */
export async function startTestServer(db?: Db, options: AppOptions = {}): Promise<TestServer> {
  const database = db ?? (await openTestDb());
  const app = await createApp(database, {
    keys: [{ name: "admin", role: "admin", key: TEST_KEYS.admin }, { name: "support", role: "support", key: TEST_KEYS.support }],
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    ...options,
  });
  const url = await app.listen(0);
  return {
    db: database,
    app,
    url,
    async gql(query, variables, headers = {}) {
      const own = Object.keys(headers).find((name) => name.toLowerCase() === "authorization");
      const sent: Record<string, string> = own === undefined ? { ...headers, authorization: `Bearer ${TEST_KEYS.admin}` } : { ...headers };
      if (own !== undefined && !headers[own]) delete sent[own];
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...sent },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      return { ...body, status: response.status, headers: response.headers };
    },
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

/** Asserts a GraphQL response failed with this code and returns the first error. */
export function errorCode(response: { errors?: any[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** Allocate Sales Orders in a unit of work of its own, as the API runs it (a dry run is rolled back). */
export function runAllocation(db: Db, purchaseOrderId: string, actor: string | null, dryRun = false): Promise<AllocationResult> {
  return db.write((m) => allocateSalesOrders(m, purchaseOrderId, actor, dryRun), { rollback: dryRun });
}
