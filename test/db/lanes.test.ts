import { expect } from "chai";
import { Connection, createConnection } from "mysql2/promise";
import { Db } from "../../src/db";
import { daysAgo, inDays } from "../support/clock";
import { ensureMySqlDatabase, onMySql, openTestDb, testDatabaseConfig } from "../support/database";
import { IMPORT_PRE_ORDER, PRE_ORDERS, PROMISE, PURCHASE_ORDER } from "../support/documents";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, as, errorCode, startTestServer } from "../support/server";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whichever comes first: the answer, or "still waiting" after `ms`. */
const within = <T>(ms: number, work: Promise<T>): Promise<T | "still waiting"> => Promise.race([work, sleep(ms).then(() => "still waiting" as const)]);

const health = async (api: TestServer) => (await fetch(api.url.replace(/graphql$/, "healthz"))).status;

/**
 * Lanes (src/db/db.ts): writes and admin reads on the primary pool, support reads and the
 * storefront's anonymous lookups each on a pool of their own (on DATABASE_READ_URL when set),
 * heavy writes a few at a time.
 */
describe("Lanes: who waits behind whom (MariaDB/MySQL)", function () {
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

  it("answers the storefront, support and /healthz while every write connection waits on a lock", async () => {
    api = await startTestServer(await openTestDb(undefined, { limits: { poolSize: 3, readPoolSize: 2, lockWaitSeconds: 20 } }));
    await products(api, "A");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 50, arrivalDate: inDays(10) }], { status: "APPROVED" });
    holder = await createConnection(testDatabaseConfig().url);
    await holder.query("BEGIN");
    await holder.query("SELECT * FROM purchase_order_item FOR UPDATE");

    // 24 imports: three hold the primary's connections waiting for the lock, the rest queue for one
    // (more than the 20 connections the one shared pool used to have).
    const imports = Array.from({ length: 24 }, (_, i) => api.gql(IMPORT_PRE_ORDER, { input: { orderId: `SO-${i}`, orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }));
    await sleep(300);
    const lookup = await within(3000, api.gql(PROMISE, { sku: "A" }, as("anonymous")));
    if (lookup === "still waiting") expect.fail("the storefront's lookup waited behind the writes");
    expect(lookup.data.productPromise?.availableToPromise).to.equal(50);
    const support = await within(3000, api.gql(PRE_ORDERS, {}, as("support")));
    expect(support, "a support query").not.to.equal("still waiting");
    expect(await within(1000, health(api))).to.equal(200);

    await holder.query("ROLLBACK");
    const answers = await Promise.all(imports);
    expect(answers.map(errorCode)).to.deep.equal(Array(24).fill(undefined));
  });

  it("reads the storefront's and support's answers from DATABASE_READ_URL, and an admin's from the primary, which it just wrote", async () => {
    // A "replica" that has not caught up: another database, migrated, where nothing arrives.
    const replica = new URL(testDatabaseConfig().url);
    replica.pathname = `${replica.pathname}_replica`;
    await ensureMySqlDatabase(replica.toString(), { recreate: true });
    await (await Db.open({ ...testDatabaseConfig(), url: replica.toString() })).close();
    api = await startTestServer(await openTestDb(undefined, { readUrl: replica.toString() }));
    try {
      await products(api, "A");
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 50, arrivalDate: inDays(10) }], { status: "APPROVED" });

      expect((await api.gql(PURCHASE_ORDER, { id: "PO-1" })).data.purchaseOrder?.id, "the admin reads its own write").to.equal("PO-1");
      expect((await api.gql(PURCHASE_ORDER, { id: "PO-1" }, as("support"))).data.purchaseOrder, "support reads the replica").to.equal(null);
      expect((await api.gql(PROMISE, { sku: "A" }, as("anonymous"))).data.productPromise, "the storefront reads the replica").to.equal(null);
      expect(await health(api)).to.equal(200);
    } finally {
      await api.close();
      api = undefined as unknown as TestServer;
      await ensureMySqlDatabase(replica.toString(), { drop: true });
    }
  });

  it("runs at most DB_MAX_HEAVY_WRITES heavy writes at once, the others in turn, and ordinary writes beside them", async () => {
    const db = await openTestDb(undefined, { limits: { heavyWrites: 2, lockWaitSeconds: 5 } });
    let heavy = 0;
    let mostHeavy = 0;
    let mostInAll = 0;
    let inAll = 0;
    const unit = (isHeavy: boolean) => db.write(async (m) => {
      inAll++;
      if (isHeavy) mostHeavy = Math.max(mostHeavy, ++heavy);
      mostInAll = Math.max(mostInAll, inAll);
      await m.query("SELECT SLEEP(0.2)");
      if (isHeavy) heavy--;
      inAll--;
    }, { heavy: isHeavy });
    try {
      await Promise.all([...Array.from({ length: 6 }, () => unit(true)), ...Array.from({ length: 4 }, () => unit(false))]);
      expect(mostHeavy).to.equal(2);
      expect(mostInAll).to.be.greaterThan(2);

      // A heavy write that cannot get a turn within the lock-wait limit: TIMEOUT, and it never ran.
      const one = await Db.open({ ...testDatabaseConfig(), limits: { heavyWrites: 1, lockWaitSeconds: 1 } });
      try {
        let ran = 0;
        const long = one.write((m) => m.query("SELECT SLEEP(2)"), { heavy: true });
        const queued = one.write(async () => { ran++; }, { heavy: true }).then(() => "ran", (e: { code?: string; message: string }) => `${e.code}: ${e.message}`);
        expect(await queued).to.match(/^TIMEOUT: 1 heavy writes \(Allocate Sales Orders\) are already running on this server/);
        expect(ran).to.equal(0);
        await long;
      } finally {
        await one.close();
      }
    } finally {
      await db.close();
    }
  });
});
