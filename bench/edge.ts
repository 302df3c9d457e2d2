import "reflect-metadata";
import autocannon from "autocannon";
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { startVarnish, varnishAvailable } from "../scripts/edge";
import { ensureMySqlDatabase } from "../test/support/database";
import { startServerProcess } from "../test/support/server-process";

/**
 * npm run load:edge — the storefront at internet scale: product-page lookups (anonymous GET
 * productPromise over random SKUs, as a storefront sends them) against the server directly, then
 * through Varnish (deploy/varnish/default.vcl, npm run edge) kept fresh by a purge worker process
 * (npm run purge-worker), each for the same time, while one client imports pre-orders of random
 * SKUs all along (each import takes PO ATP, so the SKU's promise changes). Prints:
 *   edge/direct throughput: N.Nx    (lookups per second through Varnish / directly)
 *   hit ratio: N%                   (Varnish's cache hits / lookups, varnishstat)
 *   staleness p99: N ms, max: N ms  (from an import's commit to the first lookup through Varnish that shows it)
 *   lost purges: N                  (SKUs whose answer through Varnish differs from the database at the end)
 * and the machine's load average. MySQL/MariaDB only (the purge worker is a process of its own).
 *
 * Env: EDGE_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_edge_load, created anew),
 * EDGE_SKUS (2000), EDGE_SECONDS (10 per side), EDGE_CONNECTIONS (50), EDGE_IMPORTS_PER_SECOND (20).
 */
const DATABASE_URL = process.env.EDGE_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_edge_load";
const SKUS = Number(process.env.EDGE_SKUS ?? 2000);
const SECONDS = Number(process.env.EDGE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.EDGE_CONNECTIONS ?? 50);
const IMPORTS_PER_SECOND = Number(process.env.EDGE_IMPORTS_PER_SECOND ?? 20);
const ADMIN = "Bearer allocation-test-admin-key";
const ROOT = join(__dirname, "..");
const ATP = 1_000_000;

const sku = (i: number) => `EDGE-${String(i).padStart(6, "0")}`;
const randomSku = () => sku(Math.floor(Math.random() * SKUS));
const PDP = `query Pdp($sku: String!) { productPromise(sku: $sku) { sku status promiseDate availableToPromise } }`;
const pdpPath = (s: string) => `/graphql?${new URLSearchParams({ query: PDP, variables: JSON.stringify({ sku: s }) })}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function admin(url: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: ADMIN }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data!;
}

async function atpThrough(base: string, s: string): Promise<number | undefined> {
  const response = await fetch(`${base}${pdpPath(s)}`, { headers: { "apollo-require-preflight": "true" } });
  const body = (await response.json()) as { data?: { productPromise?: { availableToPromise: number } } };
  return body.data?.productPromise?.availableToPromise;
}

/** Every SKU's lookup path, built once: the load generator shares the two cores with everything it measures. */
let PATHS: string[] = [];

function drive(base: string, seconds: number): Promise<{ rps: number; p99: number; errors: number; total: number }> {
  return new Promise((resolve, reject) => {
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [{ method: "GET", headers: { "apollo-require-preflight": "true" }, setupRequest: (request) => ({ ...request, path: PATHS[Math.floor(Math.random() * SKUS)] }) }],
    }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts, total: result.requests.total });
    });
  });
}

/**
 * Imports pre-orders of random SKUs at a steady rate until `stop`; after each commit (its answer),
 * polls the SKU through `edge` every 5 ms until the new ATP shows, and records how long that took.
 */
function importStream(server: string, edge: string | null, atp: Map<string, number>, staleness: number[], stop: { now: boolean }): Promise<number> {
  return (async () => {
    let n = 0;
    const probes: Promise<void>[] = [];
    while (!stop.now) {
      const started = Date.now();
      const s = randomSku();
      await admin(server, `mutation I($input: PreOrderInput!) { importPreOrder(input: $input) { created } }`,
        { input: { orderId: `SO-EDGE-${process.pid}-${Date.now()}-${n++}`, orderDate: new Date().toISOString(), items: [{ sku: s, quantity: 1 }] } });
      const committed = Date.now();
      const expected = atp.get(s)! - 1;
      atp.set(s, expected);
      if (edge) {
        probes.push((async () => {
          for (;;) {
            const seen = await atpThrough(edge, s);
            if (seen !== undefined && seen <= expected) { staleness.push(Date.now() - committed); return; }
            if (Date.now() - committed > 30_000) { staleness.push(Infinity); return; }
            await sleep(5);
          }
        })());
      }
      await sleep(Math.max(0, 1000 / IMPORTS_PER_SECOND - (Date.now() - started)));
    }
    await Promise.all(probes);
    return n;
  })();
}

function varnishStat(workDir: string): { hits: number; misses: number; pass: number } {
  const out = spawnSync("varnishstat", ["-n", workDir, "-1", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss", "-f", "MAIN.s_pass"], { encoding: "utf8" }).stdout;
  const value = (name: string) => Number(new RegExp(`${name}\\s+(\\d+)`).exec(out)?.[1] ?? NaN);
  return { hits: value("MAIN.cache_hit"), misses: value("MAIN.cache_miss"), pass: value("MAIN.s_pass") };
}

async function main(): Promise<void> {
  PATHS = Array.from({ length: SKUS }, (_, i) => pdpPath(sku(i)));
  if (!varnishAvailable()) throw new Error("varnishd with the xkey vmod is not installed: apt-get install -y varnish varnish-modules");
  const database = parseDatabaseUrl(DATABASE_URL);
  if (database.kind !== "mysql") throw new Error("npm run load:edge needs a mysql:// EDGE_DATABASE_URL (the purge worker is a process of its own)");
  await ensureMySqlDatabase(database.url, { recreate: true });
  (await Db.open(database)).close();
  const server = await startServerProcess(database.url);
  const varnish = await startVarnish(new URL(server.url).origin);
  let worker: ChildProcess | undefined;
  try {
    console.log(`Seeding ${SKUS} products, each with a PO of ${ATP} units ...`);
    const atp = new Map<string, number>();
    for (let from = 0; from < SKUS; from += 500) {
      const input = Array.from({ length: Math.min(500, SKUS - from) }, (_, i) => ({ sku: sku(from + i), name: `Edge ${from + i}`, inventoryAvailable: 0 }));
      await admin(server.url, `mutation U($input: [ProductInput!]!) { upsertProducts(input: $input) { sku } }`, { input });
      await admin(server.url, `mutation P($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }`, {
        input: { id: `PO-EDGE-${from}`, facilityId: "WH-1", items: input.map((p) => ({ sku: p.sku, quantity: ATP, arrivalDate: day(30) })) },
      });
      for (const p of input) atp.set(p.sku, ATP);
    }
    worker = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/purge-worker.ts"], {
      cwd: ROOT, stdio: "ignore",
      env: { ...process.env, DATABASE_URL: database.url, PURGE_CACHE_URLS: `${varnish.url}/`, PURGE_INTERVAL_MS: "100", LOG_LEVEL: "warn" },
    });
    const origin = new URL(server.url).origin;
    await sleep(3000);

    console.log(`Direct: ${CONNECTIONS} connections for ${SECONDS} s, imports at ${IMPORTS_PER_SECOND}/s ...`);
    const stopDirect = { now: false };
    const directImports = importStream(server.url, null, atp, [], stopDirect);
    const direct = await drive(origin, SECONDS);
    stopDirect.now = true;
    await directImports;

    console.log(`Through Varnish: ${CONNECTIONS} connections for ${SECONDS} s, imports at ${IMPORTS_PER_SECOND}/s, each probed through Varnish ...`);
    const before = varnishStat(varnish.workDir);
    const staleness: number[] = [];
    const stopEdge = { now: false };
    const edgeImports = importStream(server.url, varnish.url, atp, staleness, stopEdge);
    const edge = await drive(varnish.url, SECONDS);
    stopEdge.now = true;
    const imported = await edgeImports;
    const after = varnishStat(varnish.workDir);
    const load = loadavg();

    // Lost purges: once the outbox is drained, every SKU through Varnish must show what the database holds.
    await sleep(2000);
    let lost = 0;
    for (const s of atp.keys()) {
      const [cached, fresh] = await Promise.all([atpThrough(varnish.url, s), admin(server.url, PDP, { sku: s })]);
      if (cached !== (fresh.productPromise as { availableToPromise: number }).availableToPromise) lost++;
    }

    const lookups = after.hits + after.misses + after.pass - (before.hits + before.misses + before.pass);
    const hits = after.hits - before.hits;
    console.log("");
    console.log(`direct: ${direct.rps.toFixed(0)} lookups/s (p99 ${direct.p99} ms, ${direct.errors} errors of ${direct.total})`);
    console.log(`edge:   ${edge.rps.toFixed(0)} lookups/s (p99 ${edge.p99} ms, ${edge.errors} errors of ${edge.total}), ${imported} imports, ${staleness.length} probed`);
    console.log(`edge/direct throughput: ${(edge.rps / direct.rps).toFixed(1)}x`);
    console.log(`hit ratio: ${Math.round((100 * hits) / lookups)}%`);
    console.log(`staleness p99: ${percentile(staleness, 99).toFixed(0)} ms, max: ${Math.max(...staleness).toFixed(0)} ms (p50 ${percentile(staleness, 50).toFixed(0)} ms)`);
    console.log(`lost purges: ${lost} of ${atp.size} SKUs checked after the run`);
    console.log(`load average: ${load.map((l) => l.toFixed(2)).join(" ")} (1, 5, 15 min; server, MariaDB, Varnish, the purge worker and this load on 2 cores)`);
  } finally {
    if (worker && worker.exitCode === null) {
      const gone = new Promise((resolve) => worker!.once("exit", resolve));
      process.kill(worker.pid!, "SIGTERM");
      await gone;
    }
    await varnish.stop(true);
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
