import { expect } from "chai";
import { createPurchaseOrders, importPreOrder, upsertProducts } from "../../src/domain";
import { daysAgo, inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { RELEASE_PRE_ORDER_ITEMS, UPDATE_PROMISE_DATE, WAITING_REASONS } from "../support/documents";
import { cancelPreOrderItem, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";
import { SqlLog } from "../support/sql-log";

describe("PreOrderItem.waitingReason: why a pre-order is still waiting", () => {
  let api: TestServer;
  const log = new SqlLog();
  beforeEach(async () => { api = await startTestServer(await openTestDb(log)); });
  afterEach(() => api.close());

  const reasons = async () => Object.fromEntries((await api.gql(WAITING_REASONS, { first: 100 })).data.preOrders.edges
    .map(({ node: n }) => [n.orderId, [n.waitingReason, n.largestAvailableToPromise]]));

  it("gives each case its reason, and for INSUFFICIENT_ATP the largest ATP there is", async () => {
    await products(api, "TIED", "RELEASED", "BACKORDER", "CANCELLED", "BY-HAND", "NO-PO", "CLOSED-PO", "PAST", "UNDATED", "SHORT", "FITS");
    await purchaseOrder(api, "PO-OPEN", [
      { sku: "TIED", quantity: 5, arrivalDate: inDays(10) },
      { sku: "SHORT", quantity: 3, arrivalDate: inDays(10) },
      { sku: "SHORT", quantity: 6, orderBuffer: 2, arrivalDate: inDays(20) },
      { sku: "PAST", quantity: 9, arrivalDate: inDays(-2) },
      { sku: "UNDATED", quantity: 9 },
    ], { status: "APPROVED" });
    await purchaseOrder(api, "PO-CANCELLED", [{ sku: "CLOSED-PO", quantity: 9, arrivalDate: inDays(10) }], { status: "CANCELLED" });
    await preOrder(api, "SO-TIED", daysAgo(9), [{ sku: "TIED", quantity: 2 }]);
    await preOrder(api, "SO-RELEASED", daysAgo(9), [{ sku: "RELEASED", quantity: 1 }]);
    await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: "SO-RELEASED", seqId: "00001" }], facility: "WH-1" });
    await preOrder(api, "SO-BACKORDER", daysAgo(9), [{ sku: "BACKORDER", quantity: 1, facilityId: "BACKORDER_PARKING" }]);
    await preOrder(api, "SO-CANCELLED", daysAgo(9), [{ sku: "CANCELLED", quantity: 1 }, { sku: "NO-PO", quantity: 1 }]);
    await cancelPreOrderItem(api, "SO-CANCELLED", "00001");
    await preOrder(api, "SO-BY-HAND", daysAgo(9), [{ sku: "BY-HAND", quantity: 1 }]);
    await api.gql(UPDATE_PROMISE_DATE, { order: "SO-BY-HAND", seq: "00001", date: inDays(30), reason: "Customer asked" });
    await preOrder(api, "SO-NO-PO", daysAgo(9), [{ sku: "NO-PO", quantity: 1 }]);
    await preOrder(api, "SO-CLOSED-PO", daysAgo(9), [{ sku: "CLOSED-PO", quantity: 1 }]);
    await preOrder(api, "SO-PAST", daysAgo(9), [{ sku: "PAST", quantity: 1 }]);
    await preOrder(api, "SO-UNDATED", daysAgo(9), [{ sku: "UNDATED", quantity: 1 }]);
    await preOrder(api, "SO-SHORT", daysAgo(9), [{ sku: "SHORT", quantity: 5 }]);
    await preOrder(api, "SO-FITS", daysAgo(9), [{ sku: "FITS", quantity: 2 }]);
    await purchaseOrder(api, "PO-LATE", [{ sku: "FITS", quantity: 2, arrivalDate: inDays(10) }], { status: "APPROVED" }); // not yet allocated

    const r = await reasons();
    expect(r).to.deep.include({
      "SO-TIED": [null, null],
      "SO-RELEASED": ["NOT_IN_PARKING", null],
      "SO-BACKORDER": ["NOT_IN_PARKING", null],
      "SO-BY-HAND": ["HAS_PROMISE_DATE", null],
      "SO-NO-PO": ["NO_OPEN_PO_ITEM", null],
      "SO-CLOSED-PO": ["NO_OPEN_PO_ITEM", null],
      "SO-PAST": ["NO_FUTURE_ARRIVAL", null],
      "SO-UNDATED": ["NO_FUTURE_ARRIVAL", null],
      // It needs 5; the best PO item has 4 (6 - 2 buffer), the other 3.
      "SO-SHORT": ["INSUFFICIENT_ATP", 4],
      // A PO item could take it now: Allocate Sales Orders has not run since its PO came.
      "SO-FITS": [null, null],
    });
    const cancelled = (await api.gql(WAITING_REASONS, { f: { sku: "CANCELLED" } })).data.preOrders.edges.map((e) => e.node);
    expect(cancelled.map((n) => [n.orderId, n.waitingReason])).to.deep.equal([["SO-CANCELLED", "CANCELLED"]]);
  });

  it("reads the PO items for a list of 100 items of 100 products in one statement", async () => {
    await api.db.write(async (m) => {
      await upsertProducts(m, Array.from({ length: 100 }, (_, i) => ({ sku: `SKU-${i}`, name: `Product ${i}` })));
      await createPurchaseOrders(m, Array.from({ length: 50 }, (_, i) => ({
        id: `PO-${i}`, facilityId: "WH-1", items: [{ sku: `SKU-${i}`, quantity: 1, arrivalDate: new Date(`${inDays(10)}T00:00:00Z`) }],
      })));
    });
    for (let i = 0; i < 100; i++) {
      await api.db.write((m) => importPreOrder(m, { orderId: `SO-${String(i).padStart(3, "0")}`, orderDate: new Date(daysAgo(2)), items: [{ sku: `SKU-${i}`, quantity: 2 }] }, "test"));
    }
    const { result, statements } = await log.during(() => api.gql(WAITING_REASONS, { first: 100 }));
    expect(result.errors).to.equal(undefined);
    const nodes = result.data.preOrders.edges.map((e) => e.node);
    expect(nodes).to.have.length(100);
    expect(nodes.filter((n) => n.waitingReason === "INSUFFICIENT_ATP" && n.largestAvailableToPromise === 1)).to.have.length(50);
    expect(nodes.filter((n) => n.waitingReason === "NO_OPEN_PO_ITEM")).to.have.length(50);
    expect(statements.filter((s) => /FROM purchase_order_item/i.test(s)), statements.join("\n")).to.have.length(1);
  });
});
