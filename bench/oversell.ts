import "reflect-metadata";
import { parseDatabaseUrl } from "../src/config";
import { addDays, startOfTodayUtc } from "../src/domain";
import { Db } from "../src/db";
import { ServerProcess, startServerProcess } from "../test/support/server-process";
import { ensureMySqlDatabase } from "../test/support/database";
import { allocationInvariantViolations } from "../test/support/invariants";

/**
 * npm run load:oversell — two server processes on one MariaDB/MySQL database, hundreds of
 * concurrent pre-order imports, Allocate Sales Orders runs, PO quantity cuts and arrival-date
 * changes, spread over both servers; then counts the units promised twice (must be 0) and checks
 * every allocation invariant against the stored rows.
 *
 * Env: LOAD_DATABASE_URL (default mysql://root@127.0.0.1:3306/oms_load, created and emptied),
 * LOAD_IMPORTS (400), LOAD_ALLOCATIONS (80), LOAD_CHANGES (60), LOAD_CONCURRENCY (64).
 */
const URL_ = process.env.LOAD_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/oms_load";
const IMPORTS = Number(process.env.LOAD_IMPORTS ?? 400);
const ALLOCATIONS = Number(process.env.LOAD_ALLOCATIONS ?? 80);
const CHANGES = Number(process.env.LOAD_CHANGES ?? 60);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 64);
const SKUS = Array.from({ length: 20 }, (_, i) => `LOAD-${i}`);
const POS = Array.from({ length: 8 }, (_, i) => `PO-LOAD-${i}`);

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
const day = (n: number) => addDays(startOfTodayUtc(), n).toISOString().slice(0, 10);

async function main(): Promise<void> {
  await ensureMySqlDatabase(URL_, { recreate: true });
  const servers: ServerProcess[] = await Promise.all([startServerProcess(URL_), startServerProcess(URL_)]);
  const codes = new Map<string, number>();
  const count = (kind: string, errors?: { extensions?: { code?: string } }[]) => {
    const key = `${kind}: ${errors?.length ? errors[0].extensions?.code ?? "error" : "ok"}`;
    codes.set(key, (codes.get(key) ?? 0) + 1);
  };
  try {
    const [a] = servers;
    await a.gql(`mutation($input: [ProductInput!]!) { upsertProducts(input: $input) { id } }`, { input: SKUS.map((sku) => ({ sku, name: sku })) });
    for (const id of POS) {
      await a.gql(`mutation($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }`, { input: {
        id, facilityId: "WH-1", status: "APPROVED",
        items: SKUS.filter(() => random() < 0.5).map((sku) => ({ sku, quantity: 5 + Math.floor(random() * 20), orderBuffer: Math.floor(random() * 3), arrivalDate: day(10 + Math.floor(random() * 60)) })),
      } });
    }

    const work: (() => Promise<void>)[] = [];
    for (let i = 0; i < IMPORTS; i++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ sku: pick(SKUS), quantity: 1 + Math.floor(random() * 4) }));
      const input = { orderId: `SO-LOAD-${i}`, orderDate: new Date(Date.now() - random() * 30 * 86_400_000).toISOString(), items };
      work.push(async () => count("importPreOrder", (await pick(servers).gql(`mutation($input: PreOrderInput!) { importPreOrder(input: $input) { created } }`, { input })).errors));
    }
    for (let i = 0; i < ALLOCATIONS; i++) {
      const id = pick(POS);
      work.push(async () => count("allocateSalesOrders", (await pick(servers).gql(`mutation($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocatedItemCount } }`, { id })).errors));
    }
    for (let i = 0; i < CHANGES; i++) {
      const po = pick(POS);
      const input = random() < 0.5 ? { quantity: 3 + Math.floor(random() * 10) } : { arrivalDate: day(5 + Math.floor(random() * 90)) };
      work.push(async () => count("updatePurchaseOrderItem", (await pick(servers).gql(
        `mutation($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { seqId } }`,
        { po, seq: "00001", input })).errors));
    }
    work.sort(() => random() - 0.5);

    const started = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) await work[next++]();
    }));
    const seconds = (Date.now() - started) / 1000;

    const db = await Db.open(parseDatabaseUrl(URL_));
    try {
      const [over] = await db.read((m) => m.query(
        `SELECT COALESCE(SUM(GREATEST(t.tied + p.order_buffer - p.quantity, 0)), 0) AS units, COUNT(*) AS items, SUM(p.allocated_quantity) AS allocated
         FROM purchase_order_item p JOIN (SELECT p2.po_item_id, COALESCE(SUM(s.quantity), 0) AS tied FROM purchase_order_item p2
           LEFT JOIN sales_order_item s ON s.po_item_id = p2.po_item_id GROUP BY p2.po_item_id) t ON t.po_item_id = p.po_item_id`,
      ));
      const violations = await allocationInvariantViolations(db);
      console.log(`${work.length} operations (${IMPORTS} imports, ${ALLOCATIONS} allocations, ${CHANGES} PO item changes) over 2 server processes, ${CONCURRENCY} in flight, in ${seconds.toFixed(1)} s (${Math.round(work.length / seconds)} ops/s)`);
      for (const [key, n] of [...codes.entries()].sort()) console.log(`  ${key.padEnd(36)} ${n}`);
      console.log(`PO items: ${over.items}, units tied: ${over.allocated}`);
      console.log(`units oversold (tied beyond quantity - order buffer): ${over.units}`);
      console.log(`invariant violations: ${violations.length}${violations.length ? `\n  ${violations.slice(0, 10).join("\n  ")}` : ""}`);
      if (Number(over.units) !== 0 || violations.length) process.exitCode = 1;
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
