import "reflect-metadata";
import autocannon from "autocannon";
import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { ensureMySqlDatabase } from "../test/support/database";
import { PRODUCT_COUNT, seedBenchCatalog, skuOf } from "./pdp-seed";

/**
 * npm run bench:pdp — productPromise for random SKUs over HTTP: the real server (Apollo +
 * type-graphql + TypeORM, in a child process) against a bare node:http + mysql2 server running
 * the same SQL (another child), both driven by autocannon from this process.
 * Env: BENCH_DATABASE_URL, BENCH_SECONDS (10 per server), BENCH_ROUNDS (2), BENCH_CONNECTIONS (50),
 * BENCH_NODE_FLAGS (node flags for both servers), BENCH_SQL=query (the
 * bare server on the text protocol instead of prepared statements, as the domain uses),
 * BENCH_PROFILE=1 (a CPU profile of the real server in bench/profiles), BENCH_GENERAL=0 (leave out the third
 * server: the real one with its storefront plans switched off, every request through Apollo).
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_pdp_bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const QUERY = "query($sku: String!) { productPromise(sku: $sku) { sku status availableToPromise promiseDate purchaseOrderId } }";

interface Round { rps: number; p50: number; p99: number; errors: number; total: number; cpuMicros: number }

/** A server under test, in a process of its own, reporting its CPU time on SIGUSR2. */
interface Child { process: ChildProcess; url: string; cpuMicros(): Promise<number> }

async function main(): Promise<void> {
  const config = parseDatabaseUrl(DATABASE_URL);
  if (config.kind !== "mysql") throw new Error("bench:pdp runs on MySQL/MariaDB: set BENCH_DATABASE_URL=mysql://...");
  await ensureMySqlDatabase(config.url);
  const db = await Db.open(config);
  const started = Date.now();
  const seeded = await seedBenchCatalog(db);
  await db.close();
  console.log(`Seeded ${seeded.products} products and ${seeded.poItems} PO items in ${Date.now() - started} ms (${config.display})`);

  // Both servers run side by side (only one under load at a time) and are driven in alternating
  // rounds, so a burst of load from elsewhere on the machine does not land on one of them only.
  const servers = [
    { name: "bare node:http + mysql2", child: await startChild("pdp-bare-server", config.url, false), rounds: [] as Round[] },
    { name: "real server", child: await startChild("pdp-server", config.url, process.env.BENCH_PROFILE === "1"), rounds: [] as Round[] },
  ];
  if (process.env.BENCH_GENERAL !== "0") {
    servers.push({ name: "real, general path only", child: await startChild("pdp-server", config.url, false, { BENCH_STOREFRONT_PLANS: "0" }), rounds: [] });
  }
  const loadBefore = loadavg();
  try {
    for (const { child } of servers) {
      await check(child.url);
      await drive(child.url, Math.min(3, SECONDS)); // warm-up: JIT, pools, prepared statements
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of servers) {
        const cpuBefore = await server.child.cpuMicros();
        const figures = await drive(server.child.url, SECONDS / ROUNDS);
        await settle();
        server.rounds.push({ ...figures, cpuMicros: (await server.child.cpuMicros()) - cpuBefore });
      }
    }
  } finally {
    for (const { child } of servers) child.process.kill("SIGTERM");
    await Promise.all(servers.map(({ child }) => once(child.process, "exit")));
  }

  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`\nproductPromise, random SKUs of ${PRODUCT_COUNT}, ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} alternating rounds`);
  console.log(`load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadavg())} after, on ${availableParallelism()} cores`);
  console.log("server                       req/s   p50 ms   p99 ms   errors   server CPU µs/req");
  const results = servers.map(({ name, rounds }) => {
    const total = rounds.reduce((sum, r) => sum + r.total, 0);
    const figures = {
      name,
      rps: total / SECONDS,
      p50: Math.max(...rounds.map((r) => r.p50)),
      p99: Math.max(...rounds.map((r) => r.p99)),
      errors: rounds.reduce((sum, r) => sum + r.errors, 0),
      cpuMicrosPerRequest: rounds.reduce((sum, r) => sum + r.cpuMicros, 0) / total,
    };
    if (ROUNDS > 1) for (const [i, r] of rounds.entries()) console.log(`  round ${i + 1}`.padEnd(27), r.rps.toFixed(0).padStart(7), String(r.p50).padStart(8), String(r.p99).padStart(8));
    console.log(name.padEnd(27), figures.rps.toFixed(0).padStart(7), String(figures.p50).padStart(8), String(figures.p99).padStart(8),
      String(figures.errors).padStart(8), figures.cpuMicrosPerRequest.toFixed(0).padStart(12));
    return figures;
  });
  const [bare, real, general] = results;
  for (const server of [real, general]) {
    if (!server) continue;
    console.log(`${server.name} / bare: ${(server.rps / bare.rps * 100).toFixed(0)}% of the throughput, ${(server.cpuMicrosPerRequest / bare.cpuMicrosPerRequest).toFixed(2)}x the server CPU per request`);
  }
  const ratio = real.rps / bare.rps;
  console.log(`goals: >= 80% of bare ${ratio >= 0.8 ? "met" : "MISSED"} (aim 90%: ${ratio >= 0.9 ? "met" : "not yet"}); p99 < 40 ms ${real.p99 < 40 ? "met" : "MISSED"}`);
  console.log("(p50 and p99: the worst round)");
}

/** Lets the requests autocannon abandoned at the end of a run finish before the next. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/**
 * Starts a server script in its own process and waits for the URL it prints. Compiled (npm run
 * bench:pdp builds first), as `npm start` runs: ts-node would load node:repl and with it
 * node:domain, which slows every EventEmitter and would be charged to the server.
 */
async function startChild(script: string, url: string, profile: boolean, env: Record<string, string> = {}): Promise<Child> {
  const compiled = __filename.endsWith(".js");
  const args = [
    ...(profile ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"] : []),
    ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean),
    ...(compiled ? [] : ["-r", "ts-node/register/transpile-only"]),
    join(__dirname, `${script}${compiled ? ".js" : ".ts"}`),
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, BENCH_DATABASE_URL: url, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextJson = async (): Promise<Record<string, any>> => {
    for (let line = await lines.next(); !line.done; line = await lines.next()) if (line.value.startsWith("{")) return JSON.parse(line.value);
    throw new Error(`${script} exited early`);
  };
  const { url: serverUrl } = await nextJson();
  return {
    process: child,
    url: serverUrl,
    async cpuMicros() {
      child.kill("SIGUSR2");
      const { cpu } = await nextJson();
      return cpu.user + cpu.system;
    },
  };
}

/** One request by hand, so a broken server fails loudly instead of benchmarking errors. */
async function check(url: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY, variables: { sku: skuOf(2) } }) });
  const body = (await response.json()) as { data?: { productPromise?: { status?: string } } };
  if (!body.data?.productPromise?.status) throw new Error(`${url} answered ${JSON.stringify(body)}`);
}

function drive(url: string, seconds: number): Promise<{ rps: number; p50: number; p99: number; errors: number; total: number }> {
  return new Promise((resolve, reject) => {
    autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [{
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: QUERY, variables: { sku: skuOf(1 + Math.floor(Math.random() * PRODUCT_COUNT)) } }),
        }),
      }],
    }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
        errors: result.errors + result.non2xx + result.timeouts, total: result.requests.total,
      });
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
