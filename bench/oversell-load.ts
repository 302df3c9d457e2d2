import { addDays, startOfTodayUtc } from "../src/domain";
import { Db } from "../src/db";
import { allocationInvariantViolations } from "../test/support/invariants";
import { GraphQLClient } from "../test/support/server";
import { ServerProcess } from "../test/support/server-process";

/**
 * The oversell load, shared by `npm run load:oversell` (two servers on one database) and
 * `npm run load:cluster` (one server per node of a Galera cluster): hundreds of concurrent
 * pre-order imports, Allocate Sales Orders runs on random POs, PO quantity cuts and arrival-date
 * changes, spread over the servers; then the units promised twice and every allocation invariant.
 */
export interface OversellLoad {
  imports: number;
  allocations: number;
  changes: number;
  /** Operations in flight at once, over all servers. */
  concurrency: number;
}

export const loadFromEnv = (env: NodeJS.ProcessEnv = process.env): OversellLoad => ({
  imports: Number(env.LOAD_IMPORTS ?? 400),
  allocations: Number(env.LOAD_ALLOCATIONS ?? 80),
  changes: Number(env.LOAD_CHANGES ?? 60),
  concurrency: Number(env.LOAD_CONCURRENCY ?? 64),
});

export interface LoadOutcome {
  operations: number;
  seconds: number;
  /** "kind: code" (or "kind: ok") -> how many. */
  codes: Map<string, number>;
}

const SKUS = Array.from({ length: 20 }, (_, i) => `LOAD-${i}`);
const POS = Array.from({ length: 8 }, (_, i) => `PO-LOAD-${i}`);

/** Seeds products and POs through the first server, then runs the load over all of them. */
export async function runOversellLoad(servers: GraphQLClient[], load: OversellLoad): Promise<LoadOutcome> {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const day = (n: number) => addDays(startOfTodayUtc(), n).toISOString().slice(0, 10);
  const codes = new Map<string, number>();
  const count = (kind: string, errors?: { extensions?: { code?: string } }[]) => {
    const key = `${kind}: ${errors?.length ? errors[0].extensions?.code ?? "error" : "ok"}`;
    codes.set(key, (codes.get(key) ?? 0) + 1);
  };

  const [a] = servers;
  const seeded = await a.gql(`mutation($input: [ProductInput!]!) { upsertProducts(input: $input) { id } }`, { input: SKUS.map((sku) => ({ sku, name: sku })) });
  if (seeded.errors) throw new Error(`seeding products: ${JSON.stringify(seeded.errors)}`);
  for (const id of POS) {
    const created = await a.gql(`mutation($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }`, { input: {
      id, facilityId: "WH-1", status: "APPROVED",
      items: SKUS.filter(() => random() < 0.5).map((sku) => ({ sku, quantity: 5 + Math.floor(random() * 20), orderBuffer: Math.floor(random() * 3), arrivalDate: day(10 + Math.floor(random() * 60)) })),
    } });
    if (created.errors) throw new Error(`seeding ${id}: ${JSON.stringify(created.errors)}`);
  }

  const work: (() => Promise<void>)[] = [];
  for (let i = 0; i < load.imports; i++) {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ sku: pick(SKUS), quantity: 1 + Math.floor(random() * 4) }));
    const input = { orderId: `SO-LOAD-${i}`, orderDate: new Date(Date.now() - random() * 30 * 86_400_000).toISOString(), items };
    const server = pick(servers);
    work.push(async () => count("importPreOrder", (await server.gql(`mutation($input: PreOrderInput!) { importPreOrder(input: $input) { created } }`, { input })).errors));
  }
  for (let i = 0; i < load.allocations; i++) {
    const id = pick(POS);
    const server = pick(servers);
    work.push(async () => count("allocateSalesOrders", (await server.gql(`mutation($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocatedItemCount } }`, { id })).errors));
  }
  for (let i = 0; i < load.changes; i++) {
    const po = pick(POS);
    const input = random() < 0.5 ? { quantity: 3 + Math.floor(random() * 10) } : { arrivalDate: day(5 + Math.floor(random() * 90)) };
    const server = pick(servers);
    work.push(async () => count("updatePurchaseOrderItem", (await server.gql(
      `mutation($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { seqId } }`,
      { po, seq: "00001", input })).errors));
  }
  work.sort(() => random() - 0.5);

  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: load.concurrency }, async () => {
    while (next < work.length) await work[next++]();
  }));
  return { operations: work.length, seconds: (Date.now() - started) / 1000, codes };
}

/** Units tied beyond quantity - order buffer, and every invariant violation, as stored. */
export async function checkStored(db: Db): Promise<{ oversold: number; poItems: number; tied: number; violations: string[] }> {
  const [over] = await db.read((m) => m.query(
    `SELECT COALESCE(SUM(GREATEST(t.tied + p.order_buffer - p.quantity, 0)), 0) AS units, COUNT(*) AS items, SUM(p.allocated_quantity) AS allocated
     FROM purchase_order_item p JOIN (SELECT p2.po_item_id, COALESCE(SUM(s.quantity), 0) AS tied FROM purchase_order_item p2
       LEFT JOIN sales_order_item s ON s.po_item_id = p2.po_item_id GROUP BY p2.po_item_id) t ON t.po_item_id = p.po_item_id`,
  ));
  return { oversold: Number(over.units), poItems: Number(over.items), tied: Number(over.allocated), violations: await allocationInvariantViolations(db) };
}

/** The printed figures; true when the run is sound (nothing oversold, no invariant violated). */
export function report(where: string, load: OversellLoad, outcome: LoadOutcome, stored: Awaited<ReturnType<typeof checkStored>>): boolean {
  const { operations, seconds, codes } = outcome;
  console.log(`${operations} operations (${load.imports} imports, ${load.allocations} allocations, ${load.changes} PO item changes) over ${where}, ` +
    `${load.concurrency} in flight, in ${seconds.toFixed(1)} s (${Math.round(operations / seconds)} ops/s)`);
  for (const [key, n] of [...codes.entries()].sort()) console.log(`  ${key.padEnd(36)} ${n}`);
  const failed = [...codes.entries()].filter(([key]) => !key.endsWith(": ok"));
  const byCode = new Map<string, number>();
  for (const [key, n] of failed) byCode.set(key.split(": ")[1], (byCode.get(key.split(": ")[1]) ?? 0) + n);
  console.log(`error codes: ${byCode.size ? [...byCode.entries()].map(([code, n]) => `${code} ${n} (${((100 * n) / operations).toFixed(2)}%)`).join(", ") : "none"}`);
  console.log(`PO items: ${stored.poItems}, units tied: ${stored.tied}`);
  console.log(`units oversold (tied beyond quantity - order buffer): ${stored.oversold}`);
  console.log(`invariant violations: ${stored.violations.length}${stored.violations.length ? `\n  ${stored.violations.slice(0, 10).join("\n  ")}` : ""}`);
  return stored.oversold === 0 && stored.violations.length === 0;
}

/** Stops the servers and sums what each logged on the way out: the units of work it ran again, by cause. */
export async function retriesOf(servers: ServerProcess[]): Promise<string> {
  await Promise.all(servers.map((s) => s.stop()));
  const stats = servers.map((s) => /"databaseStats":(\{[^}]*\})/.exec(s.output())).map((m) => (m ? JSON.parse(m[1]) as Record<string, number> : {}));
  const total = (key: string) => stats.reduce((n, st) => n + Number(st[key] ?? 0), 0);
  return `retried: ${total("deadlockRetries")} deadlocks or lost certifications, ${total("changedRetries")} lost guarded updates ` +
    `(units of work run again, over all servers; each succeeded or ended in CONFLICT); TIMEOUT answers: ${total("timeouts")}`;
}
