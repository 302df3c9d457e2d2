import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { ALLOCATE, CANCEL_PO, CANCEL_PO_ITEM, COMPLETE_PO, UPDATE_PO_ITEM } from "../support/documents";
import type { PurchaseOrderItemUpdateInput } from "../support/graphql/graphql";
import { graphql } from "../support/graphql";
import { lifecycleViolations } from "../support/invariants";
import { allocate, feed, history, poItems, preOrder, preOrderItem, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("After allocation: changing, cancelling and completing a PO", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });

  describe("updatePurchaseOrderItem", () => {
    it("re-promises every pre-order tied to the item when its arrival date moves, with a REPROMISE and a feed row each", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }, { sku: "B", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }]);
      await preOrder(api, "SO-2", daysAgo(2), [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 1 }]);
      const res = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(15) } });
      expect(res.errors).to.equal(undefined);
      expect(res.data.updatePurchaseOrderItem).to.include({ arrivalDate: day(15), allocatedQuantity: 5, availableToPromise: 5 });

      expect((await preOrderItem(api, "SO-1")).promiseDate).to.equal(day(15));
      expect((await preOrderItem(api, "SO-2")).promiseDate).to.equal(day(15));
      expect((await preOrderItem(api, "SO-2", "00002")).promiseDate).to.equal(day(10));
      const repromised = (await history(api)).filter((e) => e.type === "REPROMISE");
      expect(repromised.map((e) => [e.orderId, e.seqId, e.oldPromiseDate, e.newPromiseDate, e.actor])).to.have.deep.members([
        ["SO-1", "00001", day(10), day(15), "admin"], ["SO-2", "00001", day(10), day(15), "admin"],
      ]);
      expect(repromised[0].reason).to.equal("Arrival date of PO PO-1/00001 changed");
      const rows = await feed(api);
      expect(rows).to.have.length(5);
      expect(rows.slice(3).map((r) => [r.orderId, r.type, r.oldPromiseDate, r.newPromiseDate, r.acknowledged])).to.have.deep.members([
        ["SO-1", "REPROMISE", day(10), day(15), false], ["SO-2", "REPROMISE", day(10), day(15), false],
      ]);
    });

    it("records nothing when neither the arrival date nor the buffer days change", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10), bufferDays: 4 }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }]);
      const res = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(10), bufferDays: 4 } });
      expect(res.data.updatePurchaseOrderItem).to.include({ bufferDays: 4, arrivalDate: day(10), promiseDate: day(14) });
      const same = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 10 } });
      expect(same.errors).to.equal(undefined);
      expect(await history(api)).to.have.length(1);
      expect(await feed(api)).to.have.length(1);
    });

    it("releases the newest orders first when the quantity is cut below what is allocated; they wait again", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 3 }]);
      await preOrder(api, "SO-2", daysAgo(3), [{ sku: "A", quantity: 3 }]);
      await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 2 }]); // same day as SO-2, higher id: newer
      await preOrder(api, "SO-4", daysAgo(1), [{ sku: "A", quantity: 1 }]);
      const res = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 6 } });
      expect(res.errors).to.equal(undefined);
      expect(res.data.updatePurchaseOrderItem).to.include({ quantity: 6, allocatedQuantity: 6, availableToPromise: 0 });

      for (const id of ["SO-1", "SO-2"]) expect(await preOrderItem(api, id)).to.include({ purchaseOrderId: "PO-1", promiseDate: day(10) });
      for (const id of ["SO-3", "SO-4"]) {
        expect(await preOrderItem(api, id)).to.include({ status: "CREATED", purchaseOrderId: null, promiseDate: null });
      }
      const released = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(released.map((e) => [e.orderId, e.quantity, e.oldPromiseDate, e.newPromiseDate])).to.deep.equal([
        ["SO-4", 1, day(10), null], ["SO-3", 2, day(10), null],
      ]);
      expect(released[0].reason).to.equal("PO PO-1/00001 cut to 6 promisable units (quantity 6, order buffer 0)");
      expect((await feed(api)).slice(4).map((r) => [r.orderId, r.type, r.newPromiseDate])).to.deep.equal([
        ["SO-4", "RELEASE", null], ["SO-3", "RELEASE", null],
      ]);

      // Raising the quantity ties nothing by itself; Allocate Sales Orders does, oldest first.
      const raised = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 20 } });
      expect(raised.data.updatePurchaseOrderItem).to.include({ allocatedQuantity: 6, availableToPromise: 14 });
      expect((await preOrderItem(api, "SO-3")).purchaseOrderId).to.equal(null);
      const run = await allocate(api, "PO-1");
      expect(run.allocations.map((a) => a.orderId)).to.deep.equal(["SO-3", "SO-4"]);
    });

    it("releases ties when a larger order buffer leaves less to promise than is allocated", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 4 }]);
      await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 4 }]);
      const res = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { orderBuffer: 4 } });
      expect(res.data.updatePurchaseOrderItem).to.include({ orderBuffer: 4, allocatedQuantity: 4, availableToPromise: 2 });
      expect((await preOrderItem(api, "SO-2")).purchaseOrderId).to.equal(null);
      expect((await preOrderItem(api, "SO-1")).purchaseOrderId).to.equal("PO-1");
      const [release] = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(release).to.include({ orderId: "SO-2", reason: "PO PO-1/00001 cut to 6 promisable units (quantity 10, order buffer 4)" });
    });

    it("cuts and re-dates in one change: the released lose their promise, the kept get the new date", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 3 }]);
      await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 2 }]);
      await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 3, arrivalDate: inDays(30) } });
      expect(await preOrderItem(api, "SO-1")).to.include({ promiseDate: day(30) });
      expect(await preOrderItem(api, "SO-2")).to.include({ promiseDate: null, purchaseOrderId: null });
      expect((await feed(api)).slice(2).map((r) => [r.orderId, r.type, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([
        ["SO-2", "RELEASE", day(10), null], ["SO-1", "REPROMISE", day(10), day(30)],
      ]);
    });

    it("refuses bad input with a coded error and writes nothing", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
      await purchaseOrder(api, "PO-X", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }], { status: "CANCELLED" });
      await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 4 }]);
      const before = await snapshot(api.db);
      const update = (po: string, seq: string, input: PurchaseOrderItemUpdateInput) => api.gql(UPDATE_PO_ITEM, { po, seq, input });
      expect(errorCode(await update("PO-404", "00001", { quantity: 5 }))).to.equal("NOT_FOUND");
      expect(errorCode(await update("PO-1", "00009", { quantity: 5 }))).to.equal("NOT_FOUND");
      expect(errorCode(await update("PO-X", "00001", { quantity: 5 }))).to.equal("INVALID_STATE");
      const refused: PurchaseOrderItemUpdateInput[] = [{ quantity: 0 }, { quantity: -3 }, { orderBuffer: -1 }, { bufferDays: -1 }, { orderBuffer: 11 },
        { quantity: 2, orderBuffer: 3 }, { arrivalDate: inDays(-1) }, { arrivalDate: null }];
      for (const input of refused) {
        expect(errorCode(await update("PO-1", "00001", input)), JSON.stringify(input)).to.equal("BAD_USER_INPUT");
      }
      expect(errorCode(await update("PO-1", "0".repeat(65), { quantity: 5 }))).to.equal("BAD_USER_INPUT");
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  });

  describe("cancelPurchaseOrder and cancelPurchaseOrderItem", () => {
    it("cancels the PO and every item, releases every tie, and gives the PO ATP back", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }, { sku: "B", quantity: 5, arrivalDate: inDays(12) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      await preOrder(api, "SO-2", daysAgo(2), [{ sku: "A", quantity: 1 }]);
      const res = await api.gql(CANCEL_PO, { id: "PO-1" });
      expect(res.errors).to.equal(undefined);
      expect(res.data.cancelPurchaseOrder.status).to.equal("CANCELLED");
      expect(res.data.cancelPurchaseOrder.items.map((i) => [i.status, i.allocatedQuantity])).to.deep.equal([["CANCELLED", 0], ["CANCELLED", 0]]);
      for (const [id, seq] of [["SO-1", "00001"], ["SO-1", "00002"], ["SO-2", "00001"]]) {
        expect(await preOrderItem(api, id, seq)).to.include({ status: "CREATED", purchaseOrderId: null, promiseDate: null });
      }
      const released = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(released).to.have.length(3);
      expect(released.every((e) => e.reason === "Purchase order PO-1 cancelled")).to.equal(true);
      expect((await feed(api)).filter((r) => r.type === "RELEASE" && r.newPromiseDate === null)).to.have.length(3);

      const before = await snapshot(api.db);
      expect((await api.gql(CANCEL_PO, { id: "PO-1" })).data.cancelPurchaseOrder.status).to.equal("CANCELLED");
      expect(errorCode(await api.gql(COMPLETE_PO, { id: "PO-1" }))).to.equal("INVALID_STATE");
      expect(errorCode(await api.gql(ALLOCATE, { id: "PO-1" }))).to.equal("PO_NOT_ALLOCATABLE");
      expect(errorCode(await api.gql(CANCEL_PO, { id: "PO-404" }))).to.equal("NOT_FOUND");
      expect(errorCode(await api.gql(CANCEL_PO, { id: "SO-1" }))).to.equal("NOT_FOUND");
      expect(await snapshot(api.db)).to.deep.equal(before);

      // The released pre-orders wait for the next PO, oldest first.
      await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }]);
      const run = await allocate(api, "PO-2");
      expect(run.allocations.map((a) => a.orderId)).to.deep.equal(["SO-1", "SO-2"]);
    });

    it("cancels one item and releases its ties only; the PO is cancelled with its last item", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }, { sku: "B", quantity: 5, arrivalDate: inDays(12) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      const res = await api.gql(CANCEL_PO_ITEM, { po: "PO-1", seq: "00001" });
      expect(res.data.cancelPurchaseOrderItem).to.include({ status: "CANCELLED", allocatedQuantity: 0 });
      expect(await preOrderItem(api, "SO-1", "00001")).to.include({ purchaseOrderId: null, promiseDate: null });
      expect(await preOrderItem(api, "SO-1", "00002")).to.include({ purchaseOrderId: "PO-1", promiseDate: day(12) });
      const [release] = (await history(api)).filter((e) => e.type === "RELEASE");
      expect(release).to.include({ orderId: "SO-1", seqId: "00001", reason: "PO item PO-1/00001 cancelled" });
      expect((await poItems(api, "PO-1")).map((i) => i.status)).to.deep.equal(["CANCELLED", "CREATED"]);

      const before = await snapshot(api.db);
      expect((await api.gql(CANCEL_PO_ITEM, { po: "PO-1", seq: "00001" })).data.cancelPurchaseOrderItem.status).to.equal("CANCELLED");
      expect(errorCode(await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 1 } }))).to.equal("INVALID_STATE");
      expect(errorCode(await api.gql(CANCEL_PO_ITEM, { po: "PO-1", seq: "00003" }))).to.equal("NOT_FOUND");
      expect(await snapshot(api.db)).to.deep.equal(before);

      await api.gql(CANCEL_PO_ITEM, { po: "PO-1", seq: "00002" });
      const po = await api.gql(graphql(`query PoOneStatus { purchaseOrder(id: "PO-1") { status } }`));
      expect(po.data.purchaseOrder?.status).to.equal("CANCELLED");
    });
  });

  describe("completePurchaseOrder", () => {
    it("keeps ties and promise dates, records no change, and takes the PO out of allocation", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }]);
      const before = await feed(api);
      const res = await api.gql(COMPLETE_PO, { id: "PO-1" });
      expect(res.errors).to.equal(undefined);
      expect(res.data.completePurchaseOrder.status).to.equal("COMPLETED");
      expect(res.data.completePurchaseOrder.items[0]).to.include({ status: "COMPLETED", allocatedQuantity: 2 });
      expect(await preOrderItem(api, "SO-1")).to.include({ purchaseOrderId: "PO-1", promiseDate: day(10) });
      expect(await feed(api)).to.deep.equal(before);
      expect(await history(api)).to.have.length(1);

      // No longer allocatable: a new pre-order waits, the run and item changes are refused.
      expect((await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 1 }]))[0]).to.include({ purchaseOrderId: null, promiseDate: null });
      const snap = await snapshot(api.db);
      expect(errorCode(await api.gql(ALLOCATE, { id: "PO-1" }))).to.equal("PO_NOT_ALLOCATABLE");
      expect(errorCode(await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(3) } }))).to.equal("INVALID_STATE");
      expect(errorCode(await api.gql(CANCEL_PO, { id: "PO-1" }))).to.equal("INVALID_STATE");
      expect(errorCode(await api.gql(COMPLETE_PO, { id: "PO-404" }))).to.equal("NOT_FOUND");
      expect(await snapshot(api.db)).to.deep.equal(snap);
    });
  });
});
