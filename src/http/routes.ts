import { existsSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { basename, dirname, join } from "node:path";
import { StaticFiles, projectRoot, sendText, staticFiles } from "./static";

const ROOT = projectRoot();
/** Hand-written files (HTML, CSS) live in web/; the TypeScript beside them is compiled into dist/web/ by `npm run build:web`. */
const SOURCE = join(ROOT, "web");
const COMPILED = join(ROOT, "dist", "web");

// Only the service's own origin: the console must work where CDNs are blocked, and must not leak keys elsewhere.
const ADMIN_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// GraphiQL sets inline style attributes and embeds its fonts as data: URLs.
const GRAPHIQL_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const SECTIONS = {
  admin: staticFiles([join(COMPILED, "admin"), join(SOURCE, "admin")]),
  graphiql: staticFiles([join(COMPILED, "graphiql"), join(SOURCE, "graphiql")]),
} as const;

/** GraphiQL and React as the packages ship them, served by name so no other node_modules file is reachable. */
const VENDOR: ReadonlyMap<string, { files: StaticFiles; name: string }> = new Map([
  vendor("graphiql.min.js", join(packageDir("graphiql"), "graphiql.min.js")),
  vendor("graphiql.min.css", join(packageDir("graphiql"), "graphiql.min.css")),
  vendor("react.production.min.js", join(packageDir("react"), "umd", "react.production.min.js")),
  vendor("react-dom.production.min.js", join(packageDir("react-dom"), "umd", "react-dom.production.min.js")),
]);

export interface WebOptions {
  graphiql: boolean;
}

/**
 * The browser-facing routes: /admin (the retailer's console), /graphiql (when enabled), and
 * GET /graphql from a browser sent to GraphiQL. Returns false for any other path.
 */
export function handleWebRequest(req: IncomingMessage, res: ServerResponse, url: URL, options: WebOptions): boolean {
  const path = url.pathname;
  if (path === "/graphql") {
    const fromBrowser = req.method === "GET" && (req.headers.accept ?? "").includes("text/html") && !url.searchParams.has("query");
    if (!fromBrowser || !options.graphiql) return false;
    res.writeHead(302, { location: "/graphiql" });
    res.end();
    return true;
  }
  if (path === "/admin" || path.startsWith("/admin/")) {
    serveSection(req, res, "admin", path.slice("/admin".length), ADMIN_CSP);
    return true;
  }
  if (path === "/graphiql" || path.startsWith("/graphiql/")) {
    if (!options.graphiql) sendText(res, 404, "GraphiQL is off on this server (set GRAPHIQL=on to serve it).");
    else serveSection(req, res, "graphiql", path.slice("/graphiql".length), GRAPHIQL_CSP);
    return true;
  }
  return false;
}

function serveSection(req: IncomingMessage, res: ServerResponse, section: keyof typeof SECTIONS, rest: string, csp: string): void {
  if (rest === "" || rest === "/" || rest === "/index.html") {
    // The page is useless without its compiled script: say how to fix that instead of a blank page.
    if (!existsSync(join(COMPILED, section, "main.js"))) return sendText(res, 503, `The ${section} page is not built yet: run "npm run build".`);
    return SECTIONS[section](req, res, "index.html", { "content-security-policy": csp, "referrer-policy": "no-referrer" });
  }
  if (section === "graphiql" && rest.startsWith("/vendor/")) {
    const file = VENDOR.get(rest.slice("/vendor/".length));
    if (!file) return sendText(res, 404, "Not found");
    return file.files(req, res, file.name);
  }
  SECTIONS[section](req, res, rest.slice(1));
}

function vendor(name: string, file: string): [string, { files: StaticFiles; name: string }] {
  return [name, { files: staticFiles([dirname(file)]), name: basename(file) }];
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}
