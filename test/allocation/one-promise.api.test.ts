import { expect } from "chai";
import { addDays, byPreference, compareBytes, parseIsoDay } from "../../src/domain";
import { daysAgo, inDays } from "../support/clock";
import { ALLOCATE_PRE_ORDER_ITEM, PROMISE, RELEASE_ALLOCATION, UPDATE_PO_ITEM } from "../support/documents";
import { expectAllocationInvariants } from "../support/invariants";
import { allocate, feed, history, preOrder, preOrderItem, products, purchaseOrder } from "../support/scenario";
import { emptyTables } from "../support/database";
import { graphql } from "../support/graphql";
import { TestServer, startTestServer } from "../support/server";

describe("One customer promise: the PDP's date is the date the pre-order gets", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
  });
  after(() => api.close());
  beforeEach(async () => {
    await emptyTables(api.db);
    await products(api, "A", "B");
  });

  const pdp = async (sku: string) => (await api.gql(PROMISE, { sku })).data.productPromise!;

  it("promises arrival date + buffer days on import, Allocate Sales Orders and a manual tie, as the PDP showed", async () => {
    await preOrder(api, "SO-WAIT", daysAgo(3), [{ sku: "A", quantity: 1 }, { sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10), bufferDays: 2 }]);
    const shown = await pdp("A");
    expect(shown).to.include({ status: "PRE_ORDER", promiseDate: inDays(12), purchaseOrderId: "PO-1" });

    const run = await allocate(api, "PO-1");
    expect(run.allocations.map((a) => a.promiseDate)).to.deep.equal([inDays(12), inDays(12)]);
    const imported = await preOrder(api, "SO-NEW", daysAgo(0), [{ sku: "A", quantity: 1 }]);
    expect(imported[0]).to.include({ purchaseOrderId: "PO-1", promiseDate: shown.promiseDate });
    await api.gql(RELEASE_ALLOCATION, { order: "SO-WAIT", seq: "00002" });
    const tied = await api.gql(ALLOCATE_PRE_ORDER_ITEM, { order: "SO-WAIT", seq: "00002", po: "PO-1", poSeq: "00001" });
    expect(tied.data.allocatePreOrderItem.promiseDate).to.equal(inDays(12));
    expect((await history(api)).filter((e) => e.type === "ALLOCATE").map((e) => e.newPromiseDate)).to.deep.equal(Array(4).fill(inDays(12)));
    await expectAllocationInvariants(api.db);
  });

  it("re-promises the tied pre-orders when the arrival date or the buffer days change: one history event and one feed row each", async () => {
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 10, arrivalDate: inDays(10), bufferDays: 1 }]);
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 2 }]);
    await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 3 }]);
    const rows = async () => (await feed(api)).length;
    expect(await rows()).to.equal(2);

    const buffer = await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { bufferDays: 5 } });
    expect(buffer.data.updatePurchaseOrderItem).to.include({ arrivalDate: inDays(10), promiseDate: inDays(15) });
    expect((await preOrderItem(api, "SO-1")).promiseDate).to.equal(inDays(15));
    expect(await rows()).to.equal(4);

    await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(20), bufferDays: 0 } });
    expect((await preOrderItem(api, "SO-2")).promiseDate).to.equal(inDays(20));
    expect((await pdp("A")).promiseDate).to.equal(inDays(20));
    const events = (await history(api)).filter((e) => e.type === "REPROMISE");
    expect(events.map((e) => [e.orderId, e.oldPromiseDate, e.newPromiseDate, e.reason])).to.have.deep.members([
      ["SO-1", inDays(11), inDays(15), "Buffer days of PO PO-1/00001 changed"],
      ["SO-2", inDays(11), inDays(15), "Buffer days of PO PO-1/00001 changed"],
      ["SO-1", inDays(15), inDays(20), "Arrival date and buffer days of PO PO-1/00001 changed"],
      ["SO-2", inDays(15), inDays(20), "Arrival date and buffer days of PO PO-1/00001 changed"],
    ]);
    expect(await rows()).to.equal(6);
    // A change that moves no promise writes nothing.
    await api.gql(UPDATE_PO_ITEM, { po: "PO-1", seq: "00001", input: { arrivalDate: inDays(19), bufferDays: 1 } });
    expect(await rows()).to.equal(6);
    await expectAllocationInvariants(api.db);
  });
});

const TIE_TO_PO = graphql(`
  mutation TieToPreferredItem($order: ID!, $seq: String!, $po: ID!) {
    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po) { purchaseOrderId purchaseOrderItemSeqId promiseDate }
  }
`);

describe("One preference order for PO items: earliest arrival, then PO id byte by byte, then item seq id", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
  });
  after(() => api.close());
  beforeEach(async () => {
    await emptyTables(api.db);
    await products(api, "A");
  });

  it("makes the PDP, the import and a manual tie without a PO item pick the same item when two arrive the same day", async () => {
    // Byte order puts "PO-B" (0x42) before "PO-a" (0x61); localeCompare would not.
    await purchaseOrder(api, "PO-a", [{ sku: "A", quantity: 5, arrivalDate: inDays(10), bufferDays: 1 }]);
    await purchaseOrder(api, "PO-B", [{ sku: "A", quantity: 5, arrivalDate: inDays(10), bufferDays: 3 }]);
    expect((await api.gql(PROMISE, { sku: "A" })).data.productPromise).to.include({ purchaseOrderId: "PO-B", promiseDate: inDays(13) });
    const [imported] = await preOrder(api, "SO-1", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    expect(imported).to.include({ purchaseOrderId: "PO-B", promiseDate: inDays(13) });

    await preOrder(api, "SO-2", daysAgo(1), [{ sku: "A", quantity: 4, facilityId: "BACKORDER_PARKING" }]);
    await purchaseOrder(api, "PO-C", [{ sku: "A", quantity: 5, arrivalDate: inDays(10) }, { sku: "A", quantity: 5, arrivalDate: inDays(9) }]);
    await api.gql(RELEASE_ALLOCATION, { order: "SO-1", seq: "00001" });
    const manual = await api.gql(TIE_TO_PO, { order: "SO-1", seq: "00001", po: "PO-C" });
    expect(manual.data.allocatePreOrderItem).to.include({ purchaseOrderId: "PO-C", purchaseOrderItemSeqId: "00002", promiseDate: inDays(9) });
  });

  it("agrees with an ORDER BY over the id columns for ids of every kind of character", async () => {
    const ids = ["PO-a", "PO-B", "PO-É", "PO-e", "PO-\u{1F600}", "PO-\uFF21", "PO-1", "PO-10", "PO-2", "po-1"];
    for (const id of ids) await purchaseOrder(api, id, [{ sku: "A", quantity: 1, arrivalDate: inDays(10) }]);
    const bySql: string[] = (await api.db.read((m) => m.query(
      "SELECT p.order_id FROM purchase_order_item p ORDER BY p.estimated_delivery_date, p.order_id, p.order_item_seq_id",
    ))).map((r: { order_id: string }) => r.order_id);
    const day = parseIsoDay(inDays(10))!;
    const item = (orderId: string) => ({ id: 0, orderId, orderItemSeqId: "00001", productId: 1, quantity: 1, orderBuffer: 0, bufferDays: 0, allocatedQuantity: 0, receivedQuantity: 0, heldQuantity: 0, estimatedDeliveryDate: day, statusId: "ITEM_CREATED" });
    expect(ids.map(item).sort(byPreference).map((i) => i.orderId)).to.deep.equal(bySql);
    expect([...ids].sort(compareBytes)).to.deep.equal([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(addDays(day, 0)).to.deep.equal(day);
  });
});
