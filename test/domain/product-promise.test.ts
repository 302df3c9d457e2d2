import { expect } from "chai";
import { decidePromise } from "../../src/domain";
import { padToPowerOfTwo } from "../../src/db";

const day = (n: number) => new Date(Date.UTC(2027, 0, n));
const item = (orderId: string, arrival: number, atp: number, bufferDays = 0) => ({
  id: arrival * 100 + atp, orderId, orderItemSeqId: "00001", productId: 1, quantity: atp + 1, orderBuffer: 1, allocatedQuantity: 0, receivedQuantity: 0, heldQuantity: 0,
  bufferDays, estimatedDeliveryDate: day(arrival), statusId: "ITEM_APPROVED",
});
const product = (inventoryAvailable = 0) => ({ productId: 1, sku: "A", inventoryAvailable });

describe("The PDP promise decision", () => {
  it("promises the PO item a pre-order placed now would be tied to: earliest arrival, then lower PO id", () => {
    const view = decidePromise(product(), [item("PO-B", 10, 1, 2), item("PO-A", 10, 1, 5), item("PO-0", 20, 4)]);
    expect(view).to.include({ status: "PRE_ORDER", purchaseOrderId: "PO-A", availableToPromise: 6, quantity: 1 });
    expect(view.promiseDate).to.deep.equal(day(15));
  });

  it("for N units, skips earlier items that cannot take N whole", () => {
    const view = decidePromise(product(2), [item("PO-A", 10, 2), item("PO-B", 30, 3)], 3);
    expect(view).to.include({ status: "PRE_ORDER", purchaseOrderId: "PO-B", quantity: 3 });
    expect(decidePromise(product(2), [item("PO-A", 10, 2)], 3)).to.include({ status: "OUT_OF_STOCK", availableToPromise: 2, promiseDate: null });
    expect(decidePromise(product(3), [item("PO-A", 10, 2)], 3)).to.include({ status: "IN_STOCK", purchaseOrderId: null, promiseDate: null });
  });

  it("pads IN lists to a power of two so few statement texts are ever prepared", () => {
    expect(padToPowerOfTwo(["a"])).to.deep.equal(["a"]);
    expect(padToPowerOfTwo(["a", "b", "c"])).to.deep.equal(["a", "b", "c", "c"]);
    expect(padToPowerOfTwo(Array.from({ length: 250 }, (_, i) => i))).to.have.length(256);
  });
});
