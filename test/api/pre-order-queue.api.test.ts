import { expect } from "chai";
import { daysAgo, inDays, testClock } from "../support/clock";
import { PRE_ORDER_QUEUE, RELEASE_PRE_ORDER_ITEMS, UPDATE_PROMISE_DATE } from "../support/documents";
import type { PreOrderFilter } from "../support/graphql/graphql";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("The pre-order queue", () => {
  let api: TestServer;
  before(async () => {
    // The data is built once, here, before the root hook resets the clock for each test: reset it now too.
    testClock.reset();
    api = await startTestServer();
    await products(api, { sku: "JACKET-M", name: "Rain Jacket M" }, { sku: "BOOT-42", name: "Hiking Boot 42" }, { sku: "SOCK", name: "Wool sock_100%" });
    await purchaseOrder(api, "PO-1", [{ sku: "JACKET-M", quantity: 3, arrivalDate: inDays(10) }]);
    await preOrder(api, "WEB-1001", daysAgo(5), [{ sku: "JACKET-M", quantity: 2 }, { sku: "BOOT-42", quantity: 1 }]);
    await preOrder(api, "WEB-1002", daysAgo(4), [{ sku: "JACKET-M", quantity: 2 }]);
    await preOrder(api, "SHOP-7", daysAgo(3), [{ sku: "SOCK", quantity: 3 }, { sku: "BOOT-42", quantity: 1 }]);
    await preOrder(api, "SHOP-8", daysAgo(2), [{ sku: "BOOT-42", quantity: 4 }]);
    await api.gql(UPDATE_PROMISE_DATE, { order: "SHOP-7", seq: "00001", date: inDays(40), reason: "Supplier said so" });
    await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: "SHOP-8", seqId: "00001" }], facility: "WH-2" });
  });
  after(async () => {
    await api.close();
  });

  const queue = async (f: PreOrderFilter, first = 20) => {
    const res = await api.gql(PRE_ORDER_QUEUE, { f, first });
    expect(res.errors).to.equal(undefined);
    return { summary: res.data.preOrderQueueSummary, keys: res.data.preOrders.edges.map((e) => `${e.node.orderId}/${e.node.seqId}`), total: res.data.preOrders.totalCount };
  };

  it("lists every item first in first out and counts orders, items, units, waiting and tied", async () => {
    const all = await queue({});
    expect(all.keys).to.deep.equal(["WEB-1001/00001", "WEB-1001/00002", "WEB-1002/00001", "SHOP-7/00001", "SHOP-7/00002", "SHOP-8/00001"]);
    // WEB-1001/00001 is tied; SHOP-8 left parking; the others wait (SHOP-7/00001 with a hand-set date).
    expect(all.summary).to.deep.equal({ orderCount: 4, itemCount: 6, unitCount: 13, waitingItemCount: 4, tiedItemCount: 1 });
  });

  it("searches order ids, SKUs and product names as case-insensitive substrings, with % and _ taken literally", async () => {
    expect((await queue({ search: "web-100" })).keys).to.deep.equal(["WEB-1001/00001", "WEB-1001/00002", "WEB-1002/00001"]);
    expect((await queue({ search: "boot-4" })).keys).to.deep.equal(["WEB-1001/00002", "SHOP-7/00002", "SHOP-8/00001"]);
    expect((await queue({ search: "RAIN jack" })).keys).to.deep.equal(["WEB-1001/00001", "WEB-1002/00001"]);
    expect((await queue({ search: "k_1" })).keys).to.deep.equal(["SHOP-7/00001"]);
    expect((await queue({ search: "%" })).keys).to.deep.equal(["SHOP-7/00001"]);
    expect((await queue({ search: "nothing" })).summary).to.deep.equal({ orderCount: 0, itemCount: 0, unitCount: 0, waitingItemCount: 0, tiedItemCount: 0 });
  });

  it("filters by order and promise dates, waiting or tied, facility and PO, and counts the same items", async () => {
    expect((await queue({ orderDateFrom: daysAgo(4), orderDateTo: daysAgo(3) })).keys).to.deep.equal(["WEB-1002/00001", "SHOP-7/00001", "SHOP-7/00002"]);
    expect((await queue({ promiseDateFrom: inDays(11) })).keys).to.deep.equal(["SHOP-7/00001"]);
    expect((await queue({ promiseDateTo: inDays(10) })).keys).to.deep.equal(["WEB-1001/00001"]);
    const waiting = await queue({ waiting: true });
    expect(waiting.keys).to.deep.equal(["WEB-1001/00002", "WEB-1002/00001", "SHOP-7/00001", "SHOP-7/00002"]);
    expect(waiting.summary).to.deep.equal({ orderCount: 3, itemCount: 4, unitCount: 7, waitingItemCount: 4, tiedItemCount: 0 });
    expect((await queue({ waiting: false })).keys).to.deep.equal(["WEB-1001/00001"]);
    expect((await queue({ facilityId: "WH-2" })).keys).to.deep.equal(["SHOP-8/00001"]);
    expect((await queue({ purchaseOrderId: "PO-1", search: "1001" })).summary).to.deep.equal({ orderCount: 1, itemCount: 1, unitCount: 2, waitingItemCount: 0, tiedItemCount: 1 });
  });

  it("pages with cursors in the same order, and refuses a search longer than 255 characters", async () => {
    const first = await api.gql(PRE_ORDER_QUEUE, { f: { search: "o" }, first: 2 });
    const rest = await api.gql(PRE_ORDER_QUEUE, { f: { search: "o" }, first: 20, after: first.data.preOrders.pageInfo.endCursor });
    const keys = [...first.data.preOrders.edges, ...rest.data.preOrders.edges].map((e) => `${e.node.orderId}/${e.node.seqId}`);
    expect(keys).to.deep.equal((await queue({ search: "o" })).keys);
    expect(first.data.preOrders.totalCount).to.equal(keys.length);
    expect(errorCode(await api.gql(PRE_ORDER_QUEUE, { f: { search: "x".repeat(256) } }))).to.equal("BAD_USER_INPUT");
  });
});

describe("The pre-order queue's summary at the limits", () => {
  // A describe of its own: its server's database is opened (and on MariaDB emptied) after the queue's tests are done.
  it("caps the units at the largest Int instead of failing when thousands of big items pass it (found by an outside tester)", async () => {
    const other = await startTestServer();
    try {
      await products(other, { sku: "BULK", name: "Bulk" });
      await preOrder(other, "BIG-1", daysAgo(2), [{ sku: "BULK", quantity: 1_000_000 }, { sku: "BULK", quantity: 1_000_000 }, { sku: "BULK", quantity: 1_000_000 }]);
      // As 2,200 items of 1,000,000 units would add up: three rows of 1,000,000,000, written straight to the table.
      await other.db.write((m) => m.query("UPDATE sales_order_item SET quantity = 1000000000 WHERE order_id = 'BIG-1'"));
      const res = await other.gql(PRE_ORDER_QUEUE, { f: { search: "BULK" }, first: 1 });
      expect(res.errors).to.equal(undefined);
      expect(res.data.preOrderQueueSummary).to.include({ itemCount: 3, unitCount: 2_147_483_647 });
    } finally {
      await other.close();
    }
  });
});
