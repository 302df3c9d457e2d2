import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { ACKNOWLEDGE, ALLOCATE, ALLOCATION_HISTORY, PROMISE_DATE_CHANGES, RELEASE_ALLOCATION, UPDATE_PO_ITEM } from "../support/documents";
import { lifecycleViolations } from "../support/invariants";
import { allocate, feed, history, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

describe("The promise-date change feed and the allocation history", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B", "C");
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });

  it("gets exactly one row per promise date set by pre-order import and by Allocate Sales Orders, none for a dry run", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(4), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]); // A tied at once, B waits
    await preOrder(api, "SO-2", daysAgo(3), [{ sku: "B", quantity: 2 }, { sku: "C", quantity: 1 }]);
    expect((await feed(api)).map((r) => [r.orderId, r.seqId, r.type, r.reason, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([
      ["SO-1", "00001", "ALLOCATE", "Tied on pre-order import", null, day(10)],
    ]);

    await purchaseOrder(api, "PO-2", [{ sku: "B", quantity: 5, arrivalDate: inDays(20) }, { sku: "C", quantity: 5, arrivalDate: inDays(25) }]);
    const before = await snapshot(api.db);
    const dry = await api.gql(ALLOCATE, { id: "PO-2", dryRun: true });
    expect(dry.data.allocateSalesOrders.allocatedItemCount).to.equal(3);
    expect(await snapshot(api.db)).to.deep.equal(before);

    const run = await api.gql(ALLOCATE, { id: "PO-2" });
    expect(run.data.allocateSalesOrders.allocatedItemCount).to.equal(3);
    const rows = await feed(api);
    expect(rows.slice(1).map((r) => [r.orderId, r.seqId, r.type, r.reason, r.oldPromiseDate, r.newPromiseDate])).to.deep.equal([
      ["SO-1", "00002", "ALLOCATE", "Allocate Sales Orders", null, day(20)],
      ["SO-2", "00001", "ALLOCATE", "Allocate Sales Orders", null, day(20)],
      ["SO-2", "00002", "ALLOCATE", "Allocate Sales Orders", null, day(25)],
    ]);
    expect(rows.every((r) => r.acknowledged === false && r.acknowledgedAt === null)).to.equal(true);
    // Running it again changes no promise date, so the feed stays as it is.
    await api.gql(ALLOCATE, { id: "PO-2" });
    expect(await feed(api)).to.have.length(4);
  });

  it("pages in id order by cursor, filters by acknowledged, and counts only newly acknowledged rows", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
    for (const id of ["SO-1", "SO-2", "SO-3"]) await preOrder(api, id, daysAgo(2), [{ sku: "A", quantity: 1 }]);
    const page1 = (await api.gql(PROMISE_DATE_CHANGES, { first: 2 })).data.promiseDateChanges;
    expect(page1.totalCount).to.equal(3);
    expect(page1.pageInfo.hasNextPage).to.equal(true);
    expect(page1.edges.map((e) => e.node.orderId)).to.deep.equal(["SO-1", "SO-2"]);
    const page2 = (await api.gql(PROMISE_DATE_CHANGES, { first: 2, after: page1.pageInfo.endCursor })).data.promiseDateChanges;
    expect(page2.edges.map((e) => e.node.orderId)).to.deep.equal(["SO-3"]);
    expect(page2.pageInfo.hasNextPage).to.equal(false);

    const ids = page1.edges.map((e) => e.node.id);
    expect(ids.every((id) => /^PromiseDateChange:\d+$/.test(id))).to.equal(true);
    expect((await api.gql(ACKNOWLEDGE, { ids: [...ids, ids[0], "PromiseDateChange:999999"] })).data.acknowledgePromiseDateChanges).to.equal(2);
    expect((await api.gql(ACKNOWLEDGE, { ids })).data.acknowledgePromiseDateChanges).to.equal(0);
    const open = (await api.gql(PROMISE_DATE_CHANGES, { ack: false })).data.promiseDateChanges;
    expect(open.totalCount).to.equal(1);
    expect(open.edges[0].node).to.include({ orderId: "SO-3", acknowledged: false });
    const done = (await api.gql(PROMISE_DATE_CHANGES, { ack: true })).data.promiseDateChanges;
    expect(done.edges.map((e) => [e.node.orderId, e.node.acknowledged])).to.deep.equal([["SO-1", true], ["SO-2", true]]);
    expect(done.edges[0].node.acknowledgedAt).to.be.a("string");

    const before = await snapshot(api.db);
    expect(errorCode(await api.gql(PROMISE_DATE_CHANGES, { first: 101 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PROMISE_DATE_CHANGES, { after: "nonsense" }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ACKNOWLEDGE, { ids: ["PromiseDateChange:3", "not-an-id"] }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ACKNOWLEDGE, { ids: ["3"] })), "a v1 numeric id").to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ACKNOWLEDGE, { ids: ["PreOrderItem:3"] })), "another kind's id").to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ACKNOWLEDGE, { ids: Array.from({ length: 1001 }, (_, i) => `PromiseDateChange:${i + 1}`) }))).to.equal("BAD_USER_INPUT");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("lists the allocation history newest first, by order, item or PO, with run ids, reasons and promise dates", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
    const runId = (await allocate(api, "PO-1")).run!.id;
    await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(12) } });
    await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00002" });

    const all = (await api.gql(ALLOCATION_HISTORY, {})).data.allocationHistory.edges.map((e) => e.node);
    expect(all.map((e) => [e.type, e.seqId, e.runId, e.oldPromiseDate, e.newPromiseDate])).to.deep.equal([
      ["RELEASE", "00002", null, day(12), null],
      ["REPROMISE", "00001", null, day(10), day(12)], // re-promised newest first, so recorded 00002 then 00001
      ["REPROMISE", "00002", null, day(10), day(12)],
      ["ALLOCATE", "00002", runId, null, day(10)],
      ["ALLOCATE", "00001", runId, null, day(10)],
    ]);
    expect(all[0]).to.include({ orderId: "SO-1", purchaseOrderId: "PO-1", purchaseOrderItemSeqId: "00001", quantity: 1, actor: "admin", reason: "Allocation removed by hand" });
    expect(Date.parse(all[0].at)).to.be.at.least(Date.parse(all[4].at));

    expect((await history(api, { order: "SO-1", seq: "00001" })).map((e) => e.type)).to.deep.equal(["ALLOCATE", "REPROMISE"]);
    expect(await history(api, { po: "PO-1" })).to.have.length(5);
    expect(await history(api, { po: "PO-2" })).to.deep.equal([]);
    expect((await api.gql(ALLOCATION_HISTORY, { first: 2 })).data.allocationHistory.edges.map((e) => e.node.type)).to.deep.equal(["RELEASE", "REPROMISE"]);
    expect(errorCode(await api.gql(ALLOCATION_HISTORY, { first: 101 }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ALLOCATION_HISTORY, { seq: "00001" }))).to.equal("BAD_USER_INPUT");
  });
});
