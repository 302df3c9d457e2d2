import { expect } from "chai";
import { parseArrivalDate, parsePurchaseOrderCsv } from "../../src/domain";

describe("PO CSV parsing", () => {
  const HEADER = "orderId,productSku,arrivalDate,quantity,facilityId";

  it("groups rows with the same order id into one PO, items in row order", () => {
    const csv = [HEADER, "PO-1,A,01/15/2027,10,WH-1", "PO-2,B,2027-02-01,5,WH-2", "PO-1,B,01/20/2027,3,WH-1"].join("\n");
    const { orders, errors } = parsePurchaseOrderCsv(csv, "MM/dd/yyyy");
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => [o.id, o.facilityId, o.items.map((i) => i.sku)])).to.deep.equal([
      ["PO-1", "WH-1", ["A", "B"]], ["PO-2", "WH-2", ["B"]],
    ]);
    expect(orders[0].items[0].arrivalDate!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(orders[1].items[0].arrivalDate!.toISOString()).to.equal("2027-02-01T00:00:00.000Z");
  });

  it("accepts quoted fields, CRLF line ends, optional buffer columns and a BOM", () => {
    const csv = `\uFEFF${HEADER},orderBuffer,bufferDays\r\n"PO-1","SKU, with comma","01/15/2027","10","WH-1","2","3"\r\n`;
    const { orders, errors } = parsePurchaseOrderCsv(csv, "MM/dd/yyyy");
    expect(errors).to.deep.equal([]);
    expect(orders[0].items[0]).to.include({ sku: "SKU, with comma", quantity: 10, orderBuffer: 2, bufferDays: 3 });
  });

  it("reports every bad row with its line number (the header is line 1)", () => {
    const csv = [HEADER, "PO-1,A,01/15/2027,10,WH-1", "PO-1,A,13/45/2027,10,WH-1", "PO-1,A,01/15/2027,0,WH-1", "PO-1,A,01/15/2027,5,", "PO-1,A,01/15/2027,-2,WH-1"].join("\n");
    const { errors } = parsePurchaseOrderCsv(csv, "MM/dd/yyyy");
    expect(errors.map((e) => e.line)).to.deep.equal([3, 4, 5, 6]);
    expect(errors[0].message).to.match(/arrivalDate "13\/45\/2027"/);
    expect(errors[1].message).to.match(/quantity/);
    expect(errors[2].message).to.match(/facilityId is missing/);
  });

  it("reports a missing column and a malformed quote", () => {
    expect(parsePurchaseOrderCsv("orderId,productSku,quantity\nPO-1,A,1", "MM/dd/yyyy").errors[0]).to.deep.include({ line: 1 });
    const bad = parsePurchaseOrderCsv(`${HEADER}\nPO-1,A,01/15/2027,1,WH-1\n"PO-2,A,01/15/2027,1,WH-1`, "MM/dd/yyyy");
    expect(bad.errors).to.have.length(1);
    expect(bad.errors[0].message).to.match(/Malformed CSV/);
  });

  it("reads dates in the given format and always ISO, as midnight UTC; rejects impossible days", () => {
    expect(parseArrivalDate("15.01.2027", "dd.MM.yyyy")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("2027-01-15", "dd.MM.yyyy")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("02/30/2027", "MM/dd/yyyy")).to.equal(null);
    expect(parseArrivalDate("2027-02-30", "MM/dd/yyyy")).to.equal(null);
    expect(parseArrivalDate("tomorrow", "MM/dd/yyyy")).to.equal(null);
  });
});
