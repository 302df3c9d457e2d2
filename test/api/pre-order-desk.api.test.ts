import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { RECEIVE, RELEASE_PRE_ORDER_ITEMS, UPDATE_PROMISE_DATE } from "../support/documents";
import { lifecycleViolations, unitLedgerViolations } from "../support/invariants";
import { allocate, cancelPreOrderItem, feed, history, poItems, preOrder, preOrderItem, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("The pre-order desk: release by hand and promise dates by hand", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    expect(await unitLedgerViolations(api.db, new Map([["A", 0], ["B", 0]]))).to.deep.equal([]);
    await api.close();
  });
  const release = (refs: [string, string][], facility = "WH-2") =>
    api.gql(RELEASE_PRE_ORDER_ITEMS, { items: refs.map(([orderId, seqId]) => ({ orderId, seqId })), facility });
  const inventory = async (sku: string) => Number((await api.db.read((m) => m.query("SELECT inventory_available FROM product WHERE sku = ?", [sku])))[0].inventory_available);

  describe("releasePreOrderItems", () => {
    it("releases a tied and a waiting item to a warehouse; the tied one keeps PO and promise date, its units go back to the PO's ATP", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      const res = await release([["SO-1", "00002"], ["SO-1", "00001"]]);
      expect(res.errors).to.equal(undefined);
      expect(res.data.releasePreOrderItems.map((i) => [i.seqId, i.facilityId, i.purchaseOrderId, i.promiseDate])).to.deep.equal([
        ["00002", "WH-2", null, null], ["00001", "WH-2", "PO-1", day(10)],
      ]);
      expect((await poItems(api, "PO-1"))[0]).to.include({ allocatedQuantity: 0, availableToPromise: 5 });
      const events = (await history(api)).filter((e) => e.type === "FULFILLMENT_RELEASE");
      expect(events.map((e) => [e.seqId, e.purchaseOrderId, e.reason])).to.deep.equal([
        ["00001", "PO-1", "Released to WH-2 by hand"], ["00002", null, "Released to WH-2 by hand"],
      ]);
      // The promise stands, and the feed tells the customer the order ships.
      expect((await feed(api)).map((r) => [r.type, r.seqId, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([
        ["ALLOCATE", "00001", null, day(10)], ["FULFILLMENT_RELEASE", "00001", day(10), day(10)], ["FULFILLMENT_RELEASE", "00002", null, null],
      ]);
    });

    it("gives received units held for a tied item released by hand to inventory", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 4, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 3 }]);
      // 2 of 4 arrive: SO-1 needs 3; 2 still to come, so 1 unit is held for it and 1 is sellable.
      const receipt = await api.gql(RECEIVE, { po: "PO-1", seq: "00001", quantity: 2 });
      expect(receipt.data.receivePurchaseOrderItem.addedToInventory).to.equal(1);
      await release([["SO-1", "00001"]]);
      expect(await inventory("A")).to.equal(2);
    });

    it("refuses, writing nothing: an item not in parking or cancelled (INVALID_STATE), an unknown one (NOT_FOUND), bad lists (BAD_USER_INPUT)", async () => {
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }, { sku: "B", quantity: 1, facilityId: "BACKORDER_PARKING" }]);
      await cancelPreOrderItem(api, "SO-1", "00002");
      const before = await snapshot(api.db);
      expect(errorCode(await release([["SO-1", "00001"], ["SO-1", "00002"]]))).to.equal("INVALID_STATE");
      expect(errorCode(await release([["SO-1", "00003"]]))).to.equal("INVALID_STATE");
      expect(errorCode(await release([["SO-1", "00001"], ["SO-9", "00001"]]))).to.equal("NOT_FOUND");
      expect(errorCode(await release([]))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await release([["SO-1", "00001"], ["SO-1", "00001"]]))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await release([["SO-1", "00001"]], "PRE_ORDER_PARKING"))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await release([["SO-1", "00001"]], ""))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await release(Array.from({ length: 501 }, (_, i) => [`SO-${i}`, "00001"] as [string, string])))).to.equal("BAD_USER_INPUT");
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  });

  it("editing, releasing and cancelling from the queue each leave a history row and a feed row", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
    await preOrder(api, "SO-2", daysAgo(2), [{ sku: "B", quantity: 1 }]);
    const rows = async () => ({ history: (await history(api)).length, feed: (await feed(api)).length });
    const start = await rows();
    await api.gql(UPDATE_PROMISE_DATE, { order: "SO-1", seq: "00002", date: inDays(30), reason: "Supplier call" });
    const edited = await rows();
    await release([["SO-1", "00001"]]);
    const released = await rows();
    await cancelPreOrderItem(api, "SO-1", "00002");
    const cancelled = await rows();
    expect([edited, released, cancelled].map((r, i) => [r.history - [start, edited, released][i].history, r.feed - [start, edited, released][i].feed]))
      .to.deep.equal([[1, 1], [1, 1], [1, 1]]);
    const last = (await feed(api)).at(-1)!;
    expect([last.type, last.orderId, last.seqId, last.oldPromiseDate, last.newPromiseDate, last.reason]).to.deep.equal(["REPROMISE", "SO-1", "00002", day(30), null, "Pre-order item SO-1/00002 cancelled"]);
    expect(await preOrderItem(api, "SO-1", "00002")).to.include({ status: "CANCELLED", promiseDate: null });
  });

  describe("updatePreOrderPromiseDate", () => {
    it("sets a waiting item's date (history and feed row), which takes it out of Allocate Sales Orders; clearing it puts it back", async () => {
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }]);
      const set = await api.gql(UPDATE_PROMISE_DATE, { order: "SO-1", seq: "00001", date: inDays(30), reason: "Supplier call" });
      expect(set.errors).to.equal(undefined);
      expect(set.data.updatePreOrderPromiseDate).to.include({ promiseDate: day(30), purchaseOrderId: null });
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      expect((await allocate(api, "PO-1", true)).allocations).to.deep.equal([]);

      const cleared = await api.gql(UPDATE_PROMISE_DATE, { order: "SO-1", seq: "00001", date: null, reason: "Back in line" });
      expect(cleared.data.updatePreOrderPromiseDate.promiseDate).to.equal(null);
      expect((await allocate(api, "PO-1")).allocations.map((a) => a.orderId)).to.deep.equal(["SO-1"]);
      expect((await history(api)).map((e) => [e.type, e.reason, e.oldPromiseDate, e.newPromiseDate])).to.deep.equal([
        ["REPROMISE", "Supplier call", null, day(30)], ["REPROMISE", "Back in line", day(30), null], ["ALLOCATE", "Allocate Sales Orders", null, day(10)],
      ]);
      expect((await feed(api)).map((r) => [r.reason, r.newPromiseDate])).to.deep.equal([["Supplier call", day(30)], ["Back in line", null], ["Allocate Sales Orders", day(10)]]);
    });

    it("records nothing when the date is the same, and refuses a tied item, a past day, an empty reason or an unknown item, writing nothing", async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
      const before = await snapshot(api.db);
      const gql = (seq: string, date: string | null, reason: string, order = "SO-1") => api.gql(UPDATE_PROMISE_DATE, { order, seq, date, reason });
      expect((await gql("00002", null, "nothing to clear")).data.updatePreOrderPromiseDate.promiseDate).to.equal(null);
      expect(errorCode(await gql("00001", inDays(20), "later"))).to.equal("INVALID_STATE");
      expect(errorCode(await gql("00002", daysAgo(1).slice(0, 10), "past"))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await gql("00002", inDays(20), " "))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await gql("00002", inDays(20), "x".repeat(256)))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await gql("00002", "2027-02-30", "bad day"))).to.equal("BAD_USER_INPUT");
      expect(errorCode(await gql("00001", inDays(20), "unknown", "SO-9"))).to.equal("NOT_FOUND");
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  });
});
