import { expect } from "chai";
import { seedAllocationWorkload } from "../../bench/seed-allocation";
import { Db } from "../../src/db";
import { onMySql, openTestDb, runAllocation, testDatabaseConfig } from "../support/database";
import { ALLOCATE } from "../support/documents";
import { expectAllocationInvariants } from "../support/invariants";
import { ServerProcess, startServerProcess } from "../support/server-process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The connection (thread id) of a run that is writing its ties or history on this database, if
 * any. (The process list, not information_schema.innodb_trx: MariaDB's INNODB_TRX cache was seen
 * to stay empty while a transaction holding tens of thousands of row locks was running.)
 */
async function writingRun(db: Db, database: string): Promise<number | undefined> {
  const rows: Record<string, unknown>[] = await db.read((m) => m.query(
    `SELECT id FROM information_schema.processlist WHERE db = ?
     AND (info LIKE 'UPDATE sales_order_item s JOIN%' OR info LIKE 'INSERT INTO allocation_event%')`, [database]));
  return rows.length ? Number(rows[0].id) : undefined;
}

async function connectionOpen(db: Db, threadId: number): Promise<boolean> {
  const [{ n }] = await db.read((m) => m.query("SELECT COUNT(*) AS n FROM information_schema.processlist WHERE id = ?", [threadId]));
  return Number(n) > 0;
}

describe("Allocate Sales Orders when the server is killed mid-run (MariaDB/MySQL)", function () {
  this.timeout(300_000);
  let db: Db;
  let server: ServerProcess | undefined;
  before(function () {
    if (!onMySql()) this.skip();
  });
  afterEach(async () => {
    await server?.kill();
    await db?.close();
  });

  it("leaves none of the killed run in the database, and the next run completes", async () => {
    const database = new URL(testDatabaseConfig().url).pathname.slice(1);
    db = await openTestDb();
    // Arrivals 30 days ahead: the seed reads the test clock, the server process real time.
    await seedAllocationWorkload(db, { products: 600, waitingItems: 30_000, purchaseOrderId: "PO-CRASH", prefix: "CRASH" });
    const expected = await runAllocation(db, "PO-CRASH", "test", true);
    expect(expected.allocatedItemCount).to.be.greaterThan(10_000);

    server = await startServerProcess(testDatabaseConfig().url);
    const request = server.gql(ALLOCATE, { id: "PO-CRASH" }).then(() => "answered", () => "connection lost");
    let answered = false;
    void request.then((outcome) => { answered = outcome === "answered"; });

    // Kill it once it is writing ties or history: the run is half done.
    let thread: number | undefined;
    for (const until = Date.now() + 120_000; Date.now() < until && !answered && thread === undefined; await sleep(5)) {
      thread = await writingRun(db, database);
    }
    expect(answered, "the run finished before it could be killed; seed more items").to.equal(false);
    expect(thread, "never saw the run writing").to.be.a("number");
    await server.kill();
    expect(await request).to.equal("connection lost");

    // MariaDB notices the dropped connection, rolls its transaction back and ends the thread.
    for (const until = Date.now() + 120_000; await connectionOpen(db, thread!); await sleep(50)) {
      if (Date.now() > until) throw new Error("the killed run's connection is still open after 120 s");
    }
    const [counts] = await db.read((m) => m.query(
      `SELECT (SELECT COUNT(*) FROM allocation_run) AS runs, (SELECT COUNT(*) FROM allocation_event) AS events,
              (SELECT COUNT(*) FROM sales_order_item WHERE po_item_id IS NOT NULL OR promised_datetime IS NOT NULL) AS tied,
              (SELECT COALESCE(SUM(allocated_quantity), 0) FROM purchase_order_item) AS allocated`));
    expect({ runs: Number(counts.runs), events: Number(counts.events), tied: Number(counts.tied), allocated: Number(counts.allocated) })
      .to.deep.equal({ runs: 0, events: 0, tied: 0, allocated: 0 });

    const again = await runAllocation(db, "PO-CRASH", "test");
    expect(again.allocations).to.deep.equal(expected.allocations);
    expect(again.run!.allocatedItemCount).to.equal(expected.allocatedItemCount);
    await expectAllocationInvariants(db);
  });
});
