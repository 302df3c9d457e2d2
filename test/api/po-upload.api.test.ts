import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { graphql } from "../support/graphql";
import { lifecycleViolations } from "../support/invariants";
import { allocate, preOrder, products } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

const UPLOAD = graphql(`
  mutation UploadPurchaseOrders($csv: String!, $fmt: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {
    importPurchaseOrders(csv: $csv, dateFormat: $fmt, columns: $columns, dryRun: $dryRun) {
      dryRun
      errors { line message }
      purchaseOrders { id status facilityId pendingPreOrderCount items { seqId quantity orderBuffer bufferDays arrivalDate allocatedQuantity product { sku } } }
      allocationPreviews {
        purchaseOrderId allocatedItemCount allocatedQuantity
        allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }
        skipped { orderId seqId reason }
      }
    }
  }
`);

/** As a retailer's ERP exports it: its own header names, columns in its own order, an extra column. */
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const EXPORT = [
  "Internal ID,Memo,Item,Qty,Receive By,Location,Held Back",
  `PO-77,first,A,3,${us(inDays(10))},WH-1,0`,
  `PO-77,,B,2,${us(inDays(12))},WH-1,1`,
  `PO-78,second,A,4,${us(inDays(8))},WH-2,0`,
].join("\r\n");
const COLUMNS = { orderId: "Internal ID", productSku: "item", quantity: " Qty ", arrivalDate: "Receive By", facilityId: "Location", orderBuffer: "Held Back" };

describe("PO upload as the retailer exports it", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
    await preOrder(api, "SO-1", daysAgo(4), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }]);
    await preOrder(api, "SO-2", daysAgo(3), [{ sku: "A", quantity: 3 }]);
    await preOrder(api, "SO-3", daysAgo(2), [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 2 }]);
  });
  afterEach(async () => {
    expect(await lifecycleViolations(api.db)).to.deep.equal([]);
    await api.close();
  });
  const upload = (dryRun: boolean, columns: Record<string, string> | null = COLUMNS, csv = EXPORT) => api.gql(UPLOAD, { csv, fmt: "MM/dd/yyyy", columns, dryRun });

  it("maps the retailer's column names, and a dry run's preview equals what the upload and then Allocate Sales Orders on each PO do", async () => {
    const before = await snapshot(api.db);
    const preview = await upload(true);
    expect(preview.errors).to.equal(undefined);
    expect(await snapshot(api.db), "a dry run writes nothing").to.deep.equal(before);
    const dry = preview.data.importPurchaseOrders;
    expect(dry.dryRun).to.equal(true);
    expect(dry.purchaseOrders.map((po) => [po.id, po.facilityId, po.items.map((i) => `${i.product.sku}x${i.quantity}-${i.orderBuffer}@${i.arrivalDate}`)])).to.deep.equal([
      ["PO-77", "WH-1", [`Ax3-0@${inDays(10)}`, `Bx2-1@${inDays(12)}`]], ["PO-78", "WH-2", [`Ax4-0@${inDays(8)}`]],
    ]);
    // PO-77 first: SO-1 (2 A) fits, SO-2 (3 A) does not, SO-3 (2 A) does not either (1 left); B: 1 promisable unit, SO-1's 1 B fits.
    // Then PO-78 (4 A): SO-2 (3) fits, SO-3 (2) does not.
    expect(dry.allocationPreviews.map((p) => [p.purchaseOrderId, p.allocations.map((a) => `${a.orderId}/${a.seqId}->${a.purchaseOrderItemSeqId}`)])).to.deep.equal([
      ["PO-77", ["SO-1/00001->00001", "SO-1/00002->00002"]], ["PO-78", ["SO-2/00001->00001"]],
    ]);

    const real = await upload(false);
    expect(real.errors).to.equal(undefined);
    const done = real.data.importPurchaseOrders;
    expect(done.dryRun).to.equal(false);
    expect(done.allocationPreviews).to.deep.equal([]);
    expect(done.purchaseOrders).to.deep.equal(dry.purchaseOrders);
    const runs = [];
    for (const po of done.purchaseOrders) {
      const run = await allocate(api, po.id);
      runs.push({ purchaseOrderId: po.id, allocatedItemCount: run.allocatedItemCount, allocatedQuantity: run.allocatedQuantity, allocations: run.allocations, skipped: run.skipped });
    }
    expect(runs).to.deep.equal(dry.allocationPreviews);
  });

  it("names a mapped column that is missing by both names, and refuses an empty or repeated mapping with BAD_USER_INPUT, writing nothing", async () => {
    const before = await snapshot(api.db);
    const unmapped = await upload(false, null);
    expect(unmapped.data.importPurchaseOrders.errors).to.deep.equal([{ line: 1, message: "Missing columns: orderId, productSku, arrivalDate, quantity, facilityId" }]);
    const wrong = await upload(true, { ...COLUMNS, orderId: "PO Number" });
    expect(wrong.data.importPurchaseOrders.errors).to.deep.equal([{ line: 1, message: 'Missing column: orderId ("PO Number")' }]);
    expect(errorCode(await upload(false, { ...COLUMNS, orderId: " " }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await upload(false, { ...COLUMNS, orderId: "Item" }))).to.equal("BAD_USER_INPUT");
    expect(errorCode(await upload(false, { ...COLUMNS, orderId: "x".repeat(256) }))).to.equal("BAD_USER_INPUT");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("a dry run of a bad upload lists every bad row, as the upload would, and previews nothing", async () => {
    const bad = `${EXPORT}\r\nPO-79,,NO-SUCH-SKU,1,${us(inDays(5))},WH-1,0`;
    const preview = (await upload(true, COLUMNS, bad)).data.importPurchaseOrders;
    const real = (await upload(false, COLUMNS, bad)).data.importPurchaseOrders;
    expect(preview.errors).to.deep.equal([{ line: 5, message: "Unknown SKU NO-SUCH-SKU" }]);
    expect({ ...preview, dryRun: false }).to.deep.equal(real);
  });
});
