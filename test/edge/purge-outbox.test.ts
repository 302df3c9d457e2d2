import { expect } from "chai";
import fc from "fast-check";
import { cacheTagOf, skuOfCacheTag } from "../../src/domain";
import { openTestDb } from "../support/database";
import { inDays, daysAgo } from "../support/clock";
import { ALLOCATE_PRE_ORDER_ITEM, RECEIVE, RELEASE_ALLOCATION, RELEASE_PRE_ORDER_ITEMS, UPDATE_PO_ITEM, UPDATE_PROMISE_DATE } from "../support/documents";
import {
  allocate, cancelPreOrderItem, cancelPurchaseOrder, cancelPurchaseOrderItem, completePurchaseOrder, preOrder, products, purchaseOrder,
} from "../support/scenario";
import { TestServer, as, startTestServer } from "../support/server";

const ADMIN = as("admin");

describe("The purge outbox: every promise-changing transaction names its SKUs, in the same transaction", () => {
  let api: TestServer;
  before(async () => { api = await startTestServer(await openTestDb()); });
  after(() => api.close());

  /** The SKUs of the pending outbox rows written since the last call (each call empties the outbox). */
  const queued = async (): Promise<string[]> => {
    const rows: { sku: string }[] = await api.db.read((m) => m.query("SELECT sku FROM promise_purge WHERE done = 0 ORDER BY purge_id"));
    await api.db.write((m) => m.query("DELETE FROM promise_purge"));
    return [...new Set(rows.map((r) => r.sku))].sort();
  };

  it("names the SKUs of product upserts, PO creation, pre-order import, allocation, manual ties, releases, changes and cancellations", async () => {
    await api.db.write((m) => m.query("DELETE FROM promise_purge"));
    await products(api, "A", "B", "C");
    expect(await queued()).to.deep.equal(["A", "B", "C"]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(20) }, { sku: "B", quantity: 5, arrivalDate: inDays(20) }]);
    expect(await queued()).to.deep.equal(["A", "B"]);
    await preOrder(api, "SO-1", daysAgo(1), [{ sku: "A", quantity: 2 }]);
    expect(await queued(), "an import that takes PO ATP").to.deep.equal(["A"]);
    await preOrder(api, "SO-2", daysAgo(1), [{ sku: "C", quantity: 2 }]);
    expect(await queued(), "an import that ties nothing changes no promise").to.deep.equal([]);
    await purchaseOrder(api, "PO-2", [{ sku: "C", quantity: 10, arrivalDate: inDays(30) }]);
    expect(await queued()).to.deep.equal(["C"]);
    await allocate(api, "PO-2", true);
    expect(await queued(), "a dry run rolls its outbox rows back with everything else").to.deep.equal([]);
    await allocate(api, "PO-2");
    expect(await queued()).to.deep.equal(["C"]);
    expect((await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00001" }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["A"]);
    expect((await api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001", po: "PO-1", poSeq: "00001" }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["A"]);
    expect((await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00002", input: { quantity: 4 } }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["B"]);
    await cancelPreOrderItem(api, "SO-1", "00001");
    expect(await queued()).to.deep.equal(["A"]);
    await cancelPurchaseOrderItem(api, "PO-1", "00002");
    expect(await queued()).to.deep.equal(["B"]);
    await cancelPurchaseOrder(api, "PO-1");
    expect(await queued()).to.deep.equal(["A"]);
    await completePurchaseOrder(api, "PO-2");
    expect(await queued()).to.deep.equal(["C"]);
  });

  it("names the SKU of a receipt, a release to a warehouse and a promise date set by hand", async () => {
    await products(api, "R");
    await purchaseOrder(api, "PO-R", [{ sku: "R", quantity: 10, arrivalDate: inDays(20) }]);
    await preOrder(api, "SO-R1", daysAgo(2), [{ sku: "R", quantity: 2 }]);
    await preOrder(api, "SO-R2", daysAgo(1), [{ sku: "R", quantity: 2 }]);
    await queued();
    expect((await api.gql(RECEIVE, { po: "PO-R", seq: "00001", quantity: 2 }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["R"]);
    expect((await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: "SO-R2", seqId: "00001" }], facility: "WH-1" }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["R"]);
    await cancelPurchaseOrder(api, "PO-R");
    await queued();
    await preOrder(api, "SO-R3", daysAgo(1), [{ sku: "R", quantity: 1 }]);
    expect((await api.gql(UPDATE_PROMISE_DATE, { order: "SO-R3", seq: "00001", date: inDays(40), reason: "Supplier said so" }, ADMIN)).errors).to.equal(undefined);
    expect(await queued()).to.deep.equal(["R"]);
  });

  it("writes nothing when the transaction fails", async () => {
    await api.db.write((m) => m.query("DELETE FROM promise_purge"));
    const refused = await api.gql(UPDATE_PO_ITEM, { po: "PO-404", seq: "00001", input: { quantity: 4 } }, ADMIN);
    expect(refused.errors?.[0].extensions?.code).to.equal("NOT_FOUND");
    expect(await queued()).to.deep.equal([]);
  });
});

describe("Cache tags: one encoding of a SKU, safe in every CDN's tag header", () => {
  it("keeps letters, digits, dot and dash, and encodes every other byte as _XX", () => {
    expect(cacheTagOf("JACKET-NAVY-M")).to.equal("JACKET-NAVY-M");
    expect(cacheTagOf("MUG RED/ü")).to.equal("MUG_20RED_2F_C3_BC");
    expect(cacheTagOf("a_b,c")).to.equal("a_5Fb_2Cc");
  });

  it("makes a header token of any SKU, and two SKUs never share a tag", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 64 }), fc.string({ unit: "binary", maxLength: 64 }), (a, b) => {
      const tag = cacheTagOf(a);
      expect(tag).to.match(/^[A-Za-z0-9._-]*$/);
      expect(skuOfCacheTag(tag)).to.equal(a);
      if (a !== b) expect(cacheTagOf(b)).not.to.equal(tag);
    }), { numRuns: 500 });
  });
});
