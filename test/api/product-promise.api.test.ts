import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { PROMISE, PROMISES } from "../support/documents";
import type { PurchaseOrderInput } from "../support/graphql/graphql";
import { graphql } from "../support/graphql";
import { allocate, cancelPurchaseOrderItem, completePurchaseOrder, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("PDP promises: productPromise and productPromises", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api,
      { sku: "PRE", name: "Pre-order product" },
      { sku: "STOCK", name: "In stock", inventoryAvailable: 3 },
      { sku: "NONE", name: "Nothing coming" });
  });
  afterEach(() => api.close());

  const po = (id: string, items: PurchaseOrderInput["items"], status: PurchaseOrderInput["status"] = "APPROVED") => purchaseOrder(api, id, items, { status });
  const promise = async (sku: string, quantity?: number) => (await api.gql(PROMISE, { sku, quantity })).data.productPromise;

  it("shows a pre-order at the earliest arrival with ATP plus its buffer days, and the ATP summed over the POs", async () => {
    await po("PO-LATE", [{ sku: "PRE", quantity: 10, arrivalDate: inDays(40) }]);
    await po("PO-SOON", [{ sku: "PRE", quantity: 5, orderBuffer: 2, bufferDays: 3, arrivalDate: inDays(10) }]);
    expect(await promise("PRE")).to.deep.equal({
      sku: "PRE", status: "PRE_ORDER", availableToPromise: 13, promiseDate: day(13), purchaseOrderId: "PO-SOON", inventoryAvailable: 0, quantity: 1,
    });
  });

  it("counts only allocatable PO items with ATP left: open PO and item, arrival date today or later", async () => {
    await po("PO-CANCELLED", [{ sku: "PRE", quantity: 100, arrivalDate: inDays(1) }], "CANCELLED");
    await po("PO-COMPLETED", [{ sku: "PRE", quantity: 100, arrivalDate: inDays(2) }]);
    await completePurchaseOrder(api, "PO-COMPLETED");
    // A closed item on a PO that stays open (its other item is open).
    await po("PO-CANCELLED-ITEM", [{ sku: "PRE", quantity: 100, arrivalDate: inDays(1) }, { sku: "STOCK", quantity: 1, arrivalDate: inDays(1) }]);
    await cancelPurchaseOrderItem(api, "PO-CANCELLED-ITEM", "00001");
    await po("PO-OVERDUE", [{ sku: "PRE", quantity: 100, arrivalDate: inDays(-1) }]);
    await po("PO-NO-DATE", [{ sku: "PRE", quantity: 100 }]);
    await po("PO-ALL-BUFFER", [{ sku: "PRE", quantity: 4, orderBuffer: 4, arrivalDate: inDays(3) }]);
    await po("PO-TODAY", [{ sku: "PRE", quantity: 2, arrivalDate: inDays(0) }]);
    await po("PO-LATER", [{ sku: "PRE", quantity: 7, arrivalDate: inDays(30) }]);
    expect(await promise("PRE")).to.include({ status: "PRE_ORDER", availableToPromise: 9, promiseDate: day(0), purchaseOrderId: "PO-TODAY" });

    // A pre-order takes PO-TODAY's 2 units (the earliest arrival that covers it).
    expect((await preOrder(api, "SO-TODAY", daysAgo(1), [{ sku: "PRE", quantity: 2 }]))[0].purchaseOrderId).to.equal("PO-TODAY");
    expect(await promise("PRE")).to.include({ status: "PRE_ORDER", availableToPromise: 7, promiseDate: day(30), purchaseOrderId: "PO-LATER" });
    expect(await promise("NONE")).to.deep.include({ status: "OUT_OF_STOCK", availableToPromise: 0, promiseDate: null, purchaseOrderId: null });
  });

  it("says IN_STOCK while inventory is available, with the PO ATP still given and no promise date", async () => {
    await po("PO-1", [{ sku: "STOCK", quantity: 6, arrivalDate: inDays(20) }]);
    expect(await promise("STOCK")).to.deep.include({ status: "IN_STOCK", availableToPromise: 6, promiseDate: null, purchaseOrderId: null, inventoryAvailable: 3 });
  });

  it("answers 'when could I get N?' with the earliest PO item that covers N whole", async () => {
    await po("PO-SOON", [{ sku: "PRE", quantity: 3, arrivalDate: inDays(10) }, { sku: "STOCK", quantity: 2, arrivalDate: inDays(5) }]);
    await po("PO-LATE", [{ sku: "PRE", quantity: 10, bufferDays: 1, arrivalDate: inDays(40) }, { sku: "STOCK", quantity: 9, arrivalDate: inDays(50) }]);
    expect(await promise("PRE", 3)).to.include({ status: "PRE_ORDER", promiseDate: day(10), purchaseOrderId: "PO-SOON", availableToPromise: 13, quantity: 3 });
    expect(await promise("PRE", 4)).to.include({ status: "PRE_ORDER", promiseDate: day(41), purchaseOrderId: "PO-LATE" });
    // 13 units are on order, but no single PO item can take 11: a pre-order is never split.
    expect(await promise("PRE", 11)).to.include({ status: "OUT_OF_STOCK", promiseDate: null, purchaseOrderId: null, availableToPromise: 13 });
    expect(await promise("STOCK", 3)).to.include({ status: "IN_STOCK", promiseDate: null });
    expect(await promise("STOCK", 4)).to.include({ status: "PRE_ORDER", promiseDate: day(50), purchaseOrderId: "PO-LATE" });
  });

  it("returns null for an unknown SKU, in its place in a list, and answers repeated SKUs", async () => {
    await po("PO-1", [{ sku: "PRE", quantity: 4, arrivalDate: inDays(8) }]);
    expect(await promise("NOPE")).to.equal(null);
    const res = await api.gql(PROMISES, { skus: ["NONE", "NOPE", "PRE", "STOCK", "PRE"] });
    expect(res.data.productPromises.map((p) => p && [p.sku, p.status])).to.deep.equal([
      ["NONE", "OUT_OF_STOCK"], null, ["PRE", "PRE_ORDER"], ["STOCK", "IN_STOCK"], ["PRE", "PRE_ORDER"],
    ]);
    expect((await api.gql(PROMISES, { skus: [] })).data.productPromises).to.deep.equal([]);
  });

  it("refuses more than 250 SKUs, a quantity below 1 and an overlong SKU with BAD_USER_INPUT", async () => {
    const many = Array.from({ length: 251 }, (_, i) => `SKU-${i}`);
    expect(errorCode(await api.gql(PROMISES, { skus: many }))).to.equal("BAD_USER_INPUT");
    expect((await api.gql(PROMISES, { skus: many.slice(0, 250) })).data.productPromises).to.have.length(250);
    expect(errorCode(await api.gql(PROMISE, { sku: "PRE", quantity: 0 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PROMISES, { skus: ["PRE"], quantity: -2 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PROMISE, { sku: "X".repeat(65) }))).to.equal("BAD_USER_INPUT");
  });

  it("reaches promises through PO items and their products", async () => {
    await po("PO-1", [{ sku: "PRE", quantity: 4, arrivalDate: inDays(8) }, { sku: "STOCK", quantity: 1, arrivalDate: inDays(8) }]);
    const res = await api.gql(graphql(`
      query PoOneItemPromises { purchaseOrder(id: "PO-1") { items { product { sku promise { status promiseDate } big: promise(quantity: 5) { status } } } } }
    `));
    expect(res.data.purchaseOrder?.items.map((i) => i.product)).to.deep.equal([
      { sku: "PRE", promise: { status: "PRE_ORDER", promiseDate: day(8) }, big: { status: "OUT_OF_STOCK" } },
      { sku: "STOCK", promise: { status: "IN_STOCK", promiseDate: null }, big: { status: "OUT_OF_STOCK" } },
    ]);
  });

  it("shows the ATP and date left on the very next request after a pre-order import or an allocation", async () => {
    await po("PO-SOON", [{ sku: "PRE", quantity: 2, arrivalDate: inDays(10) }]);
    await po("PO-LATE", [{ sku: "PRE", quantity: 5, arrivalDate: inDays(30) }]);
    expect(await promise("PRE")).to.include({ availableToPromise: 7, promiseDate: day(10) });

    await preOrder(api, "SO-1", daysAgo(1), [{ sku: "PRE", quantity: 2 }]);
    expect(await promise("PRE")).to.include({ availableToPromise: 5, promiseDate: day(30), purchaseOrderId: "PO-LATE" });

    // Pre-orders that came in before the next PO wait; Allocate Sales Orders then takes its ATP.
    await preOrder(api, "SO-2", daysAgo(1), [{ sku: "PRE", quantity: 9 }]);
    await po("PO-NEXT", [{ sku: "PRE", quantity: 10, arrivalDate: inDays(20) }]);
    expect(await promise("PRE")).to.include({ availableToPromise: 15, promiseDate: day(20), purchaseOrderId: "PO-NEXT" });
    expect((await allocate(api, "PO-NEXT")).allocatedQuantity).to.equal(9);
    expect(await promise("PRE")).to.include({ availableToPromise: 6, promiseDate: day(20), purchaseOrderId: "PO-NEXT" });
    expect(await promise("PRE", 2)).to.include({ promiseDate: day(30), purchaseOrderId: "PO-LATE" });
  });

  it("shows each mutation of one request the ATP left after it", async () => {
    await po("PO-1", [{ sku: "PRE", quantity: 5, arrivalDate: inDays(10) }]);
    const importing = (alias: string, orderId: string, quantity: number) => `${alias}: importPreOrder(input: {
      orderId: "${orderId}", orderDate: "${daysAgo(1)}", items: [{ sku: "PRE", quantity: ${quantity} }] }) { items { product { promise { availableToPromise } } } }`;
    const res = await api.gql(`mutation { ${importing("first", "SO-1", 2)} ${importing("second", "SO-2", 1)} }`);
    expect(res.data.first.items[0].product.promise.availableToPromise).to.equal(3);
    expect(res.data.second.items[0].product.promise.availableToPromise).to.equal(2);
  });
});
