import { expect } from "chai";
import { openTestDb } from "../support/database";
import { PROMISE, PROMISES, UPSERT } from "../support/documents";
import { ResultOf, TestServer, as, startTestServer } from "../support/server";

const ADMIN = as("admin");
const ANONYMOUS = as("anonymous");

describe("PDP promises carry Cache-Control for a CDN: public for anonymous promise lookups only", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer(await openTestDb(), { promiseCacheMaxAge: 30 });
    await api.gql(UPSERT, { input: [{ sku: "A", name: "A" }] }, ADMIN);
  });
  after(() => api.close());

  /** The Cache-Control of an answer: the request's text is the subject here, so it goes as plain text. */
  const cacheControl = async (query: string | String, variables?: Record<string, unknown>, headers: Record<string, string> = ANONYMOUS) =>
    (await api.gql(query.toString(), variables, headers)).headers.get("cache-control");

  it("lets a CDN keep an anonymous productPromise or productPromises answer for the configured seconds", async () => {
    expect(await cacheControl(PROMISE, { sku: "A" })).to.equal("public, max-age=30");
    expect(await cacheControl(PROMISES, { skus: ["A", "UNKNOWN"] })).to.equal("public, max-age=30");
    expect(await cacheControl(`fragment F on Query { productPromise(sku: "A") { status } } { __typename ...F ... on Query { productPromises(skus: ["A"]) { sku } } }`))
      .to.equal("public, max-age=30");
  });

  it("serves the same over GET, the form CDNs cache", async () => {
    const params = new URLSearchParams({ query: PROMISE.toString(), variables: JSON.stringify({ sku: "A" }) });
    const response = await fetch(`${api.url}?${params}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).to.equal(200);
    expect(response.headers.get("cache-control")).to.equal("public, max-age=30");
    expect(((await response.json()) as { data: ResultOf<typeof PROMISE> }).data.productPromise?.status).to.equal("OUT_OF_STOCK");
  });

  it("never lets a CDN keep an admin answer, another field, an error or a mutation", async () => {
    expect(await cacheControl(PROMISE, { sku: "A" }, ADMIN)).to.equal("no-store");
    expect(await cacheControl(`{ productPromise(sku: "A") { status } purchaseOrder(id: "PO-1") { id } }`)).to.equal("no-store");
    expect(await cacheControl(`fragment F on Query { purchaseOrder(id: "PO-1") { id } } { productPromise(sku: "A") { status } ...F }`)).to.equal("no-store");
    expect(await cacheControl(PROMISE, { sku: "A", quantity: 0 })).to.equal("no-store");
    expect(await cacheControl(`{ productPromise(sku: 1) { status } }`)).to.equal("no-store");
    expect(await cacheControl(`{ productPromise(`)).to.equal("no-store");
    expect(await cacheControl(`mutation { upsertProducts(input: [{ sku: "B", name: "B" }]) { sku } }`)).to.equal("no-store");
    const badJson = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(badJson.headers.get("cache-control")).to.equal("no-store");
  });

  it("makes every answer no-store when the max age is 0", async () => {
    const uncached = await startTestServer(api.db, { promiseCacheMaxAge: 0 });
    try {
      expect((await uncached.gql(PROMISE, { sku: "A" }, ANONYMOUS)).headers.get("cache-control")).to.equal("no-store");
    } finally {
      await uncached.app.stop();
    }
  });
});
