import { expect } from "chai";
import { seedAllocationWorkload } from "../../bench/seed-allocation";
import { waitingReadSizes } from "../../src/domain";
import { Db } from "../../src/db";
import { openTestDb, runAllocation, snapshot } from "../support/database";
import { expectAllocationInvariants } from "../support/invariants";

describe("Allocate Sales Orders reading many waiting items in pages", () => {
  let db: Db;
  const defaults = { ...waitingReadSizes };
  beforeEach(async () => {
    db = await openTestDb();
    // 1,200 waiting items over 45 products; quantities 1–3 against 25 units (2 buffered) each.
    await seedAllocationWorkload(db, { products: 45, waitingItems: 1200, purchaseOrderId: "PO-MANY", poQuantity: 25, prefix: "MANY" });
  });
  afterEach(async () => {
    Object.assign(waitingReadSizes, defaults);
    await db.close();
  });

  it("plans the same ties and skips, first in first out, however the reads are paged", async () => {
    const whole = await runAllocation(db, "PO-MANY", "test", true);
    expect(whole.allocatedItemCount).to.be.within(300, 1000);
    expect(whole.skipped.length).to.equal(1200 - whole.allocatedItemCount);

    Object.assign(waitingReadSizes, { productsPerRead: 7, page: 9 });
    const before = await snapshot(db);
    const paged = await runAllocation(db, "PO-MANY", "test", true);
    expect(await snapshot(db)).to.deep.equal(before);
    expect(paged.allocations).to.deep.equal(whole.allocations);
    expect(paged.skipped).to.deep.equal(whole.skipped);

    const real = await runAllocation(db, "PO-MANY", "test");
    expect(real.allocations).to.deep.equal(whole.allocations);
    expect(real.run!.allocatedItemCount).to.equal(whole.allocatedItemCount);
    await expectAllocationInvariants(db);
  });

  it("lists the payload in one first-in-first-out order across product groups", async () => {
    Object.assign(waitingReadSizes, { productsPerRead: 4, page: 5 });
    const run = await runAllocation(db, "PO-MANY", "test", true);
    for (const list of [run.allocations, run.skipped]) {
      const order = list.map((a) => `${a.orderId}/${a.seqId}`);
      expect(order).to.deep.equal([...order].sort());
    }
  });
});
