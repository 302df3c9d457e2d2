import { expect } from "chai";
import http from "node:http";
import { createLogger } from "../../src/api/request-log";
import { DEFAULT_LIMITS } from "../../src/config";
import { Db } from "../../src/db";
import { openTestDb } from "../support/database";
import { products } from "../support/scenario";
import { TEST_KEYS, TestServer, as, errorCode, startTestServer } from "../support/server";

type Line = Record<string, any>;

/**
 * Issue 11: what anonymous callers may send, what they are told, and what the log keeps of any
 * request: a small body limit decided by who is calling before the body is read, no "Did you
 * mean" hints naming admin operations, every logged request string bounded, no bound value in
 * any log line.
 */
describe("The edge: anonymous bodies and hints, bounded logs, no values in log lines", () => {
  let api: TestServer;
  let lines: Line[];
  const text = () => JSON.stringify(lines);
  before(async () => {
    lines = [];
    api = await startTestServer(undefined, { logger: createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) }) });
    await products(api, "A");
  });
  after(() => api.close());

  /** POSTs a raw JSON body as `role`; answers status and parsed body. */
  async function post(body: string, role: "admin" | "support" | "anonymous") {
    const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", ...as(role) }, body });
    return { status: res.status, body: (await res.json()) as any, requestId: res.headers.get("x-request-id") };
  }

  async function requestLine(requestId: string | null): Promise<Line> {
    for (let i = 0; i < 100; i++) {
      const line = lines.find((l) => l.msg === "request" && l.requestId === requestId);
      if (line) return line;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no request line for ${requestId}`);
  }

  /** A product lookup padded to `bytes` with an unused variable. */
  const lookup = (bytes: number) => {
    const base = JSON.stringify({ query: `query Pdp($sku: String!) { productPromise(sku: $sku) { sku } }`, variables: { sku: "A", pad: "" } });
    return JSON.stringify({ query: `query Pdp($sku: String!) { productPromise(sku: $sku) { sku } }`, variables: { sku: "A", pad: "p".repeat(bytes - base.length) } });
  };

  describe("request bodies by caller", () => {
    it("refuses an anonymous body over 64 KiB with 413 PAYLOAD_TOO_LARGE, while support and admin keys keep the large limit", async () => {
      expect(DEFAULT_LIMITS.anonymousBodyBytes).to.equal(64 * 1024);
      const justFits = await post(lookup(64 * 1024), "anonymous");
      expect(justFits.status).to.equal(200);
      const over = await post(lookup(64 * 1024 + 1), "anonymous");
      expect(over.status).to.equal(413);
      expect(over.body.errors[0].extensions.code).to.equal("PAYLOAD_TOO_LARGE");
      expect(await requestLine(over.requestId)).to.include({ outcome: "PAYLOAD_TOO_LARGE", role: "anonymous" });
      const oneMiB = lookup(1024 * 1024);
      for (const role of ["support", "admin"] as const) {
        const res = await post(oneMiB, role);
        expect(res.status, role).to.equal(200);
        expect(res.body.errors, role).to.equal(undefined);
      }
    });

    it("decides from the key before reading the body: an anonymous Content-Length over the limit is answered without sending the body", async () => {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(api.url, { method: "POST", headers: { "content-type": "application/json", "content-length": String(100 * 1024) } }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        });
        req.on("error", reject);
        // Only the headers and a first few bytes go out; the server must answer without waiting for the rest.
        req.write(`{"query":"`);
      });
      expect(answer.status).to.equal(413);
      expect(JSON.parse(answer.body).errors[0].extensions.code).to.equal("PAYLOAD_TOO_LARGE");
    });

    it("takes the anonymous limit from its setting", async () => {
      const small = await startTestServer(api.db, { limits: { anonymousBodyBytes: 1000 } });
      try {
        const body = lookup(1500);
        const anonymous = await fetch(small.url, { method: "POST", headers: { "content-type": "application/json" }, body });
        expect(anonymous.status).to.equal(413);
        const admin = await fetch(small.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TEST_KEYS.admin}` }, body });
        expect(admin.status).to.equal(200);
      } finally {
        await small.app.stop();
      }
    });
  });

  describe("hints", () => {
    it("gives anonymous callers no 'Did you mean' hints, which would name admin operations; keys keep them", async () => {
      const documents = [
        `mutation { allocateSalesOrder(purchaseOrderId: "PO-1") { dryRun } }`,
        `{ productPromis(sku: "A") { sku } }`,
        `{ productPromise(sku: "A") { skuu } }`,
      ];
      for (const document of documents) {
        const anonymous = await api.gql(document, {}, as("anonymous"));
        expect(errorCode(anonymous), document).to.equal("GRAPHQL_VALIDATION_FAILED");
        const said = JSON.stringify(anonymous.errors);
        expect(said, document).not.to.match(/Did you mean/);
        expect(said, document).not.to.include("allocateSalesOrders");
        const admin = await api.gql(document, {}, as("admin"));
        expect(JSON.stringify(admin.errors), document).to.match(/Did you mean/);
      }
    });
  });

  describe("logs", () => {
    it("logs a 5 MB operationName (and path) bounded, never verbatim", async () => {
      const name = `Op${"N".repeat(5 * 1024 * 1024)}`;
      const res = await fetch(api.url + "?" + "q".repeat(4000), {
        method: "POST", headers: { "content-type": "application/json", ...as("admin") },
        // The name only in operationName (the document's own copy would double the body past 8 MiB): Apollo refuses it.
        body: JSON.stringify({ query: `query Short { __typename }`, operationName: name }),
      });
      expect(errorCode((await res.json()) as any)).to.equal("OPERATION_RESOLUTION_FAILURE");
      const line = await requestLine(res.headers.get("x-request-id"));
      expect(line.operationName.length).to.be.at.most(250);
      expect(line.operationName.startsWith("OpNNN")).to.equal(true);
      expect(JSON.stringify(line).length).to.be.below(2000);
      const lengths = lines.map((l) => JSON.stringify(l).length);
      expect(Math.max(...lengths)).to.be.below(20_000);
    });

    it("keeps bound values out of every log line, driver messages included", async () => {
      const db: Db = await openTestDb();
      // The read lanes run a statement whose driver error quotes a customer's value first
      // ("Duplicate entry 'CUSTOMER-VALUE-4711' for key ..." on MariaDB).
      await db.write((m) => m.query("INSERT INTO product (sku, name, inventory_available) VALUES (?, ?, 0)", ["CUSTOMER-VALUE-4711", "x"]));
      const failing = <T extends object>(target: T): T => new Proxy(target, {
        get(t, prop) {
          if (prop === "read") {
            return (work: (m: any) => Promise<unknown>) => (t as any).read(async (m: any) => {
              await m.query("INSERT INTO product (sku, name, inventory_available) VALUES (?, ?, 0)", ["CUSTOMER-VALUE-4711", "y"]);
              return work(m);
            });
          }
          if (prop === "lane") return (lane: string) => failing((t as any).lane(lane));
          const value = Reflect.get(t, prop, t);
          return typeof value === "function" ? value.bind(t) : value;
        },
      });
      const logged: Line[] = [];
      const broken = await startTestServer(failing(db), { logger: createLogger("debug", { write: (line: string) => void logged.push(JSON.parse(line)) }) });
      try {
        const res = await broken.gql(`{ purchaseOrders { totalCount } }`, {}, as("support"));
        expect(errorCode(res)).to.equal("INTERNAL_SERVER_ERROR");
        for (let i = 0; i < 100 && !logged.some((l) => l.msg === "unexpected error"); i++) await new Promise((r) => setTimeout(r, 10));
        const detail = logged.find((l) => l.msg === "unexpected error");
        expect(detail, "the error is logged").not.to.equal(undefined);
        expect(JSON.stringify(logged)).not.to.include("CUSTOMER-VALUE-4711");
      } finally {
        await broken.close();
      }
    });

    it("blanks the values a driver message quotes, in the message, the SQL message and the stack", async () => {
      const logged: string[] = [];
      const logger = createLogger("debug", { write: (line: string) => void logged.push(line) });
      const driver = Object.assign(new Error("Duplicate entry 'PO-C0' for key 'PRIMARY'"), {
        code: "ER_DUP_ENTRY", errno: 1062, sqlMessage: "Duplicate entry 'PO-C0' for key 'PRIMARY'", sql: "INSERT INTO order_header VALUES ('PO-C0')",
      });
      const wrapped = Object.assign(new Error("Incorrect string value: '\\xF0\\x9F' for column \"name\" at row 1: \"Mrs Customer\""), { driverError: driver, query: "INSERT INTO product (sku) VALUES (?)", parameters: ["PO-C0"] });
      logger.error({ err: wrapped }, "unexpected error");
      const line = logged.join("\n");
      for (const value of ["PO-C0", "Mrs Customer", "\\\\xF0"]) expect(line, value).not.to.include(value);
      const parsed = JSON.parse(logged[0]);
      expect(parsed.err.driverError).to.include({ code: "ER_DUP_ENTRY", errno: 1062, message: "Duplicate entry '?' for key '?'", sqlMessage: "Duplicate entry '?' for key '?'" });
      expect(parsed.err.query).to.equal("INSERT INTO product (sku) VALUES (?)");
      expect(parsed.err.stack).to.include("    at ");
    });
  });
});
