import { expect } from "chai";
import fc from "fast-check";
import { Db, fromSqlDate, poItemColumns, sqlDate, toPoItemRow } from "../../src/db";
import { COLLECT_ALL, WaitingItem, addDays, allocateSalesOrders, compareBytes, planAllocation, startOfTodayUtc, waitingReadSizes } from "../../src/domain";
import { emptyTables, onMySql, openTestDb, snapshot } from "../support/database";

/**
 * Allocate Sales Orders reads the waiting items product group by product group, a page at a time,
 * keeps only compact outcomes and writes the history from the tied rows. Whatever the data and
 * however small the groups and pages, it must do exactly what the whole plan did before: every
 * waiting item in one first-in-first-out list through planAllocation, in memory. The expected
 * outcome is worked out here from the generated rows, with the shared rules, not read back from
 * the service.
 */

const ORDER_IDS = ["SO-1", "SO-10", "SO-2", "SO-B", "SO-a", "so-1", "SO-É", "SO-Z"];
const OPEN = ["ORDER_CREATED", "ORDER_APPROVED", "ITEM_CREATED", "ITEM_APPROVED"];

const poItem = fc.record({
  product: fc.nat(2),
  quantity: fc.integer({ min: 1, max: 40 }),
  buffer: fc.nat(2),
  bufferDays: fc.nat(3),
  allocated: fc.nat(3),
  arrival: fc.option(fc.integer({ min: -3, max: 20 }), { freq: 5 }),
  status: fc.constantFrom("ITEM_APPROVED", "ITEM_APPROVED", "ITEM_CREATED", "ITEM_CANCELLED", "ITEM_COMPLETED"),
});
const order = fc.record({ day: fc.nat(3), status: fc.constantFrom("ORDER_APPROVED", "ORDER_APPROVED", "ORDER_APPROVED", "ORDER_CREATED", "ORDER_CANCELLED") });
const item = fc.record({
  order: fc.nat(ORDER_IDS.length - 1),
  product: fc.nat(3),
  quantity: fc.integer({ min: 1, max: 5 }),
  parked: fc.constantFrom(true, true, true, true, true, true, true, true, true, false),
  status: fc.constantFrom("ITEM_APPROVED", "ITEM_APPROVED", "ITEM_APPROVED", "ITEM_CREATED", "ITEM_CANCELLED"),
  promised: fc.constantFrom(false, false, false, false, false, true),
});
const workload = fc.record({
  poItems: fc.array(poItem, { minLength: 1, maxLength: 6, size: "max" }),
  orders: fc.array(order, { minLength: ORDER_IDS.length, maxLength: ORDER_IDS.length }),
  items: fc.array(item, { minLength: 5, maxLength: 40, size: "max" }),
  productsPerRead: fc.integer({ min: 1, max: 3 }),
  page: fc.integer({ min: 1, max: 4 }),
});
type Workload = typeof workload extends fc.Arbitrary<infer W> ? W : never;

interface Seeded { productIds: number[]; waiting: (WaitingItem & { orderDate: Date })[] }

/** Writes the workload as rows, and answers which items wait (rule 3), worked out from the workload itself. */
async function seed(db: Db, w: Workload): Promise<Seeded> {
  const today = startOfTodayUtc();
  const at = (day: number) => new Date(today.getTime() - (10 - day) * 86_400_000);
  const waiting: Seeded["waiting"] = [];
  let productIds: number[] = [];
  await db.write(async (m) => {
    for (let p = 0; p < 5; p++) await m.query("INSERT INTO product (sku, name, inventory_available) VALUES (?, ?, 0)", [`SKU-${p}`, `Product ${p}`]);
    productIds = (await m.query("SELECT product_id FROM product ORDER BY sku")).map((r: Record<string, unknown>) => Number(r.product_id));
    await m.query("INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at) VALUES ('PO-S', 'PURCHASE_ORDER', 'ORDER_APPROVED', ?, 'WH-1', ?)",
      [sqlDate(today), sqlDate(today)]);
    for (const [i, p] of w.poItems.entries()) {
      await m.query(
        `INSERT INTO purchase_order_item (order_id, order_item_seq_id, product_id, quantity, order_buffer, buffer_days, allocated_quantity, estimated_delivery_date, status_id)
         VALUES ('PO-S', ?, ?, ?, ?, ?, ?, ?, ?)`,
        [String(i + 1).padStart(5, "0"), productIds[p.product], p.quantity, Math.min(p.buffer, p.quantity - 1), p.bufferDays,
          Math.min(p.allocated, p.quantity - Math.min(p.buffer, p.quantity - 1)), p.arrival === null ? null : sqlDate(addDays(today, p.arrival)), p.status],
      );
    }
    for (const [i, o] of w.orders.entries()) {
      await m.query("INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at) VALUES (?, 'SALES_ORDER', ?, ?, NULL, ?)",
        [ORDER_IDS[i], o.status, sqlDate(at(o.day)), sqlDate(today)]);
    }
    const seqs = new Map<number, number>();
    const poProducts = new Set(w.poItems.filter((p) => OPEN.includes(p.status)).map((p) => productIds[p.product]));
    for (const s of w.items) {
      const seq = String((seqs.get(s.order) ?? 0) + 1).padStart(5, "0");
      seqs.set(s.order, Number(seq));
      const o = w.orders[s.order];
      const row = { orderId: ORDER_IDS[s.order], orderItemSeqId: seq, productId: productIds[s.product], quantity: s.quantity, orderDate: at(o.day) };
      await m.query(
        `INSERT INTO sales_order_item (order_id, order_item_seq_id, product_id, quantity, status_id, facility_id, order_date, promised_datetime, po_item_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        [row.orderId, seq, row.productId, s.quantity, s.status, s.parked ? "PRE_ORDER_PARKING" : "WH-1", sqlDate(row.orderDate), s.promised ? sqlDate(addDays(today, 40)) : null],
      );
      const [{ id }] = await m.query("SELECT so_item_id AS id FROM sales_order_item WHERE order_id = ? AND order_item_seq_id = ?", [row.orderId, seq]);
      if (s.parked && OPEN.includes(s.status) && OPEN.includes(o.status) && !s.promised && poProducts.has(row.productId)) waiting.push({ id: Number(id), ...row });
    }
  });
  return { productIds, waiting };
}

const day = (v: unknown) => fromSqlDate(v)?.toISOString() ?? null;

describe("Allocate Sales Orders read product group by product group, a page at a time", () => {
  let db: Db;
  const defaults = { ...waitingReadSizes };
  before(async () => {
    db = await openTestDb();
  });
  after(async () => {
    Object.assign(waitingReadSizes, defaults);
    await db.close();
  });

  it("ties, skips and records exactly what the whole first-in-first-out plan does in memory", async function () {
    this.timeout(300_000);
    await fc.assert(fc.asyncProperty(workload, async (w) => {
      await emptyTables(db);
      const { waiting } = await seed(db, w);
      const today = startOfTodayUtc();
      const readPoItems = async () => (await db.read((m) => m.query(`SELECT ${poItemColumns("p")} FROM purchase_order_item p ORDER BY p.po_item_id`)) as Record<string, unknown>[]).map(toPoItemRow);
      const poItems = await readPoItems();
      const fifo = [...waiting].sort((a, b) => (a.orderDate.getTime() - b.orderDate.getTime()) || compareBytes(a.orderId, b.orderId) || compareBytes(a.orderItemSeqId, b.orderItemSeqId));
      const whole = planAllocation(fifo, poItems, today);
      const expectedTies = whole.ties.map(({ item: i, poItem: p }) =>
        [i.orderId, i.orderItemSeqId, i.quantity, p.orderItemSeqId, addDays(p.estimatedDeliveryDate!, p.bufferDays).toISOString()]);

      Object.assign(waitingReadSizes, { productsPerRead: w.productsPerRead, page: w.page });
      // A counts-only dry run: the same counts, no lists, nothing written.
      const before = await snapshot(db);
      const counted = await db.write((m) => allocateSalesOrders(m, "PO-S", "prop", true, { allocations: false, skipped: false }), { rollback: true });
      expect(await snapshot(db)).to.deep.equal(before);
      expect([counted.allocatedItemCount, counted.skippedItemCount, counted.allocations, counted.skipped]).to.deep.equal([whole.ties.length, whole.skipped.length, [], []]);

      const run = await db.write((m) => allocateSalesOrders(m, "PO-S", "prop", false, COLLECT_ALL));
      expect(run.allocations.map((a) => [a.orderId, a.seqId, a.quantity, a.purchaseOrderItemSeqId, a.promiseDate.toISOString()])).to.deep.equal(expectedTies);
      expect(run.skipped.map((s) => [s.orderId, s.seqId, s.reason])).to.deep.equal(whole.skipped.map((s) => [s.item.orderId, s.item.orderItemSeqId, s.reason]));
      expect(run.allocatedQuantity).to.equal(whole.ties.reduce((sum, t) => sum + t.item.quantity, 0));
      expect(run.run).to.include({ allocatedItemCount: whole.ties.length, skippedItemCount: whole.skipped.length });

      const events = await db.read((m) => m.query("SELECT * FROM allocation_event ORDER BY event_id"));
      expect(events.map((e: Record<string, unknown>) => [e.order_id, e.order_item_seq_id, Number(e.quantity), e.po_item_seq_id, day(e.new_promise_date)])).to.deep.equal(expectedTies);
      expect(events.every((e: Record<string, unknown>) => e.event_type === "ALLOCATE" && Number(e.run_id) === run.run!.id && e.actor === "prop" &&
        e.purchase_order_id === "PO-S" && e.old_promise_date === null && e.reason === "Allocate Sales Orders")).to.equal(true);
      const feed = await db.read((m) => m.query("SELECT * FROM promise_date_change ORDER BY change_id"));
      expect(feed.map((f: Record<string, unknown>) => [f.order_id, f.order_item_seq_id, f.event_type, day(f.old_promise_date), day(f.new_promise_date)]))
        .to.deep.equal(expectedTies.map((t) => [t[0], t[1], "ALLOCATE", null, t[4]]));
      expect((await readPoItems()).map((p) => p.allocatedQuantity)).to.deep.equal(poItems.map((p) => p.allocatedQuantity));
      const tied = await db.read((m) => m.query(`SELECT s.order_id, s.order_item_seq_id, p.order_item_seq_id AS po_seq, s.promised_datetime
        FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id ORDER BY s.so_item_id`));
      expect(tied.map((t: Record<string, unknown>) => `${t.order_id}/${t.order_item_seq_id}->${t.po_seq}@${day(t.promised_datetime)}`).sort())
        .to.deep.equal(expectedTies.map((t) => `${t[0]}/${t[1]}->${t[3]}@${t[4]}`).sort());
    }), { numRuns: onMySql() ? 15 : 60 });
  });
});
