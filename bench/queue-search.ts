import "reflect-metadata";
import { loadavg } from "node:os";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { PreOrderFilter, listPreOrders, preOrderQueueSummary } from "../src/domain";
import { ensureMySqlDatabase } from "../test/support/database";
import { seedBusyRetailer } from "../test/support/scale";

/**
 * ts-node --transpile-only bench/queue-search.ts — the pre-order queue at 200,000 pre-order items
 * (test/support/scale.ts) on MariaDB/MySQL: a page and the summary for a substring search (which
 * no b-tree index serves: a scan in first-in-first-out order that stops at a full page, bounded by
 * the statement time limit), next to the filters indexes serve. Prints the median of 5 runs each
 * and the load average. Env: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_queue_bench;
 * the database is recreated and dropped).
 */
const URL_ = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_queue_bench";

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[2];
}

async function main(): Promise<void> {
  await ensureMySqlDatabase(URL_, { recreate: true });
  const db = await Db.open(parseDatabaseUrl(URL_));
  try {
    await seedBusyRetailer(db, { products: 200, purchaseOrders: 5_000, preOrders: 200_000 });
    const cases: [string, PreOrderFilter][] = [
      ["no filter", {}],
      ["search 'so-00123' (order id, 200 matches)", { search: "so-00123" }],
      ["search 'product 1' (product name, common)", { search: "product 1" }],
      ["search 'sku-000199' (SKU, 1 product in 200)", { search: "sku-000199" }],
      ["search 'no such text' (no match: the whole scan)", { search: "no such text" }],
      ["search 'sku-000198' + waiting", { search: "sku-000198", waiting: true }],
      ["waiting: true", { waiting: true }],
      ["order dates, 2 days", { orderDateFrom: new Date("2026-02-01T00:00:00Z"), orderDateTo: new Date("2026-02-03T00:00:00Z") }],
      ["sku SKU-000123", { sku: "SKU-000123" }],
      ["purchaseOrderId PO-000123", { purchaseOrderId: "PO-000123" }],
    ];
    console.log(`pre-order queue at 200,000 pre-order items; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log("case | page of 50 (ms) | summary (ms) | items matched");
    for (const [label, filter] of cases) {
      const page = await median(() => db.read((m) => listPreOrders(m, filter, 50)));
      let items = 0;
      const summary = await median(async () => { items = (await db.read((m) => preOrderQueueSummary(m, filter))).itemCount; });
      console.log(`${label} | ${page.toFixed(1)} | ${summary.toFixed(1)} | ${items}`);
    }
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await db.close();
    await ensureMySqlDatabase(URL_, { drop: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
