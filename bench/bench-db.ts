import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { ensureMySqlDatabase } from "../test/support/database";

/** The tables a benchmark fills, children first. */
const TABLES = ["promise_purge", "promise_date_change", "allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product"];

/**
 * A benchmark's database, created when missing, migrated and emptied. It refuses to empty one that
 * holds orders other than benchmark rows (ids starting BENCH- or PO-BENCH), so pointing
 * BENCH_DATABASE_URL at real data cannot wipe it.
 */
export async function openEmptyBenchDb(url: string): Promise<Db> {
  const config = parseDatabaseUrl(url);
  if (config.kind === "mysql") await ensureMySqlDatabase(config.url);
  const db = await Db.open(config);
  const [{ n }] = await db.read((m) => m.query("SELECT COUNT(*) AS n FROM order_header WHERE order_id NOT LIKE 'BENCH-%' AND order_id NOT LIKE 'PO-BENCH%'"));
  if (Number(n) > 0) {
    await db.close();
    throw new Error(`${config.display} holds orders that are not benchmark data; point BENCH_DATABASE_URL at a database of its own`);
  }
  // TRUNCATE commits implicitly on MySQL, so it runs outside any transaction there.
  if (db.dialect.name === "mysql") for (const table of TABLES) await db.read((m) => m.query(`TRUNCATE TABLE ${table}`));
  else await db.write(async (m) => { for (const table of TABLES) await m.query(`DELETE FROM ${table}`); });
  return db;
}
