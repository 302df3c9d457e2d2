import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { onMySql, testDatabaseConfig } from "../support/database";
import { ALLOCATE, IMPORT_PRE_ORDER } from "../support/documents";
import { expectAllocationInvariants } from "../support/invariants";
import { allocate, preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, GraphQLClient, ResultOf, TestServer, startTestServer } from "../support/server";
import { ServerProcess, startServerProcess } from "../support/server-process";

const SKUS = ["K1", "K2", "K3", "K4"];
const APPROVED = { status: "APPROVED" } as const;

/**
 * 40 pre-orders waiting for K1–K4, then PO-RACE with less ATP than they ask for. Arrival dates
 * are 10 days or more ahead: the server processes of (c) run on real time, not the test clock.
 */
async function raceScenario(api: GraphQLClient): Promise<void> {
  await products(api, ...SKUS);
  for (let i = 0; i < 40; i++) {
    await preOrder(api, `SO-W${String(i).padStart(3, "0")}`, daysAgo(40 - i), [{ sku: SKUS[i % 4], quantity: (i % 3) + 1 }]);
  }
  await purchaseOrder(api, "PO-RACE", [
    { sku: "K1", quantity: 12, arrivalDate: inDays(10) },
    { sku: "K1", quantity: 15, arrivalDate: inDays(20), orderBuffer: 2 },
    { sku: "K2", quantity: 10, arrivalDate: inDays(15) },
    { sku: "K3", quantity: 25, arrivalDate: inDays(12), orderBuffer: 5 },
    { sku: "K4", quantity: 5, arrivalDate: null },
  ], APPROVED);
}

/** New pre-orders for the same products, one or two items each. */
const newPreOrder = (i: number) => ({
  orderId: `SO-NEW-${String(i).padStart(3, "0")}`,
  orderDate: daysAgo(0),
  items: [{ sku: SKUS[i % 4], quantity: (i % 3) + 1 }, ...(i % 2 ? [{ sku: SKUS[(i + 1) % 4], quantity: 1 }] : [])],
});

/** The answer to a run or an import racing each other. */
type RaceResponse = GqlResponse<Partial<ResultOf<typeof ALLOCATE> & ResultOf<typeof IMPORT_PRE_ORDER>> | null>;

const noErrors = (responses: GqlResponse<unknown>[]) => expect(responses.flatMap((r) => r.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`)).to.deep.equal([]);

/** After the race settles, one more run must find nothing that still fits (nothing was lost). */
async function expectNothingLeftThatFits(api: GraphQLClient, poId: string): Promise<void> {
  await allocate(api, poId);
  expect((await allocate(api, poId, true)).allocations).to.deep.equal([]);
}

describe("Allocate Sales Orders under concurrency (MariaDB/MySQL)", function () {
  this.timeout(180_000);
  let api: TestServer;
  before(function () {
    if (!onMySql()) this.skip();
  });
  beforeEach(async () => {
    api = await startTestServer();
  });
  afterEach(async () => {
    await api?.close();
  });

  it("(a) ten concurrent runs on one PO tie each pre-order once: the runs queue on the PO's lock", async () => {
    await raceScenario(api);
    const plan = await allocate(api, "PO-RACE", true);
    expect(plan.allocatedItemCount).to.be.greaterThan(10);

    const runs = await Promise.all(Array.from({ length: 10 }, () => api.gql(ALLOCATE, { id: "PO-RACE" })));
    noErrors(runs);
    const payloads = runs.map((r) => r.data.allocateSalesOrders);
    expect(payloads.map((p) => p.allocatedItemCount).sort((a, b) => b - a)).to.deep.equal([plan.allocatedItemCount, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(payloads.flatMap((p) => p.allocations)).to.deep.equal(plan.allocations);
    expect(new Set(payloads.map((p) => p.run!.id)).size).to.equal(10);
    await expectAllocationInvariants(api.db);
  });

  it("(b) a run racing 50 concurrent pre-order imports for the same products never promises a unit twice", async () => {
    await raceScenario(api);
    const calls: Promise<RaceResponse>[] = [];
    for (let i = 0; i < 50; i++) {
      if (i % 17 === 0) calls.push(api.gql(ALLOCATE, { id: "PO-RACE" }));
      calls.push(api.gql(IMPORT_PRE_ORDER, { input: newPreOrder(i) }));
    }
    const responses = await Promise.all(calls);
    noErrors(responses);
    expect(responses.filter((r) => r.data?.importPreOrder?.created)).to.have.length(50);
    await expectAllocationInvariants(api.db);
    await expectNothingLeftThatFits(api, "PO-RACE");
    await expectAllocationInvariants(api.db);
  });

  it("two POs of the same products allocating at once share the waiting pre-orders without tying one twice", async () => {
    await raceScenario(api);
    await purchaseOrder(api, "PO-OTHER", [{ sku: "K1", quantity: 9, arrivalDate: inDays(5) }, { sku: "K3", quantity: 4, arrivalDate: inDays(8) }], APPROVED);
    const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => api.gql(ALLOCATE, { id: i % 2 ? "PO-OTHER" : "PO-RACE" })));
    noErrors(runs);
    const tied = runs.flatMap((r) => r.data.allocateSalesOrders.allocations.map((a) => `${a.orderId}/${a.seqId}`));
    expect(new Set(tied).size).to.equal(tied.length);
    await expectAllocationInvariants(api.db);
    await expectNothingLeftThatFits(api, "PO-RACE");
    await expectNothingLeftThatFits(api, "PO-OTHER");
  });

  describe("(c) two server processes on one database", () => {
    const servers: ServerProcess[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
    });

    it("run ten allocations and 50 imports together, and the invariants hold", async () => {
      const url = testDatabaseConfig().url;
      servers.push(...(await Promise.all([startServerProcess(url), startServerProcess(url)])));
      await raceScenario(servers[0]);
      const calls: Promise<RaceResponse>[] = [];
      for (let i = 0; i < 50; i++) {
        const server = servers[i % 2];
        if (i % 5 === 0) calls.push(server.gql(ALLOCATE, { id: "PO-RACE" }));
        calls.push(server.gql(IMPORT_PRE_ORDER, { input: newPreOrder(i) }));
      }
      const responses = await Promise.all(calls);
      noErrors(responses);
      const allocations = responses.flatMap((r) => r.data?.allocateSalesOrders ?? []);
      expect(allocations).to.have.length(10);
      const tied = allocations.flatMap((p) => p.allocations.map((a) => `${a.orderId}/${a.seqId}`));
      expect(new Set(tied).size).to.equal(tied.length);
      await expectAllocationInvariants(api.db);
      await expectNothingLeftThatFits(servers[1], "PO-RACE");
      await expectAllocationInvariants(api.db);
    });
  });
});
