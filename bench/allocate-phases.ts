import "reflect-metadata";
import { BetterSqlite3QueryRunner } from "typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner";
import { MysqlQueryRunner } from "typeorm/driver/mysql/MysqlQueryRunner";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { allocateSalesOrders } from "../src/domain";
import { ensureMySqlDatabase } from "../test/support/database";
import { seedAllocationWorkload } from "./seed-allocation";

/**
 * Where the time of Allocate Sales Orders goes, statement kind by statement kind: seeds the
 * benchmark's workload once (PHASES_SEED=1; else it uses what is there), then runs dry runs
 * (rolled back, so each sees the same data) and prints, per round, the time inside the run and
 * the time and count of each kind of statement (its first 48 characters), the driver's time
 * included. What is left is JavaScript: run it under `node --cpu-prof` to see which.
 *
 *   PHASES_SEED=1 npx ts-node --transpile-only bench/allocate-phases.ts mysql://root@127.0.0.1:3306/oms_bench
 *   node --cpu-prof --cpu-prof-dir=bench/profiles -r ts-node/register/transpile-only bench/allocate-phases.ts sqlite:/tmp/phases.sqlite
 *
 * Env: PHASES_SEED, PHASES_ROUNDS (2). Only for a database of its own: seeding empties it.
 */
const PO = "PO-BENCH";
const statements = new Map<string, { count: number; ms: number }>();

for (const runner of [MysqlQueryRunner, BetterSqlite3QueryRunner] as unknown as { prototype: { query(...args: unknown[]): Promise<unknown> } }[]) {
  const query = runner.prototype.query;
  runner.prototype.query = async function timed(this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await query.apply(this, args);
    } finally {
      const kind = String(args[0]).replace(/\s+/g, " ").slice(0, 48);
      const s = statements.get(kind) ?? { count: 0, ms: 0 };
      s.count++;
      s.ms += performance.now() - started;
      statements.set(kind, s);
    }
  };
}

async function main(): Promise<void> {
  const config = parseDatabaseUrl(process.argv[2] ?? "mysql://root@127.0.0.1:3306/oms_bench");
  if (config.kind === "mysql") await ensureMySqlDatabase(config.url);
  const db = await Db.open(config);
  if (process.env.PHASES_SEED) {
    const tables = ["promise_purge", "promise_date_change", "allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product"];
    await db.write(async (m) => { for (const table of tables) await m.query(`DELETE FROM ${table}`); });
    await seedAllocationWorkload(db, { products: 2_000, waitingItems: 100_000, purchaseOrderId: PO });
  }
  for (let round = 1; round <= Number(process.env.PHASES_ROUNDS ?? 2); round++) {
    statements.clear();
    let inside = 0;
    const result = await db.write(async (m) => {
      const started = performance.now();
      const answer = await allocateSalesOrders(m, PO, "bench", true);
      inside = performance.now() - started;
      return answer;
    }, { rollback: true });
    console.log(`round ${round}: ${Math.round(inside)} ms inside the run (${result.allocatedItemCount} tied, ${result.skippedItemCount} skipped); ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    for (const [kind, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) {
      console.log(`  ${Math.round(s.ms).toString().padStart(6)} ms ${String(s.count).padStart(5)}x  ${kind}`);
    }
  }
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
