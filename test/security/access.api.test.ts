import { expect } from "chai";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../../src/api/schema";
import { ANONYMOUS_QUERY_FIELDS } from "../../src/auth/policy";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { ALLOCATE, IMPORT_PRE_ORDER, TYPENAME, UPSERT } from "../support/documents";
import { graphql } from "../support/graphql";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { TEST_KEYS, TestServer, as, errorCode, startTestServer } from "../support/server";
import { documentFor, mutationFields, publicSchema, queryFields } from "./schema-documents";

const WRONG = { authorization: "Bearer not-a-key-of-this-server-000000" };

describe("Access: who may run which operation", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer(undefined, {
      keys: [
        { name: "admin", role: "admin", key: TEST_KEYS.admin },
        { name: "support", role: "support", key: TEST_KEYS.support },
        { name: "ops", role: "admin", key: "ops-key-0123456789abcdef" },
        { name: "helpdesk", role: "support", key: "helpdesk-key-0123456789abcdef" },
      ],
    });
    await products(api, "A");
  });
  after(() => api.close());

  it("generates its cases from the schema the code builds (schema/schema.graphql is current)", async () => {
    expect(printSchema(publicSchema)).to.equal(printSchema(lexicographicSortSchema(await schema())));
    expect(mutationFields().length).to.be.greaterThan(0);
  });

  describe("every mutation", () => {
    for (const field of mutationFields()) {
      const document = documentFor("mutation", field);

      it(`refuses ${field.name} without a key: UNAUTHENTICATED, HTTP 401, nothing written`, async () => {
        const before = await snapshot(api.db);
        const res = await api.gql(document, {}, as("anonymous"));
        expect(errorCode(res), document).to.equal("UNAUTHENTICATED");
        expect(res.status).to.equal(401);
        expect(res.headers.get("www-authenticate")).to.match(/^Bearer/);
        expect(res.data).to.equal(undefined);
        expect(await snapshot(api.db)).to.deep.equal(before);
      });

      it(`refuses ${field.name} with a support key: FORBIDDEN, HTTP 403, nothing written`, async () => {
        const before = await snapshot(api.db);
        for (const key of [TEST_KEYS.support, "helpdesk-key-0123456789abcdef"]) {
          const res = await api.gql(document, {}, { authorization: `Bearer ${key}` });
          expect(errorCode(res), document).to.equal("FORBIDDEN");
          expect(res.status).to.equal(403);
        }
        expect(await snapshot(api.db)).to.deep.equal(before);
      });

      it(`refuses ${field.name} with a wrong key: UNAUTHENTICATED`, async () => {
        const res = await api.gql(document, {}, WRONG);
        expect(errorCode(res)).to.equal("UNAUTHENTICATED");
        expect(res.status).to.equal(401);
      });

      it(`lets an admin key reach ${field.name} (the generated document is valid)`, async () => {
        const res = await api.gql(document, {});
        expect(["UNAUTHENTICATED", "FORBIDDEN", "GRAPHQL_VALIDATION_FAILED", "INTERNAL_SERVER_ERROR"]).not.to.include(errorCode(res));
      });
    }
  });

  describe("every query", () => {
    for (const field of queryFields()) {
      const document = documentFor("query", field);
      if (ANONYMOUS_QUERY_FIELDS.has(field.name)) {
        it(`answers ${field.name} without a key (storefront lookup)`, async () => {
          const res = await api.gql(document, {}, as("anonymous"));
          expect(["UNAUTHENTICATED", "FORBIDDEN"]).not.to.include(errorCode(res));
        });
      } else {
        it(`refuses ${field.name} without a key: UNAUTHENTICATED`, async () => {
          const res = await api.gql(document, {}, as("anonymous"));
          expect(errorCode(res), document).to.equal("UNAUTHENTICATED");
          expect(res.status).to.equal(401);
          expect(res.data).to.equal(undefined);
        });
      }
      it(`answers ${field.name} for a support key`, async () => {
        const res = await api.gql(document, {}, as("support"));
        expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
      });
      it(`refuses ${field.name} with a wrong key: UNAUTHENTICATED`, async () => {
        expect(errorCode(await api.gql(document, {}, WRONG))).to.equal("UNAUTHENTICATED");
      });
    }
  });

  describe("root fields cannot hide", () => {
    const cases: [string, string][] = [
      ["in a named fragment", `mutation { ...M } fragment M on Mutation { upsertProducts(input: [{ sku: "X", name: "X" }]) { sku } }`],
      ["in an inline fragment", `query { ... on Query { purchaseOrders { totalCount } } }`],
      ["in a fragment inside a fragment", `query { ...A } fragment A on Query { ...B } fragment B on Query { preOrders { totalCount } }`],
      ["behind @skip(if: true)", `query { __typename purchaseOrders @skip(if: true) { totalCount } }`],
      ["behind an alias", `query { promise: purchaseOrders { totalCount } }`],
      ["next to a public field", `query { __typename allocationRuns { totalCount } }`],
      ["in the second operation of a document", `query Public { __typename } query Private { purchaseOrders { totalCount } }`],
    ];
    for (const [how, document] of cases) {
      it(`refuses an admin or support field ${how} without a key`, async () => {
        const operationName = document.includes("query Private") ? "Private" : undefined;
        const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: document, operationName }) });
        const body = (await res.json()) as any;
        expect(body.errors?.[0]?.extensions?.code).to.equal("UNAUTHENTICATED");
      });
    }

    it("refuses a mutation in a fragment with a support key: FORBIDDEN", async () => {
      expect(errorCode(await api.gql(cases[0][1], {}, as("support")))).to.equal("FORBIDDEN");
    });
  });

  describe("keys", () => {
    it("answers __typename without a key", async () => {
      expect((await api.gql(TYPENAME, {}, as("anonymous"))).data).to.deep.equal({ __typename: "Query" });
    });

    const badHeaders: [string, string][] = [
      ["an unknown key", "Bearer not-a-key-of-this-server-000000"],
      ["a key's prefix", `Bearer ${TEST_KEYS.admin.slice(0, -1)}`],
      ["a key with a character added", `Bearer ${TEST_KEYS.admin}x`],
      ["a key in another case", `Bearer ${TEST_KEYS.admin.toUpperCase()}`],
      ["another scheme", `Basic ${Buffer.from(`admin:${TEST_KEYS.admin}`).toString("base64")}`],
      ["a bare key without Bearer", TEST_KEYS.admin],
      ["Bearer without a key", "Bearer"],
      ["two keys", `Bearer ${TEST_KEYS.admin} ${TEST_KEYS.support}`],
    ];
    for (const [what, header] of badHeaders) {
      it(`refuses ${what} with UNAUTHENTICATED, even for a public field`, async () => {
        const res = await api.gql(TYPENAME, {}, { authorization: header });
        expect(errorCode(res)).to.equal("UNAUTHENTICATED");
        expect(res.status).to.equal(401);
        expect(JSON.stringify(res)).not.to.include(TEST_KEYS.admin.slice(5, 20));
      });
    }

    it("accepts the scheme in any case and named keys of both roles", async () => {
      const runs = graphql(`query RunIds { allocationRuns { totalCount } }`);
      expect((await api.gql(runs, {}, { authorization: `bearer ${TEST_KEYS.support}` })).errors).to.equal(undefined);
      expect((await api.gql(runs, {}, { authorization: "Bearer helpdesk-key-0123456789abcdef" })).errors).to.equal(undefined);
      expect((await api.gql(UPSERT, { input: [{ sku: "B", name: "B" }] }, { authorization: "Bearer ops-key-0123456789abcdef" })).errors).to.equal(undefined);
    });

    it("records the key's name as the actor of allocation runs and history, and the role for an unnamed key", async () => {
      await purchaseOrder(api, "PO-ACTOR", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
      await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-ACTOR-1", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } },
        { authorization: "Bearer ops-key-0123456789abcdef" });
      await preOrder(api, "SO-ACTOR-2", daysAgo(1), [{ sku: "B", quantity: 1 }]);
      await purchaseOrder(api, "PO-ACTOR-B", [{ sku: "B", quantity: 10, arrivalDate: inDays(10) }]);
      const run = await api.gql(ALLOCATE, { id: "PO-ACTOR-B" }, { authorization: "Bearer ops-key-0123456789abcdef" });
      expect(run.errors).to.equal(undefined);
      expect(run.data.allocateSalesOrders.run?.triggeredBy).to.equal("ops");
      const events: { actor: string; reason: string }[] = await api.db.read((m) => m.query("SELECT actor, reason FROM allocation_event ORDER BY event_id"));
      expect(events.map((e) => e.actor)).to.deep.equal(["ops", "ops"]);

      await purchaseOrder(api, "PO-ACTOR-C", [{ sku: "A", quantity: 1, arrivalDate: inDays(10) }]);
      const unnamed = await api.gql(ALLOCATE, { id: "PO-ACTOR-C" });
      expect(unnamed.data.allocateSalesOrders.run?.triggeredBy).to.equal("admin");
    });
  });
});
