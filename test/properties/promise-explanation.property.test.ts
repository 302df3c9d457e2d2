import { expect } from "chai";
import fc from "fast-check";
import { daysAgo, inDays } from "../support/clock";
import { PROMISE, PROMISE_EXPLANATION } from "../support/documents";
import { cancelPurchaseOrderItem, completePurchaseOrder, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

/**
 * On random catalogs (PO items in every state, arrival dates around today, buffers, tied
 * pre-orders using up ATP, any quantity asked), the explanation's answer is productPromise's.
 */
describe("promiseExplanation ends in productPromise's answer (property)", function () {
  this.timeout(300_000);
  let api: TestServer;
  let run = 0;
  before(async () => { api = await startTestServer(); });
  after(() => api.close());

  const poItem = fc.record({
    status: fc.constantFrom("CREATED", "APPROVED", "CANCELLED", "COMPLETED", "ITEM_CANCELLED"),
    arrival: fc.option(fc.integer({ min: -3, max: 8 }), { nil: null }),
    quantity: fc.integer({ min: 1, max: 6 }),
    buffer: fc.integer({ min: 0, max: 6 }),
    bufferDays: fc.integer({ min: 0, max: 3 }),
    id: fc.constantFrom("A", "B", "C", "D", "E", "F"),
  });

  it("answers exactly like productPromise, and marks promisable exactly the items the PDP may choose", async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 3 }),
      fc.uniqueArray(poItem, { maxLength: 5, selector: (p) => p.id }),
      fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }),
      fc.integer({ min: 1, max: 6 }),
      async (inventory, items, preOrders, quantity) => {
        const r = ++run;
        const sku = `P${r}`;
        await products(api, { sku, name: `Product ${r}`, inventoryAvailable: inventory }, { sku: `X${r}`, name: "Other" });
        for (const p of items) {
          const po = `PO-${r}-${p.id}`;
          const item = { sku, quantity: p.quantity, orderBuffer: Math.min(p.buffer, p.quantity), bufferDays: p.bufferDays, ...(p.arrival === null ? {} : { arrivalDate: inDays(p.arrival) }) };
          const other = { sku: `X${r}`, quantity: 1, arrivalDate: inDays(5) };
          const open = p.status === "CREATED" ? "CREATED" : p.status === "CANCELLED" ? "CANCELLED" : "APPROVED";
          await purchaseOrder(api, po, [item, other], { status: open });
          // Tie pre-orders while the PO is open, so closed items carry allocations too.
          if (p.status === "COMPLETED") await completePurchaseOrder(api, po);
          if (p.status === "ITEM_CANCELLED") await cancelPurchaseOrderItem(api, po, "00001");
        }
        for (const [i, q] of preOrders.entries()) await preOrder(api, `SO-${r}-${i}`, daysAgo(3 - i), [{ sku, quantity: q }]);
        const explanation = (await api.gql(PROMISE_EXPLANATION, { sku, quantity })).data.promiseExplanation!;
        const promise = (await api.gql(PROMISE, { sku, quantity })).data.productPromise!;
        expect(explanation.answer).to.deep.equal(promise);
        expect(explanation.steps.at(-1)).to.include({ kind: "ANSWER", purchaseOrderId: promise.purchaseOrderId, available: promise.availableToPromise });
        const promisableAtp = explanation.poItems.filter((p) => p.canPromise).reduce((s, p) => s + p.availableToPromise, 0);
        expect(promisableAtp).to.equal(promise.availableToPromise);
        if (promise.status === "PRE_ORDER") {
          const chosen = explanation.steps.filter((s) => s.kind === "PO_ITEM" && s.passed);
          expect(chosen.map((s) => s.purchaseOrderId)).to.deep.equal([promise.purchaseOrderId]);
        }
      },
    ), { numRuns: 60 });
  });

  it("takes any quantity >= 1 and any SKU up to 64 characters (the id length); refuses the rest with BAD_USER_INPUT", async () => {
    await products(api, { sku: "Q", name: "Quantity" });
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, 1, -1, 2 ** 31 - 1)),
      fc.oneof(fc.constant("Q"), fc.string({ maxLength: 300 })),
      async (quantity, sku) => {
        const res = await api.gql(PROMISE_EXPLANATION, { sku, quantity });
        if (quantity >= 1 && sku.length <= 64) {
          expect(res.errors, `${sku} ${quantity}`).to.equal(undefined);
          if (sku === "Q") expect(res.data.promiseExplanation).to.include({ sku: "Q", quantity });
        } else {
          expect(errorCode(res), `${sku.length} ${quantity}`).to.equal("BAD_USER_INPUT");
        }
      },
    ), { numRuns: 100 });
  });
});
