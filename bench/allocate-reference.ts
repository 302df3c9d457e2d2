import { EntityManager } from "typeorm";
import { Db, execute, lockPurchaseOrder, sqlDate } from "../src/db";
import { OPEN_ITEMS_SQL, OPEN_ORDERS_SQL, PRE_ORDER_PARKING, clock, startOfTodayUtc } from "../src/domain";
import { AllocationRunEntity } from "../src/entities";

/**
 * The yardstick of `npm run bench:allocate`: Allocate Sales Orders done by the database itself,
 * set-based, with no plan in Node at all. It writes what the real path writes (the run row, the
 * ties, the PO items' allocated quantities, the ALLOCATE history rows, the promise-date feed rows
 * and the promise purge outbox rows) so the benchmark can compare the two results row for row.
 *
 * The tie is the rules' tie (docs/domain.md, rules 3–6): first in, first out by order date, order
 * id and item seq id; each item whole; an item that does not fit is skipped and later, smaller
 * items may still fit. A running sum cannot express that skip, so a recursive CTE walks each
 * product's FIFO list carrying the ATP left. It handles one allocatable PO item per product (the
 * benchmark's workload: choosing among several would need the preference order inside the walk)
 * and refuses any other PO rather than answer wrongly.
 *
 * Not used by the service: the rules live in src/domain/allocation/rules.ts.
 */
export async function referenceAllocate(db: Db, purchaseOrderId: string, actor: string): Promise<{ tied: number; skipped: number }> {
  const sqlite = db.dialect.name === "sqlite";
  const temporary = sqlite ? "TEMP" : "TEMPORARY";
  const promiseDate = sqlite
    ? "strftime('%Y-%m-%d %H:%M:%f', p.estimated_delivery_date, '+' || p.buffer_days || ' days')"
    : "p.estimated_delivery_date + INTERVAL p.buffer_days DAY";
  const drop = async (m: EntityManager) => {
    for (const table of ["ref_tie", "ref_waiting"]) await m.query(`DROP ${sqlite ? "" : "TEMPORARY "}TABLE IF EXISTS ${table}`);
  };
  return db.write(async (m) => {
    const startedAt = clock.now();
    const at = sqlDate(startedAt);
    const today = sqlDate(startOfTodayUtc());
    await lockPurchaseOrder(m, purchaseOrderId);
    const allocatable = `p.order_id = ? AND p.status_id IN (${OPEN_ITEMS_SQL}) AND p.estimated_delivery_date IS NOT NULL AND p.estimated_delivery_date >= ?`;
    const [{ n }] = await m.query(
      `SELECT COUNT(*) AS n FROM (SELECT p.product_id FROM purchase_order_item p WHERE ${allocatable} GROUP BY p.product_id HAVING COUNT(*) > 1) x`,
      [purchaseOrderId, today],
    );
    if (Number(n) > 0) throw new Error("The reference allocation handles one allocatable PO item per product only");
    const run = await m.save(m.create(AllocationRunEntity, {
      purchaseOrderId, triggeredBy: actor, startedAt, finishedAt: null, allocatedItemCount: 0, allocatedQuantity: 0, skippedItemCount: 0,
    }));
    await drop(m);
    try {
      // Rules 3 and 4: the waiting items of the PO's products, numbered first in first out per product.
      await m.query(`CREATE ${temporary} TABLE ref_waiting (product_id INT NOT NULL, rn INT NOT NULL, so_item_id INT NOT NULL, quantity INT NOT NULL, PRIMARY KEY (product_id, rn))`);
      await m.query(
        `INSERT INTO ref_waiting (product_id, rn, so_item_id, quantity)
         SELECT s.product_id, ROW_NUMBER() OVER (PARTITION BY s.product_id ORDER BY s.order_date, s.order_id, s.order_item_seq_id), s.so_item_id, s.quantity
         FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
         WHERE s.facility_id = '${PRE_ORDER_PARKING}' AND s.promised_datetime IS NULL AND s.po_item_id IS NULL
           AND s.status_id IN (${OPEN_ITEMS_SQL}) AND h.status_id IN (${OPEN_ORDERS_SQL})
           AND s.product_id IN (SELECT product_id FROM purchase_order_item WHERE order_id = ? AND status_id IN (${OPEN_ITEMS_SQL}))`,
        [purchaseOrderId],
      );
      // Rule 5: walk each product's list carrying the ATP left; an item fits whole or is skipped.
      await m.query(`CREATE ${temporary} TABLE ref_tie (so_item_id INT NOT NULL PRIMARY KEY, po_item_id INT NOT NULL, quantity INT NOT NULL)`);
      const atp = "p.quantity - p.order_buffer - p.received_quantity - p.allocated_quantity";
      await m.query(
        `INSERT INTO ref_tie (so_item_id, po_item_id, quantity)
         WITH RECURSIVE walk (product_id, rn, so_item_id, po_item_id, quantity, fits, atp) AS (
           SELECT w.product_id, w.rn, w.so_item_id, p.po_item_id, w.quantity,
             CASE WHEN w.quantity <= ${atp} THEN 1 ELSE 0 END, ${atp} - CASE WHEN w.quantity <= ${atp} THEN w.quantity ELSE 0 END
           FROM ref_waiting w JOIN purchase_order_item p ON p.product_id = w.product_id AND ${allocatable}
           WHERE w.rn = 1
           UNION ALL
           SELECT w.product_id, w.rn, w.so_item_id, walk.po_item_id, w.quantity,
             CASE WHEN w.quantity <= walk.atp THEN 1 ELSE 0 END, walk.atp - CASE WHEN w.quantity <= walk.atp THEN w.quantity ELSE 0 END
           FROM walk JOIN ref_waiting w ON w.product_id = walk.product_id AND w.rn = walk.rn + 1
         )
         SELECT so_item_id, po_item_id, quantity FROM walk WHERE fits = 1`,
        [purchaseOrderId, today],
      );
      const [{ tied, units }] = await m.query("SELECT COUNT(*) AS tied, COALESCE(SUM(quantity), 0) AS units FROM ref_tie");
      const [{ waiting }] = await m.query("SELECT COUNT(*) AS waiting FROM ref_waiting");

      // Rule 6, set-based: the ties (guarded as the real path guards them), the PO items, the history, the feed, the purge outbox.
      const stillWaiting = `s.po_item_id IS NULL AND s.promised_datetime IS NULL AND s.facility_id = '${PRE_ORDER_PARKING}' AND s.status_id IN (${OPEN_ITEMS_SQL})`;
      const claimed = sqlite
        ? await execute(m, `UPDATE sales_order_item AS s SET po_item_id = t.po_item_id, promised_datetime = ${promiseDate}
            FROM ref_tie t JOIN purchase_order_item p ON p.po_item_id = t.po_item_id WHERE t.so_item_id = s.so_item_id AND ${stillWaiting}`)
        : await execute(m, `UPDATE sales_order_item s JOIN ref_tie t ON t.so_item_id = s.so_item_id JOIN purchase_order_item p ON p.po_item_id = t.po_item_id
            SET s.po_item_id = t.po_item_id, s.promised_datetime = ${promiseDate} WHERE ${stillWaiting}`);
      if (claimed !== Number(tied)) throw new Error(`reference: claimed ${claimed} of ${tied}`);
      const perItem = "(SELECT po_item_id, SUM(quantity) AS q FROM ref_tie GROUP BY po_item_id)";
      const raised = sqlite
        ? await execute(m, `UPDATE purchase_order_item AS p SET allocated_quantity = p.allocated_quantity + d.q FROM ${perItem} d
            WHERE d.po_item_id = p.po_item_id AND p.allocated_quantity + p.order_buffer + p.received_quantity + d.q <= p.quantity`)
        : await execute(m, `UPDATE purchase_order_item p JOIN ${perItem} d ON d.po_item_id = p.po_item_id
            SET p.allocated_quantity = p.allocated_quantity + d.q WHERE p.allocated_quantity + p.order_buffer + p.received_quantity + d.q <= p.quantity`);
      const [{ items }] = await m.query("SELECT COUNT(DISTINCT po_item_id) AS items FROM ref_tie");
      if (raised !== Number(items)) throw new Error(`reference: raised ${raised} of ${items} PO items`);
      const fifo = "ORDER BY s.order_date, s.order_id, s.order_item_seq_id";
      await execute(m,
        `INSERT INTO allocation_event (event_type, event_at, actor, reason, run_id, so_item_id, order_id, order_item_seq_id, po_item_id, purchase_order_id, po_item_seq_id, quantity, old_promise_date, new_promise_date)
         SELECT 'ALLOCATE', ?, ?, 'Allocate Sales Orders', ?, s.so_item_id, s.order_id, s.order_item_seq_id, s.po_item_id, p.order_id, p.order_item_seq_id, s.quantity, NULL, s.promised_datetime
         FROM ref_tie t JOIN sales_order_item s ON s.so_item_id = t.so_item_id JOIN purchase_order_item p ON p.po_item_id = s.po_item_id ${fifo}`,
        [at, actor, run.id]);
      await execute(m,
        `INSERT INTO promise_date_change (changed_at, event_type, so_item_id, order_id, order_item_seq_id, old_promise_date, new_promise_date, reason)
         SELECT ?, 'ALLOCATE', s.so_item_id, s.order_id, s.order_item_seq_id, NULL, s.promised_datetime, 'Allocate Sales Orders'
         FROM ref_tie t JOIN sales_order_item s ON s.so_item_id = t.so_item_id ${fifo}`,
        [at]);
      const now = sqlDate(new Date());
      await execute(m,
        `INSERT INTO promise_purge (sku, created_at, next_attempt_at, attempts, done)
         SELECT sku, ?, ?, 0, 0 FROM product WHERE product_id IN (SELECT p.product_id FROM ref_tie t JOIN purchase_order_item p ON p.po_item_id = t.po_item_id) ORDER BY product_id`,
        [now, now]);
      await execute(m, "UPDATE allocation_run SET finished_at = ?, allocated_item_count = ?, allocated_quantity = ?, skipped_item_count = ? WHERE run_id = ?",
        [sqlDate(clock.now()), Number(tied), Number(units), Number(waiting) - Number(tied), run.id]);
      return { tied: Number(tied), skipped: Number(waiting) - Number(tied) };
    } finally {
      await drop(m);
    }
  });
}
