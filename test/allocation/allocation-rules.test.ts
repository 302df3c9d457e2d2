import { expect } from "chai";
import { availableToPromise, planAllocation, PoItemForRules, WaitingItem } from "../../src/domain";

const TODAY = new Date("2027-03-10T00:00:00.000Z");
const day = (d: number) => new Date(TODAY.getTime() + d * 86_400_000);

let nextId = 1;
function poItem(seq: number, productId: number, quantity: number, arrival: Date | null, more: Partial<PoItemForRules> = {}): PoItemForRules {
  return { id: nextId++, orderId: "PO-1", orderItemSeqId: String(seq).padStart(5, "0"), productId, quantity, orderBuffer: 0, bufferDays: 0, allocatedQuantity: 0, receivedQuantity: 0, heldQuantity: 0,
    estimatedDeliveryDate: arrival, statusId: "ITEM_APPROVED", ...more };
}
const waiting = (orderId: string, productId: number, quantity: number): WaitingItem => ({ id: nextId++, orderId, orderItemSeqId: "00001", productId, quantity });
const outcome = (plan: ReturnType<typeof planAllocation>) => ({
  ties: plan.ties.map((t) => `${t.item.orderId}->${t.poItem.orderItemSeqId}`),
  skipped: plan.skipped.map((s) => `${s.item.orderId}:${s.reason}`),
});

describe("planAllocation (rules 4–6 in memory)", () => {
  it("ties items whole, in the order given, and lowers the PO item's ATP as it goes", () => {
    const items = [poItem(1, 7, 5, day(10))];
    const plan = planAllocation([waiting("SO-1", 7, 2), waiting("SO-2", 7, 3), waiting("SO-3", 7, 1)], items, TODAY);
    expect(outcome(plan)).to.deep.equal({ ties: ["SO-1->00001", "SO-2->00001"], skipped: ["SO-3:INSUFFICIENT_ATP"] });
    expect(items[0].allocatedQuantity).to.equal(5);
    expect(availableToPromise(items[0])).to.equal(0);
  });

  it("skips an item that does not fit and ties later, smaller ones (no split)", () => {
    const plan = planAllocation([waiting("SO-1", 7, 4), waiting("SO-2", 7, 6), waiting("SO-3", 7, 1)], [poItem(1, 7, 5, day(10))], TODAY);
    expect(outcome(plan)).to.deep.equal({ ties: ["SO-1->00001", "SO-3->00001"], skipped: ["SO-2:INSUFFICIENT_ATP"] });
  });

  it("prefers the earliest arrival date, then the lower seq id, among items whose ATP covers the whole quantity", () => {
    const items = [poItem(1, 7, 3, day(30)), poItem(2, 7, 2, day(5)), poItem(3, 7, 2, day(5)), poItem(4, 8, 9, day(1))];
    const plan = planAllocation([waiting("SO-1", 7, 1), waiting("SO-2", 7, 2), waiting("SO-3", 7, 2), waiting("SO-4", 7, 3), waiting("SO-5", 7, 1)], items, TODAY);
    expect(outcome(plan).ties).to.deep.equal(["SO-1->00002", "SO-2->00003", "SO-3->00001", "SO-5->00002"]);
    expect(outcome(plan).skipped).to.deep.equal(["SO-4:INSUFFICIENT_ATP"]);
  });

  it("keeps the order buffer and what is already allocated out of the ATP", () => {
    const items = [poItem(1, 7, 10, day(3), { orderBuffer: 3, allocatedQuantity: 4 })];
    const plan = planAllocation([waiting("SO-1", 7, 4), waiting("SO-2", 7, 3)], items, TODAY);
    expect(outcome(plan)).to.deep.equal({ ties: ["SO-2->00001"], skipped: ["SO-1:INSUFFICIENT_ATP"] });
    expect(items[0].allocatedQuantity).to.equal(7);
  });

  it("says NO_ARRIVAL_DATE when the product's PO items have no arrival date or only a past one, INSUFFICIENT_ATP otherwise", () => {
    const items = [poItem(1, 1, 9, null), poItem(2, 2, 9, day(-1)), poItem(3, 3, 1, day(0)), poItem(4, 3, 9, day(-5))];
    const plan = planAllocation([waiting("SO-1", 1, 1), waiting("SO-2", 2, 1), waiting("SO-3", 3, 2), waiting("SO-4", 3, 1)], items, TODAY);
    expect(outcome(plan)).to.deep.equal({ ties: ["SO-4->00003"], skipped: ["SO-1:NO_ARRIVAL_DATE", "SO-2:NO_ARRIVAL_DATE", "SO-3:INSUFFICIENT_ATP"] });
  });

  it("never uses a cancelled or completed PO item", () => {
    const items = [poItem(1, 7, 9, day(1), { statusId: "ITEM_CANCELLED" }), poItem(2, 7, 9, day(2), { statusId: "ITEM_COMPLETED" }), poItem(3, 7, 9, day(40), { statusId: "ITEM_CREATED" })];
    expect(outcome(planAllocation([waiting("SO-1", 7, 1)], items, TODAY)).ties).to.deep.equal(["SO-1->00003"]);
    expect(outcome(planAllocation([waiting("SO-2", 7, 1)], items.slice(0, 2), TODAY)).skipped).to.deep.equal(["SO-2:NO_ARRIVAL_DATE"]);
  });

  it("continues one plan across pages: the ATP taken on one page is gone on the next", () => {
    const items = [poItem(1, 7, 3, day(10))];
    const plan = planAllocation([waiting("SO-1", 7, 2)], items, TODAY);
    planAllocation([waiting("SO-2", 7, 2), waiting("SO-3", 7, 1)], items, TODAY, plan);
    expect(outcome(plan)).to.deep.equal({ ties: ["SO-1->00001", "SO-3->00001"], skipped: ["SO-2:INSUFFICIENT_ATP"] });
  });
});
