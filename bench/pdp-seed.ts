import { chunk, Db, placeholders, sqlDate } from "../src/db";
import { addDays, startOfTodayUtc } from "../src/domain";

export const PRODUCT_COUNT = 10_000;
export const skuOf = (i: number) => `BENCH-${String(i).padStart(5, "0")}`;

/**
 * A storefront-sized catalog in multi-row INSERTs: 10,000 products (1 in 5 in stock) and 2,500
 * POs of 8 items, so each product sits on about two PO items with a mix of what the promise
 * must skip: cancelled POs, overdue or missing arrival dates, fully allocated items.
 */
export async function seedBenchCatalog(db: Db): Promise<{ products: number; poItems: number }> {
  const today = startOfTodayUtc();
  const now = sqlDate(new Date());
  await db.write(async (m) => {
    for (const table of ["allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product"]) await m.query(`DELETE FROM ${table}`);
  });
  const products = Array.from({ length: PRODUCT_COUNT }, (_, i) => [i + 1, skuOf(i + 1), `Bench product ${i + 1}`, i % 5 === 0 ? 10 : 0]);
  const headers: unknown[][] = [];
  const items: unknown[][] = [];
  const PO_COUNT = 2_500;
  const ITEMS_PER_PO = 8;
  for (let po = 1; po <= PO_COUNT; po++) {
    const orderId = `BENCH-PO-${String(po).padStart(5, "0")}`;
    const status = po % 25 === 0 ? "ORDER_CANCELLED" : po % 2 ? "ORDER_APPROVED" : "ORDER_CREATED";
    headers.push([orderId, "PURCHASE_ORDER", status, now, "WH-1", now]);
    for (let seq = 1; seq <= ITEMS_PER_PO; seq++) {
      const n = items.length;
      const productId = ((po * 7919 + seq * 104_729) % PRODUCT_COUNT) + 1;
      const quantity = 5 + (n % 50);
      const arrival = n % 17 === 0 ? null : addDays(today, n % 31 === 0 ? -3 : 1 + (n % 120));
      const allocated = n % 11 === 0 ? quantity : n % 3 === 0 ? Math.floor(quantity / 2) : 0;
      items.push([orderId, String(seq).padStart(5, "0"), productId, quantity, 0, n % 4, allocated, arrival && sqlDate(arrival), "ITEM_APPROVED"]);
    }
  }
  await db.write(async (m) => {
    for (const rows of chunk(products, 1000)) {
      await m.query(`INSERT INTO product (product_id, sku, name, inventory_available) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`, rows.flat());
    }
    for (const rows of chunk(headers, 1000)) {
      await m.query(`INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at) VALUES ${rows.map(() => `(${placeholders(6)})`).join(", ")}`, rows.flat());
    }
    for (const rows of chunk(items, 1000)) {
      await m.query(`INSERT INTO purchase_order_item (order_id, order_item_seq_id, product_id, quantity, order_buffer, buffer_days, allocated_quantity, estimated_delivery_date, status_id)
        VALUES ${rows.map(() => `(${placeholders(9)})`).join(", ")}`, rows.flat());
    }
  });
  if (db.dialect.name === "mysql") await db.read((m) => m.query("ANALYZE TABLE product, order_header, purchase_order_item"));
  return { products: products.length, poItems: items.length };
}
