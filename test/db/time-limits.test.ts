import { expect } from "chai";
import { Connection, createConnection } from "mysql2/promise";
import { DatabaseLimits } from "../../src/config";
import { onMySql, openTestDb, snapshot, testDatabaseConfig } from "../support/database";
import { IMPORT_PRE_ORDER, PROMISE, UPDATE_PO_ITEM } from "../support/documents";
import { startFreezableProxy } from "../support/freezable-proxy";
import { daysAgo, inDays } from "../support/clock";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, as, errorCode, startTestServer } from "../support/server";

/** A test server on the test database (or on `url`, leading to it), with these limits on every connection. */
async function serverWithLimits(limits: Partial<DatabaseLimits>, url = testDatabaseConfig().url): Promise<TestServer> {
  return startTestServer(await openTestDb(undefined, { url, limits }));
}

/** How long `work` took, with what it answered. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

const health = async (api: TestServer) => {
  const res = await fetch(api.url.replace(/graphql$/, "healthz"));
  return { status: res.status, body: (await res.json()) as { status: string } };
};

const importA = (orderId: string) => ({ input: { orderId, orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } });

/**
 * Statement and lock-wait limits on every connection (MariaDB max_statement_time, MySQL
 * MAX_EXECUTION_TIME, innodb_lock_wait_timeout): whatever holds the database up, an operation
 * answers TIMEOUT with nothing written, and /healthz answers within a second.
 */
describe("Time limits when the database is held up (MariaDB/MySQL)", function () {
  this.timeout(120_000);
  let api: TestServer;
  let holder: Connection | undefined;
  before(function () {
    if (!onMySql()) this.skip();
  });
  afterEach(async () => {
    await holder?.end().catch(() => undefined);
    holder = undefined;
    await api?.close();
  });

  async function scenario(): Promise<void> {
    await products(api, "A");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }], { status: "APPROVED" });
    holder = await createConnection(testDatabaseConfig().url);
  }

  it("puts the configured limits on every connection of every lane", async () => {
    api = await serverWithLimits({ statementMs: 2500, readStatementMs: 700, lockWaitSeconds: 3 });
    const db = api.db;
    const settings = (lane: "admin" | "support" | "storefront") =>
      db.lane(lane).read((m) => m.query("SELECT @@max_statement_time AS statement, @@innodb_lock_wait_timeout AS lockWait"));
    expect(Number((await settings("admin"))[0].lockWait)).to.equal(3);
    expect(Number((await settings("admin"))[0].statement)).to.equal(2.5);
    expect(Number((await settings("support"))[0].statement)).to.equal(0.7);
    expect(Number((await settings("storefront"))[0].statement)).to.equal(0.7);
    const inWrite = await db.write((m) => m.query("SELECT @@max_statement_time AS statement, @@innodb_lock_wait_timeout AS lockWait"));
    expect(Number(inWrite[0].statement)).to.equal(2.5);
  });

  it("answers TIMEOUT, with nothing written, to writes that wait on a row lock past the lock-wait limit", async () => {
    api = await serverWithLimits({ lockWaitSeconds: 1, statementMs: 10_000 });
    await scenario();
    await holder!.query("BEGIN");
    await holder!.query("SELECT * FROM purchase_order_item FOR UPDATE");
    const before = await snapshot(api.db);

    const imported = await timed(() => api.gql(IMPORT_PRE_ORDER, importA("SO-1")));
    expect(errorCode(imported.result)).to.equal("TIMEOUT");
    expect(imported.ms, "waited about the lock-wait limit, not for the lock").to.be.within(900, 5000);
    expect(errorCode(await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 5 } }))).to.equal("TIMEOUT");
    // Reads never wait for row locks: the storefront and /healthz answer meanwhile.
    expect((await api.gql(PROMISE, { sku: "A" }, as("anonymous"))).data.productPromise).to.deep.include({ status: "PRE_ORDER", availableToPromise: 10 });
    expect((await health(api)).status).to.equal(200);
    expect(await snapshot(api.db)).to.deep.equal(before);

    await holder!.query("ROLLBACK");
    expect((await api.gql(IMPORT_PRE_ORDER, importA("SO-1"))).data.importPreOrder.created).to.equal(true);
  });

  it("answers TIMEOUT to statements that run past the statement limit, on writes and reads alike", async () => {
    api = await serverWithLimits({ lockWaitSeconds: 30, statementMs: 1500, readStatementMs: 800 });
    await scenario();
    // A table lock is no row lock: only the statement limit ends the wait for it.
    await holder!.query("LOCK TABLES purchase_order_item WRITE");

    const imported = await timed(() => api.gql(IMPORT_PRE_ORDER, importA("SO-2")));
    expect(errorCode(imported.result)).to.equal("TIMEOUT");
    expect(imported.ms).to.be.within(1400, 6000);
    const lookup = await timed(() => api.gql(PROMISE, { sku: "A" }, as("anonymous")));
    expect(errorCode(lookup.result), "the storefront's read limit").to.equal("TIMEOUT");
    expect(lookup.ms).to.be.within(700, 4000);
    const healthz = await timed(() => health(api));
    expect(healthz.result.status, "the database still answers").to.equal(200);
    expect(healthz.ms).to.be.below(1000);
    await expectAsync(api.db.lane("support").read((m) => m.query("SELECT SLEEP(5)")), "TIMEOUT");

    await holder!.query("UNLOCK TABLES");
    const [{ n }] = await api.db.read((m) => m.query("SELECT COUNT(*) AS n FROM order_header WHERE order_id = 'SO-2'"));
    expect(Number(n), "nothing of the timed-out import was written").to.equal(0);
    expect((await api.gql(IMPORT_PRE_ORDER, importA("SO-2"))).data.importPreOrder.created).to.equal(true);
  });

  it("answers /healthz within a second when the database does not answer at all: 503, then 200 again", async () => {
    const proxy = await startFreezableProxy(testDatabaseConfig().url);
    try {
      api = await serverWithLimits({}, proxy.url);
      expect((await health(api)).status).to.equal(200);
      proxy.freeze();
      const frozen = await timed(() => health(api));
      expect(frozen.result.status).to.equal(503);
      expect(frozen.result.body.status).to.match(/not answering/);
      expect(frozen.ms).to.be.below(1000);
      const again = await timed(() => health(api));
      expect(again.result.status).to.equal(503);
      expect(again.ms).to.be.below(1000);
      proxy.thaw();
      let status = 0;
      for (const until = Date.now() + 10_000; status !== 200 && Date.now() < until; await new Promise((r) => setTimeout(r, 100))) status = (await health(api)).status;
      expect(status).to.equal(200);
    } finally {
      proxy.thaw();
      await api?.close();
      api = undefined as unknown as TestServer;
      await proxy.close();
    }
  });
});

async function expectAsync(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e as { code?: string });
  expect(error?.code).to.equal(code);
}
