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
  /** DATABASE_READ_URL: a replica or another cluster node for the storefront's and support's reads (MySQL/MariaDB only). */
  readUrl?: string;
  /** The read URL, printable. */
  readDisplay?: string;
  /** Pool sizes and time limits; anything left out takes DEFAULT_DATABASE_LIMITS. */
  limits?: Partial<DatabaseLimits>;
}

/**
 * How much of the database one server may hold and for how long (README "Deploying at scale").
 * Times are enforced by the database on every connection (MySQL/MariaDB); a statement or lock
 * wait past its limit fails the operation with TIMEOUT and nothing written.
 */
export interface DatabaseLimits {
  /** DB_POOL_SIZE: connections for writes and admin reads (the primary). */
  poolSize: number;
  /** DB_READ_POOL_SIZE: connections of each read lane (storefront, support). */
  readPoolSize: number;
  /** DB_MAX_HEAVY_WRITES: Allocate Sales Orders runs (and other bulk writes) at once per server; more wait their turn. */
  heavyWrites: number;
  /** DB_STATEMENT_TIMEOUT_MS: the longest one statement may run on the primary, lock waits included. */
  statementMs: number;
  /** DB_READ_STATEMENT_TIMEOUT_MS: the longest one statement may run on a read lane. */
  readStatementMs: number;
  /** DB_LOCK_WAIT_TIMEOUT_S: the longest a statement waits for a row lock (whole seconds: InnoDB's unit). */
  lockWaitSeconds: number;
  /** HEALTH_TIMEOUT_MS: /healthz answers 503 when the database has not answered by then. */
  healthMs: number;
}

export const DEFAULT_DATABASE_LIMITS: Readonly<DatabaseLimits> = Object.freeze({
  poolSize: 20,
  readPoolSize: 10,
  heavyWrites: 2,
  statementMs: 30_000,
  readStatementMs: 5_000,
  lockWaitSeconds: 20,
  healthMs: 800,
});

/**
 * The env variable of each database limit, and the least and most it may be: a statement limit
 * under 100 ms would fail ordinary work, and /healthz must answer within a second.
 */
export const DATABASE_LIMIT_VARIABLES: Readonly<Record<keyof DatabaseLimits, { name: string; min: number; max: number }>> = {
  poolSize: { name: "DB_POOL_SIZE", min: 1, max: 1000 },
  readPoolSize: { name: "DB_READ_POOL_SIZE", min: 1, max: 1000 },
  heavyWrites: { name: "DB_MAX_HEAVY_WRITES", min: 1, max: 100 },
  statementMs: { name: "DB_STATEMENT_TIMEOUT_MS", min: 100, max: 3_600_000 },
  readStatementMs: { name: "DB_READ_STATEMENT_TIMEOUT_MS", min: 100, max: 3_600_000 },
  lockWaitSeconds: { name: "DB_LOCK_WAIT_TIMEOUT_S", min: 1, max: 3600 },
  healthMs: { name: "HEALTH_TIMEOUT_MS", min: 50, max: 950 },
};

export interface Config {
  port: number;
  database: DatabaseConfig;
  demoData: "auto" | "off";
  production: boolean;
  /** Serve /graphiql (and the introspection its docs need): on by default, off in production unless GRAPHIQL=on. */
  graphiql: boolean;
  /** Seconds a browser or CDN may cache an anonymous promise lookup (PROMISE_CACHE_MAX_AGE); 0 = never. */
  promiseCacheMaxAge: number;
  /** The cache in front: s-maxage, tag headers, the caches the purge worker purges (README "Storefront at scale"). */
  edge: EdgeConfig;
  /** Admin and support keys from ADMIN_API_KEY(S) / SUPPORT_API_KEY(S); empty admin list = generate one at start-up. */
  keys: NamedKey[];
  limits: Limits;
  /** GRAPHQL_INTROSPECTION: default on outside production. Even when on, it needs a support or admin key. */
  introspection: boolean;
  /** GRAPHQL_LANDING_PAGE: send browsers on GET /graphql to GraphiQL; default on outside production. */
  landingPage: boolean;
  /** LOG_LEVEL: pino level (fatal, error, warn, info, debug, trace, silent); default info. */
  logLevel: string;
  /**
   * STOREFRONT_PLANS: answer the anonymous promise lookups through compiled plans instead of Apollo
   * (same answers, a third of the CPU); default on. off: every request through Apollo.
   */
  storefrontPlans: boolean;
}

export const DEFAULT_PROMISE_CACHE_MAX_AGE = 15;

/** The tag headers a cache in front may read (Varnish xkey, Fastly, Cloudflare), and how each separates its tags. */
export const CACHE_TAG_HEADERS = {
  xkey: { name: "xkey", separator: " " },
  "surrogate-key": { name: "Surrogate-Key", separator: " " },
  "cache-tag": { name: "Cache-Tag", separator: "," },
} as const;
export type CacheTagHeader = keyof typeof CACHE_TAG_HEADERS;

/** The cache in front of the storefront lookups and the purge worker that keeps it fresh. */
export interface EdgeConfig {
  /** PROMISE_CACHE_S_MAXAGE: seconds a shared cache keeps an answer (it is purged by tag on change). */
  sharedMaxAge: number;
  /** CACHE_TAG_HEADERS: which tag headers answers carry; "none" = no tags. */
  tagHeaders: CacheTagHeader[];
  /** PURGE_CACHE_URLS: the caches to purge (Varnish instances), comma-separated http(s) URLs; empty = the worker has nothing to do. */
  purgeUrls: string[];
  /** PURGE_INTERVAL_MS: how often an idle worker looks for pending purges. */
  purgeIntervalMs: number;
  /** PURGE_BATCH_SIZE: outbox rows one worker claims at once. */
  purgeBatchSize: number;
  /** PURGE_RETRY_MAX_MS: the longest wait between tries of a purge that failed (backoff doubles up to it). */
  purgeRetryMaxMs: number;
  /** PURGE_KEEP_DONE_S: done outbox rows are deleted this long after they were done. */
  purgeKeepDoneSeconds: number;
}

export const DEFAULT_EDGE: Readonly<EdgeConfig> = Object.freeze({
  sharedMaxAge: 3600,
  tagHeaders: ["xkey", "surrogate-key", "cache-tag"] as CacheTagHeader[],
  purgeUrls: [],
  purgeIntervalMs: 200,
  purgeBatchSize: 500,
  purgeRetryMaxMs: 30_000,
  purgeKeepDoneSeconds: 3600,
});

/** The edge settings from the environment; a bad value fails the start naming the variable. */
export function parseEdgeConfig(env: NodeJS.ProcessEnv): EdgeConfig {
  const headersRaw = env.CACHE_TAG_HEADERS?.trim();
  let tagHeaders = [...DEFAULT_EDGE.tagHeaders];
  if (headersRaw) {
    const names = headersRaw.toLowerCase() === "none" ? [] : headersRaw.split(",").map((h) => h.trim().toLowerCase());
    const unknown = names.filter((n) => !Object.hasOwn(CACHE_TAG_HEADERS, n));
    if (unknown.length || names.some((n, i) => names.indexOf(n) !== i)) {
      throw new Error(`CACHE_TAG_HEADERS must be "none" or a comma-separated list of distinct names from xkey, Surrogate-Key, Cache-Tag, got "${headersRaw.slice(0, 80)}"`);
    }
    tagHeaders = names as CacheTagHeader[];
  }
  const purgeUrls = (env.PURGE_CACHE_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  for (const raw of purgeUrls) {
    let url: URL | undefined;
    try { url = new URL(raw); } catch { /* refused below */ }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.hash) {
      throw new Error(`PURGE_CACHE_URLS must list http:// or https:// URLs without credentials, separated by commas; "${raw.replace(/\/\/[^/]*@/, "//***@").slice(0, 80)}" is not one`);
    }
  }
  if (new Set(purgeUrls).size !== purgeUrls.length) throw new Error("PURGE_CACHE_URLS names a cache twice");
  return {
    sharedMaxAge: wholeNumber(env, "PROMISE_CACHE_S_MAXAGE", DEFAULT_EDGE.sharedMaxAge, 0, 31_536_000),
    tagHeaders,
    purgeUrls,
    purgeIntervalMs: wholeNumber(env, "PURGE_INTERVAL_MS", DEFAULT_EDGE.purgeIntervalMs, 10, 60_000),
    purgeBatchSize: wholeNumber(env, "PURGE_BATCH_SIZE", DEFAULT_EDGE.purgeBatchSize, 1, 5000),
    purgeRetryMaxMs: wholeNumber(env, "PURGE_RETRY_MAX_MS", DEFAULT_EDGE.purgeRetryMaxMs, 100, 3_600_000),
    purgeKeepDoneSeconds: wholeNumber(env, "PURGE_KEEP_DONE_S", DEFAULT_EDGE.purgeKeepDoneSeconds, 0, 30 * 86_400),
  };
}

/** What one request may ask for; each has its own coded error (README "Access and limits"). */
export interface Limits {
  /** MAX_BODY_BYTES: larger request bodies from an admin or support key get 413 PAYLOAD_TOO_LARGE. */
  bodyBytes: number;
  /** ANONYMOUS_MAX_BODY_BYTES: the same for requests without a key (public lookups need little). */
  anonymousBodyBytes: number;
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
  anonymousBodyBytes: 64 * 1024,
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
    return { kind: "mysql", url: url.toString(), display: displayMySql(url), embedded: false };
  }
  throw new Error(`DATABASE_URL must be sqlite::memory:, sqlite:<file> or mysql://user:pass@host:port/db (got a value starting "${value.slice(0, 8)}")`);
}

const displayMySql = (url: URL): string => `MySQL ${url.hostname}:${url.port || 3306}${url.pathname} as ${decodeURIComponent(url.username) || "(no user)"}`;

/**
 * The database settings from the environment: DATABASE_URL, the optional DATABASE_READ_URL (a
 * replica or another cluster node; MySQL/MariaDB only, like the primary), pool sizes and limits.
 */
export function parseDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const limits = {} as DatabaseLimits;
  for (const [key, { name, min, max }] of Object.entries(DATABASE_LIMIT_VARIABLES) as [keyof DatabaseLimits, { name: string; min: number; max: number }][]) {
    limits[key] = positiveInt(env, name, DEFAULT_DATABASE_LIMITS[key], max, min);
  }
  const read = env.DATABASE_READ_URL?.trim();
  if (!read) return { ...database, limits };
  if (database.kind !== "mysql" || !/^(mysql|mariadb):\/\//.test(read)) {
    throw new Error("DATABASE_READ_URL needs a mysql:// DATABASE_URL and must itself be mysql://user:pass@host:port/db (a replica or another cluster node)");
  }
  const url = new URL(read.replace(/^mariadb:/, "mysql:"));
  return { ...database, readUrl: url.toString(), readDisplay: displayMySql(url), limits };
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
    database: parseDatabaseConfig(env),
    demoData: demo,
    production,
    promiseCacheMaxAge,
    edge: parseEdgeConfig(env),
    keys,
    limits: {
      bodyBytes: positiveInt(env, "MAX_BODY_BYTES", DEFAULT_LIMITS.bodyBytes),
      anonymousBodyBytes: positiveInt(env, "ANONYMOUS_MAX_BODY_BYTES", DEFAULT_LIMITS.anonymousBodyBytes),
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
    storefrontPlans: flag(env, "STOREFRONT_PLANS", true),
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER, min = 1): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `>= ${min}`}, got "${raw.slice(0, 40)}"`);
  }
  return value;
}

/** A whole number from `min` to `max` (0 allowed when min is 0), or the fallback when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === "true" || raw === "1" || raw === "on") return true;
  if (raw === "false" || raw === "0" || raw === "off") return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}
