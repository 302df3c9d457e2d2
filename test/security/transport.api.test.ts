import { expect } from "chai";
import { buildWeb } from "../support/build-web";
import { TYPENAME } from "../support/documents";
import { TEST_KEYS, TestServer, as, errorCode, startTestServer } from "../support/server";

const ADMIN = { authorization: `Bearer ${TEST_KEYS.admin}` };

describe("Transport: CSRF prevention and production mode", () => {
  let api: TestServer;
  before(async () => {
    buildWeb(); // the development server's landing page is the built GraphiQL page
    api = await startTestServer();
  });
  after(() => api.close());

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}?query=${encodeURIComponent(query)}`, { headers: { ...ADMIN, ...headers } });

  describe("CSRF prevention (requests a browser form or <img> could send are refused)", () => {
    it("refuses a simple GET without a preflight header", async () => {
      const res = await get("{ purchaseOrders { totalCount } }");
      expect(res.status).to.equal(400);
      expect(await res.text()).to.match(/Cross-Site Request Forgery/);
    });

    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      it(`refuses a POST with content-type ${type.split(";")[0]}`, async () => {
        const body = type.startsWith("application/x-www") ? "query=%7B__typename%7D" : JSON.stringify({ query: "{ __typename }" });
        const res = await fetch(api.url, { method: "POST", headers: { ...ADMIN, "content-type": type }, body });
        expect(res.status).to.equal(400);
        expect(await res.text()).to.match(/Cross-Site Request Forgery/);
      });
    }

    it("refuses a POST without a content-type", async () => {
      const res = await fetch(api.url, { method: "POST", headers: ADMIN, body: new Uint8Array(Buffer.from(JSON.stringify({ query: "{ __typename }" }))) });
      expect(res.status).to.equal(400);
    });

    it("answers an application/json POST, and a GET query that carries a preflight header", async () => {
      expect((await api.gql(TYPENAME)).data).to.deep.equal({ __typename: "Query" });
      const res = await get("{ __typename }", { "apollo-require-preflight": "true" });
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({ data: { __typename: "Query" } });
    });

    it("never runs a mutation over GET", async () => {
      const res = await get(`mutation { upsertProducts(input: [{ sku: "G", name: "G" }]) { sku } }`, { "apollo-require-preflight": "true" });
      expect(res.status).to.equal(405);
    });

    it("refuses a subscription (the API has none) as a validation error, not an internal one", async () => {
      for (const headers of [ADMIN, {}]) {
        const res = await fetch(api.url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ query: "subscription { __typename }" }) });
        const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
        expect(res.status).to.equal(400);
        expect(body.errors[0].extensions.code).to.equal("GRAPHQL_VALIDATION_FAILED");
      }
    });

    it("marks every response nosniff and with its request id", async () => {
      const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(res.headers.get("x-content-type-options")).to.equal("nosniff");
      expect(res.headers.get("x-request-id")).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  describe("introspection", () => {
    const INTROSPECT = `{ __schema { queryType { name } } }`;

    it("needs a key even where it is enabled: anonymous UNAUTHENTICATED, support and admin answered", async () => {
      expect(errorCode(await api.gql(INTROSPECT, {}, as("anonymous")))).to.equal("UNAUTHENTICATED");
      expect(errorCode(await api.gql(`{ __type(name: "Mutation") { fields { name } } }`, {}, as("anonymous")))).to.equal("UNAUTHENTICATED");
      expect((await api.gql(INTROSPECT, {}, as("support"))).data).to.deep.equal({ __schema: { queryType: { name: "Query" } } });
      expect((await api.gql(INTROSPECT)).errors).to.equal(undefined);
    });
  });

  describe("production settings (introspection and landing page off)", () => {
    let prod: TestServer;
    before(async () => {
      prod = await startTestServer(api.db, { introspection: false, landingPage: false });
    });
    after(() => prod.app.stop());

    it("refuses introspection even to an admin key", async () => {
      const res = await prod.gql(`{ __schema { types { name } } }`);
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors![0].message).to.match(/introspection/i);
    });

    it("gives no 'Did you mean' hints that would leak the schema", async () => {
      const res = await prod.gql(`{ purchaseOrdrs { totalCount } }`, {}, as("anonymous"));
      expect(errorCode(res)).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors![0].message).not.to.match(/Did you mean/);
      // The development server gives hints to keys only (test/security/anonymous-edge.api.test.ts).
      const dev = await api.gql(`{ purchaseOrdrs { totalCount } }`, {}, as("support"));
      expect(dev.errors![0].message).to.match(/Did you mean "purchaseOrders"/);
    });

    it("serves no landing page to a browser, while the development server does", async () => {
      const res = await fetch(prod.url, { headers: { accept: "text/html" } });
      expect(res.headers.get("content-type") ?? "").not.to.include("text/html");
      await res.arrayBuffer();
      const dev = await fetch(api.url, { headers: { accept: "text/html" } });
      expect(dev.status).to.equal(200);
      expect(dev.headers.get("content-type")).to.include("text/html");
      await dev.arrayBuffer();
    });
  });
});
