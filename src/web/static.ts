import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";

/** The only kinds of file the web routes hand out; anything else (.ts, .json, dotfiles) is a 404. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The directory holding package.json: the same from src/ under ts-node and from dist/src/ after a build. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The file a URL path (below a route's mount point, still percent-encoded) names inside one of
 * `roots`, tried in order, or undefined. It never leaves a root: encoded or plain "..", dot
 * segments, backslashes, NUL and symlinks pointing outside are all refused, as are extensions
 * not in CONTENT_TYPES.
 */
export function resolveStaticFile(roots: readonly string[], encodedPath: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(encodedPath);
  } catch {
    return undefined;
  }
  if (relative.includes("\0") || relative.includes("\\")) return undefined;
  const segments = relative.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s.startsWith("."))) return undefined;
  if (!(extname(relative).toLowerCase() in CONTENT_TYPES)) return undefined;
  for (const root of roots) {
    const base = resolve(root);
    const file = resolve(base, ...segments);
    if (!file.startsWith(base + sep)) continue;
    try {
      if (!statSync(file).isFile()) continue;
      if (!realpathSync(file).startsWith(realpathSync(base) + sep)) continue;
    } catch {
      continue;
    }
    return file;
  }
  return undefined;
}

/**
 * Sends a file with its content type, an ETag from size and mtime (so a browser revalidates
 * instead of downloading GraphiQL's megabyte again), and the given extra headers. GET and HEAD only.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { allow: "GET, HEAD" });
  const stat = statSync(file);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const common = { etag, "cache-control": "no-cache", "x-content-type-options": "nosniff", ...headers };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, "content-type": CONTENT_TYPES[extname(file).toLowerCase()], "content-length": String(stat.size) });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", ...headers });
  res.end(text);
}
