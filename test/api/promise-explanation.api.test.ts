import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { PROMISE, PROMISE_EXPLANATION } from "../support/documents";
import { cancelPurchaseOrderItem, completePurchaseOrder, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, as, errorCode, startTestServer } from "../support/server";

describe("promiseExplanation: why the product page shows what it shows", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, { sku: "PRE", name: "Pre-order product" }, { sku: "OTHER", name: "Other" }, { sku: "STOCK", name: "In stock", inventoryAvailable: 2 });
  });
  afterEach(() => api.close());

  const explain = async (sku: string, quantity?: number) => (await api.gql(PROMISE_EXPLANATION, { sku, quantity })).data.promiseExplanation;
  const promise = async (sku: string, quantity?: number) => (await api.gql(PROMISE, { sku, quantity })).data.productPromise;

  it("gives each PO item that cannot be promised its reason: cancelled, completed, arrival in the past, no arrival date, no ATP left", async () => {
    await purchaseOrder(api, "PO-CANCELLED", [{ sku: "PRE", quantity: 10, arrivalDate: inDays(1) }, { sku: "OTHER", quantity: 1, arrivalDate: inDays(1) }], { status: "APPROVED" });
    await cancelPurchaseOrderItem(api, "PO-CANCELLED", "00001");
    await purchaseOrder(api, "PO-COMPLETED", [{ sku: "PRE", quantity: 10, arrivalDate: inDays(2) }], { status: "APPROVED" });
    await completePurchaseOrder(api, "PO-COMPLETED");
    await purchaseOrder(api, "PO-PAST", [{ sku: "PRE", quantity: 10, arrivalDate: inDays(-1) }], { status: "APPROVED" });
    await purchaseOrder(api, "PO-NO-DATE", [{ sku: "PRE", quantity: 10 }], { status: "APPROVED" });
    await purchaseOrder(api, "PO-FULL", [{ sku: "PRE", quantity: 4, orderBuffer: 1, arrivalDate: inDays(3) }], { status: "APPROVED" });
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "PRE", quantity: 3 }]); // takes PO-FULL's 3 units: no ATP left there
    await purchaseOrder(api, "PO-SMALL", [{ sku: "PRE", quantity: 2, arrivalDate: inDays(5) }], { status: "APPROVED" });
    await purchaseOrder(api, "PO-BIG", [{ sku: "PRE", quantity: 9, bufferDays: 2, arrivalDate: inDays(20) }], { status: "APPROVED" });

    const explanation = await explain("PRE", 3);
    const byPo = Object.fromEntries(explanation!.poItems.map((p) => [p.purchaseOrderId, p]));
    expect(Object.fromEntries(Object.entries(byPo).map(([po, p]) => [po, [p.canPromise, p.blocker]]))).to.deep.equal({
      "PO-CANCELLED": [false, "CANCELLED"], "PO-COMPLETED": [false, "COMPLETED"], "PO-PAST": [false, "ARRIVAL_IN_PAST"],
      "PO-NO-DATE": [false, "NO_ARRIVAL_DATE"], "PO-FULL": [false, "NO_ATP"], "PO-SMALL": [true, null], "PO-BIG": [true, null],
    });
    expect(byPo["PO-FULL"]).to.include({ quantity: 4, orderBuffer: 1, allocatedQuantity: 3, availableToPromise: 0, arrivalDate: day(3), bufferDays: 0 });
    expect(byPo["PO-BIG"]).to.include({ availableToPromise: 9, bufferDays: 2, promiseDate: day(22) });
    // Dated items in preference order, the undated one last.
    expect(explanation!.poItems.map((p) => p.purchaseOrderId)).to.deep.equal(["PO-PAST", "PO-CANCELLED", "PO-COMPLETED", "PO-FULL", "PO-SMALL", "PO-BIG", "PO-NO-DATE"]);

    expect(explanation!.steps.map((s) => [s.kind, s.passed, s.available, s.purchaseOrderId])).to.deep.equal([
      ["INVENTORY", false, 0, null], ["PO_ITEM", false, 2, "PO-SMALL"], ["PO_ITEM", true, 9, "PO-BIG"], ["ANSWER", true, 11, "PO-BIG"],
    ]);
    expect(explanation!.steps[2].text).to.contain(`covers 3, promise ${day(22)}`);
    expect(explanation!.answer).to.deep.equal(await promise("PRE", 3));
    expect(explanation!.answer).to.include({ status: "PRE_ORDER", promiseDate: day(22), purchaseOrderId: "PO-BIG" });
  });

  it("counts the waiting pre-orders and explains in stock and out of stock", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "PRE", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(2), [{ sku: "PRE", quantity: 5 }]);
    const none = await explain("PRE");
    expect(none).to.include({ sku: "PRE", quantity: 1, inventoryAvailable: 0, waitingPreOrderCount: 2, waitingPreOrderUnits: 7 });
    expect(none!.poItems).to.deep.equal([]);
    expect(none!.steps.map((s) => [s.kind, s.passed])).to.deep.equal([["INVENTORY", false], ["ANSWER", true]]);
    expect(none!.answer).to.include({ status: "OUT_OF_STOCK" }).and.deep.equal(await promise("PRE"));

    const stock = await explain("STOCK", 2);
    expect(stock!.steps.map((s) => [s.kind, s.passed, s.available])).to.deep.equal([["INVENTORY", true, 2], ["ANSWER", true, 0]]);
    expect(stock!.answer).to.include({ status: "IN_STOCK" }).and.deep.equal(await promise("STOCK", 2));
  });

  it("answers null for an unknown SKU, refuses a bad quantity, and is for support and admin only", async () => {
    expect(await explain("NOPE")).to.equal(null);
    expect(errorCode(await api.gql(PROMISE_EXPLANATION, { sku: "PRE", quantity: 0 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PROMISE_EXPLANATION, { sku: "X".repeat(300) }))).to.equal("BAD_USER_INPUT");
    expect((await api.gql(PROMISE_EXPLANATION, { sku: "PRE" }, as("support"))).data.promiseExplanation).to.include({ sku: "PRE" });
    expect(errorCode(await api.gql(PROMISE_EXPLANATION, { sku: "PRE" }, as("anonymous")))).to.equal("UNAUTHENTICATED");
  });
});
