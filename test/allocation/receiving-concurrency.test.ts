import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { onMySql, testDatabaseConfig } from "../support/database";
import { ALLOCATE, IMPORT_PRE_ORDER, RECEIVE } from "../support/documents";
import { lifecycleViolations, unitLedgerViolations } from "../support/invariants";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, TestServer, startTestServer } from "../support/server";
import { ServerProcess, startServerProcess } from "../support/server-process";

const SKUS = ["R1", "R2", "R3", "R4"];

/** Receipts of each PO-R item, in chunks that add up to its quantity (R4 has no arrival date and stays open, so the PO does too). */
const RECEIPTS: [string, number][] = [
  ...Array<[string, number]>(4).fill(["00001", 3]), ...Array<[string, number]>(3).fill(["00002", 5]),
  ...Array<[string, number]>(5).fill(["00003", 2]), ...Array<[string, number]>(5).fill(["00004", 5]),
];

const newPreOrder = (i: number) => ({
  orderId: `SO-RNEW-${String(i).padStart(3, "0")}`,
  orderDate: daysAgo(0),
  items: [{ sku: SKUS[i % 4], quantity: (i % 3) + 1 }, ...(i % 2 ? [{ sku: SKUS[(i + 1) % 4], quantity: 1 }] : [])],
});

describe("Receiving under concurrency (MariaDB/MySQL)", function () {
  this.timeout(240_000);
  let api: TestServer;
  const servers: ServerProcess[] = [];
  before(function () {
    if (!onMySql()) this.skip();
  });
  beforeEach(async () => {
    api = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    await api?.close();
  });

  it("receipts racing imports and allocations of the same products on two servers: allocation invariants hold and no unit is counted twice", async () => {
    const url = testDatabaseConfig().url;
    servers.push(...(await Promise.all([startServerProcess(url), startServerProcess(url)])));
    await products(api, ...SKUS);
    // Some tied at once (PO first), some waiting for the allocation runs.
    await purchaseOrder(api, "PO-R", [
      { sku: "R1", quantity: 12, arrivalDate: inDays(10) },
      { sku: "R1", quantity: 15, arrivalDate: inDays(20), orderBuffer: 2 },
      { sku: "R2", quantity: 10, arrivalDate: inDays(15) },
      { sku: "R3", quantity: 25, arrivalDate: inDays(12), orderBuffer: 5 },
      { sku: "R4", quantity: 5, arrivalDate: null },
    ], { status: "APPROVED" });
    for (let i = 0; i < 30; i++) await preOrder(api, `SO-R${String(i).padStart(3, "0")}`, daysAgo(40 - i), [{ sku: SKUS[i % 4], quantity: (i % 3) + 1 }]);

    const calls: Promise<GqlResponse<unknown>>[] = [];
    for (let i = 0; i < 40; i++) {
      const server = servers[i % 2];
      if (i % 5 === 0) calls.push(server.gql(ALLOCATE, { id: "PO-R" }));
      calls.push(server.gql(IMPORT_PRE_ORDER, { input: newPreOrder(i) }));
      if (i < RECEIPTS.length) calls.push(server.gql(RECEIVE, { po: "PO-R", seq: RECEIPTS[i][0], quantity: RECEIPTS[i][1] }));
    }
    const responses = await Promise.all(calls);
    expect(responses.flatMap((r) => r.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`)).to.deep.equal([]);

    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    expect(await unitLedgerViolations(api.db, new Map(SKUS.map((s) => [s, 0])))).to.deep.equal([]);
    const received = await api.db.read((m) => m.query("SELECT order_item_seq_id, received_quantity, status_id FROM purchase_order_item ORDER BY order_item_seq_id"));
    expect(received.map((r: Record<string, unknown>) => [r.order_item_seq_id, Number(r.received_quantity), r.status_id])).to.deep.equal([
      ["00001", 12, "ITEM_COMPLETED"], ["00002", 15, "ITEM_COMPLETED"], ["00003", 10, "ITEM_COMPLETED"], ["00004", 25, "ITEM_COMPLETED"], ["00005", 0, "ITEM_APPROVED"],
    ]);
    // Every item fully received: nothing tied to them is still in parking.
    const stillTied = await api.db.read((m) => m.query(
      "SELECT COUNT(*) AS n FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id WHERE s.facility_id = 'PRE_ORDER_PARKING'",
    ));
    expect(Number(stillTied[0].n)).to.equal(0);
  });
});
