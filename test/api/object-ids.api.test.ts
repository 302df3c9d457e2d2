import { expect } from "chai";
import { NODE_TYPE_ROLES } from "../../src/auth/policy";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { IMPORT_CSV, IMPORT_PRE_ORDER, CREATE_PO } from "../support/documents";
import { graphql } from "../support/graphql";
import { allocate, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, as, errorCode, startTestServer } from "../support/server";

const EVERYTHING = graphql(`
  query EveryNodeKind {
    purchaseOrder(id: "PO-1") { id items { id product { id } } }
    preOrders(first: 10) { edges { node { id } } }
    allocationRuns { edges { node { id } } }
    allocationHistory { edges { node { id runId } } }
    promiseDateChanges { edges { node { id } } }
  }
`);

const NODE = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename id
      ... on PurchaseOrder { status }
      ... on PurchaseOrderItem { purchaseOrderId seqId arrivalDate }
      ... on PreOrderItem { orderId seqId }
      ... on Product { sku }
      ... on AllocationRun { purchaseOrderId }
      ... on AllocationEvent { type runId }
      ... on PromiseDateChange { orderId }
    }
  }
`);

describe("Object identification: Node ids and node(id)", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10) }]);
    await allocate(api, "PO-1");
  });
  after(() => api.close());

  it("gives every object a unique id that node(id) answers with the same object", async () => {
    const { data } = await api.gql(EVERYTHING);
    const po = data.purchaseOrder!;
    const ids = [
      po.id, po.items[0].id, po.items[0].product.id, data.preOrders.edges[0].node.id, data.allocationRuns.edges[0].node.id,
      data.allocationHistory.edges[0].node.id, data.promiseDateChanges.edges[0].node.id,
    ];
    expect(new Set(ids).size).to.equal(ids.length);
    expect(po.id).to.equal("PO-1"); // a PO keeps its order id
    const answers = await Promise.all(ids.map(async (id) => (await api.gql(NODE, { id })).data.node));
    expect(answers.map((n) => [n?.__typename, n?.id])).to.deep.equal([
      ["PurchaseOrder", ids[0]], ["PurchaseOrderItem", ids[1]], ["Product", ids[2]], ["PreOrderItem", ids[3]],
      ["AllocationRun", ids[4]], ["AllocationEvent", ids[5]], ["PromiseDateChange", ids[6]],
    ]);
    expect(answers[1]).to.include({ purchaseOrderId: "PO-1", seqId: "00001", arrivalDate: inDays(10) });
    expect(answers[3]).to.include({ orderId: "SO-1", seqId: "00001" });
    expect(answers[5]).to.include({ type: "ALLOCATE", runId: ids[4] });
  });

  it("answers null for an id no object has, a sales order's id included", async () => {
    for (const id of ["PO-NONE", "SO-1", "PreOrderItem:999999", "PreOrderItem:abc", "Product:0", "Nothing:1"]) {
      const res = await api.gql(NODE, { id });
      expect(res.errors, id).to.equal(undefined);
      expect(res.data.node, id).to.equal(null);
    }
    expect(errorCode(await api.gql(NODE, { id: "x".repeat(65) }))).to.equal("BAD_USER_INPUT");
  });

  it("applies the access policy: a support key reads any node, no key none", async () => {
    expect((await api.gql(NODE, { id: "PO-1" }, as("support"))).data.node?.id).to.equal("PO-1");
    const anonymous = await api.gql(NODE, { id: "PO-1" }, as("anonymous"));
    expect(errorCode(anonymous)).to.equal("UNAUTHENTICATED");
    expect(anonymous.data?.node).to.equal(undefined);
  });

  it("lists every type that implements Node in the access policy", async () => {
    const res = await api.gql(graphql(`query NodeImplementations { __type(name: "Node") { possibleTypes { name } } }`));
    expect(res.data.__type?.possibleTypes?.map((t) => t.name).sort()).to.deep.equal(Object.keys(NODE_TYPE_ROLES).sort());
  });

  it("refuses order ids shaped like another object's id, so a PO's id can never collide", async () => {
    const before = await snapshot(api.db);
    const po = await api.gql(CREATE_PO, { input: { id: "PreOrderItem:1", facilityId: "WH", items: [{ sku: "A", quantity: 1 }] } });
    expect(errorCode(po)).to.equal("BAD_USER_INPUT");
    expect(po.errors![0].message).to.contain('must not start with "PreOrderItem:"');
    const so = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "Product:7", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } });
    expect(errorCode(so)).to.equal("BAD_USER_INPUT");
    const csv = await api.gql(IMPORT_CSV, { csv: "orderId,productSku,arrivalDate,quantity,facilityId\nAllocationRun:5,A,2027-01-15,1,WH\n" });
    expect(csv.data.importPurchaseOrders.errors).to.have.length(1);
    expect(csv.data.importPurchaseOrders.errors[0]).to.include({ line: 2 });
    expect(await snapshot(api.db)).to.deep.equal(before);
    // Ids that merely contain a colon, or another case, are fine.
    expect((await api.gql(CREATE_PO, { input: { id: "PO:2027:01", facilityId: "WH", items: [{ sku: "A", quantity: 1 }] } })).errors).to.equal(undefined);
    expect((await api.gql(CREATE_PO, { input: { id: "product:7", facilityId: "WH", items: [{ sku: "A", quantity: 1 }] } })).errors).to.equal(undefined);
    expect((await api.gql(NODE, { id: "PO:2027:01" })).data.node).to.include({ __typename: "PurchaseOrder", id: "PO:2027:01" });
  });
});
