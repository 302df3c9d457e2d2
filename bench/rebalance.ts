import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../src/config";
import { addDays, allocateSalesOrders, clock, rebalancePromises, startOfTodayUtc } from "../src/domain";
import { Db, placeholders, sqlDate } from "../src/db";
import { seedAllocationWorkload } from "./seed-allocation";
import { openEmptyBenchDb } from "./bench-db";

/**
 * npm run bench:rebalance — "Adjust ATP on early PO" at scale: 2,000 products with 100,000
 * pre-order items tied to a late PO (PO-BENCH-LATE, arriving in 30 days), then an earlier PO
 * (PO-BENCH-EARLY, in 10 days, one item per product) arrives; rebalancePromises moves the oldest
 * pre-orders of each product to it, in one unit of work as the API runs it. Data set-based:
 * multi-row INSERTs (bench/seed-allocation.ts), the ties made by Allocate Sales Orders itself.
 * Prints time, moves, items/s and the machine's load average (it is shared).
 *
 * Env: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_bench_rebalance; created when
 * missing, emptied only if it holds nothing but benchmark rows), BENCH_ITEMS (100000),
 * BENCH_PRODUCTS (2000), BENCH_EARLY_QUANTITY (60 per product), BENCH_ONLY=mysql|sqlite.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2_000);
const EARLY_QUANTITY = Number(process.env.BENCH_EARLY_QUANTITY ?? 60);
const MYSQL_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_bench_rebalance";
const LATE = "PO-BENCH-LATE";
const EARLY = "PO-BENCH-EARLY";

const secs = (ms: number) => (ms / 1000).toFixed(2);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

interface Figures { label: string; tied: number; moves: number; allocations: number; ms: number; load: string }

async function benchOne(label: string, url: string, cleanup?: () => void): Promise<Figures> {
  console.log(`\n== ${label}: ${ITEMS.toLocaleString("en")} pre-order items over ${PRODUCTS.toLocaleString("en")} products, tied to ${LATE}`);
  const db = await openEmptyBenchDb(url);
  let t = Date.now();
  // Enough units on the late PO for every item (quantities cycle 1, 2, 3).
  await seedAllocationWorkload(db, { products: PRODUCTS, waitingItems: ITEMS, purchaseOrderId: LATE, poQuantity: Math.ceil((ITEMS / PRODUCTS) * 2) + 10 });
  const tiedRun = await db.write((m) => allocateSalesOrders(m, LATE, "bench"));
  const now = clock.now();
  await db.write(async (m) => {
    await m.query("INSERT INTO order_header (order_id, order_type_id, status_id, order_date, facility_id, created_at) VALUES (?, 'PURCHASE_ORDER', 'ORDER_APPROVED', ?, 'WH-BENCH', ?)",
      [EARLY, sqlDate(now), sqlDate(now)]);
    const products: { product_id: number }[] = await m.query("SELECT product_id FROM product ORDER BY product_id");
    for (let i = 0; i < products.length; i += 1000) {
      const part = products.slice(i, i + 1000);
      await m.query(
        `INSERT INTO purchase_order_item (order_id, order_item_seq_id, product_id, quantity, order_buffer, buffer_days, allocated_quantity, estimated_delivery_date, status_id)
         VALUES ${part.map(() => `(${placeholders(9)})`).join(", ")}`,
        part.flatMap((p, k) => [EARLY, String(i + k + 1).padStart(5, "0"), Number(p.product_id), EARLY_QUANTITY, 0, 0, 0, sqlDate(addDays(startOfTodayUtc(), 10)), "ITEM_APPROVED"]),
      );
    }
  });
  console.log(`   seeded and tied ${tiedRun.allocatedItemCount.toLocaleString("en")} items in ${secs(Date.now() - t)} s`);

  const before = load();
  t = Date.now();
  const result = await db.write((m) => rebalancePromises(m, { purchaseOrderId: EARLY }, "bench"), { heavy: true });
  const ms = Date.now() - t;
  console.log(`   rebalance: ${result.moves.length.toLocaleString("en")} moves, ${result.allocations.length.toLocaleString("en")} ties in ${secs(ms)} s; load average before ${before}, after ${load()}`);
  await db.close();
  cleanup?.();
  return { label, tied: tiedRun.allocatedItemCount, moves: result.moves.length, allocations: result.allocations.length, ms, load: `${before} / ${load()}` };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const figures: Figures[] = [];
  if (only !== "sqlite") figures.push(await benchOne(`MariaDB/MySQL ${parseDatabaseUrl(MYSQL_URL).display}`, MYSQL_URL));
  if (only !== "mysql") {
    const dir = mkdtempSync(join(tmpdir(), "oms-bench-rebalance-"));
    figures.push(await benchOne("SQLite (temp file)", `sqlite:${join(dir, "bench.sqlite")}`, () => rmSync(dir, { recursive: true, force: true })));
  }
  console.log("\n| database | tied pre-orders | moves | ties | time | tied items/s | load average (1, 5, 15 min) before / after |");
  console.log("|---|---|---|---|---|---|---|");
  for (const f of figures) {
    console.log(`| ${f.label} | ${f.tied.toLocaleString("en")} | ${f.moves.toLocaleString("en")} | ${f.allocations.toLocaleString("en")} | ${secs(f.ms)} s | ${Math.round(f.tied / (f.ms / 1000)).toLocaleString("en")} | ${f.load} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
