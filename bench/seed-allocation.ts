import { addDays, clock, startOfTodayUtc } from "../src/domain";
import { Db, placeholders, sqlDate } from "../src/db";

/**
 * Builds a large Allocate Sales Orders workload with multi-row INSERTs (fast on both
 * databases): `products` products, one PO with one item per product, and `waitingItems`
 * pre-order items waiting in parking for them (two items per order, oldest first). Quantities
 * cycle 1, 2, 3, so with the default PO quantity about half of them fit and the rest are
 * skipped, which exercises both outcomes. Used by the benchmark and the crash test.
 */
export interface AllocationWorkload {
  products: number;
  waitingItems: number;
  purchaseOrderId: string;
  /** Units per PO item (one per product); default 60, of which 2 are order buffer. */
  poQuantity?: number;
  prefix?: string;
}

const ROWS_PER_INSERT = 1000;

export async function seedAllocationWorkload(db: Db, w: AllocationWorkload): Promise<void> {
  const prefix = w.prefix ?? "BENCH";
  const now = clock.now();
  const arrival = addDays(startOfTodayUtc(), 30);
  const firstOrderAt = addDays(now, -200).getTime();
  const poQuantity = w.poQuantity ?? 60;
  const sku = (p: number) => `${prefix}-${String(p).padStart(6, "0")}`;

  await db.write(async (m) => {
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const part = rows.slice(i, i + ROWS_PER_INSERT);
        const row = `(${placeholders(columns.length)})`;
        await m.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${part.map(() => row).join(", ")}`, part.flat());
      }
    };
    await insert("product", ["sku", "name", "inventory_available"],
      Array.from({ length: w.products }, (_, p) => [sku(p), `Benchmark product ${p}`, 0]));
    const productIds = new Map<string, number>(
      (await m.query(`SELECT product_id, sku FROM product WHERE sku LIKE ?`, [`${prefix}-%`])).map((r: Record<string, unknown>) => [String(r.sku), Number(r.product_id)]),
    );
    const productId = (p: number) => productIds.get(sku(p))!;

    await insert("order_header", ["order_id", "order_type_id", "status_id", "order_date", "facility_id", "created_at"],
      [[w.purchaseOrderId, "PURCHASE_ORDER", "ORDER_APPROVED", sqlDate(now), "WH-BENCH", sqlDate(now)]]);
    await insert("purchase_order_item",
      ["order_id", "order_item_seq_id", "product_id", "quantity", "order_buffer", "buffer_days", "allocated_quantity", "estimated_delivery_date", "status_id"],
      Array.from({ length: w.products }, (_, p) => [w.purchaseOrderId, String(p + 1).padStart(5, "0"), productId(p), poQuantity, 2, 0, 0, sqlDate(arrival), "ITEM_APPROVED"]));

    // Orders of two items each, a minute apart, in batches so memory stays flat.
    const orders = Math.ceil(w.waitingItems / 2);
    const BATCH = 5000;
    for (let start = 0; start < orders; start += BATCH) {
      const headers: unknown[][] = [];
      const items: unknown[][] = [];
      for (let o = start; o < Math.min(orders, start + BATCH); o++) {
        const orderId = `${prefix}-SO-${String(o).padStart(7, "0")}`;
        const at = sqlDate(new Date(firstOrderAt + o * 60_000));
        headers.push([orderId, "SALES_ORDER", "ORDER_APPROVED", at, null, sqlDate(now)]);
        for (let k = 0; k < 2 && o * 2 + k < w.waitingItems; k++) {
          const n = o * 2 + k;
          items.push([orderId, String(k + 1).padStart(5, "0"), productId(n % w.products), (Math.floor(n / w.products) % 3) + 1,
            "ITEM_APPROVED", "PRE_ORDER_PARKING", at, null, null]);
        }
      }
      await insert("order_header", ["order_id", "order_type_id", "status_id", "order_date", "facility_id", "created_at"], headers);
      await insert("sales_order_item",
        ["order_id", "order_item_seq_id", "product_id", "quantity", "status_id", "facility_id", "order_date", "promised_datetime", "po_item_id"], items);
    }
  });
}
