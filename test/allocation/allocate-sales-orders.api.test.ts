import { expect } from "chai";
import { AllocationResult, loadDemoCatalog } from "../../src/domain";
import { Work, WriteOptions, fromSqlDate } from "../../src/db";
import { day, daysAgo, inDays, testClock, today } from "../support/clock";
import { openTestDb, runAllocation, snapshot } from "../support/database";
import { ALLOCATE, ALLOCATION_RUNS } from "../support/documents";
import { expectAllocationInvariants } from "../support/invariants";
import {
  allocate as allocateVia, cancelPreOrderItem, cancelPurchaseOrderItem, keys, preOrder, products, purchaseOrder, readPurchaseOrder, ties,
} from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

/** The POs of these tests are approved (open, like created ones). */
const APPROVED = { status: "APPROVED" } as const;

describe("Allocate Sales Orders (docs/domain.md rules 1–8, through the API)", () => {
  let api: TestServer;
  const allocate = (id: string, dryRun?: boolean) => allocateVia(api, id, dryRun);

  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B", "C");
  });
  afterEach(async () => {
    await expectAllocationInvariants(api.db);
    await api.close();
  });

  it("ties the oldest pre-orders first: order date, then order id, then item seq id", async () => {
    await preOrder(api, "SO-LATE", "2026-03-05T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-Y", "2026-03-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }, { sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-X", "2026-03-01T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-FIRST", "2026-02-20T10:00:00.000Z", [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 3, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(20) }], APPROVED);

    const run = await allocate("PO-1");
    expect(keys(run.allocations)).to.deep.equal(["SO-FIRST/00001", "SO-X/00001", "SO-Y/00001", "SO-Y/00002"]);
    expect(keys(run.skipped)).to.deep.equal(["SO-Y/00003", "SO-LATE/00001"]);
    expect(run.skipped.map((s) => s.reason)).to.deep.equal(["INSUFFICIENT_ATP", "INSUFFICIENT_ATP"]);
    expect(run).to.include({ allocatedItemCount: 4, allocatedQuantity: 4 });
  });

  it("answers the PO as stored after the run even when an earlier field of the same request read it (found by an outside tester)", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 3 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }, { sku: "B", quantity: 1, arrivalDate: inDays(20) }], APPROVED);
    const items = "purchaseOrder { items { seqId status allocatedQuantity availableToPromise } }";
    const b = { seqId: "00002", status: "APPROVED", allocatedQuantity: 0, availableToPromise: 1 };
    const both = await api.gql(`mutation {
      preview: allocateSalesOrders(purchaseOrderId: "PO-1", dryRun: true) { allocatedItemCount ${items} }
      run: allocateSalesOrders(purchaseOrderId: "PO-1") { allocatedItemCount ${items} }
      cut: cancelPurchaseOrderItem(purchaseOrderId: "PO-1", seqId: "00001") { status }
      again: allocateSalesOrders(purchaseOrderId: "PO-1", dryRun: true) { allocatedItemCount ${items} }
    }`);
    expect(both.errors, JSON.stringify(both.errors)).to.equal(undefined);
    const data = both.data as Record<string, { allocatedItemCount: number; purchaseOrder: { items: unknown[] } }>;
    expect(data.preview.purchaseOrder.items).to.deep.equal([{ seqId: "00001", status: "APPROVED", allocatedQuantity: 0, availableToPromise: 5 }, b]);
    expect(data.run.allocatedItemCount).to.equal(1);
    expect(data.run.purchaseOrder.items).to.deep.equal([{ seqId: "00001", status: "APPROVED", allocatedQuantity: 3, availableToPromise: 2 }, b]);
    expect(data.again.purchaseOrder.items).to.deep.equal([{ seqId: "00001", status: "CANCELLED", allocatedQuantity: 0, availableToPromise: 0 }, b]);
  });

  it("answers the PO after the run when the same request created it (found by an outside tester)", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 2 }]);
    const res = await api.gql(`mutation {
      c: createPurchaseOrder(input: { id: "PO-NEW", facilityId: "WH-1", items: [{ sku: "A", quantity: 10, arrivalDate: "${inDays(20)}" }] }) { items { allocatedQuantity availableToPromise } }
      a: allocateSalesOrders(purchaseOrderId: "PO-NEW") { allocatedQuantity purchaseOrder { pendingPreOrderCount items { allocatedQuantity availableToPromise } } }
    }`);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    const data = res.data as { c: { items: unknown[] }; a: { allocatedQuantity: number; purchaseOrder: { pendingPreOrderCount: number; items: unknown[] } } };
    expect(data.c.items).to.deep.equal([{ allocatedQuantity: 0, availableToPromise: 10 }]);
    expect(data.a.allocatedQuantity).to.equal(2);
    expect(data.a.purchaseOrder).to.deep.equal({ pendingPreOrderCount: 0, items: [{ allocatedQuantity: 2, availableToPromise: 8 }] });
  });

  it("skips a large item that does not fit and still ties smaller, later ones (whole items only)", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 3 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 4 }]);
    await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-4", daysAgo(2), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }], APPROVED);

    const run = await allocate("PO-1");
    expect(keys(run.allocations)).to.deep.equal(["SO-1/00001", "SO-3/00001"]);
    expect(run.skipped).to.deep.equal([
      { orderId: "SO-2", seqId: "00001", reason: "INSUFFICIENT_ATP" },
      { orderId: "SO-4", seqId: "00001", reason: "INSUFFICIENT_ATP" },
    ]);
    expect(run.purchaseOrder.items[0]).to.deep.equal({ seqId: "00001", allocatedQuantity: 5, availableToPromise: 0 });
  });

  it("gives each item the earliest-arriving PO item of its product that still covers it, and that item's date", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-4", daysAgo(2), [{ sku: "B", quantity: 2 }]);
    await purchaseOrder(api, "PO-1", [
      { sku: "A", quantity: 2, arrivalDate: inDays(30) },
      { sku: "A", quantity: 3, arrivalDate: inDays(10) },
      { sku: "B", quantity: 1, arrivalDate: inDays(10) },
      { sku: "B", quantity: 5, arrivalDate: inDays(10) },
    ], APPROVED);

    const run = await allocate("PO-1");
    expect(run.allocations.map((a) => [a.orderId, a.purchaseOrderItemSeqId, a.promiseDate])).to.deep.equal([
      ["SO-1", "00002", day(10)], // earliest arrival first
      ["SO-2", "00001", day(30)], // 00002 has 1 left: the later item covers it
      ["SO-3", "00002", day(10)], // the earlier one still covers 1
      ["SO-4", "00004", day(10)], // same date: lower seq first, but 00003 cannot cover 2
    ]);
    expect(await ties(api)).to.deep.include({ "SO-2/00001": `PO-1/00001@${inDays(30)}`, "SO-1/00001": `PO-1/00002@${inDays(10)}` });
  });

  it("never promises the order buffer", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 4 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 4 }]);
    await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 3 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, orderBuffer: 3, arrivalDate: inDays(20) }], APPROVED);

    const run = await allocate("PO-1");
    expect(keys(run.allocations)).to.deep.equal(["SO-1/00001", "SO-3/00001"]);
    expect(keys(run.skipped)).to.deep.equal(["SO-2/00001"]);
    const po = await readPurchaseOrder(api, "PO-1");
    expect(po.items[0]).to.include({ quantity: 10, orderBuffer: 3, allocatedQuantity: 7, availableToPromise: 0 });
  });

  it("ignores cancelled and completed orders and items, and PO items that are cancelled", async () => {
    await preOrder(api, "SO-CANCELLED", daysAgo(9), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-COMPLETED", daysAgo(8), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-ITEMS", daysAgo(7), [{ sku: "A", quantity: 1 }, { sku: "A", quantity: 1 }, { sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-OPEN", daysAgo(6), [{ sku: "A", quantity: 1 }, { sku: "C", quantity: 1 }]);
    // The API cancels a sales order only with its last item, and completes no sales order or
    // sales order item at all (another system does): these three states are set in the database.
    await api.db.write(async (m) => {
      await m.query("UPDATE order_header SET status_id = 'ORDER_CANCELLED' WHERE order_id = 'SO-CANCELLED'");
      await m.query("UPDATE order_header SET status_id = 'ORDER_COMPLETED' WHERE order_id = 'SO-COMPLETED'");
      await m.query("UPDATE sales_order_item SET status_id = 'ITEM_COMPLETED' WHERE order_id = 'SO-ITEMS' AND order_item_seq_id = '00002'");
    });
    await cancelPreOrderItem(api, "SO-ITEMS", "00001");
    await purchaseOrder(api, "PO-1", [
      { sku: "A", quantity: 10, arrivalDate: inDays(5) },
      { sku: "A", quantity: 10, arrivalDate: inDays(25) },
      { sku: "C", quantity: 10, arrivalDate: inDays(5) },
    ], APPROVED);
    await cancelPurchaseOrderItem(api, "PO-1", "00001");
    await cancelPurchaseOrderItem(api, "PO-1", "00003");
    const before = await readPurchaseOrder(api, "PO-1");
    expect(before.pendingPreOrderCount).to.equal(2);

    const run = await allocate("PO-1");
    // The cancelled early item is not used; product C's only item is cancelled, so C is not the PO's.
    expect(run.allocations.map((a) => `${a.orderId}/${a.seqId}->${a.purchaseOrderItemSeqId}`)).to.deep.equal(["SO-ITEMS/00003->00002", "SO-OPEN/00001->00002"]);
    expect(run.skipped).to.deep.equal([]);
    const state = await ties(api);
    for (const key of ["SO-CANCELLED/00001", "SO-COMPLETED/00001", "SO-ITEMS/00001", "SO-ITEMS/00002", "SO-OPEN/00002"]) expect(state[key], key).to.equal(null);
  });

  it("ignores items in BACKORDER_PARKING and items that already have a promise date or a PO", async () => {
    await purchaseOrder(api, "PO-OLD", [{ sku: "A", quantity: 1, arrivalDate: inDays(3) }], APPROVED);
    await preOrder(api, "SO-TIED", daysAgo(9), [{ sku: "A", quantity: 1 }]);
    await preOrder(api, "SO-BACKORDER", daysAgo(8), [{ sku: "A", quantity: 1, facilityId: "BACKORDER_PARKING" }]);
    await preOrder(api, "SO-PROMISED", daysAgo(7), [{ sku: "A", quantity: 1 }]);
    // A promise date without a tie: no API path leaves an item so (releases clear the date), an older system might.
    await api.db.write((m) => m.query("UPDATE sales_order_item SET promised_datetime = ? WHERE order_id = 'SO-PROMISED'", [`${inDays(50)} 00:00:00.000`]));
    await preOrder(api, "SO-WAITING", daysAgo(6), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(20) }], APPROVED);
    const tablesBefore = await snapshot(api.db);

    const run = await allocate("PO-1");
    expect(keys(run.allocations)).to.deep.equal(["SO-WAITING/00001"]);
    expect(run.skipped).to.deep.equal([]);
    const after = await snapshot(api.db);
    const untouched = (rows: any[]) => rows.filter((r) => r.order_id !== "SO-WAITING" && r.order_id !== "PO-1");
    expect(untouched(after.sales_order_item)).to.deep.equal(untouched(tablesBefore.sales_order_item));
    expect(untouched(after.purchase_order_item)).to.deep.equal(untouched(tablesBefore.purchase_order_item));
    expect(await ties(api)).to.deep.include({ "SO-TIED/00001": `PO-OLD/00001@${inDays(3)}`, "SO-BACKORDER/00001": null, "SO-PROMISED/00001": null });
  });

  it("ties nothing on a second run: what is tied stays as it is", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 9 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(20) }], APPROVED);
    expect((await allocate("PO-1")).allocatedItemCount).to.equal(1);
    const before = await snapshot(api.db);

    const again = await allocate("PO-1");
    expect(again).to.include({ allocatedItemCount: 0, allocatedQuantity: 0 });
    expect(again.allocations).to.deep.equal([]);
    expect(again.skipped).to.deep.equal([{ orderId: "SO-1", seqId: "00002", reason: "INSUFFICIENT_ATP" }]);
    const after = await snapshot(api.db);
    for (const table of ["sales_order_item", "purchase_order_item", "allocation_event", "order_header"]) expect(after[table], table).to.deep.equal(before[table]);
    expect(after.allocation_run).to.have.length(2); // the press itself is recorded, with zero counts
  });

  it("skips with NO_ARRIVAL_DATE when the product's PO items have no or only a past arrival date, else INSUFFICIENT_ATP", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }, { sku: "C", quantity: 7 }]);
    await purchaseOrder(api, "PO-1", [
      { sku: "A", quantity: 5, arrivalDate: null },
      { sku: "B", quantity: 5, arrivalDate: inDays(-2) },
      { sku: "C", quantity: 5, arrivalDate: inDays(20) },
      { sku: "C", quantity: 9, arrivalDate: inDays(-1) },
    ], APPROVED);
    const run = await allocate("PO-1");
    expect(run.allocations).to.deep.equal([]);
    expect(run.skipped).to.deep.equal([
      { orderId: "SO-1", seqId: "00001", reason: "NO_ARRIVAL_DATE" },
      { orderId: "SO-1", seqId: "00002", reason: "NO_ARRIVAL_DATE" },
      { orderId: "SO-1", seqId: "00003", reason: "INSUFFICIENT_ATP" },
    ]);
  });

  it("ties an item to a PO item arriving today (today counts as not overdue)", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(0) }], APPROVED);
    expect((await allocate("PO-1")).allocations[0].promiseDate).to.equal(day(0));
  });

  it("counts a PO item arriving today until the day ends, and as overdue from the next (the test clock moves)", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(0) }], APPROVED);
    const arrival = day(0);
    testClock.set(`${today()}T23:59:59.000Z`);
    expect((await allocate("PO-1", true)).allocations.map((a) => a.promiseDate)).to.deep.equal([arrival]);
    testClock.advanceDays(2 / 86_400); // 00:00:01 the next day
    const run = await allocate("PO-1");
    expect(run.allocations).to.deep.equal([]);
    expect(run.skipped).to.deep.equal([{ orderId: "SO-1", seqId: "00001", reason: "NO_ARRIVAL_DATE" }]);
  });

  it("answers NOT_FOUND for an unknown PO or a sales order id and PO_NOT_ALLOCATABLE for a cancelled or completed PO, changing nothing", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-CANCELLED", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }], { status: "CANCELLED" });
    await purchaseOrder(api, "PO-COMPLETED", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }], { status: "COMPLETED" });
    const before = await snapshot(api.db);
    for (const [id, code, text] of [
      ["PO-NOPE", "NOT_FOUND", /no purchase order/i], ["SO-1", "NOT_FOUND", /no purchase order/i],
      ["PO-CANCELLED", "PO_NOT_ALLOCATABLE", /cancelled/], ["PO-COMPLETED", "PO_NOT_ALLOCATABLE", /completed/],
    ] as const) {
      for (const dryRun of [false, true]) {
        const res = await api.gql(ALLOCATE, { id, dryRun });
        expect(errorCode(res), `${id} dryRun=${dryRun}`).to.equal(code);
        expect(res.errors![0].message).to.match(text);
        expect(res.data).to.equal(null);
      }
    }
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("previews with dryRun: writes nothing and returns exactly what the real run then does", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 1 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 4 }]);
    await preOrder(api, "SO-3", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "C", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [
      { sku: "A", quantity: 6, arrivalDate: inDays(20), orderBuffer: 1 },
      { sku: "B", quantity: 1, arrivalDate: inDays(9) },
      { sku: "C", quantity: 1, arrivalDate: null },
    ], APPROVED);
    const before = await snapshot(api.db);
    const preview = await allocate("PO-1", true);
    expect(await snapshot(api.db)).to.deep.equal(before);
    expect(preview).to.include({ dryRun: true, run: null });
    expect(preview.purchaseOrder.pendingPreOrderCount).to.equal(5);

    const real = await allocate("PO-1");
    expect(real.dryRun).to.equal(false);
    expect(real.run).to.not.equal(null);
    const outcome = (p: Awaited<ReturnType<typeof allocate>>) => ({ n: p.allocatedItemCount, q: p.allocatedQuantity, allocations: p.allocations, skipped: p.skipped });
    expect(outcome(preview)).to.deep.equal(outcome(real));
    expect(keys(real.allocations)).to.deep.equal(["SO-1/00001", "SO-1/00002", "SO-3/00001"]);
    expect(keys(real.skipped)).to.deep.equal(["SO-2/00001", "SO-3/00002"]);
    expect(real.purchaseOrder.pendingPreOrderCount).to.equal(2);
  });

  it("records each tie in the history with the run's id, and the run with who, when and the counts", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 9 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(21) }], APPROVED);
    testClock.set(`${today()}T15:30:00.000Z`); // the run's times are the service's clock
    const result = await runAllocation(api.db, "PO-1", "alice@retailer");

    const runs = (await api.gql(ALLOCATION_RUNS, { po: "PO-1" })).data.allocationRuns.edges.map((e) => e.node);
    expect(runs).to.have.length(1);
    expect(runs[0]).to.include({ id: `AllocationRun:${result.run!.id}`, purchaseOrderId: "PO-1", triggeredBy: "alice@retailer", allocatedItemCount: 2, allocatedQuantity: 5, skippedItemCount: 1 });
    expect(runs[0].startedAt).to.equal(`${today()}T15:30:00.000Z`);
    expect(Date.parse(runs[0].finishedAt!)).to.be.at.least(Date.parse(runs[0].startedAt));

    const events = await api.db.read((m) => m.query(
      "SELECT event_type, run_id, actor, order_id, order_item_seq_id, purchase_order_id, po_item_seq_id, quantity, old_promise_date, new_promise_date FROM allocation_event ORDER BY event_id"));
    expect(events.map((e: any) => [e.event_type, Number(e.run_id), e.actor, e.order_id, e.order_item_seq_id, e.purchase_order_id, e.po_item_seq_id, Number(e.quantity), e.old_promise_date]))
      .to.deep.equal([
        ["ALLOCATE", result.run!.id, "alice@retailer", "SO-1", "00001", "PO-1", "00001", 3, null],
        ["ALLOCATE", result.run!.id, "alice@retailer", "SO-1", "00002", "PO-1", "00002", 2, null],
      ]);
    expect(events.map((e: any) => fromSqlDate(e.new_promise_date)!.toISOString().slice(0, 10))).to.deep.equal([day(20), day(21)]);

    const viaApi = await api.gql(ALLOCATE, { id: "PO-1" });
    expect(viaApi.data.allocateSalesOrders.run).to.include({ purchaseOrderId: "PO-1", allocatedItemCount: 0, skippedItemCount: 1 });
    expect((await api.gql(ALLOCATION_RUNS, { po: "PO-1" })).data.allocationRuns.edges.map((e) => e.node.id)).to.deep.equal([viaApi.data.allocateSalesOrders.run!.id, runs[0].id]);
  });

  it("lowers pendingPreOrderCount to the items still waiting", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 50 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 1 }, { sku: "C", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(20) }], APPROVED);
    expect((await readPurchaseOrder(api, "PO-1")).pendingPreOrderCount).to.equal(3);
    const run = await allocate("PO-1");
    expect(run.purchaseOrder.pendingPreOrderCount).to.equal(1);
    expect((await readPurchaseOrder(api, "PO-1")).pendingPreOrderCount).to.equal(1);
  });

  it("builds only the lists the document selects: none for a counts-only payload, through fragments and aliases when asked", async () => {
    await preOrder(api, "SO-1", daysAgo(5), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 50 }]);
    await preOrder(api, "SO-2", daysAgo(4), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(20) }], APPROVED);
    // What the domain answered inside each unit of work: the counts and the lists it built.
    const answers: AllocationResult[] = [];
    const write = api.db.write.bind(api.db);
    api.db.write = ((work: Work<unknown>, options?: WriteOptions<unknown>) =>
      write(async (m) => { const answer = await work(m); answers.push(answer as AllocationResult); return answer; }, options)) as typeof api.db.write;
    const built = () => {
      const a = answers.pop()!;
      return { tied: a.allocatedItemCount, skipped: a.skippedItemCount, allocationObjects: a.allocations.length, skippedObjects: a.skipped.length };
    };

    const counts = await api.gql(`mutation { allocateSalesOrders(purchaseOrderId: "PO-1", dryRun: true) { allocatedItemCount allocatedQuantity run { id } } }`);
    expect(counts.data.allocateSalesOrders).to.deep.equal({ allocatedItemCount: 2, allocatedQuantity: 3, run: null });
    expect(built()).to.deep.equal({ tied: 2, skipped: 1, allocationObjects: 0, skippedObjects: 0 });

    const viaFragments = await api.gql(`mutation { allocateSalesOrders(purchaseOrderId: "PO-1", dryRun: true) { ...Tied } }
      fragment Tied on AllocateSalesOrdersPayload { allocatedItemCount ... on AllocateSalesOrdersPayload { tied: allocations { orderId seqId } } }`);
    expect(keys(viaFragments.data.allocateSalesOrders.tied)).to.deep.equal(["SO-1/00001", "SO-2/00001"]);
    expect(built()).to.deep.equal({ tied: 2, skipped: 1, allocationObjects: 2, skippedObjects: 0 });

    const real = await api.gql(`mutation { allocateSalesOrders(purchaseOrderId: "PO-1") { left: skipped { orderId seqId reason } run { allocatedItemCount skippedItemCount } } }`);
    expect(real.data.allocateSalesOrders).to.deep.equal({
      left: [{ orderId: "SO-1", seqId: "00002", reason: "INSUFFICIENT_ATP" }], run: { allocatedItemCount: 2, skippedItemCount: 1 },
    });
    expect(built()).to.deep.equal({ tied: 2, skipped: 1, allocationObjects: 0, skippedObjects: 1 });
    expect((await readPurchaseOrder(api, "PO-1")).pendingPreOrderCount).to.equal(1);
  });
});

describe("Allocate Sales Orders on the demo catalog", () => {
  it("ties five demo pre-orders to PO-DEMO-1 and skips the boot order that does not fit", async () => {
    const db = await openTestDb();
    await db.write((m) => loadDemoCatalog(m));
    const api = await startTestServer(db);
    try {
      const preview = (await api.gql(ALLOCATE, { id: "PO-DEMO-1", dryRun: true })).data.allocateSalesOrders;
      expect(preview.purchaseOrder.pendingPreOrderCount).to.equal(6);
      const run = (await api.gql(ALLOCATE, { id: "PO-DEMO-1" })).data.allocateSalesOrders;
      expect(keys(run.allocations)).to.deep.equal(["SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1004/00001", "SO-DEMO-1005/00001"]);
      expect(run.skipped).to.deep.equal([{ orderId: "SO-DEMO-1003", seqId: "00001", reason: "INSUFFICIENT_ATP" }]);
      expect(run.allocations).to.deep.equal(preview.allocations);
      expect(run.purchaseOrder.pendingPreOrderCount).to.equal(1);
      expect(run.purchaseOrder.items.map((i) => i.availableToPromise)).to.deep.equal([4, 5, 1]);
      await expectAllocationInvariants(db);
    } finally {
      await api.close();
    }
  });
});
