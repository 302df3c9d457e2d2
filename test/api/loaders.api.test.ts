import { expect } from "chai";
import { createPurchaseOrders, upsertProducts } from "../../src/domain";
import { inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { graphql } from "../support/graphql";
import { products } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";
import { SqlLog } from "../support/sql-log";

describe("Per-request DataLoaders", () => {
  let api: TestServer;
  const log = new SqlLog();
  before(async () => {
    api = await startTestServer(await openTestDb(log));
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
    const page = graphql(`
      query HundredPurchaseOrders { purchaseOrders(first: 100) { totalCount edges { node { id pendingPreOrderCount items { seqId product { sku name } } } } } }
    `);
    const { result: res, statements: queries } = await log.during(() => api.gql(page));
    expect(res.errors).to.equal(undefined);
    expect(res.data.purchaseOrders.edges).to.have.length(100);
    expect(res.data.purchaseOrders.edges[99].node.items[0].product.sku).to.be.a("string");
    // count + page of ids + headers + items + products + pending counts
    expect(queries.length, queries.join("\n")).to.be.at.most(6);
  });

  it("does not share loaders between requests (a second request sees fresh rows)", async () => {
    const q = graphql(`query FirstPoProductNames { purchaseOrder(id: "PO-000") { items { product { name } } } }`);
    expect((await api.gql(q)).data.purchaseOrder?.items[0].product.name).to.equal("Product 0");
    await products(api, { sku: "SKU-0", name: "Renamed" });
    expect((await api.gql(q)).data.purchaseOrder?.items[0].product.name).to.equal("Renamed");
  });
});
