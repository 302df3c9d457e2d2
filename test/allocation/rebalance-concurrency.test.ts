import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { onMySql, testDatabaseConfig } from "../support/database";
import { ALLOCATE, IMPORT_PRE_ORDER, REBALANCE } from "../support/documents";
import { expectAllocationInvariants } from "../support/invariants";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, GraphQLClient, TestServer, startTestServer } from "../support/server";
import { ServerProcess, startServerProcess } from "../support/server-process";

const SKUS = ["M1", "M2", "M3"];
const APPROVED = { status: "APPROVED" } as const;

/** 30 pre-orders tied to the late PO-SLOW, some waiting, then PO-FAST arriving earlier. Dates far ahead: the processes run on real time. */
async function scenario(api: GraphQLClient): Promise<void> {
  await products(api, ...SKUS);
  await purchaseOrder(api, "PO-SLOW", SKUS.map((sku) => ({ sku, quantity: 15, arrivalDate: inDays(60), bufferDays: 2 })), APPROVED);
  for (let i = 0; i < 30; i++) await preOrder(api, `SO-T${String(i).padStart(3, "0")}`, daysAgo(40 - i), [{ sku: SKUS[i % 3], quantity: (i % 3) + 1 }]);
  await purchaseOrder(api, "PO-FAST", SKUS.map((sku, i) => ({ sku, quantity: 6 + i, arrivalDate: inDays(20) })), APPROVED);
}

const newPreOrder = (i: number) => ({ orderId: `SO-RN-${String(i).padStart(3, "0")}`, orderDate: daysAgo(0), items: [{ sku: SKUS[i % 3], quantity: (i % 2) + 1 }] });

describe("rebalancePromises under concurrency (MariaDB/MySQL, two server processes)", function () {
  this.timeout(180_000);
  let api: TestServer;
  const servers: ServerProcess[] = [];
  before(function () {
    if (!onMySql()) this.skip();
  });
  beforeEach(async () => { api = await startTestServer(); });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    await api?.close();
  });

  it("rebalances racing allocations and imports of the same products keep every invariant, and leave nothing to move", async () => {
    const url = testDatabaseConfig().url;
    servers.push(...(await Promise.all([startServerProcess(url), startServerProcess(url)])));
    await scenario(servers[0]);
    const calls: Promise<GqlResponse<unknown>>[] = [];
    for (let i = 0; i < 40; i++) {
      const server = servers[i % 2];
      if (i % 4 === 0) calls.push(server.gql(REBALANCE, { po: "PO-FAST", dryRun: false }));
      if (i % 4 === 2) calls.push(server.gql(REBALANCE, { sku: SKUS[i % 3], dryRun: false }));
      if (i % 8 === 1) calls.push(server.gql(ALLOCATE, { id: i % 16 === 1 ? "PO-FAST" : "PO-SLOW" }));
      calls.push(server.gql(IMPORT_PRE_ORDER, { input: newPreOrder(i) }));
    }
    const responses = await Promise.all(calls);
    expect(responses.flatMap((r) => r.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`)).to.deep.equal([]);
    const moved = responses.flatMap((r) => (r.data as { rebalancePromises?: { moves: unknown[] } } | null)?.rebalancePromises?.moves ?? []);
    expect(moved.length, "the rebalances moved pre-orders while racing").to.be.greaterThan(0);
    await expectAllocationInvariants(api.db);
    // Settled: one more rebalance of each product, then nothing is left to move or tie.
    for (const sku of SKUS) await servers[1].gql(REBALANCE, { sku, dryRun: false });
    for (const sku of SKUS) {
      const again = await servers[0].gql(REBALANCE, { sku, dryRun: true });
      expect(again.data?.rebalancePromises).to.deep.include({ moves: [], allocations: [] });
    }
    await expectAllocationInvariants(api.db);
  });
});
