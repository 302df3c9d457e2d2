import { Db } from "../../src/db";

/**
 * A database of a busy retailer, built with a few set-based INSERT ... SELECT statements over a
 * generated sequence (MySQL/MariaDB only): `purchaseOrders` POs of 4 items each over `products`
 * products, and `preOrders` pre-order items in orders of two. About half of the pre-order items
 * wait in parking, 40% are tied to a PO item of their product, the rest are cancelled or
 * released to a warehouse; a tenth of the POs are completed or cancelled. Fast enough for a
 * test (about 10 s for 200,000 pre-order items here), realistic enough for the planner.
 */
export interface Scale {
  products: number;
  purchaseOrders: number;
  preOrders: number;
}

export const BUSY_RETAILER: Scale = { products: 2_000, purchaseOrders: 5_000, preOrders: 200_000 };

/** 0 .. 10^digits - 1 as a derived table `seq(n)`. */
const sequence = (digits: number): string => {
  const digit = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
  const names = Array.from({ length: digits }, (_, i) => `d${i}`);
  return `(SELECT ${names.map((d, i) => `${d}.d * ${10 ** i}`).join(" + ")} AS n FROM ${names.map((d) => `${digit} ${d}`).join(" CROSS JOIN ")}) seq`;
};
const upTo = (count: number) => `${sequence(Math.ceil(Math.log10(count + 1)))} WHERE seq.n < ${count}`;

export async function seedBusyRetailer(db: Db, scale: Scale = BUSY_RETAILER): Promise<void> {
  const { products, purchaseOrders, preOrders } = scale;
  const orders = Math.ceil(preOrders / 2);
  await db.write(async (m) => {
    await m.query(`INSERT INTO product (sku, name, inventory_available)
      SELECT CONCAT('SKU-', LPAD(seq.n, 6, '0')), CONCAT('Product ', seq.n), 0 FROM ${upTo(products)}`);
    const [{ first }] = await m.query("SELECT MIN(product_id) AS first FROM product WHERE sku LIKE 'SKU-%'");
    // POs: newest first in the find page; a tenth completed or cancelled.
    await m.query(`INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at)
      SELECT CONCAT('PO-', LPAD(seq.n, 6, '0')), 'PURCHASE_ORDER',
        CASE seq.n % 20 WHEN 0 THEN 'ORDER_COMPLETED' WHEN 1 THEN 'ORDER_CANCELLED' WHEN 2 THEN 'ORDER_CREATED' ELSE 'ORDER_APPROVED' END,
        TIMESTAMP('2026-01-01') + INTERVAL seq.n MINUTE, 'WH-1', NOW(3) FROM ${upTo(purchaseOrders)}`);
    await m.query(`INSERT INTO purchase_order_item
        (order_id, order_item_seq_id, product_id, quantity, order_buffer, buffer_days, allocated_quantity, estimated_delivery_date, status_id)
      SELECT CONCAT('PO-', LPAD(FLOOR(seq.n / 4), 6, '0')), LPAD(seq.n % 4 + 1, 5, '0'), ${Number(first)} + (seq.n * 7) % ${products},
        100, 0, 0, 0, TIMESTAMP('2030-01-01') + INTERVAL (seq.n % 300) DAY,
        CASE FLOOR(seq.n / 4) % 20 WHEN 0 THEN 'ITEM_COMPLETED' WHEN 1 THEN 'ITEM_CANCELLED' ELSE 'ITEM_APPROVED' END
      FROM ${upTo(purchaseOrders * 4)}`);
    const [{ firstPoItem }] = await m.query("SELECT MIN(po_item_id) AS firstPoItem FROM purchase_order_item WHERE order_id LIKE 'PO-%'");
    await m.query(`INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at)
      SELECT CONCAT('SO-', LPAD(seq.n, 7, '0')), 'SALES_ORDER', IF(seq.n % 40 = 0, 'ORDER_CANCELLED', 'ORDER_APPROVED'),
        TIMESTAMP('2026-01-01') + INTERVAL seq.n MINUTE, NULL, NOW(3) FROM ${upTo(orders)}`);
    // Per item n: 0-9 of n % 20 wait, 10-17 are tied, 18 is cancelled (as its whole order is when n % 80 < 2), 19 was released to WH-1.
    await m.query(`INSERT INTO sales_order_item
        (order_id, order_item_seq_id, product_id, quantity, status_id, facility_id, order_date, promised_datetime, po_item_id)
      SELECT CONCAT('SO-', LPAD(FLOOR(seq.n / 2), 7, '0')), LPAD(seq.n % 2 + 1, 5, '0'), ${Number(first)} + (seq.n * 7) % ${products}, 1 + seq.n % 3,
        IF(seq.n % 20 = 18 OR FLOOR(seq.n / 2) % 40 = 0, 'ITEM_CANCELLED', 'ITEM_APPROVED'), IF(seq.n % 20 = 19, 'WH-1', 'PRE_ORDER_PARKING'),
        TIMESTAMP('2026-01-01') + INTERVAL FLOOR(seq.n / 2) MINUTE,
        IF(seq.n % 20 BETWEEN 10 AND 17, TIMESTAMP('2030-01-01') + INTERVAL (seq.n % 300) DAY, NULL),
        IF(seq.n % 20 BETWEEN 10 AND 17, ${Number(firstPoItem)} + seq.n % ${purchaseOrders * 4}, NULL)
      FROM ${upTo(preOrders)}`);
  });
  for (const table of ["product", "order_header", "purchase_order_item", "sales_order_item"]) await db.read((m) => m.query(`ANALYZE TABLE ${table}`));
}
