import "reflect-metadata";
import { createConnection } from "mysql2/promise";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { GaleraCluster, startGaleraCluster, stopGaleraCluster } from "../scripts/galera-cluster";
import { ServerProcess, startServerProcess } from "../test/support/server-process";
import { checkStored, loadFromEnv, report, retriesOf, runOversellLoad } from "./oversell-load";

/**
 * npm run load:cluster — the oversell load (bench/oversell-load.ts) on a local three-node MariaDB
 * Galera cluster, multi-primary: one server process per node, all three started at once on a
 * brand-new database (so they migrate it together, each on its own node), writes going to every
 * node. Prints the operations, their error codes, the units oversold and the invariant
 * violations, and checks that the nodes hold the same rows. Exits non-zero when anything is
 * oversold or violated, when CONFLICT reaches 0.5% of the operations, or when the nodes differ.
 *
 * Env: CLUSTER_URLS (comma-separated node URLs of a running cluster; default: start one with
 * scripts/galera-cluster.ts and stop it afterwards), LOAD_* as for load:oversell.
 */
const DATABASE = "oms_cluster";
const TABLES = ["order_header", "purchase_order_item", "sales_order_item", "allocation_event", "allocation_run", "promise_date_change", "migrations"];

async function main(): Promise<void> {
  const load = loadFromEnv();
  let cluster: GaleraCluster | undefined;
  let nodes = process.env.CLUSTER_URLS?.split(",").map((u) => u.trim()).filter(Boolean);
  if (!nodes?.length) {
    // A port the OS called free can be taken before a node binds it: one more try on new ports.
    cluster = await startGaleraCluster().catch((error: Error) => {
      console.log(`The cluster did not start (${error.message}); trying once more on other ports`);
      return startGaleraCluster();
    });
    console.log(`Started a Galera cluster of ${cluster.nodes.length} nodes in ${cluster.startSeconds.toFixed(0)} s (ports ${cluster.nodes.map((n) => n.port).join(", ")})`);
    nodes = cluster.nodes.map((n) => n.url);
  }
  const at = (node: string) => `${node.replace(/\/$/, "")}/${DATABASE}`;
  const servers: ServerProcess[] = [];
  try {
    const admin = await createConnection(nodes[0]);
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.end();

    const starting = Date.now();
    servers.push(...(await Promise.all(nodes.map((node) => startServerProcess(at(node))))));
    console.log(`${servers.length} servers, one per node, started at once on the new database and migrated it in ${((Date.now() - starting) / 1000).toFixed(1)} s`);

    const outcome = await runOversellLoad(servers, load);

    // Let every node apply what the others committed, then compare them.
    const sums: string[] = [];
    for (const node of nodes) {
      const c = await createConnection(at(node));
      await c.query("SET SESSION wsrep_sync_wait = 1");
      const [rows] = await c.query(`CHECKSUM TABLE ${TABLES.join(", ")}`);
      sums.push((rows as { Checksum: number }[]).map((r) => r.Checksum).join(","));
      await c.end();
    }
    const db = await Db.open(parseDatabaseUrl(at(nodes[0])));
    let sound: boolean;
    try {
      sound = report(`${servers.length} server processes on ${nodes.length} Galera nodes (multi-primary)`, load, outcome, await checkStored(db));
    } finally {
      await db.close();
    }
    console.log(await retriesOf(servers));
    const same = sums.every((s) => s === sums[0]);
    console.log(`nodes hold the same rows (CHECKSUM TABLE of ${TABLES.length} tables on each): ${same ? "yes" : "NO"}`);
    const conflicts = [...outcome.codes.entries()].filter(([key]) => key.endsWith(": CONFLICT")).reduce((n, [, k]) => n + k, 0);
    const conflictShare = conflicts / outcome.operations;
    console.log(`CONFLICT: ${conflicts} of ${outcome.operations} (${(100 * conflictShare).toFixed(2)}%; the goal is below 0.5%)`);
    if (!sound || !same || conflictShare >= 0.005) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (cluster) await stopGaleraCluster(cluster);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
