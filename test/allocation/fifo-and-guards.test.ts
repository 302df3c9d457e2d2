import { expect } from "chai";
import { EntityManager } from "typeorm";
import { claimWaitingItems, raiseAllocated, repromiseItems, untieItems } from "../../src/domain";
import { lowerAllocated } from "../../src/domain/allocation/ties";
import { fromSqlDate } from "../../src/db";
import { DomainError, RetryableConflict } from "../../src/errors";
import { inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { SqlLog } from "../support/sql-log";
import { keys, preOrder, preOrderItems, products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";
import { ALLOCATE, PRE_ORDERS } from "../support/documents";

/**
 * What lives inside SQL strings and must still be pinned on SQLite (issue 11, mutation testing):
 * the first-in-first-out order of one order's items (order id before item seq id), and every
 * re-check of the guarded writes (src/domain/allocation/ties.ts): a row that no longer passes
 * its guard is not written, and the unit of work is told to start over (RetryableConflict).
 */
describe("FIFO inside one order date, and the guarded writes' re-checks", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
  });
  afterEach(() => api.close());

  describe("first in, first out: order date, then order id, then item seq id", () => {
    beforeEach(async () => {
      // Same instant: SO-X's two A items come before SO-Y's one, since order id decides before item seq id.
      await preOrder(api, "SO-Y", "2026-03-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
      await preOrder(api, "SO-X", "2026-03-01T10:00:00.000Z", [{ sku: "B", quantity: 1 }, { sku: "A", quantity: 1 }, { sku: "A", quantity: 1 }]);
    });

    it("ties all of one order's items before the next order's, whatever their seq ids", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 2, arrivalDate: inDays(20) }, { sku: "B", quantity: 1, arrivalDate: inDays(20) }]);
      const res = await api.gql(ALLOCATE, { id: "PO-1" });
      expect(keys(res.data.allocateSalesOrders.allocations)).to.deep.equal(["SO-X/00001", "SO-X/00002", "SO-X/00003"]);
      expect(keys(res.data.allocateSalesOrders.skipped)).to.deep.equal(["SO-Y/00001"]);
    });

    it("lists the pre-orders in the same order", async () => {
      expect(keys(await preOrderItems(api))).to.deep.equal(["SO-X/00001", "SO-X/00002", "SO-X/00003", "SO-Y/00001"]);
    });

    it("pages the list one item at a time in the same order, the cursor carrying the order date, order id and item seq id", async () => {
      await preOrder(api, "SO-A", "2026-02-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
      const seen: string[] = [];
      let after: string | null | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await api.gql(PRE_ORDERS, { first: 1, after });
        expect(res.errors).to.equal(undefined);
        seen.push(...keys(res.data.preOrders.edges.map((e) => e.node)));
        const end = res.data.preOrders.pageInfo.endCursor;
        if (page === 1) expect(JSON.parse(Buffer.from(end!, "base64url").toString())).to.deep.equal(["2026-03-01T10:00:00.000Z", "SO-X", "00001"]);
        if (!res.data.preOrders.pageInfo.hasNextPage) break;
        after = end;
      }
      expect(seen).to.deep.equal(["SO-A/00001", "SO-X/00001", "SO-X/00002", "SO-X/00003", "SO-Y/00001"]);
    });
  });

  describe("guarded writes", () => {
    /** Ids by business key. */
    const poItemId = async (po: string, seq = "00001") =>
      Number((await api.db.read((m) => m.query("SELECT po_item_id FROM purchase_order_item WHERE order_id = ? AND order_item_seq_id = ?", [po, seq])))[0].po_item_id);
    const soItemId = async (order: string, seq = "00001") =>
      Number((await api.db.read((m) => m.query("SELECT so_item_id FROM sales_order_item WHERE order_id = ? AND order_item_seq_id = ?", [order, seq])))[0].so_item_id);
    const row = async (table: string, key: string, id: number) => (await api.db.read((m) => m.query(`SELECT * FROM ${table} WHERE ${key} = ?`, [id])))[0];

    /** What each guarded write says when its guard refused a row (the retry's reason, for the server's statistics and debugging). */
    const REASONS = [
      "A PO item's ATP changed while allocating", "A PO item's allocated quantity changed while releasing",
      "A pre-order item was tied or changed by someone else meanwhile", "A tied pre-order item changed while releasing it",
      "The pre-orders tied to a PO item changed while re-promising them",
    ];

    /** Runs `work` in a unit of work; answers "written" or "conflict" (and then nothing was written). */
    async function attempt(work: (m: EntityManager) => Promise<void>): Promise<"written" | "conflict"> {
      try {
        await api.db.write(work);
        return "written";
      } catch (error) {
        // SQLite hands the conflict back at once; MySQL retries the unit, then answers CONFLICT.
        if (error instanceof RetryableConflict) {
          expect(REASONS).to.include(error.message);
          return "conflict";
        }
        if (error instanceof DomainError && error.code === "CONFLICT") return "conflict";
        throw error;
      }
    }

    beforeEach(async () => {
      // SO-W waits (no PO yet when it is imported); PO-1/00001: A, quantity 5, order buffer 1 (4 promisable); PO-2/00001: A, 3.
      await preOrder(api, "SO-W", "2026-03-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, orderBuffer: 1, arrivalDate: inDays(20) }]);
      await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 3, arrivalDate: inDays(30) }]);
    });

    it("claims a waiting item, and not one that has a PO, a promise date, another facility or is cancelled", async () => {
      const poItem = await poItemId("PO-1");
      const item = await soItemId("SO-W");
      const tie = (m: EntityManager) => claimWaitingItems(m, [{ salesOrderItemId: item, poItemId: poItem, promiseDate: new Date(inDays(20)) }]);
      const spoil: [string, string][] = [
        ["tied elsewhere", `po_item_id = ${await poItemId("PO-2")}`],
        ["promised", "promised_datetime = '2027-01-01'"],
        ["in another facility", "facility_id = 'BACKORDER_PARKING'"],
        ["cancelled", "status_id = 'ITEM_CANCELLED'"],
        ["completed", "status_id = 'ITEM_COMPLETED'"],
      ];
      for (const [what, set] of spoil) {
        const before = await row("sales_order_item", "so_item_id", item);
        const outcome = await attempt(async (m) => {
          await m.query(`UPDATE sales_order_item SET ${set} WHERE so_item_id = ?`, [item]);
          const spoiled = await m.query("SELECT * FROM sales_order_item WHERE so_item_id = ?", [item]);
          await tie(m);
          throw new Error(`claimed an item ${what}: ${JSON.stringify(spoiled)}`);
        });
        expect(outcome, what).to.equal("conflict");
        expect(await row("sales_order_item", "so_item_id", item), what).to.deep.equal(before);
      }
      expect(await attempt(tie)).to.equal("written");
      expect(await row("sales_order_item", "so_item_id", item)).to.include({ po_item_id: poItem });
    });

    it("raises allocated only while the item is open and quantity - order buffer covers it, to the unit", async () => {
      const poItem = await poItemId("PO-1");
      const raise = (by: number) => (m: EntityManager) => raiseAllocated(m, new Map([[poItem, by]]));
      // 5 - 1 buffer = 4 promisable: 5 is refused (the buffer counts), 4 fits exactly.
      expect(await attempt(raise(5))).to.equal("conflict");
      expect(await attempt(raise(4))).to.equal("written");
      expect((await row("purchase_order_item", "po_item_id", poItem)).allocated_quantity).to.equal(4);
      expect(await attempt(raise(1))).to.equal("conflict");
      // A cancelled item takes nothing, however much room it has.
      const other = await poItemId("PO-2");
      for (const status of ["ITEM_CANCELLED", "ITEM_COMPLETED"]) {
        await api.db.write((m) => m.query("UPDATE purchase_order_item SET status_id = ? WHERE po_item_id = ?", [status, other]));
        expect(await attempt((m) => raiseAllocated(m, new Map([[other, 1]]))), status).to.equal("conflict");
      }
      await api.db.write((m) => m.query("UPDATE purchase_order_item SET status_id = 'ITEM_APPROVED' WHERE po_item_id = ?", [other]));
      expect(await attempt((m) => raiseAllocated(m, new Map([[other, 3]])))).to.equal("written");
      expect((await row("purchase_order_item", "po_item_id", other)).allocated_quantity).to.equal(3);
    });

    it("lowers allocated only by what is allocated", async () => {
      const poItem = await poItemId("PO-1");
      await api.db.write((m) => raiseAllocated(m, new Map([[poItem, 3]])));
      expect(await attempt((m) => lowerAllocated(m, new Map([[poItem, 4]])))).to.equal("conflict");
      expect(await attempt((m) => lowerAllocated(m, new Map([[poItem, 3]])))).to.equal("written");
      expect((await row("purchase_order_item", "po_item_id", poItem)).allocated_quantity).to.equal(0);
    });

    it("unties an item only from the PO item it is still tied to", async () => {
      const [one, two] = [await poItemId("PO-1"), await poItemId("PO-2")];
      const item = await soItemId("SO-W");
      await api.db.write((m) => claimWaitingItems(m, [{ salesOrderItemId: item, poItemId: one, promiseDate: new Date(inDays(20)) }]));
      expect(await attempt((m) => untieItems(m, [{ salesOrderItemId: item, poItemId: two }]))).to.equal("conflict");
      expect(await row("sales_order_item", "so_item_id", item)).to.include({ po_item_id: one });
      expect(await attempt((m) => untieItems(m, [{ salesOrderItemId: item, poItemId: one }]))).to.equal("written");
      expect(await row("sales_order_item", "so_item_id", item)).to.include({ po_item_id: null, promised_datetime: null });
    });

    it("re-promises exactly the tied items whose date differs, and starts over when that count is not the expected one", async () => {
      const poItem = await poItemId("PO-1");
      const item = await soItemId("SO-W");
      await api.db.write((m) => claimWaitingItems(m, [{ salesOrderItemId: item, poItemId: poItem, promiseDate: new Date(inDays(20)) }]));
      // Already promised that day: nothing to change, so 1 expected is a conflict and 0 is right.
      expect(await attempt((m) => repromiseItems(m, poItem, new Date(inDays(20)), 1))).to.equal("conflict");
      expect(await attempt((m) => repromiseItems(m, poItem, new Date(inDays(20)), 0))).to.equal("written");
      expect(await attempt((m) => repromiseItems(m, poItem, new Date(inDays(25)), 0))).to.equal("conflict");
      expect(await attempt((m) => repromiseItems(m, poItem, new Date(inDays(25)), 1))).to.equal("written");
      expect(fromSqlDate((await row("sales_order_item", "so_item_id", item)).promised_datetime)?.toISOString().slice(0, 10)).to.equal(inDays(25).slice(0, 10));
    });
  });

  describe("lock order", () => {
    it("claims and unties pre-order items in id order, whatever order they are given in", async () => {
      const log = new SqlLog();
      const logged = await startTestServer(await openTestDb(log));
      try {
        await products(logged, "A");
        for (const order of ["SO-1", "SO-2", "SO-3"]) await preOrder(logged, order, "2026-03-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
        await purchaseOrder(logged, "PO-1", [{ sku: "A", quantity: 9, arrivalDate: inDays(20) }]);
        const ids: number[] = (await logged.db.read((m) => m.query("SELECT so_item_id FROM sales_order_item ORDER BY so_item_id"))).map((r: any) => Number(r.so_item_id));
        const poItem = Number((await logged.db.read((m) => m.query("SELECT po_item_id FROM purchase_order_item")))[0].po_item_id);
        const given = [ids[2], ids[0], ids[1]];
        const claim = await log.during(() => logged.db.write((m) => claimWaitingItems(m, given.map((id) => ({ salesOrderItemId: id, poItemId: poItem, promiseDate: new Date(inDays(20)) })))));
        const claimed = claim.queries.find((q) => q.sql.startsWith("UPDATE sales_order_item"))!;
        // One (item, PO item, promise date) row per claimed item, in the order the update visits them.
        expect(claimed.parameters.filter((_, i) => i % 3 === 0)).to.deep.equal(ids);
        const untie = await log.during(() => logged.db.write((m) => untieItems(m, given.map((id) => ({ salesOrderItemId: id, poItemId: poItem })))));
        const untied = untie.queries.find((q) => q.sql.startsWith("UPDATE sales_order_item"))!;
        expect(untied.parameters.slice(0, 3)).to.deep.equal(ids);
      } finally {
        await logged.close();
      }
    });
  });
});
