import { expect } from "chai";
import { Db, fromSqlDate } from "../../src/db";

const iso = (value: unknown): string | null => fromSqlDate(value)?.toISOString() ?? null;

/**
 * The allocation invariants (docs/domain.md#rule-7-one-transaction-never-oversold), checked against what is stored.
 * Returns every violation found, one line each; an empty list means the data is sound:
 * - every PO item: allocated <= quantity - order buffer, and allocated = the sum of the
 *   quantities of the pre-order items tied to it that still wait in parking (one released to
 *   fulfilment keeps its tie for the record but holds no units);
 * - every tied item is tied once: its ALLOCATE events minus RELEASE events are exactly 1, and no
 *   item has more than 1 (ties made with direct SQL in a test have no event; don't use it then);
 * - every tied item still in parking is promised its PO item's arrival date plus its buffer days
 *   (one customer promise: the day the PDP showed), and every tied item is of its product.
 */
export async function allocationInvariantViolations(db: Db): Promise<string[]> {
  const problems: string[] = [];
  await db.read(async (m) => {
    const poItems: Record<string, unknown>[] = await m.query(
      `SELECT p.po_item_id, p.order_id, p.order_item_seq_id, p.quantity, p.order_buffer, p.allocated_quantity,
              (SELECT COALESCE(SUM(s.quantity), 0) FROM sales_order_item s WHERE s.po_item_id = p.po_item_id AND s.facility_id = 'PRE_ORDER_PARKING') AS tied
       FROM purchase_order_item p ORDER BY p.po_item_id`,
    );
    for (const p of poItems) {
      const at = `PO item ${p.order_id}/${p.order_item_seq_id}`;
      if (Number(p.allocated_quantity) > Number(p.quantity) - Number(p.order_buffer)) {
        problems.push(`${at}: allocated ${p.allocated_quantity} > quantity ${p.quantity} - buffer ${p.order_buffer}`);
      }
      if (Number(p.allocated_quantity) !== Number(p.tied)) problems.push(`${at}: allocated ${p.allocated_quantity} but tied items sum to ${p.tied}`);
    }

    const net: Record<string, unknown>[] = await m.query(
      `SELECT s.order_id, s.order_item_seq_id, s.po_item_id,
              SUM(CASE WHEN e.event_type = 'ALLOCATE' THEN 1 WHEN e.event_type = 'RELEASE' THEN -1 ELSE 0 END) AS net
       FROM sales_order_item s LEFT JOIN allocation_event e ON e.order_id = s.order_id AND e.order_item_seq_id = s.order_item_seq_id
       GROUP BY s.so_item_id, s.order_id, s.order_item_seq_id, s.po_item_id`,
    );
    for (const row of net) {
      const n = Number(row.net ?? 0);
      const at = `pre-order item ${row.order_id}/${row.order_item_seq_id}`;
      if (n > 1) problems.push(`${at}: tied ${n} times (ALLOCATE minus RELEASE events)`);
      if (row.po_item_id != null && n !== 1) problems.push(`${at}: tied but its history nets ${n} ties`);
      if (row.po_item_id == null && n !== 0) problems.push(`${at}: waiting but its history nets ${n} ties`);
    }

    const tied: Record<string, unknown>[] = await m.query(
      `SELECT s.order_id, s.order_item_seq_id, s.promised_datetime, s.product_id, s.facility_id, p.estimated_delivery_date, p.buffer_days, p.product_id AS po_product_id
       FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id`,
    );
    for (const t of tied) {
      const at = `pre-order item ${t.order_id}/${t.order_item_seq_id}`;
      if (Number(t.product_id) !== Number(t.po_product_id)) problems.push(`${at}: tied to a PO item of another product`);
      if (t.facility_id !== "PRE_ORDER_PARKING") continue;
      const promised = fromSqlDate(t.promised_datetime)?.getTime();
      const arrival = fromSqlDate(t.estimated_delivery_date)?.getTime();
      const promise = arrival === undefined ? undefined : arrival + Number(t.buffer_days) * 86_400_000;
      if (promised === undefined || promised !== promise) {
        problems.push(`${at}: promised ${t.promised_datetime} but its PO item arrives ${t.estimated_delivery_date} with ${t.buffer_days} buffer days`);
      }
    }
    const dangling: Record<string, unknown>[] = await m.query(
      `SELECT s.order_id, s.order_item_seq_id FROM sales_order_item s LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id
       WHERE s.po_item_id IS NOT NULL AND p.po_item_id IS NULL`,
    );
    for (const d of dangling) problems.push(`pre-order item ${d.order_id}/${d.order_item_seq_id}: tied to a PO item that does not exist`);
  });
  return problems;
}

/**
 * "No unit counted twice between the PO, the pre-orders and the inventory"
 * (docs/domain.md#receiving-and-release), as violations:
 * - every PO item: received <= quantity; the received units are released (handed to pre-orders a
 *   receipt released) + held (kept for still-tied pre-orders) + what became inventory, none of
 *   them negative; held <= allocated; units still to come plus held cover every tied pre-order
 *   (allocated + received <= quantity + held); and PO ATP counts only units still to come, so
 *   ATP + allocated + order buffer + received <= quantity whenever ATP > 0;
 * - the units handed to released pre-orders are at most the units of the items that left parking
 *   while tied to that PO item;
 * - with `inventoryBefore` (SKU → inventoryAvailable before the receipts, for products nobody set
 *   by hand since): each product's inventory is exactly that plus what its PO items' receipts put there.
 */
export async function unitLedgerViolations(db: Db, inventoryBefore?: Map<string, number>): Promise<string[]> {
  const problems: string[] = [];
  const rows: Record<string, unknown>[] = await db.read((m) => m.query(
    `SELECT p.order_id, p.order_item_seq_id, p.product_id, p.quantity, p.order_buffer, p.allocated_quantity, p.received_quantity,
            p.held_quantity, p.released_quantity,
            (SELECT COALESCE(SUM(s.quantity), 0) FROM sales_order_item s WHERE s.po_item_id = p.po_item_id AND s.facility_id <> 'PRE_ORDER_PARKING') AS left_parking
     FROM purchase_order_item p ORDER BY p.po_item_id`,
  ));
  const stockedByProduct = new Map<number, number>();
  for (const r of rows) {
    const [q, buffer, allocated, received, held, released] =
      [r.quantity, r.order_buffer, r.allocated_quantity, r.received_quantity, r.held_quantity, r.released_quantity].map(Number);
    const at = `PO item ${r.order_id}/${r.order_item_seq_id}`;
    const stocked = received - released - held;
    if (received > q || received < 0) problems.push(`${at}: received ${received} of ${q}`);
    if (held < 0 || released < 0 || stocked < 0) problems.push(`${at}: received ${received} = released ${released} + held ${held} + inventory ${stocked}`);
    if (held > allocated) problems.push(`${at}: holds ${held} received units for ${allocated} tied units`);
    if (allocated + received > q + held) problems.push(`${at}: ${allocated} tied units but only ${q - received} to come and ${held} held`);
    if (released > Number(r.left_parking)) problems.push(`${at}: handed ${released} units to released pre-orders of ${r.left_parking} units`);
    const atp = Math.max(0, q - received - buffer - allocated);
    if (atp > 0 && atp + allocated + buffer + received > q) problems.push(`${at}: ATP ${atp} counts received units`);
    stockedByProduct.set(Number(r.product_id), (stockedByProduct.get(Number(r.product_id)) ?? 0) + stocked);
  }
  if (inventoryBefore) {
    const products: Record<string, unknown>[] = await db.read((m) => m.query("SELECT product_id, sku, inventory_available FROM product"));
    for (const p of products) {
      const before = inventoryBefore.get(String(p.sku));
      if (before === undefined) continue;
      const expected = before + (stockedByProduct.get(Number(p.product_id)) ?? 0);
      if (Number(p.inventory_available) !== expected) {
        problems.push(`product ${p.sku}: inventory ${p.inventory_available}, but ${before} before plus ${expected - before} received into stock is ${expected}`);
      }
    }
  }
  return problems;
}

/** Fails the test with every violation listed. */
export async function expectAllocationInvariants(db: Db): Promise<void> {
  expect(await allocationInvariantViolations(db), "allocation invariants").to.deep.equal([]);
}

/**
 * Everything that must hold after any mix of allocations, imports and lifecycle changes, as a
 * list of violations (empty = all good), so a failing test says what broke:
 * - the allocation invariants (above), and every tied item is open;
 * - the feed holds exactly one row per history event that changed a promise date or released an
 *   item to fulfilment, and replaying
 *   it gives every item its current promise date.
 */
export async function lifecycleViolations(db: Db): Promise<string[]> {
  const out = [...await allocationInvariantViolations(db), ...await unitLedgerViolations(db)];
  const items = await db.read((m) => m.query(
    `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, s.status_id, s.facility_id, s.po_item_id, s.promised_datetime
     FROM sales_order_item s ORDER BY s.so_item_id`,
  ));
  for (const s of items) {
    const where = `pre-order item ${s.order_id}/${s.order_item_seq_id}`;
    // An untied item may carry a promise date a merchandiser set by hand: the feed replay below checks it has its row.
    if (s.po_item_id != null && s.facility_id === "PRE_ORDER_PARKING" && !["ITEM_CREATED", "ITEM_APPROVED"].includes(s.status_id)) out.push(`${where} is ${s.status_id} yet tied`);
  }

  const key = (r: Record<string, unknown>, at: string, type: string) =>
    [r.so_item_id, r.order_id, r.order_item_seq_id, iso(r.old_promise_date), iso(r.new_promise_date), iso(r[at]), r[type], r.reason].join("|");
  const events = await db.read((m) => m.query("SELECT * FROM allocation_event ORDER BY event_id"));
  const changes = await db.read((m) => m.query("SELECT * FROM promise_date_change ORDER BY change_id"));
  const expected = events.filter((e: Record<string, unknown>) => e.event_type === "FULFILLMENT_RELEASE" || iso(e.old_promise_date) !== iso(e.new_promise_date))
    .map((e: Record<string, unknown>) => key(e, "event_at", "event_type")).sort();
  const actual = changes.map((c: Record<string, unknown>) => key(c, "changed_at", "event_type")).sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push(`feed has ${actual.length} rows for ${expected.length} promise-date changes in the history`);
  }
  const replayed = new Map<number, string | null>();
  for (const c of changes) replayed.set(Number(c.so_item_id), iso(c.new_promise_date));
  for (const s of items) {
    const last = replayed.get(Number(s.so_item_id)) ?? null;
    if (last !== iso(s.promised_datetime)) out.push(`feed replay gives ${s.order_id}/${s.order_item_seq_id} ${last}, stored ${iso(s.promised_datetime)}`);
  }
  return out;
}
