import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { RECEIVE, UPDATE_PO_ITEM } from "../support/documents";
import { lifecycleViolations, unitLedgerViolations } from "../support/invariants";
import { cancelPurchaseOrderItem, history, preOrder, preOrderItem, products, purchaseOrder, readPurchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("Receiving a PO item (the pre-order desk)", () => {
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

  const receive = (po: string, seq: string, quantity: number) => api.gql(RECEIVE, { po, seq, quantity });
  const inventory = async (sku: string) => Number((await api.db.read((m) => m.query("SELECT inventory_available FROM product WHERE sku = ?", [sku])))[0].inventory_available);

  /** PO-1: 10 units of A arriving in 10 days; SO-1, SO-2 and SO-3 (3 units each, oldest first) are tied to it at import. */
  async function tenUnitsTiedNine() {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
    for (const [i, id] of ["SO-1", "SO-2", "SO-3"].entries()) await preOrder(api, id, daysAgo(5 - i), [{ sku: "A", quantity: 3 }]);
  }

  it("5 of 10 units: releases the oldest tied pre-orders whole up to 5 units, and adds to inventory only what the still-tied ones will not need", async () => {
    await tenUnitsTiedNine();
    const res = await receive("PO-1", "00001", 5);
    expect(res.errors).to.equal(undefined);
    const receipt = res.data.receivePurchaseOrderItem;
    // SO-1 (3 units) fits in 5; SO-2 (3) does not fit in the 2 left, and SO-3 may not jump it.
    expect(receipt.released.map((r) => [r.orderId, r.facilityId, r.purchaseOrderId, r.promiseDate])).to.deep.equal([["SO-1", "WH-1", "PO-1", day(10)]]);
    // 6 units still tied, 5 still to come: 1 of the 2 left is held for them, 1 is sellable now.
    expect(receipt.addedToInventory).to.equal(1);
    expect(receipt.purchaseOrderItem).to.include({ receivedQuantity: 5, allocatedQuantity: 6, availableToPromise: 0, status: "CREATED" });
    expect(await inventory("A")).to.equal(1);
    expect(await preOrderItem(api, "SO-2")).to.include({ facilityId: "PRE_ORDER_PARKING", purchaseOrderId: "PO-1" });
    const [event] = (await history(api)).filter((e) => e.type === "FULFILLMENT_RELEASE");
    expect(event).to.include({ orderId: "SO-1", purchaseOrderId: "PO-1", purchaseOrderItemSeqId: "00001", quantity: 3, oldPromiseDate: day(10), newPromiseDate: day(10) });
  });

  it("the other 5: releases the rest (with the unit held for them), completes the item and its PO", async () => {
    await tenUnitsTiedNine();
    await receive("PO-1", "00001", 5);
    const res = await receive("PO-1", "00001", 5);
    expect(res.errors).to.equal(undefined);
    const receipt = res.data.receivePurchaseOrderItem;
    expect(receipt.released.map((r) => r.orderId)).to.deep.equal(["SO-2", "SO-3"]);
    expect(receipt.addedToInventory).to.equal(0);
    expect(receipt.purchaseOrderItem).to.include({ receivedQuantity: 10, allocatedQuantity: 0, availableToPromise: 0, status: "COMPLETED" });
    expect((await readPurchaseOrder(api, "PO-1")).status).to.equal("COMPLETED");
    expect(await inventory("A")).to.equal(1);
    expect((await history(api)).filter((e) => e.type === "FULFILLMENT_RELEASE").map((e) => e.orderId)).to.deep.equal(["SO-1", "SO-2", "SO-3"]);
  });

  it("counts only units still to come as PO ATP, and the units nobody is tied to become inventory", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10), orderBuffer: 1 }, { sku: "B", quantity: 4, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }]);
    const res = await receive("PO-1", "00001", 6);
    expect(res.data.receivePurchaseOrderItem.released.map((r) => r.orderId)).to.deep.equal(["SO-1"]);
    expect(res.data.receivePurchaseOrderItem.addedToInventory).to.equal(4);
    // 4 still to come, 1 held back: 3 to promise.
    expect(res.data.receivePurchaseOrderItem.purchaseOrderItem).to.include({ receivedQuantity: 6, allocatedQuantity: 0, availableToPromise: 3 });
    await preOrder(api, "SO-2", daysAgo(0), [{ sku: "A", quantity: 4 }]);
    expect(await preOrderItem(api, "SO-2")).to.include({ purchaseOrderId: null });
    await preOrder(api, "SO-3", daysAgo(0), [{ sku: "A", quantity: 3 }]);
    expect(await preOrderItem(api, "SO-3")).to.include({ purchaseOrderId: "PO-1" });
    // The last 4 units: SO-3 takes 3, the order buffer's unit is sellable; B is still open, so the PO is too.
    const last = await receive("PO-1", "00001", 4);
    expect(last.data.receivePurchaseOrderItem).to.deep.include({ addedToInventory: 1 });
    expect((await readPurchaseOrder(api, "PO-1")).status).to.equal("CREATED");
    expect(await inventory("A")).to.equal(5);
  });

  it("gives the units held for tied pre-orders to inventory when a quantity cut or a cancellation releases those ties", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 4, arrivalDate: inDays(10) }, { sku: "B", quantity: 4, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 3 }]);
    for (const seq of ["00001", "00002"]) expect((await receive("PO-1", seq, 2)).data.receivePurchaseOrderItem.addedToInventory).to.equal(1);
    const cut = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 3 } });
    expect(cut.errors).to.equal(undefined);
    expect(await inventory("A")).to.equal(2);
    expect(errorCode(await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: 1 } }))).to.equal("BAD_USER_INPUT");
    await cancelPurchaseOrderItem(api, "PO-1", "00002");
    expect(await inventory("B")).to.equal(2);
    expect(await preOrderItem(api, "SO-1", "00002")).to.include({ purchaseOrderId: null, facilityId: "PRE_ORDER_PARKING" });
  });

  it("refuses 11 of 10 units, zero, or a negative number with BAD_USER_INPUT and writes nothing", async () => {
    await tenUnitsTiedNine();
    const before = await snapshot(api.db);
    for (const quantity of [11, 0, -1]) expect(errorCode(await receive("PO-1", "00001", quantity)), String(quantity)).to.equal("BAD_USER_INPUT");
    await receive("PO-1", "00001", 4);
    const partly = await snapshot(api.db);
    expect(errorCode(await receive("PO-1", "00001", 7))).to.equal("BAD_USER_INPUT");
    expect(await snapshot(api.db)).to.deep.equal(partly);
    expect(partly).not.to.deep.equal(before);
  });

  it("refuses a cancelled or completed item or PO with INVALID_STATE and an unknown one with NOT_FOUND, writing nothing", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 2, arrivalDate: inDays(10) }, { sku: "B", quantity: 2, arrivalDate: inDays(10) }]);
    await receive("PO-1", "00001", 2);
    const before = await snapshot(api.db);
    expect(errorCode(await receive("PO-1", "00001", 1))).to.equal("INVALID_STATE");
    expect(errorCode(await receive("PO-1", "00003", 1))).to.equal("NOT_FOUND");
    expect(errorCode(await receive("PO-404", "00001", 1))).to.equal("NOT_FOUND");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });
});
