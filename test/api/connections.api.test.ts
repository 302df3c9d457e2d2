import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { ALLOCATION_HISTORY, ALLOCATION_RUNS, PURCHASE_ORDERS, UPDATE_PO_ITEM } from "../support/documents";
import { allocate, preOrder, products, purchaseOrder } from "../support/scenario";
import type { AllocationHistoryQuery } from "../support/graphql/graphql";
import { GqlResponse, TestServer, errorCode, startTestServer } from "../support/server";

describe("Connections: every list that grows pages by cursor, with totalCount and full PageInfo", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 500, arrivalDate: inDays(10) }]);
    // 120 ties and 120 re-promises: more history than the largest page (100) holds.
    for (let i = 0; i < 120; i++) await preOrder(api, `SO-${String(i).padStart(3, "0")}`, daysAgo(1), [{ sku: "A", quantity: 1 }]);
    await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(11) } });
    for (let i = 0; i < 3; i++) await allocate(api, "PO-1");
  });
  after(() => api.close());

  it("reads a PO's whole allocation history, newest first, page by page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const res: GqlResponse<AllocationHistoryQuery> = await api.gql(ALLOCATION_HISTORY, { po: "PO-1", first: 100, after });
      expect(res.errors).to.equal(undefined);
      const history = res.data.allocationHistory;
      expect(history.totalCount).to.equal(240);
      expect(history.pageInfo.hasPreviousPage).to.equal(page > 0);
      expect(history.pageInfo.startCursor).to.equal(history.edges[0].cursor);
      expect(history.pageInfo.endCursor).to.equal(history.edges.at(-1)!.cursor);
      seen.push(...history.edges.map((e) => e.node.id));
      if (!history.pageInfo.hasNextPage) break;
      after = history.pageInfo.endCursor;
    }
    expect(seen).to.have.length(240);
    expect(new Set(seen).size).to.equal(240);
    const numbers = seen.map((id) => Number(id.split(":")[1]));
    expect(numbers).to.deep.equal([...numbers].sort((a, b) => b - a));
  });

  it("pages allocation runs the same way", async () => {
    const first = (await api.gql(ALLOCATION_RUNS, { po: "PO-1", first: 2 })).data.allocationRuns;
    expect(first.totalCount).to.equal(3);
    expect(first.pageInfo).to.include({ hasNextPage: true, hasPreviousPage: false });
    const second = (await api.gql(ALLOCATION_RUNS, { po: "PO-1", first: 2, after: first.pageInfo.endCursor })).data.allocationRuns;
    expect(second.edges).to.have.length(1);
    expect(second.pageInfo).to.include({ hasNextPage: false, hasPreviousPage: true });
    const runs = [...first.edges, ...second.edges].map((e) => Number(e.node.id.replace(/^AllocationRun:/, "")));
    expect(new Set(runs).size).to.equal(3);
    expect(runs).to.deep.equal([...runs].sort((a, b) => b - a)); // newest first
    const empty = (await api.gql(ALLOCATION_RUNS, { po: "PO-NONE" })).data.allocationRuns;
    expect(empty).to.deep.equal({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it("gives every connection the four PageInfo fields, and refuses a cursor of another list or a page above 100", async () => {
    const pos = (await api.gql(PURCHASE_ORDERS, { first: 1 })).data.purchaseOrders;
    expect(Object.keys(pos.pageInfo).sort()).to.deep.equal(["endCursor", "hasNextPage", "hasPreviousPage", "startCursor"]);
    expect(errorCode(await api.gql(ALLOCATION_RUNS, { after: pos.pageInfo.endCursor }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ALLOCATION_HISTORY, { first: 101 }))).to.equal("BAD_USER_INPUT");
  });
});
