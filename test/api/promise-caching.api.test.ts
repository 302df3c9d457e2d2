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

  /** An anonymous GET, as the storefront sends it (with the CSRF preflight header): the form caches store. */
  const get = (url: string, query: string | String, variables?: Record<string, unknown>) => {
    const params = new URLSearchParams({ query: query.toString(), ...(variables ? { variables: JSON.stringify(variables) } : {}) });
    return fetch(`${url}?${params}`, { headers: { "apollo-require-preflight": "true" } });
  };
  const getCacheControl = async (query: string | String, variables?: Record<string, unknown>) =>
    (await get(api.url, query, variables)).headers.get("cache-control");

  /** The Cache-Control of an answer: the request's text is the subject here, so it goes as plain text. */
  const cacheControl = async (query: string | String, variables?: Record<string, unknown>, headers: Record<string, string> = ANONYMOUS) =>
    (await api.gql(query.toString(), variables, headers)).headers.get("cache-control");

  it("lets browsers keep an anonymous GET productPromise or productPromises answer for the configured seconds, and shared caches for s-maxage", async () => {
    const expected = "public, max-age=30, s-maxage=3600";
    expect(await getCacheControl(PROMISE, { sku: "A" })).to.equal(expected);
    expect(await getCacheControl(PROMISES, { skus: ["A", "UNKNOWN"] })).to.equal(expected);
    expect(await getCacheControl(`fragment F on Query { productPromise(sku: "A") { status } } { __typename ...F ... on Query { productPromises(skus: ["A"]) { sku } } }`))
      .to.equal(expected);
  });

  it("names every SKU the answer read in xkey, Surrogate-Key and Cache-Tag, encoded as tags (unknown SKUs too: creating one must purge)", async () => {
    const response = await get(api.url, PROMISES, { skus: ["UNKNOWN", "A", "MUG RED/ü", "A"] });
    expect(response.headers.get("xkey")).to.equal("A MUG_20RED_2F_C3_BC UNKNOWN");
    expect(response.headers.get("surrogate-key")).to.equal("A MUG_20RED_2F_C3_BC UNKNOWN");
    expect(response.headers.get("cache-tag")).to.equal("A,MUG_20RED_2F_C3_BC,UNKNOWN");
  });

  it("sends only the configured tag headers, and the configured s-maxage", async () => {
    const other = await startTestServer(api.db, { promiseCacheMaxAge: 5, edge: { sharedMaxAge: 60, tagHeaders: ["cache-tag"] } });
    try {
      const response = await get(other.url, PROMISE, { sku: "A" });
      expect(response.headers.get("cache-control")).to.equal("public, max-age=5, s-maxage=60");
      expect(response.headers.get("cache-tag")).to.equal("A");
      expect(response.headers.get("xkey")).to.equal(null);
      expect(response.headers.get("surrogate-key")).to.equal(null);
    } finally {
      await other.app.stop();
    }
  });

  it("keeps an answer whose tags would not fit a cache's header limit out of shared caches", async () => {
    const skus = Array.from({ length: 250 }, (_, i) => `SKU-${"X".repeat(40)}-${i}`);
    const response = await get(api.url, PROMISES, { skus });
    expect(response.status).to.equal(200);
    expect(response.headers.get("cache-control")).to.equal("private, max-age=30");
    expect(response.headers.get("xkey")).to.equal(null);
  });

  it("counts every tag header together against the limit: three copies of a long list are private, one copy may be public", async () => {
    // 250 SKUs of two CJK characters and a number: about 5,400 bytes of tags, three times over with the default headers
    // (found by an outside tester: a 16 KB header block, which Node's HTTP client and proxies refuse).
    const skus = Array.from({ length: 250 }, (_, i) => `日本${i}`);
    const three = await get(api.url, PROMISES, { skus });
    expect(three.headers.get("cache-control")).to.equal("private, max-age=30");
    expect(three.headers.get("xkey")).to.equal(null);
    const other = await startTestServer(api.db, { promiseCacheMaxAge: 30, edge: { sharedMaxAge: 3600, tagHeaders: ["xkey"] } });
    try {
      const one = await get(other.url, PROMISES, { skus });
      expect(one.headers.get("cache-control")).to.equal("public, max-age=30, s-maxage=3600");
      expect(one.headers.get("xkey")!.split(" ")).to.have.length(250);
    } finally {
      await other.app.stop();
    }
  });

  it("sends Vary: Accept with every answer a cache may keep (the content type follows Accept), and none with no-store", async () => {
    const json = await get(api.url, PROMISE, { sku: "A" });
    expect(json.headers.get("vary")).to.equal("accept");
    const graphqlJson = await fetch(`${api.url}?${new URLSearchParams({ query: PROMISE.toString(), variables: JSON.stringify({ sku: "A" }) })}`,
      { headers: { "apollo-require-preflight": "true", accept: "application/graphql-response+json" } });
    expect(graphqlJson.headers.get("content-type")).to.equal("application/graphql-response+json; charset=utf-8");
    expect(graphqlJson.headers.get("vary")).to.equal("accept");
    const skus = Array.from({ length: 250 }, (_, i) => `SKU-${"X".repeat(40)}-${i}`);
    expect((await get(api.url, PROMISES, { skus })).headers.get("vary")).to.equal("accept");
    expect((await api.gql(PROMISE.toString(), { sku: "A" }, ANONYMOUS)).headers.get("vary")).to.equal(null);
  });

  it("gives the empty SKU, which no product can have, no tag (an empty tag header is refused by some CDNs)", async () => {
    const response = await get(api.url, PROMISES, { skus: ["", "A"] });
    expect(response.headers.get("xkey")).to.equal("A");
    const alone = await get(api.url, PROMISE, { sku: "" });
    expect(alone.headers.get("cache-control")).to.equal("public, max-age=30, s-maxage=3600");
    expect(alone.headers.has("xkey")).to.equal(false);
    expect(alone.headers.has("cache-tag")).to.equal(false);
  });

  it("keeps a POST out of every cache: caches store GETs", async () => {
    expect(await cacheControl(PROMISE, { sku: "A" })).to.equal("no-store");
  });

  it("serves the same over GET, the form CDNs cache", async () => {
    const params = new URLSearchParams({ query: PROMISE.toString(), variables: JSON.stringify({ sku: "A" }) });
    const response = await fetch(`${api.url}?${params}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).to.equal(200);
    expect(response.headers.get("cache-control")).to.equal("public, max-age=30, s-maxage=3600");
    expect(((await response.json()) as { data: ResultOf<typeof PROMISE> }).data.productPromise?.status).to.equal("OUT_OF_STOCK");
  });

  it("never lets a CDN keep an admin answer, another field, an error or a mutation", async () => {
    expect(await cacheControl(PROMISE, { sku: "A" }, ADMIN)).to.equal("no-store");
    const adminGet = await fetch(`${api.url}?${new URLSearchParams({ query: PROMISE.toString(), variables: JSON.stringify({ sku: "A" }) })}`,
      { headers: { "apollo-require-preflight": "true", ...ADMIN } as Record<string, string> });
    expect(adminGet.headers.get("cache-control")).to.equal("no-store");
    expect(adminGet.headers.get("xkey")).to.equal(null);
    expect(await getCacheControl(`{ productPromise(sku: "A") { status } purchaseOrder(id: "PO-1") { id } }`)).to.equal("no-store");
    expect(await getCacheControl(PROMISE, { sku: "A", quantity: 0 })).to.equal("no-store");
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
      expect((await get(uncached.url, PROMISE, { sku: "A" })).headers.get("cache-control")).to.equal("no-store");
    } finally {
      await uncached.app.stop();
    }
  });
});
