import "reflect-metadata";
import { createApp } from "../src/http/app";
import { parseDatabaseConfig } from "../src/config";
import { Db } from "../src/db";

/** The real server for bench/pdp.ts, in a process of its own; prints its URL as one JSON line. */
async function main(): Promise<void> {
  // Configured as npm start configures it (pool sizes and limits from the environment: DB_READ_POOL_SIZE, ...).
  const db = await Db.open(parseDatabaseConfig({ ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL }));
  // Storefront traffic is anonymous: no keys are needed for productPromise.
  // BENCH_STOREFRONT_PLANS=0: every request through Apollo, the path all lookups took before the plans.
  const app = await createApp(db, { introspection: false, storefrontPlans: process.env.BENCH_STOREFRONT_PLANS !== "0" });
  const url = await app.listen(0);
  console.log(JSON.stringify({ url }));
  const stop = async () => {
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
// bench/pdp.ts reads this process's CPU time around the measured run.
process.on("SIGUSR2", () => console.log(JSON.stringify({ cpu: process.cpuUsage() })));
