import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { ALLOCATE_PRE_ORDER_ITEM, CANCEL_PRE_ORDER_ITEM, RELEASE_ALLOCATION } from "../support/documents";
import { lifecycleViolations } from "../support/invariants";
import { allocate, cancelPreOrderItem, feed, history, poItems, preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, TestServer, errorCode, startTestServer } from "../support/server";

describe("After allocation: one pre-order line", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });
  const orderStatus = async (orderId: string) => (await api.db.read((m) => m.query("SELECT status_id FROM order_header WHERE order_id = ?", [orderId])))[0].status_id;

  describe("cancelPreOrderItem", () => {
    it("cancels a tied item, releases its tie so the PO ATP comes back, and clears its promise date", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 3, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      const res = await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001" });
      expect(res.errors).to.equal(undefined);
      expect(res.data.cancelPreOrderItem).to.include({ status: "CANCELLED", promiseDate: null, purchaseOrderId: null });
      expect((await poItems(api, "PO-1"))[0]).to.include({ allocatedQuantity: 0, availableToPromise: 3 });
      const [release] = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(release).to.include({ orderId: "SO-1", seqId: "00001", quantity: 2, reason: "Pre-order item SO-1/00001 cancelled", oldPromiseDate: day(10), newPromiseDate: null });
      expect((await feed(api)).map((r) => [r.type, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([["ALLOCATE", null, day(10)], ["RELEASE", day(10), null]]);
      expect(await orderStatus("SO-1")).to.equal("ORDER_CREATED");
    });

    it("cancels an untied item without a history or feed row, and the order with its last item", async () => {
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-1", seq: "00002" });
      expect(await orderStatus("SO-1")).to.equal("ORDER_CREATED");
      const res = await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001" });
      expect(res.data.cancelPreOrderItem.status).to.equal("CANCELLED");
      expect(await orderStatus("SO-1")).to.equal("ORDER_CANCELLED");
      expect(await history(api)).to.deep.equal([]);
      expect(await feed(api)).to.deep.equal([]);

      const before = await snapshot(api.db);
      // Repeating the cancel answers the item as it is (test/api/refusal-codes.api.test.ts).
      expect((await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001" })).data.cancelPreOrderItem.status).to.equal("CANCELLED");
      expect(errorCode(await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-404", seq: "00001" }))).to.equal("NOT_FOUND");
      expect(errorCode(await api.gql(CANCEL_PRE_ORDER_ITEM, { order: "", seq: "00001" }))).to.equal("BAD_USER_INPUT");
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  });

  describe("releaseAllocation (Remove Allocation)", () => {
    it("unties one item, which waits again for the next allocation", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }]);
      const res = await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00001" });
      expect(res.errors).to.equal(undefined);
      expect(res.data.releaseAllocation).to.include({ status: "CREATED", facilityId: "PRE_ORDER_PARKING", promiseDate: null, purchaseOrderId: null });
      expect((await poItems(api, "PO-1"))[0]).to.include({ allocatedQuantity: 0, availableToPromise: 5 });
      const [release] = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(release).to.include({ reason: "Allocation removed by hand", purchaseOrderId: "PO-1", purchaseOrderItemSeqId: "00001", actor: "admin" });

      const before = await snapshot(api.db);
      expect(errorCode(await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00001" }))).to.equal("INVALID_STATE");
      expect(errorCode(await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00002" }))).to.equal("NOT_FOUND");
      expect(await snapshot(api.db)).to.deep.equal(before);

      const run = await allocate(api, "PO-1");
      expect(run.allocations.map((a) => a.orderId)).to.deep.equal(["SO-1"]);
      expect((await feed(api)).map((r) => r.type)).to.deep.equal(["ALLOCATE", "RELEASE", "ALLOCATE"]);
    });
  });

  describe("allocatePreOrderItem", () => {
    beforeEach(async () => {
      // Pre-orders first, so none is tied on import.
      await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 2 }]);
      await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 3 }]);
      await preOrder(api, "SO-3", daysAgo(3), [{ sku: "B", quantity: 1 }]);
      await preOrder(api, "SO-4", daysAgo(3), [{ sku: "A", quantity: 6 }]);
      await preOrder(api, "SO-5", daysAgo(3), [{ sku: "A", quantity: 1, facilityId: "BACKORDER_PARKING" }]);
      await preOrder(api, "SO-6", daysAgo(3), [{ sku: "A", quantity: 1 }]);
      await cancelPreOrderItem(api, "SO-6", "00001");
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }, { sku: "A", quantity: 5, arrivalDate: inDays(20) }]);
      await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 5 }]);
      await purchaseOrder(api, "PO-3", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }], { status: "CANCELLED" });
      await purchaseOrder(api, "PO-4", [{ sku: "A", quantity: 5, arrivalDate: inDays(-2) }]);
    });

    it("ties the chosen pre-order to the chosen PO item, out of first-in-first-out order, with history and a feed row", async () => {
      const res = await api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: "SO-2", seq: "00001", po: "PO-1", poSeq: "00002" });
      expect(res.errors).to.equal(undefined);
      expect(res.data.allocatePreOrderItem).to.include({ purchaseOrderId: "PO-1", purchaseOrderItemSeqId: "00002", promiseDate: day(20) });
      expect((await poItems(api, "PO-1")).map((i) => i.allocatedQuantity)).to.deep.equal([0, 3]);
      expect(await history(api)).to.have.length(1);
      expect((await history(api))[0]).to.include({ type: "ALLOCATE", orderId: "SO-2", reason: "Allocated by hand", runId: null, quantity: 3, newPromiseDate: day(20) });
      expect((await feed(api)).map((r) => [r.orderId, r.type, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([["SO-2", "ALLOCATE", null, day(20)]]);
    });

    it("refuses what the bulk run would refuse, with a coded error, and writes nothing", async () => {
      await api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: "SO-2", seq: "00001", po: "PO-1", poSeq: "00002" });
      const before = await snapshot(api.db);
      const tie = (order: string, po: string, poSeq = "00001", seq = "00001") => api.gql(ALLOCATE_PRE_ORDER_ITEM, { order, seq, po, poSeq });
      const cases: [string, Promise<GqlResponse<unknown>>, string][] = [
        ["already tied", tie("SO-2", "PO-1"), "INVALID_STATE"],
        ["another product", tie("SO-3", "PO-1"), "BAD_USER_INPUT"],
        ["ATP does not cover it", tie("SO-4", "PO-1"), "INSUFFICIENT_ATP"],
        ["not in pre-order parking", tie("SO-5", "PO-1"), "INVALID_STATE"],
        ["cancelled pre-order", tie("SO-6", "PO-1"), "INVALID_STATE"],
        ["PO item without arrival date", tie("SO-1", "PO-2"), "INVALID_STATE"],
        ["cancelled PO", tie("SO-1", "PO-3"), "INVALID_STATE"],
        ["overdue PO item", tie("SO-1", "PO-4"), "INVALID_STATE"],
        ["unknown PO", tie("SO-1", "PO-404"), "NOT_FOUND"],
        ["unknown PO item", tie("SO-1", "PO-1", "00009"), "NOT_FOUND"],
        ["unknown pre-order", tie("SO-404", "PO-1"), "NOT_FOUND"],
        ["unknown pre-order item", tie("SO-1", "PO-1", "00001", "00002"), "NOT_FOUND"],
      ];
      for (const [what, call, code] of cases) {
        const res = await call;
        expect(errorCode(res), what).to.equal(code);
      }
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  });
});
