import { expect } from "chai";
import { PurgeWorker } from "../../src/edge/purge-worker";
import { Varnish, startVarnish, varnishAvailable } from "../../scripts/edge";
import { daysAgo, inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { PROMISE } from "../support/documents";
import { allocate, preOrder, products, purchaseOrder } from "../support/scenario";
import { TEST_KEYS, TestServer, startTestServer } from "../support/server";

const QUIET = { info: () => undefined, warn: () => undefined };
/** The worker's interval in these tests: a changed promise must show through the cache within it (plus the purge's own time). */
const INTERVAL_MS = 100;

/**
 * The storefront through a real Varnish (deploy/varnish/default.vcl) in front of a test server,
 * kept fresh by the purge worker. Needs Debian's varnish and varnish-modules: without them the
 * tests are skipped with a message, except under CI=true, where .ci/run installs them and their
 * absence fails the run.
 */
describe("The storefront through Varnish, kept fresh by the purge worker", function () {
  this.timeout(120_000);
  let api: TestServer;
  let varnish: Varnish;
  let worker: PurgeWorker;

  before(async function () {
    if (!varnishAvailable()) {
      if (process.env.CI === "true") throw new Error("CI=true but varnishd with the xkey vmod is missing: apt-get install -y varnish varnish-modules");
      console.log("    (skipped: varnishd with the xkey vmod is not installed; apt-get install -y varnish varnish-modules)");
      this.skip();
    }
    api = await startTestServer(await openTestDb());
    varnish = await startVarnish(new URL(api.url).origin);
    worker = new PurgeWorker(api.db, {
      purgeUrls: [`${varnish.url}/`], purgeIntervalMs: INTERVAL_MS, purgeBatchSize: 500, purgeRetryMaxMs: 400, purgeKeepDoneSeconds: 3600,
    }, QUIET);
    worker.start();
    await products(api, { sku: "A", name: "A", inventoryAvailable: 0 }, { sku: "B", name: "B", inventoryAvailable: 0 }, "C");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(20) }, { sku: "B", quantity: 10, arrivalDate: inDays(20) }]);
    await purchaseOrder(api, "PO-2", [{ sku: "C", quantity: 10, arrivalDate: inDays(20) }]);
    await waitFor(async () => (await pending()) === 0, "the set-up's purges");
  });
  after(async () => {
    await worker?.stop();
    await varnish?.stop(true);
    await api?.close();
  });

  const pending = async (): Promise<number> => Number((await api.db.read((m) => m.query("SELECT COUNT(*) AS n FROM promise_purge WHERE done = 0")))[0].n);

  /** A PDP lookup through Varnish, as the storefront sends it (GET, preflight header), plus `headers`. */
  const lookup = async (sku: string, headers: Record<string, string> = {}) => {
    const params = new URLSearchParams({ query: PROMISE.toString(), variables: JSON.stringify({ sku }) });
    const response = await fetch(`${varnish.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "true", ...headers } });
    const body = (await response.json()) as { data?: { productPromise: { availableToPromise: number } | null } };
    return { status: response.status, cache: response.headers.get("x-cache"), atp: body.data?.productPromise?.availableToPromise, response };
  };

  /** Polls `check` every 20 ms until it holds; answers how long that took; fails after `ms`. */
  async function waitFor(check: () => Promise<boolean>, what: string, ms = 5000): Promise<number> {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - start;
  }

  it("answers a second lookup from the cache", async () => {
    const first = await lookup("A");
    const second = await lookup("A");
    expect(first.status).to.equal(200);
    expect(first.cache).to.equal("MISS");
    expect(second.cache).to.equal("HIT");
    expect(second.atp).to.equal(first.atp);
    expect(second.response.headers.get("xkey"), "the tags stay inside the cache").to.equal(null);
  });

  it("never keeps an admin request, a request with a cookie, a POST or an error", async () => {
    const admin = { authorization: `Bearer ${TEST_KEYS.admin}` };
    expect((await lookup("B", admin)).cache).to.equal("MISS");
    expect((await lookup("B", admin)).cache).to.equal("MISS");
    expect((await lookup("B", { cookie: "session=1" })).cache).to.equal("MISS");
    expect((await lookup("B", { cookie: "session=1" })).cache).to.equal("MISS");
    const post = () => fetch(`${varnish.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ productPromise(sku: "B") { sku } }` }) });
    expect((await post()).headers.get("x-cache")).to.equal("MISS");
    expect((await post()).headers.get("x-cache")).to.equal("MISS");
    const bad = () => fetch(`${varnish.url}/graphql?${new URLSearchParams({ query: `{ productPromise(sku: "B", quantity: 0) { sku } }` })}`, { headers: { "apollo-require-preflight": "true" } });
    const refused = await bad();
    expect(((await refused.json()) as { errors?: unknown[] }).errors).to.have.length(1);
    expect((await bad()).headers.get("x-cache")).to.equal("MISS");
  });

  it("shows the new ATP of a SKU a pre-order import changed within the worker's interval, and keeps the other SKUs cached", async () => {
    await lookup("A");
    await lookup("B");
    expect((await lookup("A")).cache).to.equal("HIT");
    const before = (await lookup("A")).atp!;
    await preOrder(api, "SO-1", daysAgo(1), [{ sku: "A", quantity: 3 }]);
    const took = await waitFor(async () => (await lookup("A")).atp === before - 3, "the import's new ATP through Varnish", 2000);
    expect(took).to.be.below(INTERVAL_MS + 1000);
    expect((await lookup("B")).cache, "another SKU stays cached").to.equal("HIT");
  });

  it("shows the new ATP after Allocate Sales Orders, for that SKU only; a dry run queues no purge", async () => {
    await preOrder(api, "SO-2", daysAgo(2), [{ sku: "C", quantity: 4 }]);
    await waitFor(async () => (await pending()) === 0, "purges");
    await lookup("A");
    expect((await lookup("A")).cache).to.equal("HIT");
    // A pre-order that fits no PO waits; a new PO and Allocate Sales Orders tie it.
    await preOrder(api, "SO-3", daysAgo(1), [{ sku: "B", quantity: 12 }]);
    await purchaseOrder(api, "PO-3", [{ sku: "B", quantity: 20, arrivalDate: inDays(25) }]);
    await waitFor(async () => (await pending()) === 0, "purges");
    const before = (await lookup("B")).atp!;
    expect((await lookup("B")).cache).to.equal("HIT");
    await allocate(api, "PO-3", true);
    expect(await pending(), "a rolled-back dry run writes no outbox row").to.equal(0);
    expect((await lookup("B")).atp).to.equal(before);
    await allocate(api, "PO-3");
    await waitFor(async () => (await lookup("B")).atp === before - 12, "the allocation's new ATP through Varnish", 2000);
    expect((await lookup("A")).cache, "another SKU stays cached").to.equal("HIT");
  });

  it("applies a purge that failed while Varnish was stopped once it is back", async () => {
    await varnish.stop();
    const before = (await api.db.read((m) => m.query("SELECT COALESCE(MAX(purge_id), 0) AS id FROM promise_purge")))[0].id;
    await preOrder(api, "SO-4", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    const failedOnce = async () => {
      const [row] = await api.db.read((m) => m.query("SELECT attempts, done, last_error FROM promise_purge WHERE purge_id > ? ORDER BY purge_id", [before]));
      return row !== undefined && Number(row.attempts) > 0 && Number(row.done) === 0;
    };
    await waitFor(failedOnce, "a failed purge attempt while Varnish is down");
    await varnish.restart();
    await waitFor(async () => (await pending()) === 0, "the purge once Varnish is back", 5000);
    const [row] = await api.db.read((m) => m.query("SELECT attempts, done FROM promise_purge WHERE purge_id > ? ORDER BY purge_id", [before]));
    expect(Number(row.done)).to.equal(1);
    expect(Number(row.attempts)).to.be.above(0);
    expect((await lookup("A")).atp).to.equal(10 - 3 - 1);
  });
});
