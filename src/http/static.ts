import { existsSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { dirname, extname, join } from "node:path";
import serveStatic from "serve-static";

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

/** Serves a file named by a path below a route's mount point (still percent-encoded); 404 when there is none. */
export type StaticFiles = (req: IncomingMessage, res: ServerResponse, path: string, headers?: Record<string, string>) => void;

/**
 * Page assets from `roots`, tried in order (compiled output before source), by serve-static:
 * it decodes the path, refuses "..", NUL and dotfiles, and answers conditional requests with
 * an ETag (so a browser revalidates instead of downloading GraphiQL's megabyte again). On top
 * of it: only the extensions in CONTENT_TYPES, GET and HEAD only, and every refusal is a 404.
 */
export function staticFiles(roots: readonly string[]): StaticFiles {
  const servers = roots.map((root) => serveStatic(root, {
    index: false, redirect: false, dotfiles: "ignore", fallthrough: true, lastModified: false, cacheControl: false,
  }));
  return (req, res, path, headers = {}) => {
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { allow: "GET, HEAD" });
    const type = CONTENT_TYPES[extname(path).toLowerCase()];
    // No dot segments or dotfiles as written either: every asset has one plain name.
    if (!type || path.split("/").some((segment) => segment.startsWith("."))) return sendText(res, 404, "Not found");
    const own = { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff", ...headers };
    for (const [name, value] of Object.entries(own)) res.setHeader(name, value);
    const query = req.url?.indexOf("?") ?? -1;
    req.url = `/${path}${query >= 0 ? req.url!.slice(query) : ""}`;
    const tryRoot = (index: number): void => {
      if (index === servers.length) {
        for (const name of Object.keys(own)) res.removeHeader(name);
        return sendText(res, 404, "Not found");
      }
      servers[index](req, res, () => tryRoot(index + 1));
    };
    tryRoot(0);
  };
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", ...headers });
  res.end(text);
}
