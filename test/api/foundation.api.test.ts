import { expect } from "chai";
import { CREATE_PO, IMPORT_PRE_ORDER, UPSERT, daysAgo, inDays } from "../fixtures";
import { TestServer, errorCode, snapshot, startTestServer } from "../helpers";

describe("Catalog, purchase orders and pre-orders through the API", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await api.gql(UPSERT, { input: [{ sku: "A", name: "Product A" }, { sku: "B", name: "Product B", inventoryAvailable: 3 }] });
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
    expect(po.items.map((i: any) => [i.seqId, i.product.sku, i.availableToPromise, i.status])).to.deep.equal([
      ["00001", "A", 8, "CREATED"], ["00002", "B", 5, "CREATED"],
    ]);
    expect(po.items[0].arrivalDate).to.equal(`${inDays(10)}T00:00:00.000Z`);
    expect(po.items[1].arrivalDate).to.equal(null);
  });

  it("refuses a duplicate PO id with DUPLICATE and writes nothing", async () => {
    const input = { id: "PO-1", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] };
    await api.gql(CREATE_PO, { input });
    const before = await snapshot(api.db);
    const res = await api.gql(CREATE_PO, { input: { ...input, items: [{ sku: "B", quantity: 4 }] } });
    expect(errorCode(res)).to.equal("DUPLICATE");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("ties an imported pre-order at once to the earliest-arriving PO item with enough ATP", async () => {
    await api.gql(CREATE_PO, { input: { id: "PO-LATE", facilityId: "WH-1", items: [{ sku: "A", quantity: 10, arrivalDate: inDays(40) }] } });
    await api.gql(CREATE_PO, { input: { id: "PO-SOON", facilityId: "WH-1", items: [{ sku: "A", quantity: 3, arrivalDate: inDays(10) }] } });
    const first = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-1", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }] } });
    expect(first.data.importPreOrder.items[0]).to.include({ purchaseOrderId: "PO-SOON", purchaseOrderItemSeqId: "00001", promiseDate: `${inDays(10)}T00:00:00.000Z` });
    const second = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-2", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }] } });
    expect(second.data.importPreOrder.items[0]).to.include({ purchaseOrderId: "PO-LATE", promiseDate: `${inDays(40)}T00:00:00.000Z` });
    const po = await api.gql(`{ purchaseOrder(id: "PO-SOON") { items { allocatedQuantity availableToPromise } } }`);
    expect(po.data.purchaseOrder.items[0]).to.deep.equal({ allocatedQuantity: 2, availableToPromise: 1 });
  });

  it("leaves a pre-order waiting when no PO can cover it, and again-imported orders unchanged", async () => {
    const input = { orderId: "SO-1", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1, facilityId: "BACKORDER_PARKING" }] };
    const first = await api.gql(IMPORT_PRE_ORDER, { input });
    expect(first.data.importPreOrder.created).to.equal(true);
    expect(first.data.importPreOrder.items.map((i: any) => [i.seqId, i.facilityId, i.promiseDate, i.purchaseOrderId])).to.deep.equal([
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
      await api.gql(CREATE_PO, { input: { id: `PO-${i}`, facilityId: "WH-1", orderDate: `2026-0${i}-01`, status: i === 5 ? "CANCELLED" : "APPROVED",
        items: [{ sku: i % 2 ? "A" : "B", quantity: 5, arrivalDate: inDays(20) }] } });
    }
    const LIST = `query($f: PurchaseOrderFilter, $first: Int, $after: String) { purchaseOrders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const page1 = await api.gql(LIST, { first: 2 });
    expect(page1.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-5", "PO-4"]);
    expect(page1.data.purchaseOrders).to.deep.include({ totalCount: 5 });
    const page2 = await api.gql(LIST, { first: 2, after: page1.data.purchaseOrders.pageInfo.endCursor });
    expect(page2.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-3", "PO-2"]);
    const page3 = await api.gql(LIST, { first: 2, after: page2.data.purchaseOrders.pageInfo.endCursor });
    expect(page3.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-1"]);
    expect(page3.data.purchaseOrders.pageInfo.hasNextPage).to.equal(false);

    const bySku = await api.gql(LIST, { f: { sku: "B" } });
    expect(bySku.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-4", "PO-2"]);
    const byStatus = await api.gql(LIST, { f: { status: ["CANCELLED"] } });
    expect(byStatus.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-5"]);
    const bySearch = await api.gql(LIST, { f: { search: "po-3" } });
    expect(bySearch.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-3"]);

    await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-1", orderDate: daysAgo(1), items: [{ sku: "B", quantity: 99 }] } });
    const pending = await api.gql(LIST, { f: { hasPendingPreOrders: true } });
    expect(pending.data.purchaseOrders.edges.map((e: any) => e.node.id)).to.deep.equal(["PO-4", "PO-2"]);
    expect(errorCode(await api.gql(LIST, { first: 101 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { after: "nonsense" }))).to.equal("BAD_USER_INPUT");
  });

  it("lists pre-orders first in first out with filters and pages", async () => {
    await api.gql(CREATE_PO, { input: { id: "PO-1", facilityId: "WH-1", items: [{ sku: "A", quantity: 2, arrivalDate: inDays(9) }] } });
    await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-2", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } });
    await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-1", orderDate: daysAgo(2), items: [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }] } });
    const LIST = `query($f: PreOrderFilter, $first: Int, $after: String) { preOrders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { orderId seqId purchaseOrderId } } } }`;
    const all = await api.gql(LIST, {});
    expect(all.data.preOrders.edges.map((e: any) => `${e.node.orderId}/${e.node.seqId}`)).to.deep.equal(["SO-1/00001", "SO-1/00002", "SO-2/00001"]);
    const p1 = await api.gql(LIST, { first: 2 });
    const p2 = await api.gql(LIST, { first: 2, after: p1.data.preOrders.pageInfo.endCursor });
    expect(p2.data.preOrders.edges.map((e: any) => e.node.orderId)).to.deep.equal(["SO-2"]);
    expect((await api.gql(LIST, { f: { allocated: true } })).data.preOrders.totalCount).to.equal(2);
    expect((await api.gql(LIST, { f: { promised: false } })).data.preOrders.totalCount).to.equal(1);
    expect((await api.gql(LIST, { f: { sku: "B" } })).data.preOrders.totalCount).to.equal(1);
    expect((await api.gql(LIST, { f: { purchaseOrderId: "PO-1" } })).data.preOrders.totalCount).to.equal(2);
  });
});
