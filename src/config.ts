/** The environment, read once and typed. Nothing else in the code reads process.env. */
import { MIN_PRODUCTION_KEY_LENGTH, NamedKey, parseKeys } from "./auth/keys";

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
  /** Admin and support keys from ADMIN_API_KEY(S) / SUPPORT_API_KEY(S); empty admin list = generate one at start-up. */
  keys: NamedKey[];
  limits: Limits;
  /** GRAPHQL_INTROSPECTION: default on outside production. Even when on, it needs a support or admin key. */
  introspection: boolean;
  /** GRAPHQL_LANDING_PAGE: send browsers on GET /graphql to GraphiQL; default on outside production. */
  landingPage: boolean;
  /** LOG_LEVEL: pino level (fatal, error, warn, info, debug, trace, silent); default info. */
  logLevel: string;
}

export const DEFAULT_PROMISE_CACHE_MAX_AGE = 15;

/** What one request may ask for; each has its own coded error (README "Access and limits"). */
export interface Limits {
  /** MAX_BODY_BYTES: larger request bodies get 413 PAYLOAD_TOO_LARGE. */
  bodyBytes: number;
  /** GRAPHQL_MAX_DEPTH: nesting of fields below the root (root field = 1). */
  depth: number;
  /** GRAPHQL_MAX_COST: estimated cost, list fields multiplied by `first` / list argument length. */
  cost: number;
  /** GRAPHQL_MAX_ALIASES: aliased fields in one document. */
  aliases: number;
  /** GRAPHQL_MAX_ROOT_FIELDS: fields selected at the root of one operation. */
  rootFields: number;
  /** GRAPHQL_MAX_TOKENS: lexical tokens in one document; the parser stops there. */
  tokens: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  bodyBytes: 8 * 1024 * 1024,
  depth: 10,
  cost: 20_000,
  aliases: 100,
  rootFields: 100,
  tokens: 20_000,
});

const LOG_LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

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
  const promiseCacheMaxAge = Number(env.PROMISE_CACHE_MAX_AGE ?? DEFAULT_PROMISE_CACHE_MAX_AGE);
  if (!Number.isInteger(promiseCacheMaxAge) || promiseCacheMaxAge < 0) {
    throw new Error(`PROMISE_CACHE_MAX_AGE must be a whole number of seconds >= 0, got "${env.PROMISE_CACHE_MAX_AGE}"`);
  }
  const production = env.NODE_ENV === "production";
  const keys = [
    ...parseKeys("admin", env.ADMIN_API_KEY, env.ADMIN_API_KEYS),
    ...parseKeys("support", env.SUPPORT_API_KEY, env.SUPPORT_API_KEYS),
  ];
  if (production) {
    if (!keys.some((k) => k.role === "admin")) throw new Error("NODE_ENV=production needs ADMIN_API_KEY or ADMIN_API_KEYS: refusing to start with a generated key");
    const short = keys.find((k) => k.key.length < MIN_PRODUCTION_KEY_LENGTH);
    if (short) throw new Error(`NODE_ENV=production: the ${short.role} key "${short.name}" is shorter than ${MIN_PRODUCTION_KEY_LENGTH} characters`);
  }
  const logLevel = (env.LOG_LEVEL ?? "info").toLowerCase();
  if (!LOG_LEVELS.has(logLevel)) throw new Error(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(", ")}, got "${env.LOG_LEVEL}"`);
  return {
    port,
    database: parseDatabaseUrl(env.DATABASE_URL),
    demoData: demo,
    production,
    promiseCacheMaxAge,
    keys,
    limits: {
      bodyBytes: positiveInt(env, "MAX_BODY_BYTES", DEFAULT_LIMITS.bodyBytes),
      depth: positiveInt(env, "GRAPHQL_MAX_DEPTH", DEFAULT_LIMITS.depth),
      cost: positiveInt(env, "GRAPHQL_MAX_COST", DEFAULT_LIMITS.cost),
      aliases: positiveInt(env, "GRAPHQL_MAX_ALIASES", DEFAULT_LIMITS.aliases),
      rootFields: positiveInt(env, "GRAPHQL_MAX_ROOT_FIELDS", DEFAULT_LIMITS.rootFields),
      tokens: positiveInt(env, "GRAPHQL_MAX_TOKENS", DEFAULT_LIMITS.tokens),
    },
    introspection: flag(env, "GRAPHQL_INTROSPECTION", !production),
    landingPage: flag(env, "GRAPHQL_LANDING_PAGE", !production),
    // GraphiQL is the landing page: served from this service, never from a CDN.
    graphiql: flag(env, "GRAPHIQL", flag(env, "GRAPHQL_LANDING_PAGE", !production)),
    logLevel,
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number >= 1, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === "true" || raw === "1" || raw === "on") return true;
  if (raw === "false" || raw === "0" || raw === "off") return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}
