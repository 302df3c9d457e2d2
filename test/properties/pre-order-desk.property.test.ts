import { expect } from "chai";
import fc from "fast-check";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { PRE_ORDER_QUEUE, RECEIVE, RELEASE_PRE_ORDER_ITEMS, UPDATE_PROMISE_DATE } from "../support/documents";
import { lifecycleViolations, unitLedgerViolations } from "../support/invariants";
import { history, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";
import { graphql } from "../support/graphql";

const UPDATE_PO_ITEM_Q = graphql(`
  mutation CutPoItem($po: ID!, $seq: String!, $quantity: Int!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { quantity: $quantity }) { id } }
`);
const CANCEL_ITEM = graphql(`mutation CancelMixItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { id } }`);

const UPLOAD_MAPPED = graphql(`
  mutation UploadMapped($csv: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {
    importPurchaseOrders(csv: $csv, columns: $columns, dryRun: $dryRun) { errors { line message } purchaseOrders { id } }
  }
`);

/** Every generated input of the pre-order desk is stored exactly, or refused with a code and nothing written. */
describe("The pre-order desk's inputs (properties)", function () {
  this.timeout(240_000);
  let api: TestServer;
  let run = 0;
  const stored = async (orderId: string, column: string): Promise<unknown> => {
    const [row] = await api.db.read((m) => m.query(`SELECT ${column} AS v FROM sales_order_item WHERE order_id = ? AND order_item_seq_id = '00001'`, [orderId]));
    return row.v instanceof Date ? row.v.toISOString() : row.v;
  };
  before(async () => {
    api = await startTestServer();
    await products(api, { sku: "A", name: "Rain Jacket" }, { sku: "b_1%", name: "Boot! 42" }, { sku: "C", name: "Wool Sock" });
  });
  after(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });

  it("receivePurchaseOrderItem: each quantity from 1 to what is still open is received exactly; any other is refused with nothing written", async () => {
    const inventoryBefore = new Map<string, number>();
    for (const r of await api.db.read((m) => m.query("SELECT sku, inventory_available FROM product"))) inventoryBefore.set(r.sku, Number(r.inventory_available));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }),
      fc.array(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31))), { minLength: 1, maxLength: 6 }),
      async (tied, receipts) => {
        const po = `PO-P${++run}`;
        await purchaseOrder(api, po, [{ sku: "A", quantity: 10, arrivalDate: inDays(10), orderBuffer: 0 }]);
        for (const [i, q] of tied.entries()) await preOrder(api, `SO-P${run}-${i}`, daysAgo(5 - i), [{ sku: "A", quantity: q }]);
        let received = 0;
        for (const quantity of receipts) {
          const before = await snapshot(api.db);
          const res = await api.gql(RECEIVE, { po, seq: "00001", quantity });
          if (quantity >= 1 && quantity <= 10 - received) {
            expect(res.errors, String(quantity)).to.equal(undefined);
            received += quantity;
            expect(res.data.receivePurchaseOrderItem.purchaseOrderItem.receivedQuantity).to.equal(received);
          } else {
            expect(errorCode(res), String(quantity)).to.equal(quantity >= 1 && quantity <= 1e9 && received === 10 ? "INVALID_STATE" : "BAD_USER_INPUT");
            expect(await snapshot(api.db)).to.deep.equal(before);
          }
        }
      },
    ), { numRuns: 25 });
    expect(await unitLedgerViolations(api.db, inventoryBefore)).to.deep.equal([]);
  });

  it("releasePreOrderItems: any generated facility id is stored exactly or refused with BAD_USER_INPUT and nothing written", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom("PRE_ORDER_PARKING", "", " ", "WH-Ä", "x".repeat(64), "x".repeat(65))), async (facilityId) => {
      const orderId = `SO-F${++run}`;
      await preOrder(api, orderId, daysAgo(1), [{ sku: "C", quantity: 1 }]);
      const before = await snapshot(api.db);
      const res = await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId, seqId: "00001" }], facility: facilityId });
      if (res.errors) {
        expect(errorCode(res), JSON.stringify(facilityId)).to.equal("BAD_USER_INPUT");
        expect(await snapshot(api.db)).to.deep.equal(before);
        expect(facilityId.trim() === "" || facilityId.length > 64 || facilityId === "PRE_ORDER_PARKING", JSON.stringify(facilityId)).to.equal(true);
      } else {
        expect(res.data.releasePreOrderItems[0].facilityId).to.equal(facilityId);
        expect(await stored(orderId, "facility_id")).to.equal(facilityId);
      }
    }), { numRuns: 60 });
  });

  it("updatePreOrderPromiseDate: any generated reason and day is stored exactly (history and feed) or refused with a code and nothing written", async () => {
    const orderId = `SO-D${++run}`;
    await preOrder(api, orderId, daysAgo(1), [{ sku: "C", quantity: 1 }]);
    const day = fc.integer({ min: -3, max: 400 }).map((n) => inDays(n));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("", "  ", "\t", "r".repeat(255), "r".repeat(256))), fc.option(day), async (reason, date) => {
      const before = await snapshot(api.db);
      const current = ((await stored(orderId, "promised_datetime")) as string | null)?.slice(0, 10) ?? null;
      const res = await api.gql(UPDATE_PROMISE_DATE, { order: orderId, seq: "00001", date, reason });
      const ok = reason.trim() !== "" && reason.length <= 255 && (date === null || date >= inDays(0));
      if (!ok) {
        expect(errorCode(res), JSON.stringify([reason, date])).to.equal("BAD_USER_INPUT");
        expect(await snapshot(api.db)).to.deep.equal(before);
        return;
      }
      expect(res.errors, JSON.stringify([reason, date])).to.equal(undefined);
      expect(res.data.updatePreOrderPromiseDate.promiseDate).to.equal(date);
      if (date === current) {
        expect(await snapshot(api.db)).to.deep.equal(before);
      } else {
        const last = (await history(api, { order: orderId })).at(-1)!;
        expect([last.reason, last.oldPromiseDate, last.newPromiseDate]).to.deep.equal([reason, current, date]);
      }
    }), { numRuns: 80 });
  });

  it("the queue's search: any generated text up to 255 characters finds exactly the items whose order id, SKU or product name contains it, ignoring case", async () => {
    const all: { orderId: string; seqId: string; product: { sku: string; name: string } }[] = [];
    for (let after: string | null | undefined; ;) {
      const page = (await api.gql(PRE_ORDER_QUEUE, { f: {}, first: 100, after })).data.preOrders;
      all.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const text = fc.string({ unit: fc.constantFrom(..."abAB_%!1 -PSOoWr"), maxLength: 5 });
    await fc.assert(fc.asyncProperty(fc.oneof(text, fc.constantFrom("x".repeat(255), "x".repeat(256))), async (search) => {
      const found = await api.gql(PRE_ORDER_QUEUE, { f: { search }, first: 100 });
      if (search.length > 255) {
        expect(errorCode(found)).to.equal("BAD_USER_INPUT");
        return;
      }
      const s = search.toLowerCase();
      const expected = all.filter((n) => [n.orderId, n.product.sku, n.product.name].some((t) => t.toLowerCase().includes(s)));
      expect(found.data.preOrders.edges.map((e) => `${e.node.orderId}/${e.node.seqId}`), search).to.deep.equal(expected.slice(0, 100).map((n) => `${n.orderId}/${n.seqId}`));
      expect(found.data.preOrderQueueSummary.itemCount).to.equal(expected.length);
    }), { numRuns: 80 });
  });
});

describe("The PO upload's column mapping (property)", function () {
  this.timeout(240_000);
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
  });
  after(() => api.close());

  it("reads the column a generated header name maps, or refuses the mapping with BAD_USER_INPUT and nothing written", async () => {
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", " ", "quantity", "QTY", "x".repeat(255), "x".repeat(256))), async (name) => {
      const id = `PO-M${++n}`;
      const csv = `${quoted(name)},productSku,arrivalDate,Qty,facilityId\n${id},A,${inDays(5)},1,WH-1`;
      const before = await snapshot(api.db);
      const res = await api.gql(UPLOAD_MAPPED, { csv, columns: { orderId: name, quantity: "qty" }, dryRun: true });
      expect(await snapshot(api.db)).to.deep.equal(before);
      const key = name.trim().toLowerCase();
      const valid = key !== "" && name.length <= 255 && !["qty", "productsku", "arrivaldate", "facilityid", "orderbuffer", "bufferdays"].includes(key);
      if (!valid) {
        expect(errorCode(res), JSON.stringify(name)).to.equal("BAD_USER_INPUT");
        return;
      }
      expect(res.errors, JSON.stringify(name)).to.equal(undefined);
      expect(res.data.importPurchaseOrders.errors, JSON.stringify(name)).to.deep.equal([]);
      expect(res.data.importPurchaseOrders.purchaseOrders.map((po) => po.id)).to.deep.equal([id]);
    }), { numRuns: 100 });
  });
});

describe("Receipts mixed with releases, cancellations and quantity cuts (property)", function () {
  this.timeout(300_000);
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "M");
  });
  after(() => api.close());

  type Op = { kind: "receive"; quantity: number } | { kind: "release" | "cancel"; index: number } | { kind: "cut"; quantity: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("receive" as const), quantity: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constantFrom("release" as const, "cancel" as const), index: fc.nat(5) }),
    fc.record({ kind: fc.constant("cut" as const), quantity: fc.integer({ min: 1, max: 12 }) }),
  );

  it("keeps the allocation invariants and the unit ledger after any sequence, and refuses only with a code and nothing written", async () => {
    let run = 0;
    const inventory = async () => Number((await api.db.read((m) => m.query("SELECT inventory_available FROM product WHERE sku = 'M'")))[0].inventory_available);
    const base = await inventory();
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 5 }), fc.array(op, { minLength: 1, maxLength: 8 }), async (tied, ops) => {
      const po = `PO-MIX${++run}`;
      await purchaseOrder(api, po, [{ sku: "M", quantity: 12, arrivalDate: inDays(10), orderBuffer: 1 }]);
      const orders = tied.map((_, i) => `SO-MIX${run}-${i}`);
      for (const [i, q] of tied.entries()) await preOrder(api, orders[i], daysAgo(5 - i), [{ sku: "M", quantity: q }]);
      for (const o of ops) {
        const before = await snapshot(api.db);
        let res: { errors?: { extensions?: { code?: string } }[] };
        if (o.kind === "receive") res = await api.gql(RECEIVE, { po, seq: "00001", quantity: o.quantity });
        else if (o.kind === "cut") res = await api.gql(UPDATE_PO_ITEM_Q, { po, seq: "00001", quantity: o.quantity });
        else if (orders.length === 0) continue;
        else if (o.kind === "release") res = await api.gql(RELEASE_PRE_ORDER_ITEMS, { items: [{ orderId: orders[o.index % orders.length], seqId: "00001" }], facility: "WH-9" });
        else res = await api.gql(CANCEL_ITEM, { order: orders[o.index % orders.length], seq: "00001" });
        if (res.errors) {
          expect(["BAD_USER_INPUT", "INVALID_STATE", "PO_NOT_ALLOCATABLE"], JSON.stringify([o, res.errors])).to.include(res.errors[0].extensions?.code);
          expect(await snapshot(api.db)).to.deep.equal(before);
        }
        expect(await lifecycleViolations(api.db), JSON.stringify(o)).to.deep.equal([]);
        expect(await unitLedgerViolations(api.db, new Map([["M", base]])), JSON.stringify(o)).to.deep.equal([]);
      }
    }), { numRuns: 30 });
  });
});
