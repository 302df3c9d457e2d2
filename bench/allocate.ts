import "reflect-metadata";
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { IsNull } from "typeorm";
import { parseDatabaseUrl } from "../src/config";
import { allocateSalesOrders, availableToPromise, isAllocatable, startOfTodayUtc } from "../src/domain";
import { Db, fromSqlDate } from "../src/db";
import { AllocationEventEntity, AllocationRunEntity, PurchaseOrderItemEntity, SalesOrderItemEntity } from "../src/entities";
import { referenceAllocate } from "./allocate-reference";
import { seedAllocationWorkload } from "./seed-allocation";
import { openEmptyBenchDb } from "./bench-db";

/**
 * npm run bench:allocate — Allocate Sales Orders on 100,000 waiting pre-order items over 2,000
 * products and one PO of 2,000 items, on MariaDB/MySQL and on SQLite, against the database doing
 * the same tie itself (bench/allocate-reference.ts: set-based SQL, no plan in Node).
 *
 * Each round seeds a fresh copy of the data for each side and runs the real path (allocateSalesOrders
 * in one unit of work, as the API runs it, in a child process of its own so that its peak RSS is the
 * allocation's and not the seeding's) and the reference, alternating which goes first. After each
 * side it reads what was written (ties, PO items, history, feed, purge outbox, run row) and the two
 * must match exactly, or the benchmark fails. It prints the best of the rounds, the ratio real /
 * reference and the load average, so a noisy figure can be recognised. Then, once, the naive
 * per-row baseline (a loop of save() calls) on a sample.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_bench; the
 * database is created when missing and emptied before each phase, but only if it holds nothing
 * but benchmark rows), BENCH_ITEMS (100000), BENCH_PRODUCTS (2000), BENCH_ROUNDS (3),
 * BENCH_PAYLOAD (full: the allocations and skipped lists are asked for, as the console asks;
 * counts: only the counts), BENCH_NAIVE_SAMPLE (5000; 0 skips it), BENCH_ONLY=mysql|sqlite.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const PAYLOAD = process.env.BENCH_PAYLOAD === "counts" ? "counts" : "full";
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 5_000);
const MYSQL_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_bench";
const PO = "PO-BENCH";

const secs = (ms: number) => (ms / 1000).toFixed(2);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

async function seeded(url: string): Promise<Db> {
  const db = await openEmptyBenchDb(url);
  await seedAllocationWorkload(db, { products: PRODUCTS, waitingItems: ITEMS, purchaseOrderId: PO });
  return db;
}

/**
 * What an allocation left in the database, by business keys (ids differ between copies on SQLite):
 * counts, sums and a SHA-256 of every tie, PO item, history row (in id order), feed row (in id
 * order), purge row and the run row. Times of day are left out; promise dates are not.
 */
async function fingerprint(db: Db): Promise<Record<string, string | number>> {
  const day = (v: unknown) => fromSqlDate(v)?.toISOString() ?? "null";
  const digest = (rows: unknown[][]) => createHash("sha256").update(rows.map((r) => r.join("|")).join("\n")).digest("hex").slice(0, 16);
  const q = (sql: string) => db.read((m) => m.query(sql)) as Promise<Record<string, unknown>[]>;
  const ties = await q(`SELECT s.order_id, s.order_item_seq_id, s.quantity, p.order_id AS po, p.order_item_seq_id AS po_seq, s.promised_datetime
    FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id ORDER BY s.order_id, s.order_item_seq_id`);
  const poItems = await q("SELECT order_id, order_item_seq_id, allocated_quantity FROM purchase_order_item ORDER BY order_id, order_item_seq_id");
  const events = await q(`SELECT e.event_type, e.actor, e.reason, e.order_id, e.order_item_seq_id, e.purchase_order_id, e.po_item_seq_id, e.quantity,
    e.old_promise_date, e.new_promise_date, CASE WHEN e.run_id = r.run_id THEN 1 ELSE 0 END AS of_run, CASE WHEN e.po_item_id = s.po_item_id AND e.so_item_id = s.so_item_id THEN 1 ELSE 0 END AS ids_match
    FROM allocation_event e JOIN allocation_run r ON 1 = 1 JOIN sales_order_item s ON s.order_id = e.order_id AND s.order_item_seq_id = e.order_item_seq_id ORDER BY e.event_id`);
  const feed = await q("SELECT event_type, order_id, order_item_seq_id, old_promise_date, new_promise_date, reason, acknowledged FROM promise_date_change ORDER BY change_id");
  const purges = await q("SELECT sku, attempts, done FROM promise_purge ORDER BY purge_id");
  const runs = await q("SELECT purchase_order_id, triggered_by, allocated_item_count, allocated_quantity, skipped_item_count, CASE WHEN finished_at >= started_at THEN 1 ELSE 0 END AS finished FROM allocation_run");
  return {
    ties: ties.length,
    tiedQuantity: ties.reduce((sum, t) => sum + Number(t.quantity), 0),
    tieHash: digest(ties.map((t) => [t.order_id, t.order_item_seq_id, t.quantity, t.po, t.po_seq, day(t.promised_datetime)])),
    poItemHash: digest(poItems.map((p) => [p.order_id, p.order_item_seq_id, p.allocated_quantity])),
    events: events.length,
    eventHash: digest(events.map((e) => [e.event_type, e.actor, e.reason, e.order_id, e.order_item_seq_id, e.purchase_order_id, e.po_item_seq_id, e.quantity,
      day(e.old_promise_date), day(e.new_promise_date), e.of_run, e.ids_match])),
    feedRows: feed.length,
    feedHash: digest(feed.map((f) => [f.event_type, f.order_id, f.order_item_seq_id, day(f.old_promise_date), day(f.new_promise_date), f.reason, f.acknowledged])),
    purgeRows: purges.length,
    purgeHash: digest(purges.map((p) => [p.sku, p.attempts, p.done])),
    run: runs.map((r) => [r.purchase_order_id, r.triggered_by, r.allocated_item_count, r.allocated_quantity, r.skipped_item_count, r.finished].join("|")).join(";"),
  };
}

interface RealRun { ms: number; tied: number; skipped: number; listed: number; rssBeforeMb: number; maxRssMb: number }

/** The real path in a child process: its peak RSS is the allocation's (plus the service's code), not the seeding's. */
function realRunInChild(url: string): Promise<RealRun> {
  return new Promise((resolve, reject) => {
    // Compiled (npm run bench:allocate builds first), the child holds what a server holds; under ts-node it would also hold the compiler.
    const execArgv = __filename.endsWith(".ts") ? ["-r", "ts-node/register/transpile-only"] : [];
    const child = fork(__filename, ["--real-run", url, PAYLOAD], { execArgv });
    let answer: RealRun | undefined;
    child.on("message", (m) => { answer = m as RealRun; });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && answer ? resolve(answer) : reject(new Error(`the real run's process exited with ${code}`))));
  });
}

async function realRunHere(url: string, payload: string): Promise<void> {
  const db = await Db.open(parseDatabaseUrl(url));
  const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const t = performance.now();
  const collect = payload === "counts" ? { allocations: false, skipped: false } : { allocations: true, skipped: true };
  const result = await db.write((m) => allocateSalesOrders(m, PO, "bench", false, collect));
  const ms = performance.now() - t;
  const answer: RealRun = {
    ms, tied: result.allocatedItemCount, skipped: result.skippedItemCount, listed: result.allocations.length + result.skipped.length,
    rssBeforeMb, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await db.close();
  process.send!(answer);
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

interface Figures { label: string; real: RealRun; referenceMs: number; naive?: { items: number; ms: number } }

async function benchOne(label: string, url: string): Promise<Figures> {
  console.log(`\n== ${label}: ${ITEMS.toLocaleString("en")} waiting items over ${PRODUCTS.toLocaleString("en")} products, ${ROUNDS} rounds, payload ${PAYLOAD}`);
  let best: RealRun | undefined;
  let bestReference = Infinity;
  for (let round = 1; round <= ROUNDS; round++) {
    const loadBefore = load();
    const sides = round % 2 === 1 ? ["real", "reference"] as const : ["reference", "real"] as const;
    const prints: Record<string, Record<string, string | number>> = {};
    let real: RealRun | undefined;
    let referenceMs = 0;
    for (const side of sides) {
      let db = await seeded(url);
      if (side === "real") {
        await db.close();
        real = await realRunInChild(url);
        db = await Db.open(parseDatabaseUrl(url));
      } else {
        const t = performance.now();
        await referenceAllocate(db, PO, "bench");
        referenceMs = performance.now() - t;
      }
      prints[side] = await fingerprint(db);
      await db.close();
    }
    const differences = Object.keys(prints.real).filter((k) => prints.real[k] !== prints.reference[k]);
    if (differences.length) {
      console.error(`   round ${round}: the real path and the reference wrote different results: ${differences.map((k) => `${k} ${prints.real[k]} vs ${prints.reference[k]}`).join("; ")}`);
      throw new Error("The real path and the reference disagree; the figures would mean nothing");
    }
    console.log(`   round ${round} (${sides.join(" then ")}; load average ${loadBefore}): real ${secs(real!.ms)} s (${real!.tied.toLocaleString("en")} tied, ` +
      `${real!.skipped.toLocaleString("en")} skipped, ${real!.listed.toLocaleString("en")} listed; peak RSS ${real!.maxRssMb} MB, ${real!.rssBeforeMb} MB before the run) | ` +
      `reference ${secs(referenceMs)} s | ratio ${(real!.ms / referenceMs).toFixed(2)} | same ties, PO items, history, feed, purges and run: ${prints.real.ties} ties, ${prints.real.tiedQuantity} units, ${prints.real.tieHash}`);
    if (!best || real!.ms < best.ms) best = real;
    bestReference = Math.min(bestReference, referenceMs);
  }
  const figures: Figures = { label, real: best!, referenceMs: bestReference };
  if (NAIVE_SAMPLE > 0) {
    const db = await seeded(url);
    const t = performance.now();
    const items = await naiveAllocate(db, NAIVE_SAMPLE);
    figures.naive = { items, ms: performance.now() - t };
    console.log(`   naive baseline: sample of ${items.toLocaleString("en")} items in ${secs(figures.naive.ms)} s`);
    await db.close();
  }
  return figures;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const figures: Figures[] = [];
  console.log(`Load average at the start: ${load()} (${process.env.BENCH_ONLY ?? "both databases"})`);
  if (only !== "sqlite") figures.push(await benchOne(`MariaDB/MySQL ${parseDatabaseUrl(MYSQL_URL).display}`, MYSQL_URL));
  if (only !== "mysql") {
    const dir = mkdtempSync(join(tmpdir(), "oms-bench-"));
    try {
      figures.push(await benchOne("SQLite (temp file)", `sqlite:${join(dir, "bench.sqlite")}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\nBest of ${ROUNDS} rounds, payload ${PAYLOAD}; load average at the end: ${load()}`);
  console.log("| database | items | real path | reference (set-based SQL) | real / reference | real items/s | naive sample | real / naive rate | peak RSS of the real run |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const f of figures) {
    const items = f.real.tied + f.real.skipped;
    const rate = items / (f.real.ms / 1000);
    const naive = f.naive ? `${f.naive.items.toLocaleString("en")} in ${secs(f.naive.ms)} s` : "-";
    const naiveRatio = f.naive ? `${(rate / (f.naive.items / (f.naive.ms / 1000))).toFixed(1)}x` : "-";
    console.log(`| ${f.label} | ${items.toLocaleString("en")} (${f.real.tied.toLocaleString("en")} tied) | ${secs(f.real.ms)} s | ${secs(f.referenceMs)} s | ` +
      `${(f.real.ms / f.referenceMs).toFixed(2)} | ${Math.round(rate).toLocaleString("en")} | ${naive} | ${naiveRatio} | ${f.real.maxRssMb} MB (${f.real.rssBeforeMb} MB before the run) |`);
  }
  for (const f of figures) {
    const sqlite = f.label.startsWith("SQLite");
    const ratio = f.real.ms / f.referenceMs;
    const goals = sqlite
      ? [`real <= 1.5 s ${f.real.ms <= 1500 ? "met" : "MISSED"}`]
      : [`real / reference <= 1.15 ${ratio <= 1.15 ? "met" : "MISSED"}`];
    goals.push(`peak RSS < 256 MB ${f.real.maxRssMb < 256 ? "met" : "MISSED"}`);
    console.log(`Goals on ${sqlite ? "SQLite" : "MariaDB/MySQL"}: ${goals.join("; ")}`);
  }
}

if (process.argv[2] === "--real-run") {
  realRunHere(process.argv[3], process.argv[4]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
