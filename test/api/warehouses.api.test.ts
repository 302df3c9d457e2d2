import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { CREATE_PO, RELEASE_PRE_ORDER_ITEMS } from "../support/documents";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

/** A PO is delivered to a warehouse, and a release sends an order to one: never to a parking place, never to a look-alike id. */
describe("Warehouses: PO facilities and release targets", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "BAG");
  });
  afterEach(async () => api.close());

  it("refuses a PO delivered to a parking place, writing nothing", async () => {
    const before = await snapshot(api.db);
    for (const facilityId of ["PRE_ORDER_PARKING", "BACKORDER_PARKING"]) {
      const res = await api.gql(CREATE_PO, { input: { id: "PO-PARK", facilityId, items: [{ sku: "BAG", quantity: 4, arrivalDate: inDays(10) }] } });
      expect(errorCode(res), facilityId).to.equal("BAD_USER_INPUT");
    }
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("refuses to release to a parking place or to a facility id with padding or invisible characters, writing nothing", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "BAG", quantity: 4, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "BAG", quantity: 2 }]);
    const before = await snapshot(api.db);
    for (const facility of ["BACKORDER_PARKING", "PRE_ORDER_PARKING", "WH ", "\tWH\n", "W\u200bH"]) {
      const res = await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: "SO-1", seqId: "00001" }], facility });
      expect(errorCode(res), JSON.stringify(facility)).to.equal("BAD_USER_INPUT");
    }
    expect(await snapshot(api.db)).to.deep.equal(before);
    const res = await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: "SO-1", seqId: "00001" }], facility: "WH" });
    expect(res.errors).to.equal(undefined);
    expect(res.data.releasePreOrderItems[0].facilityId).to.equal("WH");
  });
});
