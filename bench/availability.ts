import "reflect-metadata";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { ensureMySqlDatabase } from "../test/support/database";
import { ServerProcess, startServerProcess } from "../test/support/server-process";
import { seedAllocationWorkload } from "./seed-allocation";

/**
 * npm run load:availability — does the storefront stay fast while a big allocation runs?
 * One server process on MariaDB/MySQL; Allocate Sales Orders over 60,000 waiting pre-order items
 * (1,000 products, one PO) while 40 clients keep importing pre-orders of the same products; all
 * along, the storefront asks for PDP promises (anonymous productPromise, 100 a second, open loop:
 * a slow answer does not slow the asking) and a load balancer asks /healthz (20 a second).
 * Three phases, measured in one run: idle (lookups only), quiet (lookups and imports, no
 * allocation), and the allocation (lookups and imports while it runs). Prints p50/p99/max of
 * each, the ratios to the quiet phase, and the machine's load average (two cores hold the
 * database, the server and this load generator).
 *
 * Env: AVAILABILITY_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_availability, created
 * anew), AVAILABILITY_ITEMS (60000), AVAILABILITY_IMPORTERS (40), AVAILABILITY_QUIET_SECONDS (10).
 */
const URL_ = process.env.AVAILABILITY_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_availability";
const ITEMS = Number(process.env.AVAILABILITY_ITEMS ?? 60_000);
const IMPORTERS = Number(process.env.AVAILABILITY_IMPORTERS ?? 40);
const QUIET_SECONDS = Number(process.env.AVAILABILITY_QUIET_SECONDS ?? 10);
const PRODUCTS = 1_000;
const PO = "PO-AVAIL";
const sku = (p: number) => `AVAIL-${String(p).padStart(6, "0")}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The admin key test/support/server-process.ts starts servers with. */
const ADMIN = "Bearer allocation-test-admin-key";

const PDP = `query Pdp($sku: String!) { productPromise(sku: $sku) { sku status promiseDate availableToPromise } }`;
const IMPORT = `mutation Import($input: PreOrderInput!) { importPreOrder(input: $input) { created } }`;
const ALLOCATE = `mutation Allocate($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocatedItemCount skipped { orderId } } }`;

interface Samples { pdp: number[]; health: number[]; pdpErrors: number; healthFailures: number; imports: number; importErrors: Map<string, number>; logFrom: number }

const newSamples = (server: ServerProcess): Samples =>
  ({ pdp: [], health: [], pdpErrors: 0, healthFailures: 0, imports: 0, importErrors: new Map(), logFrom: server.output().length });

/** The durations the server itself logged for `operationName` since the phase began: its share of the latency. */
function serverDurations(server: ServerProcess, from: number, operationName: string): number[] {
  return server.output().slice(from).split("\n").filter((line) => line.includes(`"operationName":"${operationName}"`))
    .map((line) => Number(/"durationMs":([\d.]+)/.exec(line)?.[1])).filter((v) => !Number.isNaN(v));
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * `importers` clients importing pre-orders as fast as they are answered, in a worker thread of
 * their own, so that handling their answers never delays the timing of the lookups here.
 */
const IMPORTER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, key, importers, products, first } = workerData;
let running = true, next = first, answered = 0;
const errors = {};
const sku = (p) => "AVAIL-" + String(p).padStart(6, "0");
const query = ${JSON.stringify(IMPORT)};
parentPort.on("message", () => { running = false; });
Promise.all(Array.from({ length: importers }, async () => {
  while (running) {
    const n = next++;
    const items = [{ sku: sku(Math.floor(Math.random() * products)), quantity: 1 }];
    if (n % 2) items.push({ sku: sku(Math.floor(Math.random() * products)), quantity: 2 });
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: key },
      body: JSON.stringify({ query, variables: { input: { orderId: "SO-IMP-" + n, orderDate: new Date().toISOString(), items } } }) });
    const body = await res.json();
    answered++;
    const code = body.errors && body.errors[0].extensions && body.errors[0].extensions.code;
    if (code) errors[code] = (errors[code] || 0) + 1;
  }
})).then(() => parentPort.postMessage({ answered, errors, next }));
`;

/** Storefront lookups and health checks on a fixed schedule (open loop), beside `importers` import clients, until `stop` resolves. */
async function drive(server: ServerProcess, importers: number, stop: Promise<unknown>, samples: Samples, importCounter: { next: number }): Promise<void> {
  let running = true;
  void stop.then(() => { running = false; });
  const health = server.url.replace(/graphql$/, "healthz");
  const worker = importers > 0
    ? new Worker(IMPORTER_CODE, { eval: true, workerData: { url: server.url, key: ADMIN, importers, products: PRODUCTS, first: importCounter.next } })
    : undefined;
  const imported = worker && new Promise<{ answered: number; errors: Record<string, number>; next: number }>((resolve) => worker.once("message", resolve));
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; running; tick++) {
    const started = performance.now();
    inFlight.push(server.gql(PDP, { sku: sku(Math.floor(Math.random() * PRODUCTS)) }, { authorization: "" }).then((res) => {
      samples.pdp.push(performance.now() - started);
      if (res.errors || !res.data?.productPromise) samples.pdpErrors++;
    }, () => { samples.pdpErrors++; }));
    if (tick % 5 === 0) {
      inFlight.push(fetch(health).then((res) => {
        samples.health.push(performance.now() - started);
        if (res.status !== 200) samples.healthFailures++;
      }, () => { samples.healthFailures++; }));
    }
    await sleep(10);
  }
  if (worker && imported) {
    worker.postMessage("stop");
    const { answered, errors, next } = await imported;
    samples.imports = answered;
    for (const [code, n] of Object.entries(errors)) samples.importErrors.set(code, n);
    importCounter.next = next;
    await worker.terminate();
  }
  await Promise.all(inFlight);
}

function print(label: string, s: Samples, seconds: number, load: number[], server: ServerProcess): void {
  const inServer = serverDurations(server, s.logFrom, "Pdp");
  const errors = [...s.importErrors.entries()].map(([code, n]) => `${code} ${n}`).join(", ") || "none";
  console.log(`${label} (${seconds.toFixed(1)} s, load average ${load.map((l) => l.toFixed(2)).join(" ")}):`);
  console.log(`  PDP      p50 ${ms(percentile(s.pdp, 50))}  p99 ${ms(percentile(s.pdp, 99))}  max ${ms(Math.max(...s.pdp))}  (${s.pdp.length} lookups, ${s.pdpErrors} failed)`);
  console.log(`  PDP in the server (its own log) p50 ${ms(percentile(inServer, 50))}  p99 ${ms(percentile(inServer, 99))}`);
  console.log(`  /healthz p50 ${ms(percentile(s.health, 50))}  p99 ${ms(percentile(s.health, 99))}  max ${ms(Math.max(...s.health))}  (${s.health.length} checks, ${s.healthFailures} not 200)`);
  console.log(`  imports  ${s.imports} answered (${(s.imports / seconds).toFixed(0)}/s), errors: ${errors}`);
}

async function main(): Promise<void> {
  await ensureMySqlDatabase(URL_, { recreate: true });
  const db = await Db.open(parseDatabaseUrl(URL_));
  try {
    // Enough units for every waiting item (about 60 a product, 1-3 units each), so the run ties all of them.
    await seedAllocationWorkload(db, { products: PRODUCTS, waitingItems: ITEMS, purchaseOrderId: PO, prefix: "AVAIL", poQuantity: 400 });
    await db.read((m) => m.query("ANALYZE TABLE sales_order_item, purchase_order_item, order_header, product"));
  } finally {
    await db.close();
  }
  const server = await startServerProcess(URL_);
  const counter = { next: 0 };
  try {
    // Warm up: connections, prepared statements, the cost cache.
    await drive(server, 4, sleep(2000), newSamples(server), counter);

    const idle = newSamples(server);
    let started = performance.now();
    await drive(server, 0, sleep(QUIET_SECONDS * 1000), idle, counter);
    print("idle: storefront lookups only", idle, (performance.now() - started) / 1000, loadavg(), server);

    const quiet = newSamples(server);
    started = performance.now();
    await drive(server, IMPORTERS, sleep(QUIET_SECONDS * 1000), quiet, counter);
    print(`quiet: lookups and ${IMPORTERS} clients importing, no allocation`, quiet, (performance.now() - started) / 1000, loadavg(), server);

    const busy = newSamples(server);
    started = performance.now();
    const run = server.gql(ALLOCATE, { id: PO });
    await drive(server, IMPORTERS, run, busy, counter);
    const seconds = (performance.now() - started) / 1000;
    const result = await run;
    if (result.errors) throw new Error(`allocation failed: ${JSON.stringify(result.errors)}`);
    const tied = result.data.allocateSalesOrders.allocatedItemCount;
    print(`allocation: Allocate Sales Orders over ${ITEMS} waiting items (${tied} tied), lookups and ${IMPORTERS} clients importing`, busy, seconds, loadavg(), server);

    const ratio = (a: number[], b: number[], p: number) => percentile(a, p) / percentile(b, p);
    const pdpRatio = ratio(busy.pdp, quiet.pdp, 99);
    console.log(`during the allocation / quiet: PDP p50 ${ratio(busy.pdp, quiet.pdp, 50).toFixed(2)}x, p99 ${pdpRatio.toFixed(2)}x; ` +
      `/healthz p99 ${ratio(busy.health, quiet.health, 99).toFixed(2)}x`);
    console.log(`during the allocation / idle:  PDP p50 ${ratio(busy.pdp, idle.pdp, 50).toFixed(2)}x, p99 ${ratio(busy.pdp, idle.pdp, 99).toFixed(2)}x; ` +
      `/healthz p99 ${ratio(busy.health, idle.health, 99).toFixed(2)}x`);
    const goal = pdpRatio < 3 && percentile(busy.pdp, 99) < 100;
    console.log(`goal (PDP p99 during the run under 3x the quiet p99 and under 100 ms): ${goal ? "met" : "NOT met"}`);
    if (!goal || busy.pdpErrors || busy.healthFailures) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
