import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { randomUUID } from "node:crypto";
import http, { IncomingMessage, ServerResponse } from "node:http";
import { CacheControlOptions, cacheControlPlugin } from "../api/cache-control";
import { Context, createContext, laneOf } from "../api/context";
import { anonymousHintsPlugin, errorLoggingPlugin, formatError } from "../api/errors";
import { guardPlugin } from "../api/guard";
import { limitRules } from "../api/limits";
import { Logger, RequestRecord, addCode, createLogger, logRequest, newRequestRecord, requestLogPlugin } from "../api/request-log";
import { schema } from "../api/schema";
import { StorefrontPlans } from "../api/storefront-plan";
import { Identity, KeyRing, NamedKey } from "../auth/keys";
import { DEFAULT_EDGE, DEFAULT_LIMITS, DEFAULT_PROMISE_CACHE_MAX_AGE, EdgeConfig, Limits } from "../config";
import { Db } from "../db";
import { handleWebRequest } from "./routes";
import { storefrontFastPath } from "./storefront-fast-path";

/** The default request body limit (MAX_BODY_BYTES). */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.bodyBytes;

export interface App {
  http: http.Server;
  apollo: ApolloServer<Context>;
  listen(port: number): Promise<string>;
  stop(): Promise<void>;
  /** How many requests the storefront's compiled plans answered without Apollo (src/http/storefront-fast-path.ts). */
  storefrontAnswers(): number;
}

export interface AppOptions {
  /** Introspection for support and admin keys (never anonymous). Default true. */
  introspection?: boolean;
  /** The landing page for browsers: GraphiQL at /graphiql (GET /graphql from a browser goes there). Default: same as introspection. */
  landingPage?: boolean;
  /** Serve /graphiql; default: landingPage. */
  graphiql?: boolean;
  /** Seconds a browser or CDN may cache an anonymous promise lookup (config PROMISE_CACHE_MAX_AGE). */
  promiseCacheMaxAge?: number;
  /** s-maxage and tag headers of those answers (config edge); default DEFAULT_EDGE. */
  edge?: Pick<EdgeConfig, "sharedMaxAge" | "tagHeaders">;
  /** The API keys. Default none: only anonymous operations can run. */
  keys?: KeyRing | readonly NamedKey[];
  /** Overrides of DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** Where log lines go. Default: a silent logger (server.ts passes the configured one). */
  logger?: Logger;
  /** A sink for log lines as objects, for tests; used when `logger` is not given. */
  log?: (line: Record<string, unknown>) => void;
  /**
   * Answer the storefront's anonymous lookups through compiled plans (src/http/storefront-fast-path.ts)
   * instead of Apollo. Default true; false sends every request through the general path (tests compare the two).
   */
  storefrontPlans?: boolean;
}

/** The HTTP server: POST /graphql (Apollo), GET /healthz. The database is opened by the caller. */
export async function createApp(db: Db, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? (options.log ? createLogger("info", { write: (line: string) => options.log!(JSON.parse(line)) }) : createLogger("silent"));
  const keys = options.keys instanceof KeyRing ? options.keys : new KeyRing(options.keys ?? []);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const introspection = options.introspection ?? true;
  const graphiql = options.graphiql ?? options.landingPage ?? introspection;
  const server = http.createServer();
  const cache: CacheControlOptions = {
    maxAgeSeconds: options.promiseCacheMaxAge ?? DEFAULT_PROMISE_CACHE_MAX_AGE,
    sharedMaxAgeSeconds: options.edge?.sharedMaxAge ?? DEFAULT_EDGE.sharedMaxAge,
    tagHeaders: options.edge?.tagHeaders ?? DEFAULT_EDGE.tagHeaders,
  };
  const fastPath = options.storefrontPlans === false ? undefined : storefrontFastPath(new StorefrontPlans(await schema(), limits), laneOf(db, "anonymous"), cache);
  const apollo = new ApolloServer<Context>({
    schema: await schema(),
    introspection,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Without introspection, "Did you mean ...?" hints would leak the schema field by field.
    hideSchemaDetailsFromClientErrors: !introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.tokens },
    validationRules: limitRules(limits),
    logger: logger.child({ component: "apollo" }),
    // server.ts stops on SIGTERM itself; Apollo's own handler would race it, and a second
    // concurrent apollo.stop() never resolves, so the process would hang instead of exiting.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's own landing page loads from a CDN; browsers are sent to /graphiql instead (src/http/routes.ts).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      cacheControlPlugin(cache),
      requestLogPlugin(),
      anonymousHintsPlugin(),
      guardPlugin(limits.cost),
      errorLoggingPlugin((requestId, error) => logger.error({ requestId, err: error }, "unexpected error")),
    ],
  });
  await apollo.start();

  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const record = newRequestRecord(randomUUID(), req.method ?? "GET", url.pathname);
    res.setHeader("x-request-id", record.requestId);
    res.setHeader("x-content-type-options", "nosniff");
    res.on("close", () => {
      // Closed before the answer was written: the client hung up (or sent half a request), nothing was answered.
      if (!res.writableEnded) addCode(record, "CLIENT_CLOSED_REQUEST");
      logRequest(logger, record, res.writableEnded ? res.statusCode : 499);
    });
    handle(req, res, url, record).catch((error) => {
      logger.error({ requestId: record.requestId, err: error }, "request failed");
      addCode(record, "INTERNAL_SERVER_ERROR");
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error", { requestId: record.requestId });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RequestRecord): Promise<void> {
    if (url.pathname === "/healthz") {
      // Answers within a second whatever the database does: 503 when it cannot tell.
      const ok = await db.health();
      return send(res, ok ? 200 : 503, { status: ok ? "ok" : "database unreachable or not answering" });
    }
    if (handleWebRequest(req, res, url, { graphiql })) return;
    if (url.pathname !== "/graphql") return send(res, 404, { error: "Not found: the API is at /graphql" });

    const identity = keys.identify(headerValue(req.headers.authorization));
    if (!identity) {
      addCode(record, "UNAUTHENTICATED");
      res.setHeader("www-authenticate", 'Bearer realm="graphql"');
      return sendError(res, 401, "UNAUTHENTICATED", "The API key is not valid; send Authorization: Bearer <key>, or no key for the public product lookups");
    }
    const caller: Identity = identity;
    record.role = caller.role;
    record.actor = caller.actor;

    // Who is calling decides how much is read: anonymous lookups are small, CSV uploads need a key.
    const bodyLimit = caller.role === "anonymous" ? Math.min(limits.anonymousBodyBytes, limits.bodyBytes) : limits.bodyBytes;
    const body = await readBody(req, bodyLimit);
    if (body === undefined) {
      addCode(record, "PAYLOAD_TOO_LARGE");
      return sendError(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${bodyLimit} bytes`);
    }
    let parsed: unknown = body;
    if (req.headers["content-type"]?.includes("application/json") && body.length) {
      try {
        parsed = JSON.parse(body);
      } catch {
        addCode(record, "BAD_REQUEST");
        return sendError(res, 400, "BAD_REQUEST", "The request body is not valid JSON");
      }
    }
    const fast = caller.role === "anonymous" && fastPath ? await fastPath.answer(req, url, parsed, record) : undefined;
    if (fast) {
      for (const [key, value] of fast.headers) res.setHeader(key, value);
      res.statusCode = 200;
      return void res.end(fast.body);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body: parsed },
      context: async () => createContext(db, caller, record),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // Apollo's own early refusals (e.g. a bad GET) skip the plugins: never let a CDN keep those.
    if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "no-store");
    res.statusCode = result.status ?? 200;
    if (result.status && result.status >= 400 && record.codes.length === 0) addCode(record, result.status === 400 ? "BAD_REQUEST" : `HTTP_${result.status}`);
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  return {
    http: server,
    apollo,
    listen: (port) => new Promise((resolve) => server.listen(port, () => {
      const address = server.address();
      resolve(`http://localhost:${typeof address === "object" && address ? address.port : port}/graphql`);
    })),
    stop: () => apollo.stop(),
    storefrontAnswers: () => fastPath?.answered ?? 0,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error for failures outside Apollo (key, body size, JSON). */
function sendError(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  send(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * The request body as text, or undefined as soon as it is known to be larger than `limit` (from
 * Content-Length, or while reading): nothing past the limit is kept, and Node discards the rest.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
