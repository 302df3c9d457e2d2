import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { CREATE_PO, IMPORT_PRE_ORDER, PRE_ORDERS, PURCHASE_ORDERS } from "../support/documents";
import { graphql } from "../support/graphql";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("Catalog, purchase orders and pre-orders through the API", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", { sku: "B", name: "Product B", inventoryAvailable: 3 });
  });
  afterEach(() => api.close());

  it("creates a PO with items numbered in upload order and ATP = quantity - buffer", async () => {
    const res = await api.gql(CREATE_PO, { input: { id: "PO-1", facilityId: "WH-1", items: [
      { sku: "A", quantity: 10, orderBuffer: 2, arrivalDate: inDays(10) },
      { sku: "B", quantity: 5, bufferDays: 3 },
    ] } });
    expect(res.errors).to.equal(undefined);
    const po = res.data.createPurchaseOrder;
    expect(po).to.include({ id: "PO-1", status: "CREATED", facilityId: "WH-1", pendingPreOrderCount: 0 });
    expect(po.items.map((i) => [i.seqId, i.product.sku, i.availableToPromise, i.status])).to.deep.equal([
      ["00001", "A", 8, "CREATED"], ["00002", "B", 5, "CREATED"],
    ]);
    expect(po.items[0].arrivalDate).to.equal(day(10));
    expect(po.items[1].arrivalDate).to.equal(null);
  });

  it("refuses a duplicate PO id with DUPLICATE and writes nothing", async () => {
    const input = { id: "PO-1", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] };
    await purchaseOrder(api, "PO-1", input.items);
    const before = await snapshot(api.db);
    const res = await api.gql(CREATE_PO, { input: { ...input, items: [{ sku: "B", quantity: 4 }] } });
    expect(errorCode(res)).to.equal("DUPLICATE");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("ties an imported pre-order at once to the earliest-arriving PO item with enough ATP", async () => {
    await purchaseOrder(api, "PO-LATE", [{ sku: "A", quantity: 10, arrivalDate: inDays(40) }]);
    await purchaseOrder(api, "PO-SOON", [{ sku: "A", quantity: 3, arrivalDate: inDays(10) }]);
    const first = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-1", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }] } });
    expect(first.data.importPreOrder.items[0]).to.include({ purchaseOrderId: "PO-SOON", purchaseOrderItemSeqId: "00001", promiseDate: day(10) });
    const second = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-2", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }] } });
    expect(second.data.importPreOrder.items[0]).to.include({ purchaseOrderId: "PO-LATE", promiseDate: day(40) });
    const po = await api.gql(graphql(`query SoonPoAtp { purchaseOrder(id: "PO-SOON") { items { allocatedQuantity availableToPromise } } }`));
    expect(po.data.purchaseOrder?.items[0]).to.deep.equal({ allocatedQuantity: 2, availableToPromise: 1 });
  });

  it("leaves a pre-order waiting when no PO can cover it, and again-imported orders unchanged", async () => {
    const input = { orderId: "SO-1", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1, facilityId: "BACKORDER_PARKING" }] };
    const first = await api.gql(IMPORT_PRE_ORDER, { input });
    expect(first.data.importPreOrder.created).to.equal(true);
    expect(first.data.importPreOrder.items.map((i) => [i.seqId, i.facilityId, i.promiseDate, i.purchaseOrderId])).to.deep.equal([
      ["00001", "PRE_ORDER_PARKING", null, null], ["00002", "BACKORDER_PARKING", null, null],
    ]);
    const before = await snapshot(api.db);
    const again = await api.gql(IMPORT_PRE_ORDER, { input: { ...input, items: [{ sku: "B", quantity: 9 }] } });
    expect(again.data.importPreOrder.created).to.equal(false);
    expect(again.data.importPreOrder.items).to.have.length(2);
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("lists POs newest first with filters, cursor pages and totalCount", async () => {
    for (let i = 1; i <= 5; i++) {
      await purchaseOrder(api, `PO-${i}`, [{ sku: i % 2 ? "A" : "B", quantity: 5, arrivalDate: inDays(20) }],
        { orderDate: `2026-0${i}-01`, status: i === 5 ? "CANCELLED" : "APPROVED" });
    }
    const page1 = await api.gql(PURCHASE_ORDERS, { first: 2 });
    expect(page1.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-5", "PO-4"]);
    expect(page1.data.purchaseOrders).to.deep.include({ totalCount: 5 });
    const page2 = await api.gql(PURCHASE_ORDERS, { first: 2, after: page1.data.purchaseOrders.pageInfo.endCursor });
    expect(page2.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-3", "PO-2"]);
    const page3 = await api.gql(PURCHASE_ORDERS, { first: 2, after: page2.data.purchaseOrders.pageInfo.endCursor });
    expect(page3.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-1"]);
    expect(page3.data.purchaseOrders.pageInfo.hasNextPage).to.equal(false);

    const bySku = await api.gql(PURCHASE_ORDERS, { f: { sku: "B" } });
    expect(bySku.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-4", "PO-2"]);
    const byStatus = await api.gql(PURCHASE_ORDERS, { f: { status: ["CANCELLED"] } });
    expect(byStatus.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-5"]);
    const bySearch = await api.gql(PURCHASE_ORDERS, { f: { search: "po-3" } });
    expect(bySearch.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-3"]);

    await preOrder(api, "SO-1", daysAgo(1), [{ sku: "B", quantity: 99 }]);
    const pending = await api.gql(PURCHASE_ORDERS, { f: { hasPendingPreOrders: true } });
    expect(pending.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal(["PO-4", "PO-2"]);
    expect(errorCode(await api.gql(PURCHASE_ORDERS, { first: 101 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PURCHASE_ORDERS, { after: "nonsense" }))).to.equal("BAD_USER_INPUT");
  });

  it("lists pre-orders first in first out with filters and pages", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 2, arrivalDate: inDays(9) }]);
    await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }]);
    const all = await api.gql(PRE_ORDERS, {});
    expect(all.data.preOrders.edges.map((e) => `${e.node.orderId}/${e.node.seqId}`)).to.deep.equal(["SO-1/00001", "SO-1/00002", "SO-2/00001"]);
    const p1 = await api.gql(PRE_ORDERS, { first: 2 });
    const p2 = await api.gql(PRE_ORDERS, { first: 2, after: p1.data.preOrders.pageInfo.endCursor });
    expect(p2.data.preOrders.edges.map((e) => e.node.orderId)).to.deep.equal(["SO-2"]);
    expect((await api.gql(PRE_ORDERS, { f: { allocated: true } })).data.preOrders.totalCount).to.equal(2);
    expect((await api.gql(PRE_ORDERS, { f: { promised: false } })).data.preOrders.totalCount).to.equal(1);
    expect((await api.gql(PRE_ORDERS, { f: { sku: "B" } })).data.preOrders.totalCount).to.equal(1);
    expect((await api.gql(PRE_ORDERS, { f: { purchaseOrderId: "PO-1" } })).data.preOrders.totalCount).to.equal(2);
  });
});
