import { expect } from "chai";
import { Db } from "../../src/db";
import {
  ALLOCATE, ALLOCATE_PRE_ORDER_ITEM, CANCEL_PO, CANCEL_PO_ITEM, CANCEL_PRE_ORDER_ITEM, IMPORT_PRE_ORDER, RELEASE_ALLOCATION, UPDATE_PO_ITEM,
  UPSERT, inDays,
} from "../fixtures";
import { TestServer, errorCode, onMySql, startTestServer, testDatabaseConfig } from "../helpers";
import { createPo, importOrder, lifecycleViolations } from "../lifecycle-helpers";

/** A small deterministic generator, so a failing mix can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("Lifecycle changes racing allocation and import on two servers (MariaDB)", function () {
  let one: TestServer;
  let two: TestServer;
  before(function () {
    if (!onMySql()) this.skip();
  });
  beforeEach(async () => {
    one = await startTestServer();
    two = await startTestServer(await Db.open(testDatabaseConfig()));
    await one.gql(UPSERT, { input: ["A", "B", "C"].map((sku) => ({ sku, name: `Product ${sku}` })) });
  });
  afterEach(async () => {
    await one?.close();
    await two?.close();
  });

  for (const seed of [7, 11]) {
    it(`cuts, cancellations and new arrival dates racing allocation and import keep every invariant and the feed complete (seed ${seed})`, async () => {
      const next = random(seed);
      const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
      const skus = ["A", "B", "C"];
      // Pre-orders first, so they wait; then the POs the runs will tie them to.
      for (let i = 1; i <= 40; i++) {
        await importOrder(one, `SO-${String(i).padStart(3, "0")}`, 30 - (i % 20), [[pick(skus), 1 + Math.floor(next() * 3)], [pick(skus), 1 + Math.floor(next() * 2)]]);
      }
      await createPo(one, "PO-1", [["A", 25, 10], ["B", 20, 12]]);
      await createPo(one, "PO-2", [["A", 20, 15], ["C", 20, 20]]);
      await createPo(one, "PO-3", [["B", 15, 18], ["C", 10, 9]]);

      const orders = Array.from({ length: 40 }, (_, i) => `SO-${String(i + 1).padStart(3, "0")}`);
      const ops: [string, (api: TestServer) => Promise<any>][] = [];
      for (const po of ["PO-1", "PO-2", "PO-3", "PO-1", "PO-2", "PO-3"]) ops.push(["allocate", (api) => api.gql(ALLOCATE, { id: po })]);
      for (let i = 1; i <= 20; i++) {
        const input = { orderId: `NEW-${i}`, orderDate: inDays(-1), items: [{ sku: pick(skus), quantity: 1 + Math.floor(next() * 3) }] };
        ops.push(["import", (api) => api.gql(IMPORT_PRE_ORDER, { input })]);
      }
      const update = (po: string, seq: string, input: Record<string, unknown>) =>
        ops.push(["update", (api) => api.gql(UPDATE_PO_ITEM, { po, seq, input })]);
      update("PO-1", "00001", { arrivalDate: inDays(11) });
      update("PO-1", "00001", { quantity: 12 });
      update("PO-1", "00001", { arrivalDate: inDays(13), quantity: 18 });
      update("PO-1", "00002", { orderBuffer: 8 });
      update("PO-2", "00001", { quantity: 9, arrivalDate: inDays(16) });
      update("PO-2", "00002", { arrivalDate: inDays(21) });
      update("PO-3", "00001", { quantity: 6 });
      ops.push(["cancel PO item", (api) => api.gql(CANCEL_PO_ITEM, { po: "PO-2", seq: "00002" })]);
      ops.push(["cancel PO", (api) => api.gql(CANCEL_PO, { id: "PO-3" })]);
      for (let i = 0; i < 8; i++) {
        const order = pick(orders);
        ops.push(["cancel pre-order", (api) => api.gql(CANCEL_PRE_ORDER_ITEM, { order, seq: "00001" })]);
        const other = pick(orders);
        ops.push(["release", (api) => api.gql(RELEASE_ALLOCATION, { order: other, seq: "00002" })]);
        const manual = pick(orders);
        ops.push(["manual tie", (api) => api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: manual, seq: "00001", po: pick(["PO-1", "PO-2"]), poSeq: "00001" })]);
      }
      ops.sort(() => next() - 0.5);

      const results = await Promise.all(ops.map(([kind, run], i) => run(i % 2 ? one : two).then((res) => ({ kind, code: errorCode(res), res }))));
      const tally: Record<string, number> = {};
      for (const r of results) tally[`${r.kind}: ${r.code ?? "ok"}`] = (tally[`${r.kind}: ${r.code ?? "ok"}`] ?? 0) + 1;
      const mix = JSON.stringify(tally);
      const unexpected = results.filter((r) => r.code && !["BAD_USER_INPUT", "PO_NOT_ALLOCATABLE", "CONFLICT"].includes(r.code));
      expect(unexpected.map((r) => `${r.kind}: ${r.code} ${r.res.errors?.[0]?.message}`), mix).to.deep.equal([]);
      const succeeded = (kind: string) => results.filter((r) => r.kind === kind && !r.code).length;
      expect(succeeded("import"), mix).to.equal(20);
      expect(succeeded("allocate"), mix).to.be.greaterThan(0);
      expect(succeeded("update"), mix).to.be.greaterThan(0);
      expect(results.filter((r) => r.code === "CONFLICT").length, `operations that ran out of retries: ${mix}`).to.be.at.most(2);

      expect(await lifecycleViolations(one.db), mix).to.deep.equal([]);
      const [{ n }] = await one.db.read((m) => m.query("SELECT COUNT(*) AS n FROM promise_date_change"));
      expect(Number(n)).to.be.greaterThan(40);
    });
  }
});
