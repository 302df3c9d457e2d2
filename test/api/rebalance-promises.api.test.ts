import { expect } from "chai";
import { day, daysAgo, inDays } from "../support/clock";
import { openTestDb, snapshot } from "../support/database";
import { REBALANCE } from "../support/documents";
import { graphql } from "../support/graphql";
import { expectAllocationInvariants } from "../support/invariants";
import { cancelPurchaseOrder, feed, history, poItems, preOrder, products, purchaseOrder, ties } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";
import { SqlLog } from "../support/sql-log";

const CANDIDATES = graphql(`query RebalanceCandidates { purchaseOrders(first: 50) { edges { node { id rebalanceCandidateCount } } } }`);

describe("rebalancePromises: moving pre-orders to an earlier PO", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
    await purchaseOrder(api, "PO-LATE", [{ sku: "A", quantity: 5, arrivalDate: inDays(30), bufferDays: 1 }], { status: "APPROVED" });
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-4", daysAgo(2), [{ sku: "A", quantity: 2 }]); // waits: PO-LATE is full
  });
  afterEach(() => api.close());

  const rebalance = async (variables: { sku?: string; po?: string; dryRun: boolean }) => {
    const res = await api.gql(REBALANCE, variables);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return res.data.rebalancePromises;
  };

  it("moves the oldest pre-orders of a later PO to an earlier one and ties a waiting pre-order with the freed units: dry run, then the run, equal", async () => {
    await purchaseOrder(api, "PO-EARLY", [{ sku: "A", quantity: 4, arrivalDate: inDays(10) }], { status: "APPROVED" });
    expect(await ties(api)).to.deep.include({ "SO-1/00001": `PO-LATE/00001@${day(31)}`, "SO-4/00001": null });

    const candidates = async () => Object.fromEntries((await api.gql(CANDIDATES)).data.purchaseOrders.edges.map((e) => [e.node.id, e.node.rebalanceCandidateCount]));
    expect(await candidates(), "the PO page's count: what the dry run moves to each PO").to.deep.equal({ "PO-EARLY": 2, "PO-LATE": 0 });

    const before = await snapshot(api.db);
    const preview = await rebalance({ po: "PO-EARLY", dryRun: true });
    expect(await snapshot(api.db), "a dry run writes nothing").to.deep.equal(before);
    expect(preview.moves).to.deep.equal([
      { orderId: "SO-1", seqId: "00001", quantity: 2, fromPurchaseOrderId: "PO-LATE", fromPurchaseOrderItemSeqId: "00001", toPurchaseOrderId: "PO-EARLY", toPurchaseOrderItemSeqId: "00001", oldPromiseDate: day(31), newPromiseDate: day(10) },
      { orderId: "SO-2", seqId: "00001", quantity: 2, fromPurchaseOrderId: "PO-LATE", fromPurchaseOrderItemSeqId: "00001", toPurchaseOrderId: "PO-EARLY", toPurchaseOrderItemSeqId: "00001", oldPromiseDate: day(31), newPromiseDate: day(10) },
    ]);
    expect(preview.allocations).to.deep.equal([
      { orderId: "SO-4", seqId: "00001", quantity: 2, purchaseOrderId: "PO-LATE", purchaseOrderItemSeqId: "00001", promiseDate: day(31) },
    ]);

    const purges = async (): Promise<string[]> => (await api.db.read((m) => m.query("SELECT sku FROM promise_purge WHERE done = 0"))).map((r: { sku: string }) => r.sku);
    await api.db.write((m) => m.query("DELETE FROM promise_purge"));
    const run = await rebalance({ po: "PO-EARLY", dryRun: false });
    expect([...new Set(await purges())], "the cached promises of the product it changed must go (purge outbox)").to.deep.equal(["A"]);
    expect({ ...run, dryRun: true }).to.deep.equal(preview);
    expect(run.dryRun).to.equal(false);
    expect(await candidates()).to.deep.equal({ "PO-EARLY": 0, "PO-LATE": 0 });
    expect(await ties(api)).to.deep.include({
      "SO-1/00001": `PO-EARLY/00001@${day(10)}`, "SO-2/00001": `PO-EARLY/00001@${day(10)}`, "SO-3/00001": `PO-LATE/00001@${day(31)}`, "SO-4/00001": `PO-LATE/00001@${day(31)}`,
    });
    expect((await poItems(api, "PO-EARLY"))[0]).to.include({ allocatedQuantity: 4, availableToPromise: 0 });
    expect((await poItems(api, "PO-LATE"))[0]).to.include({ allocatedQuantity: 3, availableToPromise: 2 });

    const events = (await history(api)).filter((e) => e.type === "MOVE");
    expect(events.map((e) => [e.orderId, e.purchaseOrderId, e.oldPromiseDate, e.newPromiseDate, e.reason])).to.deep.equal([
      ["SO-1", "PO-EARLY", day(31), day(10), "Rebalance promises: moved from PO-LATE/00001 to PO-EARLY/00001"],
      ["SO-2", "PO-EARLY", day(31), day(10), "Rebalance promises: moved from PO-LATE/00001 to PO-EARLY/00001"],
    ]);
    const rows = (await feed(api)).filter((f) => f.type === "MOVE" || f.orderId === "SO-4");
    expect(rows.map((f) => [f.orderId, f.type, f.oldPromiseDate, f.newPromiseDate])).to.have.deep.members([
      ["SO-1", "MOVE", day(31), day(10)], ["SO-2", "MOVE", day(31), day(10)], ["SO-4", "ALLOCATE", null, day(31)],
    ]);
    await expectAllocationInvariants(api.db);

    // Nothing more to move: a second run (by SKU) changes nothing.
    expect(await rebalance({ sku: "A", dryRun: false })).to.deep.equal({ dryRun: false, moves: [], allocations: [] });
  });

  it("moves an older pre-order into the units a newer one's move freed (passes repeat until nothing moves)", async () => {
    await products(api, "C");
    await purchaseOrder(api, "PO-Z", [{ sku: "C", quantity: 4, arrivalDate: inDays(40) }], { status: "APPROVED" });
    await preOrder(api, "SO-OLD", daysAgo(9), [{ sku: "C", quantity: 4 }]); // PO-Z
    await purchaseOrder(api, "PO-L", [{ sku: "C", quantity: 4, arrivalDate: inDays(30) }], { status: "APPROVED" });
    await preOrder(api, "SO-NEW", daysAgo(8), [{ sku: "C", quantity: 3 }]); // PO-L, which keeps 1
    await purchaseOrder(api, "PO-E", [{ sku: "C", quantity: 3, arrivalDate: inDays(10) }], { status: "APPROVED" });
    // SO-OLD fits neither PO-E (3) nor PO-L (1) at first; SO-NEW moves to PO-E, and then SO-OLD fits in PO-L.
    const run = await rebalance({ sku: "C", dryRun: false });
    expect(run.moves.map((m) => [m.orderId, m.fromPurchaseOrderId, m.toPurchaseOrderId])).to.deep.equal([["SO-OLD", "PO-Z", "PO-L"], ["SO-NEW", "PO-L", "PO-E"]]);
    await expectAllocationInvariants(api.db);
  });

  it("refuses both or neither target (BAD_USER_INPUT), an unknown one (NOT_FOUND) and a closed PO (PO_NOT_ALLOCATABLE), writing nothing", async () => {
    await purchaseOrder(api, "PO-GONE", [{ sku: "A", quantity: 4, arrivalDate: inDays(10) }], { status: "APPROVED" });
    await cancelPurchaseOrder(api, "PO-GONE");
    const before = await snapshot(api.db);
    for (const [variables, code] of [
      [{ dryRun: false }, "BAD_USER_INPUT"],
      [{ sku: "A", po: "PO-LATE", dryRun: false }, "BAD_USER_INPUT"],
      [{ sku: "NOPE", dryRun: false }, "NOT_FOUND"],
      [{ po: "PO-NOPE", dryRun: false }, "NOT_FOUND"],
      [{ po: "SO-1", dryRun: false }, "NOT_FOUND"],
      [{ po: "PO-GONE", dryRun: false }, "PO_NOT_ALLOCATABLE"],
      [{ sku: "x".repeat(65), dryRun: false }, "BAD_USER_INPUT"],
    ] as const) {
      expect(errorCode(await api.gql(REBALANCE, variables)), JSON.stringify(variables)).to.equal(code);
    }
    expect(await snapshot(api.db)).to.deep.equal(before);
  });
});

describe("PurchaseOrder.rebalanceCandidateCount is batched per request", () => {
  it("plans for 40 POs of 40 products in a fixed number of statements", async () => {
    const log = new SqlLog();
    const api = await startTestServer(await openTestDb(log));
    try {
      await products(api, ...Array.from({ length: 40 }, (_, i) => `P${i}`));
      for (let i = 0; i < 40; i++) {
        await purchaseOrder(api, `PO-L${i}`, [{ sku: `P${i}`, quantity: 2, arrivalDate: inDays(30) }], { status: "APPROVED" });
        await preOrder(api, `SO-${i}`, daysAgo(3), [{ sku: `P${i}`, quantity: 1 }]);
        await purchaseOrder(api, `PO-E${i}`, [{ sku: `P${i}`, quantity: 1, arrivalDate: inDays(10) }], { status: "APPROVED" });
      }
      const { result, statements } = await log.during(() => api.gql(graphql(`query RebalanceCandidatesAll { purchaseOrders(first: 100) { edges { node { id rebalanceCandidateCount } } } }`)));
      expect(result.errors).to.equal(undefined);
      const counts = result.data.purchaseOrders.edges.map((e) => e.node);
      expect(counts.filter((n) => n.id.startsWith("PO-E")).every((n) => n.rebalanceCandidateCount === 1)).to.equal(true);
      expect(counts.filter((n) => n.id.startsWith("PO-L")).every((n) => n.rebalanceCandidateCount === 0)).to.equal(true);
      const planning = statements.filter((s) => /sales_order_item s WHERE s.po_item_id IN|h.status_id AS header_status_id/.test(s));
      expect(planning, statements.join("\n")).to.have.length(2);
    } finally {
      await api.close();
    }
  });
});
