import { expect } from "chai";
import { inDays } from "../fixtures";
import { TestServer, openTestDb, startTestServer } from "../helpers";
import { QueryCounter } from "../query-counter";
import { createPurchaseOrders, upsertProducts } from "../../src/domain";

describe("Per-request DataLoaders", () => {
  let api: TestServer;
  const counter = new QueryCounter();
  before(async () => {
    api = await startTestServer(await openTestDb(counter));
    await api.db.write(async (m) => {
      await upsertProducts(m, Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${i}`, name: `Product ${i}` })));
      await createPurchaseOrders(m, Array.from({ length: 100 }, (_, i) => ({
        id: `PO-${String(i).padStart(3, "0")}`, facilityId: "WH-1",
        items: [{ sku: `SKU-${i % 20}`, quantity: 5, arrivalDate: new Date(`${inDays(10)}T00:00:00Z`) }, { sku: `SKU-${(i + 1) % 20}`, quantity: 5 }],
      })));
    });
  });
  after(() => api.close());

  it("lists 100 POs with items, products and pending counts in a fixed number of queries", async () => {
    let res: any;
    const queries = await counter.during(async () => {
      res = await api.gql(`{ purchaseOrders(first: 100) { totalCount edges { node { id pendingPreOrderCount items { seqId product { sku name } } } } } }`);
    });
    expect(res.errors).to.equal(undefined);
    expect(res.data.purchaseOrders.edges).to.have.length(100);
    expect(res.data.purchaseOrders.edges[99].node.items[0].product.sku).to.be.a("string");
    // count + page of ids + headers + items + products + pending counts
    expect(queries.length, queries.join("\n")).to.be.at.most(6);
  });

  it("does not share loaders between requests (a second request sees fresh rows)", async () => {
    const q = `{ purchaseOrder(id: "PO-000") { items { product { name } } } }`;
    expect((await api.gql(q)).data.purchaseOrder.items[0].product.name).to.equal("Product 0");
    await api.gql(`mutation { upsertProducts(input: [{ sku: "SKU-0", name: "Renamed" }]) { id } }`);
    expect((await api.gql(q)).data.purchaseOrder.items[0].product.name).to.equal("Renamed");
  });
});
