import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IsNull } from "typeorm";
import { parseDatabaseUrl } from "../src/config";
import { allocateSalesOrders, availableToPromise, isAllocatable, startOfTodayUtc } from "../src/domain";
import { Db } from "../src/db";
import { AllocationEventEntity, AllocationRunEntity, PurchaseOrderItemEntity, SalesOrderItemEntity } from "../src/entities";
import { ensureMySqlDatabase } from "../test/support/database";
import { seedAllocationWorkload } from "./seed-allocation";

/**
 * npm run bench:allocate — Allocate Sales Orders on 100,000 waiting pre-order items over 2,000
 * products and one PO of 2,000 items, on MariaDB/MySQL and on SQLite. Runs the real code path
 * (allocateSalesOrders in one unit of work, as the API runs it) and, on a fresh copy of the same data, the naive per-row baseline (a
 * loop of save() calls, one PO item read per pre-order item, in one transaction) on a sample.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_bench; the
 * database is created when missing and emptied before each phase, but only if it holds nothing
 * but benchmark rows), BENCH_ITEMS (100000), BENCH_PRODUCTS
 * (2000), BENCH_NAIVE_SAMPLE (5000), BENCH_ONLY=mysql|sqlite.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2_000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 5_000);
const MYSQL_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_bench";
const PO = "PO-BENCH";

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const secs = (ms: number) => (ms / 1000).toFixed(2);

interface Figures { label: string; items: number; tied: number; ms: number; naiveItems: number; naiveMs: number; rssAfterRealMb: number }

/**
 * The database, migrated and emptied. It refuses to empty one that holds anything but benchmark
 * rows, so pointing DATABASE_URL at real data cannot wipe it.
 */
async function openEmpty(url: string): Promise<Db> {
  const config = parseDatabaseUrl(url);
  if (config.kind === "mysql") await ensureMySqlDatabase(config.url);
  const db = await Db.open(config);
  const [{ n }] = await db.read((m) => m.query(`SELECT COUNT(*) AS n FROM order_header WHERE order_id NOT LIKE 'BENCH-%' AND order_id <> ?`, [PO]));
  if (Number(n) > 0) {
    await db.close();
    throw new Error(`${config.display} holds orders that are not benchmark data; point BENCH_DATABASE_URL at a database of its own`);
  }
  const tables = ["promise_date_change", "allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product"];
  // TRUNCATE commits implicitly on MySQL, so it runs outside any transaction there.
  if (db.dialect.name === "mysql") for (const table of tables) await db.read((m) => m.query(`TRUNCATE TABLE ${table}`));
  else await db.write(async (m) => { for (const table of tables) await m.query(`DELETE FROM ${table}`); });
  return db;
}

/** The slow path every benchmark here compares against: per-row reads and save() calls. */
async function naiveAllocate(db: Db, sample: number): Promise<number> {
  return db.write(async (m) => {
    const today = startOfTodayUtc();
    const waiting = await m.getRepository(SalesOrderItemEntity).find({
      where: { facilityId: "PRE_ORDER_PARKING", promisedDatetime: IsNull(), poItemId: IsNull() },
      order: { orderDate: "ASC", orderId: "ASC", orderItemSeqId: "ASC" },
      take: sample,
    });
    const run = await m.save(m.create(AllocationRunEntity, {
      purchaseOrderId: PO, triggeredBy: "naive", startedAt: new Date(), finishedAt: null, allocatedItemCount: 0, allocatedQuantity: 0, skippedItemCount: 0,
    }));
    for (const item of waiting) {
      const poItem = await m.getRepository(PurchaseOrderItemEntity).findOne({
        where: { orderId: PO, productId: item.productId },
        order: { estimatedDeliveryDate: "ASC", orderItemSeqId: "ASC" },
      });
      if (!poItem || !isAllocatable(poItem, today) || availableToPromise(poItem) < item.quantity) continue;
      poItem.allocatedQuantity += item.quantity;
      await m.save(poItem);
      item.poItemId = poItem.id;
      item.promisedDatetime = poItem.estimatedDeliveryDate;
      await m.save(item);
      await m.save(m.create(AllocationEventEntity, {
        type: "ALLOCATE", at: new Date(), actor: "naive", reason: "naive baseline", runId: run.id, salesOrderItemId: item.id,
        orderId: item.orderId, orderItemSeqId: item.orderItemSeqId, poItemId: poItem.id, purchaseOrderId: PO, poItemSeqId: poItem.orderItemSeqId,
        quantity: item.quantity, oldPromiseDate: null, newPromiseDate: poItem.estimatedDeliveryDate,
      }));
    }
    return waiting.length;
  });
}

async function benchOne(label: string, url: string, cleanup?: () => void): Promise<Figures> {
  console.log(`\n== ${label}: seeding ${ITEMS.toLocaleString("en")} waiting items over ${PRODUCTS.toLocaleString("en")} products`);
  let db = await openEmpty(url);
  let t = Date.now();
  await seedAllocationWorkload(db, { products: PRODUCTS, waitingItems: ITEMS, purchaseOrderId: PO });
  console.log(`   seeded in ${secs(Date.now() - t)} s`);

  t = Date.now();
  const result = await db.write((m) => allocateSalesOrders(m, PO, "bench"));
  const ms = Date.now() - t;
  const processed = result.allocatedItemCount + result.skipped.length;
  const rssAfterRealMb = mb();
  console.log(`   real path: ${processed.toLocaleString("en")} items (${result.allocatedItemCount.toLocaleString("en")} tied, ${result.skipped.length.toLocaleString("en")} skipped) in ${secs(ms)} s; peak RSS so far ${rssAfterRealMb} MB`);
  await db.close();

  // A fresh copy of the same data for the baseline.
  db = await openEmpty(url);
  await seedAllocationWorkload(db, { products: PRODUCTS, waitingItems: ITEMS, purchaseOrderId: PO });
  t = Date.now();
  const naiveItems = await naiveAllocate(db, NAIVE_SAMPLE);
  const naiveMs = Date.now() - t;
  console.log(`   naive baseline: sample of ${naiveItems.toLocaleString("en")} items in ${secs(naiveMs)} s`);
  await db.close();
  cleanup?.();
  return { label, items: processed, tied: result.allocatedItemCount, ms, naiveItems, naiveMs, rssAfterRealMb };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const figures: Figures[] = [];
  if (only !== "sqlite") figures.push(await benchOne(`MariaDB/MySQL ${parseDatabaseUrl(MYSQL_URL).display}`, MYSQL_URL));
  if (only !== "mysql") {
    const dir = mkdtempSync(join(tmpdir(), "oms-bench-"));
    figures.push(await benchOne("SQLite (temp file)", `sqlite:${join(dir, "bench.sqlite")}`, () => rmSync(dir, { recursive: true, force: true })));
  }
  console.log("\n| database | items | real path | real items/s | naive sample | naive items/s | ratio |");
  console.log("|---|---|---|---|---|---|---|");
  for (const f of figures) {
    const rate = f.items / (f.ms / 1000);
    const naiveRate = f.naiveItems / (f.naiveMs / 1000);
    console.log(`| ${f.label} | ${f.items.toLocaleString("en")} (${f.tied.toLocaleString("en")} tied) | ${secs(f.ms)} s | ${Math.round(rate).toLocaleString("en")} | ${f.naiveItems.toLocaleString("en")} in ${secs(f.naiveMs)} s | ${Math.round(naiveRate).toLocaleString("en")} | ${(rate / naiveRate).toFixed(1)}x |`);
  }
  console.log(`\nPeak RSS of the whole process: ${mb()} MB (after the first real run: ${figures[0]?.rssAfterRealMb} MB)`);
  const mysql = figures.find((f) => !f.label.startsWith("SQLite"));
  if (mysql) {
    const ratio = (mysql.items / mysql.ms) / (mysql.naiveItems / mysql.naiveMs);
    console.log(`Goals on MariaDB: < 10 s ${mysql.ms < 10_000 ? "met" : "MISSED"}; >= 20x naive ${ratio >= 20 ? "met" : "MISSED"}; RSS < 512 MB ${mb() < 512 ? "met" : "MISSED"}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
