import { expect } from "chai";
import { createLogger } from "../../src/api/request-log";
import { Db } from "../../src/db";
import { openTestDb, snapshot } from "../support/database";
import { TYPENAME, UPSERT } from "../support/documents";
import { graphql } from "../support/graphql";
import { products } from "../support/scenario";
import { TEST_KEYS, TestServer, as, errorCode, startTestServer } from "../support/server";

type Line = Record<string, any>;

/** A test server whose log lines are kept in `lines`. */
async function serverWithLog(db?: Db): Promise<{ api: TestServer; lines: Line[]; text: () => string }> {
  const lines: Line[] = [];
  const api = await startTestServer(db, { logger: createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) }) });
  return { api, lines, text: () => JSON.stringify(lines) };
}

/** The request line for a request id; logged when the response closes, so wait a moment for it. */
async function requestLine(lines: Line[], requestId: string | null | undefined): Promise<Line> {
  for (let i = 0; i < 100; i++) {
    const line = lines.find((l) => l.msg === "request" && l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no request line for ${requestId}`);
}

/** The same database, but every read and write, on every lane, first runs SQL that fails, with a customer value bound. */
function brokenDb(db: Db): Db {
  const broken = <T extends object>(database: T): T => new Proxy(database, {
    get(target, prop) {
      if (prop === "read" || prop === "write") {
        return (work: (m: any) => Promise<unknown>, ...rest: unknown[]) => (target as any)[prop](async (m: any) => {
          await m.query("SELECT no_such_column FROM product WHERE sku = ?", ["CUSTOMER-PARAM-4711"]);
          return work(m);
        }, ...rest);
      }
      if (prop === "lane") return (lane: string) => broken((target as any).lane(lane));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return broken(db);
}

describe("Errors are masked for clients and logged in full under the request id", () => {
  let db: Db;
  let api: TestServer;
  let lines: Line[];
  let text: () => string;
  before(async () => {
    db = await openTestDb();
    ({ api, lines, text } = await serverWithLog(brokenDb(db)));
  });
  after(async () => {
    await api.app.stop();
    await db.close();
  });

  for (const [what, document] of [
    ["a query", `query ListPOs { purchaseOrders { totalCount } }`],
    ["a mutation", `mutation Upsert { upsertProducts(input: [{ sku: "Z", name: "Z" }]) { sku } }`],
  ]) {
    it(`answers a database error in ${what} with INTERNAL_SERVER_ERROR and a request id, no SQL, stack or path`, async () => {
      const before = await snapshot(db);
      const res = await api.gql(document);
      expect(errorCode(res)).to.equal("INTERNAL_SERVER_ERROR");
      const error = res.errors![0];
      expect(error.message).to.equal("Internal server error");
      expect(error.extensions.requestId).to.equal(res.headers.get("x-request-id"));
      const body = JSON.stringify({ errors: res.errors, data: res.data });
      for (const leak of ["SELECT", "no_such_column", "CUSTOMER-PARAM", "SQLITE", "ER_BAD_FIELD", "errno", "/work", ".ts:", "    at ", "stack", "QueryFailedError"]) {
        expect(body, leak).not.to.include(leak);
      }
      expect(await snapshot(db)).to.deep.equal(before);

      const detail = lines.find((l) => l.msg === "unexpected error" && l.requestId === error.extensions.requestId);
      expect(detail, "an error line under the request id").not.to.equal(undefined);
      expect(detail!.level).to.equal(50);
      expect(`${detail!.err.message} ${detail!.err.query ?? ""}`).to.include("no_such_column");
      expect(detail!.err.stack).to.include("    at ");
      const request = await requestLine(lines, error.extensions.requestId);
      expect(request).to.include({ outcome: "INTERNAL_SERVER_ERROR", level: 50 });
      expect(text(), "bound parameters are customer data").not.to.include("CUSTOMER-PARAM");
    });
  }
});

describe("Request logs", () => {
  let api: TestServer;
  let lines: Line[];
  let text: () => string;
  before(async () => {
    ({ api, lines, text } = await serverWithLog());
    await products(api, "A");
  });
  after(() => api.close());

  it("writes one line per request: request id, operation, role and actor, duration, outcome", async () => {
    const res = await api.gql(graphql(`query ListPOs($f: PurchaseOrderFilter) { purchaseOrders(filter: $f) { totalCount } }`), { f: { search: "CUSTOMER-SEARCH-9" } }, as("support"));
    const id = res.headers.get("x-request-id");
    const line = await requestLine(lines, id);
    expect(line).to.include({ level: 30, requestId: id, method: "POST", path: "/graphql", status: 200, operationName: "ListPOs", operation: "query", role: "support", actor: "support", outcome: "ok" });
    expect(line.fields).to.deep.equal(["purchaseOrders"]);
    expect(line.durationMs).to.be.a("number").and.at.least(0);
    expect(lines.filter((l) => l.requestId === id)).to.have.length(1);
    expect(line.time).to.match(/^\d{4}-\d\d-\d\dT/);
  });

  it("gives the error codes as the outcome", async () => {
    const refused = await api.gql(graphql(`mutation Sneak { upsertProducts(input: [{ sku: "B", name: "B" }]) { sku } }`), {}, as("anonymous"));
    expect(await requestLine(lines, refused.headers.get("x-request-id"))).to.include({ outcome: "UNAUTHENTICATED", role: "anonymous", actor: null, status: 401, operationName: "Sneak" });
    const bad = await api.gql(UPSERT, { input: [{ sku: "", name: "B" }] });
    expect(await requestLine(lines, bad.headers.get("x-request-id"))).to.include({ outcome: "BAD_USER_INPUT", role: "admin", actor: "admin" });
    const invalid = await api.gql(`{ nope }`);
    expect(await requestLine(lines, invalid.headers.get("x-request-id"))).to.include({ outcome: "GRAPHQL_VALIDATION_FAILED", status: 400 });
    const wrong = await api.gql(TYPENAME, {}, { authorization: "Bearer WRONG-KEY-SECRET-123" });
    expect(await requestLine(lines, wrong.headers.get("x-request-id"))).to.include({ outcome: "UNAUTHENTICATED", status: 401 });
    const big = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(9 * 1024 * 1024) });
    expect(await requestLine(lines, big.headers.get("x-request-id"))).to.include({ outcome: "PAYLOAD_TOO_LARGE", status: 413 });
  });

  it("never logs keys, Authorization headers, query text or variables", async () => {
    await api.gql(graphql(`mutation Secret($input: [ProductInput!]!) { upsertProducts(input: $input) { sku } }`), { input: [{ sku: "CUSTOMER-SKU-77", name: "Mrs Customer's order" }] });
    const last = await api.gql(TYPENAME, {}, { authorization: "Bearer WRONG-KEY-SECRET-123" });
    await requestLine(lines, last.headers.get("x-request-id"));
    const all = text();
    for (const secret of [TEST_KEYS.admin, TEST_KEYS.support, "WRONG-KEY-SECRET-123", "Bearer", "CUSTOMER-SKU-77", "Mrs Customer", "CUSTOMER-SEARCH-9", "upsertProducts(input"]) {
      expect(all, secret).not.to.include(secret);
    }
  });
});
