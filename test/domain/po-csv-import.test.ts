import { expect } from "chai";
import { Db } from "../../src/db";
import { createPurchaseOrders, importPurchaseOrders, upsertProducts } from "../../src/domain";
import { openTestDb, snapshot } from "../support/database";

/** importPurchaseOrders over a database: all rows stored, or none and every bad row listed, merged by line. */
describe("PO CSV import", () => {
  const HEADER = "orderId,productSku,arrivalDate,quantity,facilityId";
  let db: Db;
  before(async () => {
    db = await openTestDb();
    await db.write((m) => upsertProducts(m, [{ sku: "A", name: "A" }, { sku: "B", name: "B" }]));
    await db.write((m) => createPurchaseOrders(m, [{ id: "PO-OLD", facilityId: "WH", items: [{ sku: "A", quantity: 1 }] }]));
  });
  after(() => db.close());

  it("stores every PO, in upload order, reading dates in MM/dd/yyyy when no format is given", async () => {
    const csv = [HEADER, "PO-2,B,01/15/2027,2,WH", "PO-1,A,2027-02-01,1,WH", "PO-2,A,,3,WH"].join("\n");
    const result = await db.write((m) => importPurchaseOrders(m, csv));
    expect(result.errors).to.deep.equal([]);
    expect(result.purchaseOrders.map((po) => [po.orderId, po.facilityId])).to.deep.equal([["PO-2", "WH"], ["PO-1", "WH"]]);
    const items = await db.read((m) => m.query("SELECT order_id, order_item_seq_id, quantity FROM purchase_order_item WHERE order_id IN ('PO-1', 'PO-2') ORDER BY order_id, order_item_seq_id"));
    expect(items.map((r: Record<string, unknown>) => [r.order_id, r.order_item_seq_id, Number(r.quantity)])).to.deep.equal([
      ["PO-1", "00001", 1], ["PO-2", "00001", 2], ["PO-2", "00002", 3],
    ]);
  });

  it("stores nothing when any row is bad, listing unknown SKUs, ids in use and parse errors, one message per line", async () => {
    const before = await snapshot(db);
    const csv = [HEADER, "PO-3,A,01/15/2027,1,WH", "PO-OLD,NOPE,01/15/2027,1,WH", "PO-4,NOPE,01/15/2027,1,WH", "PO-5,A,01/15/27,1,WH", "PO-1,A,,1,WH"].join("\r\n");
    const result = await db.write((m) => importPurchaseOrders(m, csv, "MM/dd/yyyy"));
    expect(result).to.deep.equal({
      purchaseOrders: [],
      errors: [
        { line: 3, message: "Unknown SKU NOPE; An order with id PO-OLD already exists" },
        { line: 4, message: "Unknown SKU NOPE" },
        { line: 5, message: 'arrivalDate "01/15/27" is not a day written MM/dd/yyyy (four-digit year) or yyyy-MM-dd, a real day of a year from 2000 to 2199' },
        { line: 6, message: "An order with id PO-1 already exists" },
      ],
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it("reads the given format", async () => {
    const result = await db.write((m) => importPurchaseOrders(m, `${HEADER}\nPO-6,A,15.01.2027,1,WH`, "dd.MM.yyyy"));
    expect(result.errors).to.deep.equal([]);
    expect(result.purchaseOrders.map((po) => po.orderId)).to.deep.equal(["PO-6"]);
  });

  it("checks SKUs and ids in groups of 500: 501 distinct unknown SKUs and 501 ids in use are all listed", async () => {
    const taken = Array.from({ length: 501 }, (_, i) => `PO-T${i}`);
    await db.write((m) => createPurchaseOrders(m, taken.map((id) => ({ id, facilityId: "WH", items: [{ sku: "A", quantity: 1 }] }))));
    const rows = taken.map((id, i) => `${id},U${i},,1,WH`);
    const result = await db.write((m) => importPurchaseOrders(m, [HEADER, ...rows].join("\n")));
    expect(result.errors).to.have.length(501);
    expect(result.errors[500]).to.deep.equal({ line: 502, message: "Unknown SKU U500; An order with id PO-T500 already exists" });
  });
});
