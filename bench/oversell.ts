import "reflect-metadata";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { ensureMySqlDatabase } from "../test/support/database";
import { ServerProcess, startServerProcess } from "../test/support/server-process";
import { checkStored, loadFromEnv, report, retriesOf, runOversellLoad } from "./oversell-load";

/**
 * npm run load:oversell — two server processes on one MariaDB/MySQL database, hundreds of
 * concurrent pre-order imports, Allocate Sales Orders runs, PO quantity cuts and arrival-date
 * changes, spread over both servers; then counts the units promised twice (must be 0) and checks
 * every allocation invariant against the stored rows (bench/oversell-load.ts).
 *
 * Env: LOAD_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_load, created and emptied),
 * LOAD_IMPORTS (400), LOAD_ALLOCATIONS (80), LOAD_CHANGES (60), LOAD_CONCURRENCY (64).
 */
const URL_ = process.env.LOAD_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_load";

async function main(): Promise<void> {
  const load = loadFromEnv();
  await ensureMySqlDatabase(URL_, { recreate: true });
  const servers: ServerProcess[] = await Promise.all([startServerProcess(URL_), startServerProcess(URL_)]);
  try {
    const outcome = await runOversellLoad(servers, load);
    const db = await Db.open(parseDatabaseUrl(URL_));
    try {
      if (!report("2 server processes", load, outcome, await checkStored(db))) process.exitCode = 1;
      console.log(await retriesOf(servers));
    } finally {
      await db.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
