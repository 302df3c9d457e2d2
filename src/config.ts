/** The environment, read once and typed. Nothing else in the code reads process.env. */
export type DatabaseKind = "sqlite" | "mysql";

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** sqlite: a file path or ":memory:"; mysql: the full URL. */
  url: string;
  /** A printable description, never with a password. */
  display: string;
  /** True when the embedded SQLite file did not exist before this start. */
  embedded: boolean;
}

export interface Config {
  port: number;
  database: DatabaseConfig;
  demoData: "auto" | "off";
  production: boolean;
  /** Serve /graphiql (and the introspection its docs need): on by default, off in production unless GRAPHIQL=on. */
  graphiql: boolean;
  /** Seconds a CDN may cache an anonymous promise lookup (PROMISE_CACHE_MAX_AGE); 0 = never. */
  promiseCacheMaxAge: number;
}

export const DEFAULT_PROMISE_CACHE_MAX_AGE = 15;

export const DEFAULT_SQLITE_FILE = "data/oms.sqlite";

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = raw?.trim();
  if (!value) return { kind: "sqlite", url: DEFAULT_SQLITE_FILE, display: `SQLite file ${DEFAULT_SQLITE_FILE}`, embedded: true };
  if (value === "sqlite::memory:" || value === ":memory:") {
    return { kind: "sqlite", url: ":memory:", display: "SQLite in memory (throwaway)", embedded: false };
  }
  if (value.startsWith("sqlite:")) {
    const file = value.replace(/^sqlite:(\/\/)?/, "");
    return { kind: "sqlite", url: file, display: `SQLite file ${file}`, embedded: false };
  }
  if (/^(mysql|mariadb):\/\//.test(value)) {
    const url = new URL(value.replace(/^mariadb:/, "mysql:"));
    const display = `MySQL ${url.hostname}:${url.port || 3306}${url.pathname} as ${decodeURIComponent(url.username) || "(no user)"}`;
    return { kind: "mysql", url: url.toString(), display, embedded: false };
  }
  throw new Error(`DATABASE_URL must be sqlite::memory:, sqlite:<file> or mysql://user:pass@host:port/db (got a value starting "${value.slice(0, 8)}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const demo = (env.DEMO_DATA ?? "auto").toLowerCase();
  if (demo !== "auto" && demo !== "off") throw new Error(`DEMO_DATA must be auto or off, got "${env.DEMO_DATA}"`);
  const graphiql = (env.GRAPHIQL ?? "").toLowerCase();
  if (graphiql !== "" && graphiql !== "on" && graphiql !== "off") throw new Error(`GRAPHIQL must be on or off, got "${env.GRAPHIQL}"`);
  const promiseCacheMaxAge = Number(env.PROMISE_CACHE_MAX_AGE ?? DEFAULT_PROMISE_CACHE_MAX_AGE);
  if (!Number.isInteger(promiseCacheMaxAge) || promiseCacheMaxAge < 0) {
    throw new Error(`PROMISE_CACHE_MAX_AGE must be a whole number of seconds >= 0, got "${env.PROMISE_CACHE_MAX_AGE}"`);
  }
  return {
    port,
    database: parseDatabaseUrl(env.DATABASE_URL),
    demoData: demo,
    production: env.NODE_ENV === "production",
    graphiql: graphiql === "" ? env.NODE_ENV !== "production" : graphiql === "on",
    promiseCacheMaxAge,
  };
}
