import { expect } from "chai";
import { headerNames, parseArrivalDate, parsePurchaseOrderCsv } from "../../src/domain";

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

describe("PO CSV parsing: nothing silently changed or lost (issue 11)", () => {
  const HEADER = "orderId,productSku,arrivalDate,quantity,facilityId";
  const parse = (csv: string, format = "MM/dd/yyyy") => parsePurchaseOrderCsv(csv, format);
  const rowError = (row: string, format = "MM/dd/yyyy", header = HEADER) => {
    const { errors, orders } = parse(`${header}\n${row}\n`, format);
    expect(orders, "nothing parsed as a PO when the only row is bad").to.deep.equal([]);
    expect(errors).to.have.length(1);
    expect(errors[0].line).to.equal(2);
    return errors[0].message;
  };

  it("splits records at every line ending, mixed in one file (CRLF first, then LF, then CR)", () => {
    const csv = `${HEADER}\r\nPO-M1,A,01/15/2027,5,WH\nPO-M2,A,01/15/2027,6,WH\rPO-M3,B,01/15/2027,7,WH\r\n`;
    const { orders, errors } = parse(csv);
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => [o.id, o.facilityId, o.items.map((i) => [i.sku, i.quantity])])).to.deep.equal([
      ["PO-M1", "WH", [["A", 5]]], ["PO-M2", "WH", [["A", 6]]], ["PO-M3", "WH", [["B", 7]]],
    ]);
  });

  it("numbers lines the same whatever the line endings", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const csv = [HEADER, "PO-1,A,01/15/2027,5,WH", "", "PO-1,A,01/15/2027,0,WH", "PO-1,A,01/15/2027,5,WH"].join(eol);
      expect(parse(csv).errors.map((e) => e.line), JSON.stringify(eol)).to.deep.equal([4]);
    }
  });

  it("the issue's file: three POs, none merged into a facility id", () => {
    const { orders, errors } = parse("orderId,productSku,arrivalDate,quantity,facilityId\r\nPO-M1,A,01/15/2027,5,WH\nPO-M2,A,01/15/2027,6,WH\nPO-M3,B,01/15/2027,7,WH\r\n");
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => o.facilityId)).to.deep.equal(["WH", "WH", "WH"]);
    expect(orders.map((o) => o.id)).to.deep.equal(["PO-M1", "PO-M2", "PO-M3"]);
  });

  it("refuses a line break inside a quoted id (a field cannot hold one)", () => {
    expect(rowError(`"PO-1\nX",A,01/15/2027,5,WH`)).to.equal("A quoted field holds a line break: no field of a PO row may");
    expect(parse(`${HEADER}\n\nPO-2,A,,0,WH\r\nPO-1,A,"01/15\r\n/2027",5,WH\nPO-2,A,,0,WH`).errors).to.deep.equal([
      { line: 3, message: 'quantity "0" must be a whole number from 1 to 1000000' },
      { line: 4, message: "A quoted field holds a line break: no field of a PO row may" },
    ]);
    expect(parse(`${HEADER}\n"PO-1",A,,1,"W\rH"`).errors).to.deep.equal([{ line: 2, message: "A quoted field holds a line break: no field of a PO row may" }]);
  });

  it("refuses two-digit and unpadded years under MM/dd/yyyy, naming the expected format", () => {
    for (const date of ["01/15/27", "1/5/27", "1/15/2027", "01/5/2027", "01/15/02027", " 01/15/2027", "01/15/2027 "]) {
      expect(rowError(`PO-1,A,${JSON.stringify(date)},5,WH`), date).to.include(`arrivalDate "${date}" is not a day written MM/dd/yyyy (four-digit year)`);
    }
  });

  it("refuses ISO days outside 2000-2199, impossible days and months, and trailing junk", () => {
    for (const date of ["0027-01-15", "1999-12-31", "2200-01-01", "2027-13-01", "2027-00-10", "2027-02-30", "2027-03-10junk", "2027-3-10", "02/29/2027", "13/01/2027", "00/10/2027", "12/32/2027"]) {
      expect(rowError(`PO-1,A,${date},5,WH`), date).to.match(/^arrivalDate ".*" is not a day written MM\/dd\/yyyy .*from 2000 to 2199$/);
    }
  });

  it("accepts the first and last days of the range, a leap day, and an empty arrival date (not known yet)", () => {
    const csv = [HEADER, "PO-1,A,01/01/2000,1,WH", "PO-1,A,12/31/2199,1,WH", "PO-1,A,02/29/2028,1,WH", "PO-1,A,2199-12-31,1,WH", "PO-1,A,,1,WH"].join("\n");
    const { orders, errors } = parse(csv);
    expect(errors).to.deep.equal([]);
    expect(orders[0].items.map((i) => i.arrivalDate?.toISOString() ?? null)).to.deep.equal([
      "2000-01-01T00:00:00.000Z", "2199-12-31T00:00:00.000Z", "2028-02-29T00:00:00.000Z", "2199-12-31T00:00:00.000Z", null,
    ]);
  });

  it("reads other formats exactly: dd.MM.yyyy and MMM d, yyyy", () => {
    expect(parseArrivalDate("15.01.2027", "dd.MM.yyyy")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("15.1.2027", "dd.MM.yyyy")).to.equal(null);
    expect(parseArrivalDate("Jan 5, 2027", "MMM d, yyyy")!.toISOString()).to.equal("2027-01-05T00:00:00.000Z");
    expect(parseArrivalDate("Jan 05, 2027", "MMM d, yyyy")).to.equal(null);
    expect(parseArrivalDate("15.01.1999", "dd.MM.yyyy")).to.equal(null);
    expect(parseArrivalDate("31.12.2199", "dd.MM.yyyy")!.toISOString()).to.equal("2199-12-31T00:00:00.000Z");
    expect(parseArrivalDate("01.01.2200", "dd.MM.yyyy")).to.equal(null);
  });

  it("refuses a date format without a four-digit year, or without a day", () => {
    for (const format of ["MM/dd/yy", "MM/yyyy", "yyyy", "QQQQQ", "MM/dd/yyyyy", ""]) {
      expect(() => parse(`${HEADER}\nPO-1,A,01/15/2027,5,WH`, format), format).to.throw(/is not a date format with a four-digit year/);
    }
  });

  it("reports a PO whose rows name different facilities, instead of merging them", () => {
    const { orders, errors } = parse([HEADER, "PO-1,A,01/15/2027,5,WH-1", "PO-1,B,01/15/2027,5,WH-2", "PO-2,A,01/15/2027,5,WH-2"].join("\n"));
    expect(errors).to.deep.equal([{ line: 3, message: "facilityId WH-2 differs from WH-1 on earlier rows of PO-1" }]);
    expect(orders.map((o) => [o.id, o.items.length])).to.deep.equal([["PO-1", 1], ["PO-2", 1]]);
  });

  it("reports an order buffer above the quantity, and bad orderBuffer and bufferDays values", () => {
    const header = `${HEADER},orderBuffer,bufferDays`;
    expect(rowError("PO-1,A,01/15/2027,5,WH,6,0", "MM/dd/yyyy", header)).to.equal("orderBuffer 6 exceeds quantity 5");
    expect(rowError("PO-1,A,01/15/2027,5,WH,x,0", "MM/dd/yyyy", header)).to.equal('orderBuffer "x" must be a whole number from 0 to the quantity');
    expect(rowError("PO-1,A,01/15/2027,5,WH,-1,0", "MM/dd/yyyy", header)).to.equal('orderBuffer "-1" must be a whole number from 0 to the quantity');
    expect(rowError("PO-1,A,01/15/2027,5,WH,0,x", "MM/dd/yyyy", header)).to.equal('bufferDays "x" must be a whole number from 0 to 365');
    expect(rowError("PO-1,A,01/15/2027,5,WH,0,1000000000", "MM/dd/yyyy", header)).to.equal('bufferDays "1000000000" must be a whole number from 0 to 365');
    expect(rowError("PO-1,A,01/15/2027,5,WH,0,366", "MM/dd/yyyy", header)).to.equal('bufferDays "366" must be a whole number from 0 to 365');
    expect(rowError("PO-1,A,01/15/2027,5,WH,0,1.5", "MM/dd/yyyy", header)).to.equal('bufferDays "1.5" must be a whole number from 0 to 365');
    expect(rowError("PO-1,A,01/15/2027,5,WH,0, 1", "MM/dd/yyyy", header)).to.equal('bufferDays " 1" must be a whole number from 0 to 365');
    const { orders, errors } = parse(`${header}\nPO-1,A,01/15/2027,1000000,WH,1000000,365\nPO-1,A,01/15/2027,1,WH,,\nPO-1,A,01/15/2027,1,WH,0,0`);
    expect(errors).to.deep.equal([]);
    expect(orders[0].items.map((i) => [i.quantity, i.orderBuffer, i.bufferDays])).to.deep.equal([[1000000, 1000000, 365], [1, 0, 0], [1, 0, 0]]);
  });

  it("reports quantities that are not whole numbers from 1 to 1,000,000", () => {
    for (const quantity of ["0", "-1", "1000001", "99999999999", "1e3", "0x10", "", "5 ", "+5", "five"]) {
      expect(rowError(`PO-1,A,01/15/2027,${quantity},WH`), quantity).to.equal(`quantity "${quantity}" must be a whole number from 1 to 1000000`);
    }
  });

  it("reports a header-only file, an empty file and a file of blank lines", () => {
    expect(parse(`${HEADER}\r\n`).errors).to.deep.equal([{ line: 1, message: "The CSV has a header but no rows" }]);
    expect(parse("").errors).to.deep.equal([{ line: 1, message: "The CSV is empty: expected a header row" }]);
    expect(parse("\r\n\n\r").errors).to.deep.equal([{ line: 1, message: "The CSV is empty: expected a header row" }]);
  });

  it("reports missing and repeated columns on line 1; reads column names in any case and order", () => {
    expect(parse("orderId,productSku,quantity\nPO-1,A,1").errors).to.deep.equal([{ line: 1, message: "Missing columns: arrivalDate, facilityId" }]);
    expect(parse("orderId,productSku,arrivalDate,quantity\nPO-1,A,,1").errors).to.deep.equal([{ line: 1, message: "Missing column: facilityId" }]);
    expect(parse(`${HEADER},quantity\nPO-1,A,,1,WH,2`).errors).to.deep.equal([{ line: 1, message: "Column quantity appears more than once" }]);
    const { orders, errors } = parse("FACILITYID, Quantity ,productsku,ARRIVALDATE,orderid\nWH,3,A,01/15/2027,PO-1");
    expect(errors).to.deep.equal([]);
    expect(orders).to.deep.equal([{ id: "PO-1", facilityId: "WH", items: [{ sku: "A", quantity: 3, arrivalDate: new Date("2027-01-15T00:00:00Z"), orderBuffer: 0, bufferDays: 0 }] }]);
  });

  it("reports ids and SKUs that are missing, over-long, padded, invisible or reserved, exactly as the API does", () => {
    expect(rowError(",A,01/15/2027,5,WH")).to.equal("orderId is missing");
    expect(rowError("PO-1,,01/15/2027,5,WH")).to.equal("productSku is missing");
    expect(rowError("PO-1,A,01/15/2027,5,")).to.equal("facilityId is missing");
    expect(rowError(`${"P".repeat(65)},A,01/15/2027,5,WH`)).to.equal("orderId must be at most 64 characters (got 65)");
    expect(rowError(`PO-1,${"S".repeat(65)},01/15/2027,5,WH`)).to.equal("productSku must be at most 64 characters (got 65)");
    expect(rowError(`PO-1,A,01/15/2027,5,${"W".repeat(65)}`)).to.equal("facilityId must be at most 64 characters (got 65)");
    expect(rowError("PO-1 ,A,01/15/2027,5,WH")).to.equal("orderId must not start or end with whitespace");
    expect(rowError("PO-1, A,01/15/2027,5,WH")).to.equal("productSku must not start or end with whitespace");
    expect(rowError("PO-1,A,01/15/2027,5,WH\t")).to.equal("facilityId must not start or end with whitespace");
    expect(rowError("PO-\u200B1,A,01/15/2027,5,WH")).to.match(/^orderId must not hold control, format/);
    expect(parse(`${HEADER}\r\nPO-1,A,,5,WH\r\nPO-\uD8001,A,01/15/2027,5,WH`).errors).to.deep.equal([{ line: 3, message: "Line holds a lone UTF-16 surrogate (not text): ids would not be stored as sent" }]);
    expect(parse(`${HEADER}\rPO-1,A,,5,WH\rPO-1,\uDC00,,5,WH`).errors[0].line).to.equal(3);
    expect(rowError("PreOrderItem:7,A,01/15/2027,5,WH")).to.match(/^orderId must not start with "PreOrderItem:"/);
    const { orders } = parse(`${HEADER}\n${"P".repeat(64)},${"S".repeat(64)},,1,"W H, 1"`);
    expect(orders[0]).to.deep.include({ id: "P".repeat(64), facilityId: "W H, 1" });
  });

  it("lists every problem of a row in one message, rows in line order", () => {
    const { errors } = parse([HEADER, "PO-1,A,01/15/2027,5,WH-1", "PO-1,B,01/15/2027,5,WH-2", ",,13/01/2027,0,"].join("\n"));
    expect(errors).to.deep.equal([
      { line: 3, message: "facilityId WH-2 differs from WH-1 on earlier rows of PO-1" },
      { line: 4, message: 'orderId is missing; productSku is missing; facilityId is missing; arrivalDate "13/01/2027" is not a day written MM/dd/yyyy (four-digit year) or yyyy-MM-dd, a real day of a year from 2000 to 2199; quantity "0" must be a whole number from 1 to 1000000' },
    ]);
  });

  const refusedWith = (line: number, message: string) => ({ orders: [], rows: [], errors: [{ line, message }] });

  it("refuses a whole file with one error, listing no rows and no POs", () => {
    expect(parse(`${HEADER}\n`)).to.deep.equal(refusedWith(1, "The CSV has a header but no rows"));
    expect(parse("")).to.deep.equal(refusedWith(1, "The CSV is empty: expected a header row"));
    expect(parse("orderId\nPO-1")).to.deep.equal(refusedWith(1, "Missing columns: productSku, arrivalDate, quantity, facilityId"));
    expect(parse(`quantity,${HEADER},QUANTITY,bufferDays,bufferdays\n1,PO-1,A,,1,WH,1,0,0`)).to.deep.equal(
      refusedWith(1, "Column quantity appears more than once; Column bufferDays appears more than once"));
    expect(parse(`${HEADER},orderBuffer,orderBuffer\nPO-1,A,,1,WH,0,0`)).to.deep.equal(refusedWith(1, "Column orderBuffer appears more than once"));
    expect(parse(`orderId,orderId\nPO-1,PO-1`)).to.deep.equal(
      refusedWith(1, "Missing columns: productSku, arrivalDate, quantity, facilityId; Column orderId appears more than once"));
    expect(parse(`${HEADER}\nPO-1,A,,1,WH\nPO-2,"A,,1,WH`)).to.deep.equal(
      refusedWith(3, "Malformed CSV: Quote Not Closed: the parsing is finished with an opening quote at line 3"));
    expect(parse(`${HEADER}\nPO-1,A,,1,WH\n\nPO-2,A"x,,1,WH`).errors.map((e) => e.line)).to.deep.equal([4]);
    expect(parse(`${HEADER}\nPO-1,A,,1,${"W".repeat(5000)}`)).to.deep.equal(refusedWith(2, "Line is longer than 4096 characters"));
    expect(parse(`${HEADER}\nPO-\uD800,A,,1,WH`)).to.deep.equal(refusedWith(2, "Line holds a lone UTF-16 surrogate (not text): ids would not be stored as sent"));
  });

  it("reads a header written with a byte order mark and quotes", () => {
    const { orders, errors } = parse(`\uFEFF"orderId","productSku","arrivalDate","quantity","facilityId"\nPO-1,A,,1,WH`);
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => o.id)).to.deep.equal(["PO-1"]);
  });

  it("returns the good rows with their lines next to the POs", () => {
    const { rows } = parse([HEADER, "PO-1,A,01/15/2027,2,WH", "PO-1,A,,0,WH", "PO-2,B,,1,WH"].join("\n"));
    expect(rows).to.deep.equal([
      { line: 2, orderId: "PO-1", sku: "A", arrivalDate: new Date("2027-01-15T00:00:00Z"), quantity: 2, facilityId: "WH", orderBuffer: 0, bufferDays: 0 },
      { line: 4, orderId: "PO-2", sku: "B", arrivalDate: null, quantity: 1, facilityId: "WH", orderBuffer: 0, bufferDays: 0 },
    ]);
  });

  it("refuses a file over 5 MiB (in UTF-8 bytes) and over 20,000 rows with BAD_USER_INPUT", () => {
    const big = `${HEADER}\n${"é".repeat(3000)}\n`.repeat(900); // 2 bytes a character: over 5 MiB, under 5 Mi characters
    expect(big.length).to.be.below(5 * 1024 * 1024);
    expect(() => parse(big)).to.throw(/csv is larger than 5242880 bytes/);
    const exact = `${HEADER}\n`.padEnd(5 * 1024 * 1024, "\n");
    expect(parse(exact)).to.deep.equal(refusedWith(1, "The CSV has a header but no rows"));
    expect(() => parse([HEADER, ...Array.from({ length: 20_001 }, () => "PO-1,A,,1,WH")].join("\n"))).to.throw(/csv has more than 20000 rows/);
    const most = parse([HEADER, ...Array.from({ length: 20_000 }, (_, i) => `PO-${Math.floor(i / 2000)},A,,1,WH`)].join("\n"));
    expect(most.errors).to.deep.equal([]);
    expect(most.rows).to.have.length(20_000);
    expect(most.orders).to.have.length(10);
  });

  it("reports an orderBuffer only against a quantity that is valid", () => {
    const header = `${HEADER},orderBuffer,bufferDays`;
    expect(rowError("PO-1,A,01/15/2027,x,WH,3,0", "MM/dd/yyyy", header)).to.equal('quantity "x" must be a whole number from 1 to 1000000');
    expect(rowError("PO-1,A,01/15/2027,2,WH,x,0", "MM/dd/yyyy", header)).to.equal('orderBuffer "x" must be a whole number from 0 to the quantity');
    expect(rowError("PO-1,A,01/15/2027,2,WH,1000001,0", "MM/dd/yyyy", header)).to.equal('orderBuffer "1000001" must be a whole number from 0 to the quantity');
  });

  it("refuses dates that only start or end like a day", () => {
    for (const date of ["x2027-01-15", "2027-01-15x", "12027-01-15", "2027-01-150"]) {
      expect(parseArrivalDate(date, "MM/dd/yyyy"), date).to.equal(null);
      expect(parseArrivalDate(date, "yyyy-MM-dd"), date).to.equal(null);
    }
    expect(parseArrivalDate("2027-01-15", "yyyy-MM-dd")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("x2027-01-15", "'x'yyyy-MM-dd")!.toISOString(), "a format may wrap an ISO day").to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("2027-01-15x", "yyyy-MM-dd'x'")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("15/01/2027", "dd/MM/yyyy")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("20270115", "yyyyMMdd")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
    expect(parseArrivalDate("2027.01.15", "yyyy.MM.dd")!.toISOString()).to.equal("2027-01-15T00:00:00.000Z");
  });

  it("takes date formats whose four-digit year stands at either end or alone between separators", () => {
    for (const format of ["yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "yyyyMMdd", "d MMM yyyy"]) expect(() => parse(`${HEADER}\nPO-1,A,,1,WH`, format), format).to.not.throw();
    for (const format of ["yyyyy-MM-dd", "dd.MM.yyyyy", "MM/dd/yy", "MM/dd"]) expect(() => parse(`${HEADER}\nPO-1,A,,1,WH`, format), format).to.throw(/dateFormat/);
  });

  it("reports a PO of more than 2000 rows, and an over-long line with its number", () => {
    const rows = Array.from({ length: 2001 }, () => "PO-1,A,,1,WH");
    const { errors } = parse([HEADER, ...rows].join("\r"));
    expect(errors).to.deep.equal([{ line: 2002, message: "PO-1 has more than 2000 rows (a PO holds at most 2000 items)" }]);
    expect(parse([HEADER, "PO-1,A,,1,WH", `PO-1,A,,1,${"W".repeat(4100)}`].join("\r")).errors).to.deep.equal([{ line: 3, message: "Line is longer than 4096 characters" }]);
    expect(parse([HEADER, `PO-1,A,,1,${"W".repeat(4100)}`].join("\r\n")).errors).to.deep.equal([{ line: 2, message: "Line is longer than 4096 characters" }]);
    expect(parse([HEADER, "PO-1,A,,1,WH"].join("\n") + "\n" + "x".repeat(4097)).errors).to.deep.equal([{ line: 3, message: "Line is longer than 4096 characters" }]);
    expect(parse([HEADER, `PO-1,A,,1,WH,${"x".repeat(4096 - 13)}`].join("\n")).errors).to.deep.equal([]);
    expect(parse([HEADER, `PO-1,A,,1,WH,${"x".repeat(4096 - 13)}`, "PO-1,A,,1,WH"].join("\n")).errors).to.deep.equal([]);
    for (const eol of ["\n", "\r", "\r\n"]) {
      const csv = [HEADER, "", "PO-1,A,,1,WH", "", `PO-1,A,,1,WH,${"x".repeat(4096 - 12)}`, "PO-1,A,,1,WH"].join(eol);
      expect(parse(csv).errors, JSON.stringify(eol)).to.deep.equal([{ line: 5, message: "Line is longer than 4096 characters" }]);
      const surrogate = [HEADER, "", "PO-1,A,,1,WH", "", "PO-1,\uDC00,,1,WH", "PO-1,A,,1,WH"].join(eol);
      expect(parse(surrogate).errors[0].line, JSON.stringify(eol)).to.equal(5);
    }
    expect(parse("\uD800" + HEADER).errors).to.deep.equal([{ line: 1, message: "Line holds a lone UTF-16 surrogate (not text): ids would not be stored as sent" }]);
    expect(parse([HEADER, `PO-1,A,,1,WH,${"x".repeat(4096 - 12)}`].join("\n")).errors).to.deep.equal([{ line: 2, message: "Line is longer than 4096 characters" }]);
  });
});

describe("PO CSV column mapping (the retailer's header names)", () => {
  const EXPORT = "Internal ID,Item,Expected Receipt Date,Qty,Location";
  const MAPPING = { orderId: "Internal ID", productSku: "item", arrivalDate: " Expected Receipt Date ", quantity: "QTY", facilityId: "Location" };
  const codeOf = (work: () => unknown): string | undefined => {
    try {
      work();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  };

  it("reads each field from the column the mapping names, ignoring case and surrounding spaces", () => {
    const { orders, errors } = parsePurchaseOrderCsv(`${EXPORT}\nPO-1,A,01/15/2027,10,WH-1\n`, "MM/dd/yyyy", MAPPING);
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => [o.id, o.facilityId, o.items.map((i) => [i.sku, i.quantity])])).to.deep.equal([["PO-1", "WH-1", [["A", 10]]]]);
  });

  it("keeps its own name for a field left out, and ignores a column that carries the own name of a field mapped elsewhere", () => {
    const csv = "orderId,Internal ID,productSku,arrivalDate,quantity,facilityId\nIGNORED,PO-1,A,01/15/2027,10,WH-1\n";
    const { orders, errors } = parsePurchaseOrderCsv(csv, "MM/dd/yyyy", { orderId: "Internal ID" });
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => o.id)).to.deep.equal(["PO-1"]);
  });

  it("lets two fields swap names", () => {
    const csv = "productSku,orderId,arrivalDate,quantity,facilityId\nPO-1,A,01/15/2027,10,WH-1\n";
    const { orders, errors } = parsePurchaseOrderCsv(csv, "MM/dd/yyyy", { orderId: "productSku", productSku: "orderId" });
    expect(errors).to.deep.equal([]);
    expect(orders.map((o) => [o.id, o.items[0].sku])).to.deep.equal([["PO-1", "A"]]);
  });

  it("names both the field and the retailer's name of a mapped column that is missing", () => {
    const { orders, errors } = parsePurchaseOrderCsv("Internal ID,productSku,arrivalDate,facilityId\nPO-1,A,01/15/2027,WH-1\n", "MM/dd/yyyy", { orderId: "Internal ID", quantity: "Qty" });
    expect(orders).to.deep.equal([]);
    expect(errors).to.deep.equal([{ line: 1, message: 'Missing column: quantity ("Qty")' }]);
  });

  it("refuses an empty or over-long name, and two fields naming one column, as BAD_USER_INPUT", () => {
    expect(headerNames({ orderId: " Internal ID " }).orderId).to.equal("internal id");
    expect(headerNames({}).productSku).to.equal("productsku");
    expect(codeOf(() => headerNames({ orderId: "" }))).to.equal("BAD_USER_INPUT");
    expect(codeOf(() => headerNames({ orderId: "x".repeat(256) }))).to.equal("BAD_USER_INPUT");
    expect(codeOf(() => headerNames({ orderId: "x".repeat(255) }))).to.equal(undefined);
    expect(codeOf(() => headerNames({ orderId: "Qty", quantity: "qty" }))).to.equal("BAD_USER_INPUT");
    expect(codeOf(() => headerNames({ orderId: "quantity" }))).to.equal("BAD_USER_INPUT");
    expect(() => headerNames({ orderId: "Qty", quantity: "QTY " })).to.throw(/columns\.quantity and orderId name the same column "QTY "/);
  });
});
