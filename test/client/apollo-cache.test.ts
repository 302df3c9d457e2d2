import { ApolloClient, HttpLink, InMemoryCache, TypedDocumentNode } from "@apollo/client";
import { expect } from "chai";
import { parse } from "graphql";
import { allocate, preOrder, products, purchaseOrder } from "../support/scenario";
import { daysAgo, inDays } from "../support/clock";
import { emptyTables } from "../support/database";
import { graphql } from "../support/graphql";
import type { TypedDocumentString } from "../support/graphql/graphql";
import { TEST_KEYS, TestServer, startTestServer } from "../support/server";

/** A codegen document as Apollo Client takes it: parsed, with its result and variable types. */
const doc = <R, V>(document: TypedDocumentString<R, V>): TypedDocumentNode<R, V> => parse(document.toString()) as TypedDocumentNode<R, V>;

const PO_ARRIVALS = doc(graphql(`query CachedPoArrivals($id: ID!) { purchaseOrder(id: $id) { id items { id seqId arrivalDate promiseDate } } }`));
const PO_QUANTITIES = doc(graphql(`query CachedPoQuantities($id: ID!) { purchaseOrder(id: $id) { id items { id quantity } } }`));
const MOVE_ARRIVAL = doc(graphql(`
  mutation CachedMoveArrival($po: ID!, $seq: String!, $day: Date!) {
    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id arrivalDate promiseDate }
  }
`));
const WAITING = doc(graphql(`query CachedWaiting { preOrders(first: 10) { edges { node { id orderId promiseDate purchaseOrderId } } } }`));
const ALLOCATE_WITH_ITEMS = doc(graphql(`
  mutation CachedAllocate($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id promiseDate purchaseOrderId } } } }
`));

const PO_RECEIVING = doc(graphql(`query CachedPoReceiving($id: ID!) { purchaseOrder(id: $id) { id items { id seqId receivedQuantity allocatedQuantity availableToPromise status } } }`));
const QUEUE = doc(graphql(`query CachedQueue { preOrders(first: 10) { edges { node { id orderId facilityId purchaseOrderId promiseDate } } } }`));
const RECEIVE_ITEM = doc(graphql(`
  mutation CachedReceive($po: ID!, $seq: String!, $quantity: Int!) {
    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {
      addedToInventory
      purchaseOrderItem { id receivedQuantity allocatedQuantity availableToPromise status }
      released { id facilityId purchaseOrderId promiseDate }
    }
  }
`));

const WAITING_WHY = doc(graphql(`query CachedWaitingWhy { preOrders(first: 10) { edges { node { id orderId waitingReason largestAvailableToPromise } } } }`));
const ALLOCATE_WHY = doc(graphql(`
  mutation CachedAllocateWhy($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id waitingReason largestAvailableToPromise } } } }
`));
const EXPLAIN = doc(graphql(`
  query CachedExplain($sku: String!, $quantity: Int) {
    promiseExplanation(sku: $sku, quantity: $quantity) { sku quantity poItems { purchaseOrderId seqId canPromise blocker } steps { kind passed } answer { status promiseDate } }
  }
`));

const REBALANCE_MOVES = doc(graphql(`
  mutation CachedRebalance($po: ID!) { rebalancePromises(purchaseOrderId: $po) { moves { orderId preOrderItem { id promiseDate purchaseOrderId } } } }
`));

describe("A real client: Apollo Client 4's normalised InMemoryCache against the server", () => {
  let api: TestServer;
  let requests: string[];
  let client: ApolloClient;

  before(async () => {
    api = await startTestServer();
  });
  after(() => api.close());
  beforeEach(async () => {
    await emptyTables(api.db);
    requests = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(JSON.parse(String(init?.body)).operationName);
      return fetch(input, init);
    };
    client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: api.url, fetch: counting, headers: { authorization: `Bearer ${TEST_KEYS.admin}` } }),
    });
    await products(api, "A", "B");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10), bufferDays: 2 }, { sku: "B", quantity: 5, arrivalDate: inDays(12) }]);
  });

  it("shows a PO item's new arrival and promise dates in a cached query after the mutation, without refetching", async () => {
    const before = await client.query({ query: PO_ARRIVALS, variables: { id: "PO-1" } });
    expect(before.data?.purchaseOrder?.items[0]).to.include({ arrivalDate: inDays(10), promiseDate: inDays(12) });

    await client.mutate({ mutation: MOVE_ARRIVAL, variables: { po: "PO-1", seq: "00001", day: inDays(20) } });
    const after = await client.query({ query: PO_ARRIVALS, variables: { id: "PO-1" } });
    expect(after.data?.purchaseOrder?.items.map((i) => [i.seqId, i.arrivalDate, i.promiseDate])).to.deep.equal([
      ["00001", inDays(20), inDays(22)], ["00002", inDays(12), inDays(12)],
    ]);
    expect(requests, "the second query is answered from the cache").to.deep.equal(["CachedPoArrivals", "CachedMoveArrival"]);
  });

  it("keeps both queries complete when they select different fields of the same items", async () => {
    await client.query({ query: PO_QUANTITIES, variables: { id: "PO-1" } });
    await client.query({ query: PO_ARRIVALS, variables: { id: "PO-1" } });
    const quantities = client.readQuery({ query: PO_QUANTITIES, variables: { id: "PO-1" } });
    expect(quantities?.purchaseOrder?.items.map((i) => i.quantity)).to.deep.equal([10, 5]);
    const again = await client.query({ query: PO_QUANTITIES, variables: { id: "PO-1" } });
    expect(again.data?.purchaseOrder?.items.map((i) => i.quantity)).to.deep.equal([10, 5]);
    expect(requests, "no refetch for the first query").to.deep.equal(["CachedPoQuantities", "CachedPoArrivals"]);
    const item = (client.cache.extract() as Record<string, object>)[client.cache.identify({ __typename: "PurchaseOrderItem", id: quantities!.purchaseOrder!.items[0].id })!];
    expect(item).to.include({ quantity: 10, arrivalDate: inDays(10), seqId: "00001" });
  });

  it("updates the cached PO item and the released pre-order items from a receipt's payload, without refetching", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "B", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(2), [{ sku: "B", quantity: 2 }]);
    await client.query({ query: PO_RECEIVING, variables: { id: "PO-1" } });
    const queue = await client.query({ query: QUEUE });
    expect(queue.data?.preOrders.edges.map((e) => e.node.facilityId)).to.deep.equal(["PRE_ORDER_PARKING", "PRE_ORDER_PARKING"]);

    const receipt = await client.mutate({ mutation: RECEIVE_ITEM, variables: { po: "PO-1", seq: "00002", quantity: 3 } });
    expect(receipt.data?.receivePurchaseOrderItem.addedToInventory).to.equal(1);
    const po = await client.query({ query: PO_RECEIVING, variables: { id: "PO-1" } });
    expect(po.data?.purchaseOrder?.items[1]).to.include({ receivedQuantity: 3, allocatedQuantity: 2, availableToPromise: 0, status: "CREATED" });
    const cached = await client.query({ query: QUEUE });
    expect(cached.data?.preOrders.edges.map((e) => [e.node.orderId, e.node.facilityId, e.node.purchaseOrderId, e.node.promiseDate])).to.deep.equal([
      ["SO-1", "WH-1", "PO-1", inDays(12)], ["SO-2", "PRE_ORDER_PARKING", "PO-1", inDays(12)],
    ]);
    expect(requests, "both queries answered from the cache after the receipt").to.deep.equal(["CachedPoReceiving", "CachedQueue", "CachedReceive"]);
  });

  it("updates cached pre-order items from Allocate Sales Orders' payload", async () => {
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 3 }]);
    await api.gql(graphql(`mutation CacheSetupCancelPo { cancelPurchaseOrder(id: "PO-1") { id } }`));
    await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 10, arrivalDate: inDays(30), bufferDays: 1 }]);
    const waiting = await client.query({ query: WAITING });
    expect(waiting.data?.preOrders.edges.map((e) => e.node.promiseDate)).to.deep.equal([null]);

    await client.mutate({ mutation: ALLOCATE_WITH_ITEMS, variables: { id: "PO-2" } });
    const cached = client.readQuery({ query: WAITING });
    expect(cached?.preOrders.edges.map((e) => [e.node.orderId, e.node.promiseDate, e.node.purchaseOrderId])).to.deep.equal([["SO-1", inDays(31), "PO-2"]]);
    expect(requests).to.deep.equal(["CachedWaiting", "CachedAllocate"]);
    expect((await allocate(api, "PO-2")).allocatedItemCount).to.equal(0);
  });

  it("updates the moved pre-order items in the cache from rebalancePromises' payload, without refetching", async () => {
    await preOrder(api, "SO-1", daysAgo(3), [{ sku: "B", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(2), [{ sku: "B", quantity: 2 }]);
    const before = await client.query({ query: WAITING });
    expect(before.data?.preOrders.edges.map((e) => [e.node.orderId, e.node.purchaseOrderId, e.node.promiseDate])).to.deep.equal([["SO-1", "PO-1", inDays(12)], ["SO-2", "PO-1", inDays(12)]]);
    await purchaseOrder(api, "PO-EARLY", [{ sku: "B", quantity: 2, arrivalDate: inDays(4) }]);
    const result = await client.mutate({ mutation: REBALANCE_MOVES, variables: { po: "PO-EARLY" } });
    expect(result.data?.rebalancePromises.moves.map((m) => m.orderId)).to.deep.equal(["SO-1"]);
    const cached = client.readQuery({ query: WAITING });
    expect(cached?.preOrders.edges.map((e) => [e.node.orderId, e.node.purchaseOrderId, e.node.promiseDate])).to.deep.equal([["SO-1", "PO-EARLY", inDays(4)], ["SO-2", "PO-1", inDays(12)]]);
    expect(requests).to.deep.equal(["CachedWaiting", "CachedRebalance"]);
  });

  it("reads promiseExplanation, and a pre-order's waitingReason that Allocate Sales Orders' payload clears in the cache", async () => {
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 30 }]);
    const explained = await client.query({ query: EXPLAIN, variables: { sku: "A", quantity: 30 } });
    expect(explained.data?.promiseExplanation?.poItems.map((p) => [p.purchaseOrderId, p.canPromise, p.blocker])).to.deep.equal([["PO-1", true, null]]);
    expect(explained.data?.promiseExplanation?.answer).to.deep.include({ status: "OUT_OF_STOCK", promiseDate: null });
    const waiting = await client.query({ query: WAITING_WHY });
    expect(waiting.data?.preOrders.edges.map((e) => [e.node.waitingReason, e.node.largestAvailableToPromise])).to.deep.equal([["INSUFFICIENT_ATP", 10]]);

    await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 40, arrivalDate: inDays(30) }]);
    await client.mutate({ mutation: ALLOCATE_WHY, variables: { id: "PO-2" } });
    const cached = client.readQuery({ query: WAITING_WHY });
    expect(cached?.preOrders.edges.map((e) => [e.node.orderId, e.node.waitingReason, e.node.largestAvailableToPromise])).to.deep.equal([["SO-1", null, null]]);
    expect(requests).to.deep.equal(["CachedExplain", "CachedWaitingWhy", "CachedAllocateWhy"]);
  });
});
