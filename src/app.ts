import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { randomUUID } from "node:crypto";
import http, { IncomingMessage, ServerResponse } from "node:http";
import { Db } from "./domain/db";
import { Context, createContext } from "./api/context";
import { errorLoggingPlugin, formatError } from "./api/errors";
import { schema } from "./api/schema";

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface App {
  http: http.Server;
  apollo: ApolloServer<Context>;
  listen(port: number): Promise<string>;
  stop(): Promise<void>;
}

export interface AppOptions {
  introspection?: boolean;
  log?: (line: Record<string, unknown>) => void;
}

/** The HTTP server: POST /graphql (Apollo), GET /healthz. The database is opened by the caller. */
export async function createApp(db: Db, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? ((line) => console.error(JSON.stringify(line)));
  const server = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: await schema(),
    introspection: options.introspection ?? true,
    formatError,
    includeStacktraceInErrorResponses: false,
    // server.ts stops on SIGTERM itself; Apollo's own handler would race it, and a second
    // concurrent apollo.stop() never resolves, so the process would hang instead of exiting.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      errorLoggingPlugin((requestId, error) => log({ level: "error", requestId, msg: "unexpected error", error: String((error as Error)?.stack ?? error) })),
    ],
  });
  await apollo.start();

  server.on("request", (req, res) => {
    handle(req, res).catch((error) => {
      log({ level: "error", msg: "request failed", error: String(error?.stack ?? error) });
      if (!res.headersSent) send(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      const ok = await db.read((m) => m.query("SELECT 1")).then(() => true, () => false);
      return send(res, ok ? 200 : 503, { status: ok ? "ok" : "database unreachable" });
    }
    if (url.pathname !== "/graphql") return send(res, 404, { error: "Not found: the API is at /graphql" });

    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { errors: [{ message: `Request body is larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: "BAD_REQUEST" } }] });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    let parsed: unknown = body;
    if (headers.get("content-type")?.includes("application/json") && body.length) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    const requestId = randomUUID();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body: parsed },
      context: async () => createContext(db, { role: "admin", actor: null }, requestId),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.setHeader("x-request-id", requestId);
    res.statusCode = result.status ?? 200;
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
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The request body as text, or undefined when it is larger than MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
