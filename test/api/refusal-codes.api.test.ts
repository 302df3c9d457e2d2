import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import {
  ALLOCATE, ALLOCATE_PRE_ORDER_ITEM, CANCEL_PO, CANCEL_PO_ITEM, CANCEL_PRE_ORDER_ITEM, COMPLETE_PO, RELEASE_ALLOCATION, UPDATE_PO_ITEM,
} from "../support/documents";
import { lifecycleViolations } from "../support/invariants";
import { cancelPreOrderItem, cancelPurchaseOrder, completePurchaseOrder, preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, TestServer, errorCode, startTestServer } from "../support/server";

/**
 * Issue 11: one meaning per error code (the table "Error codes" in the README's API reference),
 * and a repeated cancel or complete answers the object as it is and records nothing new.
 */
describe("Refusals: one code per meaning, and repeated cancels and completes", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });

  /** Every call refused with its code, and not one row of any table changed. */
  async function refusedUnchanged(cases: [string, () => Promise<GqlResponse<unknown>>, string][]): Promise<void> {
    const before = await snapshot(api.db);
    const got: [string, string | undefined][] = [];
    for (const [what, call] of cases) got.push([what, errorCode(await call())]);
    expect(got).to.deep.equal(cases.map(([what, , code]) => [what, code]));
    expect(await snapshot(api.db)).to.deep.equal(before);
  }

  it("a state that forbids the action is INVALID_STATE on a pre-order item and on a PO item alike", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 3, arrivalDate: inDays(10) }, { sku: "B", quantity: 1, arrivalDate: inDays(10) }]);
    await purchaseOrder(api, "PO-NODATE", [{ sku: "A", quantity: 5 }]);
    await purchaseOrder(api, "PO-GONE", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
    await cancelPurchaseOrder(api, "PO-GONE");
    await purchaseOrder(api, "PO-DONE", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }]);
    await completePurchaseOrder(api, "PO-DONE");
    await preOrder(api, "SO-TIED", daysAgo(3), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-WAIT", daysAgo(2), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 5 }]);
    await preOrder(api, "SO-GONE", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    await cancelPreOrderItem(api, "SO-GONE", "00001");
    const tie = (order: string, seq: string, po: string, poSeq = "00001") => () => api.gql(ALLOCATE_PRE_ORDER_ITEM, { order, seq, po, poSeq });
    await refusedUnchanged([
      ["release an untied item", () => api.gql(RELEASE_ALLOCATION, { order: "SO-WAIT", seq: "00001" }), "INVALID_STATE"],
      ["release a cancelled item", () => api.gql(RELEASE_ALLOCATION, { order: "SO-GONE", seq: "00001" }), "INVALID_STATE"],
      ["tie a tied item", tie("SO-TIED", "00001", "PO-1"), "INVALID_STATE"],
      ["tie a cancelled item", tie("SO-GONE", "00001", "PO-1"), "INVALID_STATE"],
      ["tie to a cancelled PO", tie("SO-WAIT", "00001", "PO-GONE"), "INVALID_STATE"],
      ["tie to a completed PO", tie("SO-WAIT", "00001", "PO-DONE"), "INVALID_STATE"],
      ["tie to a PO item without arrival date", tie("SO-WAIT", "00001", "PO-NODATE"), "INVALID_STATE"],
      ["change a cancelled PO's item", () => api.gql(UPDATE_PO_ITEM, { po: "PO-GONE", seq: "00001", input: { quantity: 9 } }), "INVALID_STATE"],
      ["change a completed PO's item", () => api.gql(UPDATE_PO_ITEM, { po: "PO-DONE", seq: "00001", input: { quantity: 9 } }), "INVALID_STATE"],
      ["cancel a completed PO", () => api.gql(CANCEL_PO, { id: "PO-DONE" }), "INVALID_STATE"],
      ["cancel a completed PO's item", () => api.gql(CANCEL_PO_ITEM, { po: "PO-DONE", seq: "00001" }), "INVALID_STATE"],
      ["complete a cancelled PO", () => api.gql(COMPLETE_PO, { id: "PO-GONE" }), "INVALID_STATE"],
      // allocateSalesOrders keeps its own code.
      ["allocate a cancelled PO", () => api.gql(ALLOCATE, { id: "PO-GONE" }), "PO_NOT_ALLOCATABLE"],
      ["allocate a completed PO", () => api.gql(ALLOCATE, { id: "PO-DONE" }), "PO_NOT_ALLOCATABLE"],
      // A manual tie that does not fit.
      ["tie more than the ATP", tie("SO-WAIT", "00002", "PO-1", "00002"), "INSUFFICIENT_ATP"],
      // Malformed input stays BAD_USER_INPUT; unknown objects NOT_FOUND.
      ["tie to another product's PO item", tie("SO-WAIT", "00001", "PO-1", "00002"), "BAD_USER_INPUT"],
      ["a negative quantity", () => api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { quantity: -1 } }), "BAD_USER_INPUT"],
      ["an unknown pre-order", () => api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-404", seq: "00001" }), "NOT_FOUND"],
    ]);
  });

  it("the state refusals name what is wrong", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 1, arrivalDate: inDays(10) }]);
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }]);
    const release = await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00001" });
    expect(release.errors?.[0].message).to.equal("Pre-order item SO-1/00001 is not tied to a purchase order");
    const tie = await api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001", po: "PO-1", poSeq: "00001" });
    expect(tie.errors?.[0].message).to.equal("PO item PO-1/00001 has 1 units available to promise; pre-order item SO-1/00001 needs 2");
  });

  describe("repeating a cancel or complete answers the object as it is and records nothing new", () => {
    beforeEach(async () => {
      await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }, { sku: "B", quantity: 5, arrivalDate: inDays(12) }]);
      await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 5, arrivalDate: inDays(20) }]);
      await preOrder(api, "SO-1", daysAgo(3), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
    });

    /** The first call changes the object; the second answers the same object and changes no row of any table. */
    async function twice<T>(call: () => Promise<GqlResponse<T>>): Promise<void> {
      const first = await call();
      expect(first.errors, "first call").to.equal(undefined);
      const before = await snapshot(api.db);
      const again = await call();
      expect(again.errors, "repeated call").to.equal(undefined);
      expect(again.data).to.deep.equal(first.data);
      expect(await snapshot(api.db)).to.deep.equal(before);
    }

    it("cancelPreOrderItem, tied or not", async () => {
      await twice(() => api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-1", seq: "00001" }));
      await preOrder(api, "SO-2", daysAgo(1), [{ sku: "B", quantity: 50 }]);
      await twice(() => api.gql(CANCEL_PRE_ORDER_ITEM, { order: "SO-2", seq: "00001" }));
    });

    it("cancelPurchaseOrder", async () => {
      await twice(() => api.gql(CANCEL_PO, { id: "PO-1" }));
    });

    it("cancelPurchaseOrderItem, also once its PO is cancelled with it", async () => {
      await twice(() => api.gql(CANCEL_PO_ITEM, { po: "PO-1", seq: "00001" }));
      await twice(() => api.gql(CANCEL_PO_ITEM, { po: "PO-2", seq: "00001" }));
      expect((await api.gql(CANCEL_PO, { id: "PO-2" })).data.cancelPurchaseOrder.status).to.equal("CANCELLED");
    });

    it("completePurchaseOrder", async () => {
      await twice(() => api.gql(COMPLETE_PO, { id: "PO-1" }));
    });
  });
});
