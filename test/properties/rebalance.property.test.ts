import { expect } from "chai";
import fc from "fast-check";
import { fromSqlDate } from "../../src/db";
import { addDays } from "../../src/domain";
import { daysAgo, inDays } from "../support/clock";
import { REBALANCE } from "../support/documents";
import { graphql } from "../support/graphql";
import { allocationInvariantViolations } from "../support/invariants";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";
import { snapshot } from "../support/database";

const MOVE_ARRIVAL = graphql(`
  mutation RebalanceMoveArrival($po: ID!, $seq: String!, $day: Date!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id } }
`);

type Action =
  | { kind: "po"; arrival: number; quantity: number; buffer: number; bufferDays: number; cancelled: boolean }
  | { kind: "preOrder"; quantity: number }
  | { kind: "earlier"; po: number; arrival: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("po" as const), arrival: fc.integer({ min: 0, max: 40 }), quantity: fc.integer({ min: 1, max: 8 }), buffer: fc.integer({ min: 0, max: 2 }), bufferDays: fc.integer({ min: 0, max: 5 }), cancelled: fc.boolean() }),
  fc.record({ kind: fc.constant("preOrder" as const), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("earlier" as const), po: fc.nat(), arrival: fc.integer({ min: 0, max: 40 }) }),
);

/**
 * On random catalogs (POs arriving and moved earlier, cancelled ones, buffers, pre-orders tied as
 * they came): a rebalance's dry run equals its run; afterwards no tied pre-order could move to a
 * promisable PO item arriving and promising earlier with the ATP for it, no waiting pre-order fits one, and units are
 * conserved (the allocation invariants: allocated = the tied pre-orders' units <= quantity - buffer).
 */
describe("rebalancePromises on random catalogs (property)", function () {
  this.timeout(600_000);
  let api: TestServer;
  let run = 0;
  before(async () => { api = await startTestServer(); });
  after(() => api.close());

  it("dry run equals the run; then nothing could move earlier, nothing waiting fits, and units are conserved", async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), fc.boolean(), async (actions, byPo) => {
      const r = ++run;
      const sku = `R${r}`;
      await products(api, sku);
      const pos: string[] = [];
      let orders = 0;
      for (const a of actions) {
        if (a.kind === "po") {
          const id = `PO-R${r}-${pos.length}`;
          await purchaseOrder(api, id, [{ sku, quantity: a.quantity, orderBuffer: Math.min(a.buffer, a.quantity), bufferDays: a.bufferDays, arrivalDate: inDays(a.arrival) }],
            { status: a.cancelled ? "CANCELLED" : "APPROVED" });
          pos.push(id);
        } else if (a.kind === "preOrder") {
          await preOrder(api, `SO-R${r}-${orders}`, daysAgo(30 - orders), [{ sku, quantity: a.quantity }]);
          orders++;
        } else if (pos.length) {
          await api.gql(MOVE_ARRIVAL, { po: pos[a.po % pos.length], seq: "00001", day: inDays(a.arrival) }); // refused on a cancelled PO: fine
        }
      }
      const openPo = byPo ? pos.find((_, i) => !(actions.filter((a) => a.kind === "po")[i] as { cancelled: boolean }).cancelled) : undefined;
      const variables = openPo ? { po: openPo } : { sku };
      const preview = await api.gql(REBALANCE, { ...variables, dryRun: true });
      const done = await api.gql(REBALANCE, { ...variables, dryRun: false });
      expect(done.errors, JSON.stringify(done.errors)).to.equal(undefined);
      expect({ ...done.data.rebalancePromises, dryRun: true }).to.deep.equal(preview.data.rebalancePromises);

      const today = new Date(`${inDays(0)}T00:00:00Z`);
      const { items, tied, waiting } = await api.db.read(async (m) => ({
        items: (await m.query(
          `SELECT p.po_item_id, p.quantity, p.order_buffer, p.allocated_quantity, p.received_quantity, p.estimated_delivery_date, p.buffer_days, p.status_id, h.status_id AS h_status
           FROM purchase_order_item p JOIN order_header h ON h.order_id = p.order_id JOIN product pr ON pr.product_id = p.product_id WHERE pr.sku = ?`, [sku],
        )) as Record<string, unknown>[],
        tied: (await m.query(
          `SELECT s.order_id, s.quantity, s.promised_datetime, s.po_item_id FROM sales_order_item s JOIN product pr ON pr.product_id = s.product_id WHERE pr.sku = ? AND s.po_item_id IS NOT NULL`, [sku],
        )) as Record<string, unknown>[],
        waiting: (await m.query(
          `SELECT s.order_id, s.quantity FROM sales_order_item s JOIN product pr ON pr.product_id = s.product_id WHERE pr.sku = ? AND s.po_item_id IS NULL`, [sku],
        )) as Record<string, unknown>[],
      }));
      const promisable = items
        .filter((p) => String(p.h_status).match(/CREATED|APPROVED/) && String(p.status_id).match(/CREATED|APPROVED/) && fromSqlDate(p.estimated_delivery_date)!.getTime() >= today.getTime())
        .map((p) => ({
          po: Number(p.po_item_id),
          atp: Number(p.quantity) - Number(p.received_quantity) - Number(p.order_buffer) - Number(p.allocated_quantity),
          arrival: fromSqlDate(p.estimated_delivery_date)!.getTime(),
          promise: addDays(fromSqlDate(p.estimated_delivery_date)!, Number(p.buffer_days)).getTime(),
        }));
      const arrivalOf = new Map(items.map((p) => [Number(p.po_item_id), fromSqlDate(p.estimated_delivery_date)?.getTime() ?? Infinity]));
      for (const t of tied) {
        const better = promisable.find((p) => p.arrival < arrivalOf.get(Number(t.po_item_id))! && p.promise < fromSqlDate(t.promised_datetime)!.getTime() && p.atp >= Number(t.quantity));
        expect(better, `${t.order_id} could be promised earlier`).to.equal(undefined);
      }
      for (const w of waiting) expect(promisable.find((p) => p.atp >= Number(w.quantity)), `${w.order_id} fits but waits`).to.equal(undefined);
      expect(await allocationInvariantViolations(api.db)).to.deep.equal([]);
    }), { numRuns: 100 });
  });

  it("refuses any other sku / purchaseOrderId pair with a code and writes nothing", async () => {
    const target = fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("", " ", "R1", "PO-R1-0", "x".repeat(65))), { nil: undefined });
    await fc.assert(fc.asyncProperty(target, target, fc.boolean(), async (sku, po, dryRun) => {
      const before = await snapshot(api.db);
      const res = await api.gql(REBALANCE, { sku, po, dryRun });
      const code = errorCode(res);
      if ((sku === undefined) === (po === undefined)) expect(code).to.equal("BAD_USER_INPUT");
      if (code) {
        expect(["BAD_USER_INPUT", "NOT_FOUND", "PO_NOT_ALLOCATABLE"]).to.include(code);
        expect(await snapshot(api.db)).to.deep.equal(before);
      } else {
        expect(res.data.rebalancePromises.dryRun).to.equal(dryRun);
      }
    }), { numRuns: 100 });
  });
});
