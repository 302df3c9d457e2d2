import { expect } from "chai";
import { getIntrospectionQuery } from "graphql";
import http from "node:http";
import { DEFAULT_LIMITS } from "../../src/config";
import { CSV_LIMITS } from "../../src/domain";
import { snapshot } from "../support/database";
import { IMPORT_CSV, TYPENAME } from "../support/documents";
import { products } from "../support/scenario";
import { TEST_KEYS, TestServer, as, errorCode, startTestServer } from "../support/server";
import { publicSchema } from "./schema-documents";

const PO_PAGE = (first: number) => `purchaseOrders(first: ${first}) { totalCount edges { cursor node { id status facilityId orderDate pendingPreOrderCount
  items { seqId quantity orderBuffer allocatedQuantity availableToPromise arrivalDate status product { sku name } } } } }`;

/** POSTs raw bytes (as admin), for what gql() cannot send. */
async function post(api: TestServer, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TEST_KEYS.admin}`, ...headers }, body });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

describe("Limits: what one request may ask for", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
  });
  after(() => api.close());

  describe("query cost", () => {
    it("accepts the console's largest page: 100 POs with their items and products", async () => {
      const res = await api.gql(`{ ${PO_PAGE(100)} }`);
      expect(res.errors).to.equal(undefined);
    });

    it("refuses a cost bomb: 20 aliased pages of 100 POs, with GRAPHQL_VALIDATION_FAILED and nothing run", async () => {
      const bomb = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: ${PO_PAGE(100)}`).join("\n")} }`;
      const res = await api.gql(bomb);
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(res.status).to.equal(400);
      expect(res.errors![0].message).to.match(/Query cost \d+ exceeds the limit of 20000/);
      expect(res.data).to.equal(undefined);
      expect(errorCode(await api.gql(bomb)), "a cost worked out once is refused again").to.equal("GRAPHQL_VALIDATION_FAILED");
    });

    it("prices what reads far more than it returns: counts, pending-pre-order filters and counts", async () => {
      const counts = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: purchaseOrders(first: 1, filter: { hasPendingPreOrders: true }) { totalCount }`).join("\n")} }`;
      expect((await api.gql(counts(10))).errors, "ten counts of the pending filter").to.equal(undefined);
      const refused = await api.gql(counts(30));
      expect(errorCode(refused)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(refused.errors![0].message).to.match(/Query cost 3\d{4} exceeds/);
      const pending = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: purchaseOrders(first: 100) { edges { node { pendingPreOrderCount } } }`).join("\n")} }`;
      expect((await api.gql(pending(3))).errors).to.equal(undefined);
      expect(errorCode(await api.gql(pending(4))), "400 pending counts").to.equal("GRAPHQL_VALIDATION_FAILED");
    });

    it("counts `first` given in variables and pages nested in fragments", async () => {
      const doc = `query($n: Int) { ...A ...B } fragment A on Query { a: purchaseOrders(first: $n) { ...E } b: purchaseOrders(first: $n) { ...E } c: purchaseOrders(first: $n) { ...E } }
        fragment B on Query { d: purchaseOrders(first: $n) { ...E } e: purchaseOrders(first: $n) { ...E } }
        fragment E on PurchaseOrderConnection { edges { node { id items { seqId quantity product { sku name id } } } } }`;
      expect((await api.gql(doc, { n: 10 })).errors).to.equal(undefined);
      expect(errorCode(await api.gql(doc, { n: 100 }))).to.equal("GRAPHQL_VALIDATION_FAILED");
    });

    it("refuses a fragment fan-out (each fragment spread twice, ten levels)", async () => {
      const fragments = Array.from({ length: 10 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} a${i}: __typename }`).join("\n");
      const res = await api.gql(`{ ...F0 } ${fragments} fragment F10 on Query { ${PO_PAGE(10)} }`);
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
    });

    it("refuses `first` over 100 anywhere with BAD_USER_INPUT, literal or variable", async () => {
      expect(errorCode(await api.gql(`{ purchaseOrders(first: 1000000) { totalCount } }`))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await api.gql(`query($n: Int) { allocationRuns(first: $n) { totalCount } }`, { n: 101 }))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await api.gql(`{ preOrders(first: 100) { totalCount } }`))).to.equal(undefined);
    });

    it("refuses more than 250 skus in productPromises with BAD_USER_INPUT, and lets a storefront alias 50 lookups", async function () {
      if (!publicSchema.getQueryType()!.getFields().productPromises) this.skip(); // arrives with the PDP issue
      const skus = Array.from({ length: 251 }, (_, i) => `S${i}`);
      expect(errorCode(await api.gql(`query($s: [String!]!) { productPromises(skus: $s) { sku } }`, { s: skus }, as("anonymous")))).to.equal("BAD_USER_INPUT");
      const aliased = `{ ${skus.slice(0, 50).map((s) => `${s}: productPromise(sku: "${s}") { sku status }`).join(" ")} }`;
      expect((await api.gql(aliased, {}, as("anonymous"))).errors).to.equal(undefined);
    });

    it("leaves badly typed variables to Apollo's BAD_USER_INPUT", async () => {
      expect(errorCode(await api.gql(`query($n: Int) { purchaseOrders(first: $n) { totalCount } }`, { n: "many" }))).to.equal("BAD_USER_INPUT");
    });
  });

  describe("depth, aliases, root fields, tokens", () => {
    it("refuses a query deeper than the limit, and accepts one at it", async () => {
      const shallow = await startTestServer(api.db, { limits: { depth: 3 } });
      try {
        expect((await shallow.gql(`{ purchaseOrders { edges { cursor } } }`)).errors).to.equal(undefined);
        const res = await shallow.gql(`{ purchaseOrders { edges { node { id } } } }`);
        expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
        expect(res.errors![0].message).to.equal("Query is 4 levels deep; the limit is 3");
        const viaFragments = await shallow.gql(`{ ...Q } fragment Q on Query { purchaseOrders { ... on PurchaseOrderConnection { edges { ...N } } } } fragment N on PurchaseOrderEdge { node { id } }`);
        expect(viaFragments.errors![0].message).to.equal("Query is 4 levels deep; the limit is 3");
      } finally {
        await shallow.app.stop();
      }
    });

    it("refuses a depth bomb of nested fields before anything else", async () => {
      const deep = `{ ${"purchaseOrders { edges { node { items { product { ".repeat(3)}sku${" } } } } }".repeat(3)} }`;
      const res = await api.gql(deep);
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors!.map((e: any) => e.message)).to.include(`Query is 16 levels deep; the limit is ${DEFAULT_LIMITS.depth}`);
    });

    it("refuses an alias flood, even of a public field and without a key", async () => {
      const flood = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
      const res = await api.gql(flood, {}, as("anonymous"));
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors!.map((e: any) => e.message)).to.include(`The document has more than ${DEFAULT_LIMITS.aliases} aliases`);
      const nested = `{ purchaseOrders { edges { node { ${Array.from({ length: 101 }, (_, i) => `i${i}: id`).join(" ")} } } } }`;
      expect((await api.gql(nested)).errors![0].message).to.equal(`The document has more than ${DEFAULT_LIMITS.aliases} aliases`);
      expect((await api.gql(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(" ")} }`)).errors).to.equal(undefined);
    });

    it("refuses more root fields than the limit, counting those in fragments", async () => {
      const res = await api.gql(`{ ${"__typename ".repeat(60)} ...F } fragment F on Query { ${"__typename ".repeat(60)} }`, {}, as("anonymous"));
      expect(res.errors![0].message).to.equal(`The operation selects 120 root fields; the limit is ${DEFAULT_LIMITS.rootFields}`);
    });

    it("stops parsing a document of more tokens than the limit: GRAPHQL_PARSE_FAILED", async () => {
      // With a key: the document is larger than an anonymous body may be (ANONYMOUS_MAX_BODY_BYTES).
      const res = await api.gql(`{ ${"__typename ".repeat(DEFAULT_LIMITS.tokens)} }`, {}, as("support"));
      expect(errorCode(res)).to.equal("GRAPHQL_PARSE_FAILED");
      expect(res.errors![0].message).to.include(`${DEFAULT_LIMITS.tokens} tokens`);
    });

    it("accepts the standard introspection query (support key) but not an introspection cycle", async () => {
      const full = await api.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }), {}, as("support"));
      expect(full.errors).to.equal(undefined);
      expect(full.data.__schema.queryType.name).to.equal("Query");
      const cycle = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
      expect(errorCode(await api.gql(cycle, {}, as("support")))).to.equal("GRAPHQL_VALIDATION_FAILED");
    });
  });

  describe("request bodies", () => {
    it("answers 413 PAYLOAD_TOO_LARGE to a body over the default limit, reading none of it", async () => {
      const huge = JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(DEFAULT_LIMITS.bodyBytes) } });
      const res = await post(api, huge);
      expect(res.status).to.equal(413);
      expect(res.body.errors[0].extensions.code).to.equal("PAYLOAD_TOO_LARGE");
    });

    it("answers 413 to a chunked body without Content-Length once it passes MAX_BODY_BYTES", async () => {
      const small = await startTestServer(api.db, { limits: { bodyBytes: 2000 } });
      try {
        const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = http.request(small.url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
            let text = "";
            res.on("data", (c) => (text += c));
            res.on("end", () => resolve({ status: res.statusCode!, body: text }));
          });
          req.on("error", reject);
          req.write(`{"query":"{ __typename }","variables":{"pad":"`);
          for (let i = 0; i < 10; i++) req.write("y".repeat(500));
          req.end(`"}}`);
        });
        expect(status.status).to.equal(413);
        expect(JSON.parse(status.body).errors[0].extensions.code).to.equal("PAYLOAD_TOO_LARGE");
        expect((await small.gql(TYPENAME)).data).to.deep.equal({ __typename: "Query" });
      } finally {
        await small.app.stop();
      }
    });

    it("refuses batched requests (a JSON array of operations)", async () => {
      const res = await post(api, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
      expect(res.status).to.equal(400);
      expect(res.body.errors[0].message).to.match(/batching disabled/i);
    });

    it("refuses a persisted query whose hash does not match its text, or of an unknown version, with BAD_REQUEST (not an internal error)", async () => {
      for (const persistedQuery of [{ version: 1, sha256Hash: "0".repeat(64) }, { version: 2, sha256Hash: "0".repeat(64) }]) {
        const res = await post(api, JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery } }));
        expect(res.status).to.equal(400);
        expect(res.body.errors[0].extensions.code).to.equal("BAD_REQUEST");
        expect(res.body.errors[0].message).to.match(/sha does not match|Unsupported persisted query version/);
      }
    });

    it("refuses a body that is not JSON with BAD_REQUEST", async () => {
      const res = await post(api, "{ not json");
      expect(res.status).to.equal(400);
      expect(res.body.errors[0].extensions.code).to.equal("BAD_REQUEST");
    });
  });

  describe("PO CSV uploads", () => {
    const HEADER = "orderId,productSku,arrivalDate,quantity,facilityId\n";

    it(`refuses more than ${CSV_LIMITS.rows} rows with BAD_USER_INPUT and writes nothing`, async () => {
      const before = await snapshot(api.db);
      const res = await api.gql(IMPORT_CSV, { csv: HEADER + "PO-X,A,01/15/2030,1,WH\n".repeat(CSV_LIMITS.rows + 1) });
      expect(errorCode(res)).to.equal("BAD_USER_INPUT");
      expect(res.errors![0].message).to.equal(`csv has more than ${CSV_LIMITS.rows} rows`);
      expect(await snapshot(api.db)).to.deep.equal(before);
    });

    it(`refuses a CSV over ${CSV_LIMITS.bytes} bytes with BAD_USER_INPUT`, async () => {
      const res = await api.gql(IMPORT_CSV, { csv: HEADER + "x".repeat(CSV_LIMITS.bytes) });
      expect(errorCode(res)).to.equal("BAD_USER_INPUT");
    });

    it("reports a line longer than a row can be (a million commas) by its number, without parsing it", async () => {
      const res = await api.gql(IMPORT_CSV, { csv: `${HEADER}PO-1,A,01/15/2030,1,WH\n${",".repeat(1_000_000)}\n` });
      expect(res.data.importPurchaseOrders.errors).to.deep.equal([{ line: 3, message: `Line is longer than ${CSV_LIMITS.rowChars} characters` }]);
    });
  });
});
