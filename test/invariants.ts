import { expect } from "chai";
import { Db, fromSqlDate } from "../src/db";

/**
 * The allocation invariants (docs/domain.md#rule-7-one-transaction-never-oversold), checked against what is stored.
 * Returns every violation found, one line each; an empty list means the data is sound:
 * - every PO item: allocated <= quantity - order buffer, and allocated = the sum of the
 *   quantities of the pre-order items tied to it;
 * - every tied item is tied once: its ALLOCATE events minus RELEASE events are exactly 1, and no
 *   item has more than 1 (ties made with direct SQL in a test have no event; don't use it then);
 * - every tied item carries its PO item's arrival date as promise date, and is of its product.
 */
export async function allocationInvariantViolations(db: Db): Promise<string[]> {
  const problems: string[] = [];
  await db.read(async (m) => {
    const poItems: Record<string, unknown>[] = await m.query(
      `SELECT p.po_item_id, p.order_id, p.order_item_seq_id, p.quantity, p.order_buffer, p.allocated_quantity,
              (SELECT COALESCE(SUM(s.quantity), 0) FROM sales_order_item s WHERE s.po_item_id = p.po_item_id) AS tied
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
       FROM sales_order_item s LEFT JOIN allocation_event e ON e.so_item_id = s.so_item_id
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
      `SELECT s.order_id, s.order_item_seq_id, s.promised_datetime, s.product_id, p.estimated_delivery_date, p.product_id AS po_product_id
       FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id`,
    );
    for (const t of tied) {
      const at = `pre-order item ${t.order_id}/${t.order_item_seq_id}`;
      const promised = fromSqlDate(t.promised_datetime)?.getTime();
      const arrival = fromSqlDate(t.estimated_delivery_date)?.getTime();
      if (promised === undefined || promised !== arrival) problems.push(`${at}: promised ${t.promised_datetime} but its PO item arrives ${t.estimated_delivery_date}`);
      if (Number(t.product_id) !== Number(t.po_product_id)) problems.push(`${at}: tied to a PO item of another product`);
    }
    const dangling: Record<string, unknown>[] = await m.query(
      `SELECT s.order_id, s.order_item_seq_id FROM sales_order_item s LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id
       WHERE s.po_item_id IS NOT NULL AND p.po_item_id IS NULL`,
    );
    for (const d of dangling) problems.push(`pre-order item ${d.order_id}/${d.order_item_seq_id}: tied to a PO item that does not exist`);
  });
  return problems;
}

/** Fails the test with every violation listed. */
export async function expectAllocationInvariants(db: Db): Promise<void> {
  expect(await allocationInvariantViolations(db), "allocation invariants").to.deep.equal([]);
}
