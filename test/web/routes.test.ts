import { expect } from "chai";
import http from "node:http";
import { createApp } from "../../src/http/app";
import { loadConfig } from "../../src/config";
import { buildWeb } from "../support/build-web";
import { openTestDb } from "../support/database";
import { graphql } from "../support/graphql";
import { TestServer, startTestServer } from "../support/server";

interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request with the path exactly as written: fetch() would resolve "..", which is what an attacker's client does not do. */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("The console and GraphiQL routes", () => {
  let api: TestServer;
  before(() => buildWeb());
  beforeEach(async () => { api = await startTestServer(); });
  afterEach(() => api.close());

  it("serves the console page, its script and its style with their types and a same-origin-only policy", async () => {
    for (const path of ["/admin", "/admin/", "/admin/index.html"]) {
      const page = await raw(api.url, path);
      expect(page.status, path).to.equal(200);
      expect(page.headers["content-type"]).to.equal("text/html; charset=utf-8");
      expect(page.headers["content-security-policy"]).to.contain("default-src 'self'");
      expect(page.body).to.contain('<script type="module" src="/admin/main.js">');
    }
    const script = await raw(api.url, "/admin/main.js");
    expect([script.status, script.headers["content-type"]]).to.deep.equal([200, "text/javascript; charset=utf-8"]);
    expect(script.body).to.contain("viewer");
    const style = await raw(api.url, "/admin/admin.css");
    expect([style.status, style.headers["content-type"]]).to.deep.equal([200, "text/css; charset=utf-8"]);
    expect(style.headers["x-content-type-options"]).to.equal("nosniff");
  });

  it("revalidates with an ETag instead of sending a file again", async () => {
    const first = await raw(api.url, "/graphiql/vendor/graphiql.min.js");
    expect(first.status).to.equal(200);
    const again = await raw(api.url, "/graphiql/vendor/graphiql.min.js", { "if-none-match": String(first.headers.etag) });
    expect([again.status, again.body]).to.deep.equal([304, ""]);
  });

  it("answers 404 to any path outside the pages, however it is spelled", async () => {
    for (const path of ["/admin/../package.json", "/admin/%2e%2e/package.json", "/admin/%2e%2e%2fpackage.json", "/admin/..%5cpackage.json",
      "/admin/main.ts", "/admin/api.ts", "/admin/../tsconfig.json", "/admin/%2e%2e/%2e%2e/etc/passwd", "/admin/main.js%00.html",
      "/graphiql/vendor/constructor", "/graphiql/vendor/__proto__", "/graphiql/vendor/../../package.json", "/graphiql/vendor/graphiql.js",
      "/graphiql/%2e%2e/admin/../../package.json", "/adminx", "/graphiqlx"]) {
      const response = await raw(api.url, path);
      expect(response.status, path).to.equal(404);
      expect(response.body, path).not.to.contain("preorder-allocation-service");
    }
    expect((await raw(api.url, "/admin/main.js", {}, "POST")).status).to.equal(405);
  });

  it("serves GraphiQL and React from the packages, and sends a browser's GET /graphql there", async () => {
    const page = await raw(api.url, "/graphiql");
    expect(page.status).to.equal(200);
    expect(page.body).to.contain("/graphiql/vendor/graphiql.min.js").and.not.match(/https?:\/\//);
    for (const [file, type] of [["graphiql.min.js", "text/javascript"], ["graphiql.min.css", "text/css"], ["react.production.min.js", "text/javascript"],
      ["react-dom.production.min.js", "text/javascript"]]) {
      const response = await raw(api.url, `/graphiql/vendor/${file}`, {}, "HEAD");
      expect([response.status, response.headers["content-type"]?.split(";")[0]], file).to.deep.equal([200, type]);
    }
    const browser = await raw(api.url, "/graphql", { accept: "text/html,application/xhtml+xml" });
    expect([browser.status, browser.headers.location]).to.deep.equal([302, "/graphiql"]);
    // A GET query is still a GET query, and API clients are not redirected.
    const query = await raw(api.url, "/graphql?query=%7B__typename%7D", { accept: "text/html, application/json", "apollo-require-preflight": "true" });
    expect([query.status, JSON.parse(query.body)]).to.deep.equal([200, { data: { __typename: "Query" } }]);
    expect((await api.gql(graphql(`query ViewerRole { viewer { role } }`))).data).to.deep.equal({ viewer: { role: "ADMIN" } });
  });

  it("keeps GraphiQL off when the server is told to, and never shows Apollo's CDN landing page", async () => {
    const db = await openTestDb();
    const app = await createApp(db, { graphiql: false, log: () => undefined });
    const url = await app.listen(0);
    try {
      const page = await raw(url, "/graphiql");
      expect([page.status, page.body]).to.deep.equal([404, "GraphiQL is off on this server (set GRAPHIQL=on to serve it)."]);
      expect((await raw(url, "/graphiql/vendor/graphiql.min.js")).status).to.equal(404);
      const landing = await raw(url, "/graphql", { accept: "text/html" });
      expect(landing.status).not.to.equal(200);
      expect(landing.body).not.to.contain("cdn");
      expect((await raw(url, "/admin")).status).to.equal(200);
    } finally {
      await app.stop();
      await db.close();
    }
  });

  it("turns GraphiQL off in production unless GRAPHIQL=on", () => {
    expect(loadConfig({}).graphiql).to.equal(true);
    const production = { NODE_ENV: "production", ADMIN_API_KEY: "a-production-admin-key-0123456789" };
    expect(loadConfig(production).graphiql).to.equal(false);
    expect(loadConfig({ ...production, GRAPHIQL: "on" }).graphiql).to.equal(true);
    expect(loadConfig({ GRAPHIQL: "off" }).graphiql).to.equal(false);
    expect(() => loadConfig({ GRAPHIQL: "yes" })).to.throw("GRAPHIQL must be true or false");
  });
});
