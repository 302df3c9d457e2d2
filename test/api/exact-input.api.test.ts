import { expect } from "chai";
import { createConnection } from "mysql2/promise";
import { Db } from "../../src/db";
import { ExactKeys1764600000000, KEY_COLUMNS } from "../../src/migrations/1764600000000-exact-keys";
import { daysAgo } from "../support/clock";
import { ensureMySqlDatabase, onMySql, snapshot, testDatabaseConfig } from "../support/database";
import { ALLOCATE, CREATE_PO, IMPORT_CSV, IMPORT_PRE_ORDER, PROMISE, PURCHASE_ORDER, PURCHASE_ORDERS, UPDATE_PO_ITEM, UPSERT } from "../support/documents";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlError, TEST_KEYS, TestServer, errorCode, startTestServer } from "../support/server";

const HEADER = "orderId,productSku,arrivalDate,quantity,facilityId";

/** Issue 11: nothing a retailer uploads or a client sends is silently changed or lost. Each case: refused with a code and nothing written, or stored exactly. */
describe("Exact input: refused with a code and nothing written, or stored exactly (issue 11)", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A", "B");
    await purchaseOrder(api, "PO-2001", [{ sku: "A", quantity: 5, arrivalDate: "2027-01-15" }]);
    await preOrder(api, "SO-C1", daysAgo(1), [{ sku: "B", quantity: 1 }]);
  });
  after(() => api.close());

  /** Runs `send`, expects `code`, and that no table changed. */
  async function refused(code: string, send: () => Promise<{ errors?: GqlError[] }>) {
    const before = await snapshot(api.db);
    const response = await send();
    expect(errorCode(response), JSON.stringify(response.errors)).to.equal(code);
    expect(await snapshot(api.db)).to.deep.equal(before);
    return response;
  }

  it("stores every PO of a CSV whose line endings are mixed (CRLF, then LF), each with its own facility", async () => {
    const csv = `${HEADER}\r\nPO-M1,A,01/15/2027,5,WH\nPO-M2,A,01/15/2027,6,WH\nPO-M3,B,01/15/2027,7,WH\r\n`;
    const res = await api.gql(IMPORT_CSV, { csv, fmt: "MM/dd/yyyy" });
    expect(res.errors).to.equal(undefined);
    expect(res.data.importPurchaseOrders.errors).to.deep.equal([]);
    expect(res.data.importPurchaseOrders.purchaseOrders.map((po) => [po.id, po.items.map((i) => [i.product.sku, i.quantity, i.arrivalDate])])).to.deep.equal([
      ["PO-M1", [["A", 5, "2027-01-15"]]], ["PO-M2", [["A", 6, "2027-01-15"]]], ["PO-M3", [["B", 7, "2027-01-15"]]],
    ]);
    const facilities = await api.db.read((m) => m.query("SELECT order_id, facility_id FROM order_header WHERE order_id LIKE 'PO-M%' ORDER BY order_id"));
    expect(facilities.map((r: Record<string, unknown>) => [r.order_id, r.facility_id])).to.deep.equal([["PO-M1", "WH"], ["PO-M2", "WH"], ["PO-M3", "WH"]]);
  });

  for (const date of ["01/15/27", "1/5/27", "0027-01-15", "2027-13-01", "2027-00-10", "2027-02-30", "2027-03-10junk"]) {
    it(`lists a CSV row dated ${date} as an error naming the format, and stores nothing`, async () => {
      const before = await snapshot(api.db);
      const res = await api.gql(IMPORT_CSV, { csv: `${HEADER}\nPO-D1,A,${date},5,WH\n` });
      expect(res.data.importPurchaseOrders).to.deep.equal({
        purchaseOrders: [],
        errors: [{ line: 2, message: `arrivalDate "${date}" is not a day written MM/dd/yyyy (four-digit year) or yyyy-MM-dd, a real day of a year from 2000 to 2199` }],
      });
      expect(await snapshot(api.db)).to.deep.equal(before);
    });
  }

  it("lists a CSV row with bufferDays=1000000000 as an error, so the PDP of that SKU keeps working", async () => {
    const res = await api.gql(IMPORT_CSV, { csv: `${HEADER},orderBuffer,bufferDays\nPO-B1,A,01/15/2027,5,WH,0,1000000000\n` });
    expect(res.data.importPurchaseOrders.errors).to.deep.equal([{ line: 2, message: 'bufferDays "1000000000" must be a whole number from 0 to 365' }]);
    const promise = await api.gql(PROMISE, { sku: "A" });
    expect(promise.errors).to.equal(undefined);
  });

  for (const arrivalDate of ["2027-13-01", "2027-00-10", "2027-02-30", "0027-01-15", "2200-01-01"]) {
    it(`refuses arrivalDate ${arrivalDate} (createPurchaseOrder, updatePurchaseOrderItem) with BAD_USER_INPUT`, async () => {
      await refused("BAD_USER_INPUT", () => api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: "WH", items: [{ sku: "A", quantity: 1, arrivalDate }] } }));
      await refused("BAD_USER_INPUT", () => api.gql(UPDATE_PO_ITEM, { po: "PO-2001", seq: "00001", input: { arrivalDate } }));
    });
  }

  for (const orderDate of ["2027-13-01", "2027-00-10", "2027-02-30", "2027-13-01T00:00:00Z", "0027-01-15T00:00:00Z", "1999-12-31T23:59:59Z"]) {
    it(`refuses orderDate ${orderDate} (importPreOrder, createPurchaseOrder) with BAD_USER_INPUT`, async () => {
      await refused("BAD_USER_INPUT", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-D", orderDate, items: [{ sku: "A", quantity: 1 }] } }));
      await refused("BAD_USER_INPUT", () => api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: "WH", orderDate, items: [{ sku: "A", quantity: 1 }] } }));
    });
  }

  it("refuses \"SO-C1 \" (trailing space) instead of answering SO-C1's items", async () => {
    await refused("BAD_USER_INPUT", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-C1 ", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }));
  });

  it("refuses padded ids in the arguments of the mutations that take ids", async () => {
    await refused("BAD_USER_INPUT", () => api.gql(ALLOCATE, { id: "PO-2001 " }));
    await refused("BAD_USER_INPUT", () => api.gql(ALLOCATE, { id: "PO-2001\u200B", dryRun: true }));
    await refused("BAD_USER_INPUT", () => api.gql(UPDATE_PO_ITEM, { po: " PO-2001", seq: "00001", input: { quantity: 6 } }));
    await refused("BAD_USER_INPUT", () => api.gql(UPDATE_PO_ITEM, { po: "PO-2001", seq: "00001\n", input: { quantity: 6 } }));
  });

  for (const [what, id] of [["a leading space", " SO-9"], ["a tab", "SO-9\t"], ["a newline", "SO\n9"], ["a NUL", "SO-\u00009"], ["a zero-width space", "SO-\u200B9"],
    ["a byte order mark", "\uFEFFSO-9"], ["a lone high surrogate", "SO-\uD8009"], ["a lone low surrogate", "SO-\uDC009"], ["a line separator", "SO\u20289"]] as const) {
    it(`refuses an order id, SKU or facility id with ${what}, with BAD_USER_INPUT`, async () => {
      await refused("BAD_USER_INPUT", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: id, orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }));
      await refused("BAD_USER_INPUT", () => api.gql(CREATE_PO, { input: { id, facilityId: "WH", items: [{ sku: "A", quantity: 1 }] } }));
      await refused("BAD_USER_INPUT", () => api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: id, items: [{ sku: "A", quantity: 1 }] } }));
      await refused("BAD_USER_INPUT", () => api.gql(UPSERT, { input: [{ sku: id, name: "x" }] }));
      await refused("BAD_USER_INPUT", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-9", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1, facilityId: id }] } }));
    });
  }

  it("refuses quantities above 1,000,000, buffer days above 365 and POs of more than 2000 lines", async () => {
    const po = (item: Record<string, unknown>, count = 1) => api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: "WH", items: Array.from({ length: count }, () => ({ sku: "A", quantity: 1, ...item })) } });
    await refused("BAD_USER_INPUT", () => po({ quantity: 1_000_001 }));
    await refused("BAD_USER_INPUT", () => po({ quantity: 5, orderBuffer: 6 }));
    await refused("BAD_USER_INPUT", () => po({ bufferDays: 366 }));
    await refused("BAD_USER_INPUT", () => po({}, 2001));
    await refused("BAD_USER_INPUT", () => api.gql(UPDATE_PO_ITEM, { po: "PO-2001", seq: "00001", input: { bufferDays: 366 } }));
    await refused("BAD_USER_INPUT", () => api.gql(UPDATE_PO_ITEM, { po: "PO-2001", seq: "00001", input: { quantity: 1_000_001 } }));
    await refused("BAD_USER_INPUT", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-Q", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1_000_001 }] } }));
    const stored = await api.gql(CREATE_PO, { input: { id: "PO-MAX", facilityId: "WH", items: [{ sku: "B", quantity: 1_000_000, orderBuffer: 1_000_000, bufferDays: 365, arrivalDate: "2199-12-31" }] } });
    expect(stored.data.createPurchaseOrder.items[0]).to.deep.include({ quantity: 1_000_000, orderBuffer: 1_000_000, bufferDays: 365, arrivalDate: "2199-12-31", promiseDate: "2200-12-31" });
  });

  it("refuses allocateSalesOrders(dryRun: null) with BAD_USER_INPUT: a preview never writes", async () => {
    await preOrder(api, "SO-DRY", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    const before = await snapshot(api.db);
    await refused("BAD_USER_INPUT", () => api.gql(ALLOCATE, { id: "PO-2001", dryRun: null }));
    const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TEST_KEYS.admin}` },
      body: JSON.stringify({ query: 'mutation { allocateSalesOrders(purchaseOrderId: "PO-2001", dryRun: null) { dryRun } }' }) });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).to.equal("GRAPHQL_VALIDATION_FAILED");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("refuses importPurchaseOrders(dateFormat: null) with BAD_USER_INPUT, and the same text with a format then works", async () => {
    const csv = `${HEADER}\nPO-N1,A,01/15/2027,5,WH\n`;
    await refused("BAD_USER_INPUT", () => api.gql(IMPORT_CSV, { csv, fmt: null }));
    await refused("BAD_USER_INPUT", () => api.gql(IMPORT_CSV, { csv, fmt: null }));
    const res = await api.gql(IMPORT_CSV, { csv, fmt: "MM/dd/yyyy" });
    expect(res.errors).to.equal(undefined);
    expect(res.data.importPurchaseOrders.purchaseOrders.map((po) => po.id)).to.deep.equal(["PO-N1"]);
    const omitted = await api.gql(IMPORT_CSV, { csv: `${HEADER}\nPO-N2,A,01/15/2027,5,WH\n` });
    expect(omitted.data.importPurchaseOrders.purchaseOrders.map((po) => po.id)).to.deep.equal(["PO-N2"]);
  });

  it("refuses a status filter of 200,000 entries with BAD_USER_INPUT (not a RangeError); 100 entries are fine", async () => {
    const res = await api.gql(PURCHASE_ORDERS, { f: { status: Array.from({ length: 200_000 }, () => "CREATED" as never) } });
    expect(errorCode(res), JSON.stringify(res.errors)).to.equal("BAD_USER_INPUT");
    const ok = await api.gql(PURCHASE_ORDERS, { f: { status: Array.from({ length: 100 }, () => "CREATED" as never) }, first: 1 });
    expect(ok.errors).to.equal(undefined);
    expect(errorCode(await api.gql(PURCHASE_ORDERS, { f: { status: Array.from({ length: 101 }, () => "CREATED" as never) }, first: 1 }))).to.equal("BAD_USER_INPUT");
  });

  it("allocates the largest PO there can be (2000 lines of 1,000,000 units): 2,000,000,000 units, inside an Int", async () => {
    await products(api, "MAX");
    for (const order of ["SO-MAX1", "SO-MAX2"]) await preOrder(api, order, daysAgo(3), Array.from({ length: 1000 }, () => ({ sku: "MAX", quantity: 1_000_000 })));
    await purchaseOrder(api, "PO-MAX2000", Array.from({ length: 2000 }, () => ({ sku: "MAX", quantity: 1_000_000, arrivalDate: "2027-06-01" })));
    const res = await api.gql(ALLOCATE, { id: "PO-MAX2000" });
    expect(res.errors).to.equal(undefined);
    expect(res.data.allocateSalesOrders).to.deep.include({ allocatedItemCount: 2000, allocatedQuantity: 2_000_000_000 });
    expect(res.data.allocateSalesOrders.run).to.deep.include({ allocatedItemCount: 2000, allocatedQuantity: 2_000_000_000 });
  });

  it("caps a SKU's summed ATP at 2147483647 instead of overflowing Int", async () => {
    await products(api, "BIG");
    // 2200 PO items of 1,000,000 units: 2.2e9 units of ATP in all (> 2^31 - 1). Written directly: 2 POs of 1100 lines.
    for (const po of ["PO-BIG1", "PO-BIG2"]) {
      await purchaseOrder(api, po, Array.from({ length: 1100 }, () => ({ sku: "BIG", quantity: 1_000_000, arrivalDate: "2027-06-01" })));
    }
    const res = await api.gql(PROMISE, { sku: "BIG" });
    expect(res.errors).to.equal(undefined);
    expect(res.data.productPromise).to.deep.include({ availableToPromise: 2_147_483_647, status: "PRE_ORDER", promiseDate: "2027-06-01" });
    const po = await api.gql(PURCHASE_ORDER, { id: "PO-BIG1" });
    expect(po.data.purchaseOrder!.items).to.have.length(1100);
  });
});

describe("Ids and SKUs compare exactly on a MariaDB database created with the server's default collation (issue 11)", () => {
  let api: TestServer;
  let url: string;
  before(async function () {
    if (!onMySql()) this.skip();
    const parsed = new URL(testDatabaseConfig().url);
    parsed.pathname = `${parsed.pathname}_ci`;
    url = parsed.toString();
    await ensureMySqlDatabase(url, { drop: true });
    const name = parsed.pathname.slice(1);
    parsed.pathname = "/";
    const connection = await createConnection(parsed.toString());
    try {
      // No COLLATE: whatever the server defaults to (utf8mb4_general_ci here: case- and accent-insensitive, PAD SPACE).
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
      const [[row]] = (await connection.query(`SELECT DEFAULT_COLLATION_NAME AS c FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, [name])) as unknown as [{ c: string }[]];
      expect(row.c, "the database's default collation").to.not.match(/_bin$/);
    } finally {
      await connection.end();
    }
    api = await startTestServer(await Db.open({ ...testDatabaseConfig(), url }));
    await products(api, "A");
  });
  after(async function () {
    if (!api) return;
    await api.close();
    await ensureMySqlDatabase(url, { drop: true });
  });

  it("gives every id, SKU and facility column the binary NO PAD collation", async () => {
    const rows: { t: string; c: string; k: string }[] = await api.db.read((m) => m.query(
      "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS k FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"));
    const collation = new Map(rows.map((r) => [`${r.t}.${r.c}`, r.k]));
    for (const [table, column] of KEY_COLUMNS) expect(collation.get(`${table}.${column}`), `${table}.${column}`).to.equal("utf8mb4_nopad_bin");
  });

  it("keeps so-1 and SO-1 two orders, and SO-É1 and SO-E1", async () => {
    for (const [first, second] of [["SO-1", "so-1"], ["SO-E1", "SO-É1"]]) {
      const a = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: first, orderDate: daysAgo(2), items: [{ sku: "A", quantity: 1 }] } });
      const b = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: second, orderDate: daysAgo(1), items: [{ sku: "A", quantity: 2 }] } });
      expect(a.data.importPreOrder.created, first).to.equal(true);
      expect(b.data.importPreOrder.created, second).to.equal(true);
      expect(b.data.importPreOrder.items.map((i) => [i.orderId, i.quantity])).to.deep.equal([[second, 2]]);
    }
    const ids: { order_id: string }[] = await api.db.read((m) => m.query("SELECT order_id FROM sales_order_item ORDER BY order_id"));
    expect(ids.map((r) => r.order_id).sort()).to.deep.equal(["SO-1", "SO-E1", "SO-É1", "so-1"].sort());
  });

  it("keeps SKUs mug-red and MUG-RED two products", async () => {
    const res = await api.gql(UPSERT, { input: [{ sku: "mug-red", name: "small" }, { sku: "MUG-RED", name: "BIG" }] });
    expect(res.errors).to.equal(undefined);
    expect(res.data.upsertProducts.map((p) => [p.sku, p.name])).to.deep.equal([["mug-red", "small"], ["MUG-RED", "BIG"]]);
    const again = await api.gql(UPSERT, { input: [{ sku: "MUG-RED", name: "BIGGER" }] });
    expect(again.data.upsertProducts.map((p) => [p.id, p.sku, p.name])).to.deep.equal([[res.data.upsertProducts[1].id, "MUG-RED", "BIGGER"]]);
  });

  it("refuses \"SO-C1 \" and does not find SO-C1 under a padded id", async () => {
    await preOrder(api, "SO-C1", daysAgo(1), [{ sku: "A", quantity: 1 }]);
    const before = await snapshot(api.db);
    const res = await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-C1 ", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 3 }] } });
    expect(errorCode(res)).to.equal("BAD_USER_INPUT");
    expect(await snapshot(api.db)).to.deep.equal(before);
    const [{ n }] = await api.db.read((m) => m.query("SELECT COUNT(*) AS n FROM order_header WHERE order_id = 'SO-C1 '"));
    expect(Number(n), "NO PAD: a trailing space is a different id").to.equal(0);
  });

  it("migrates an existing database: columns back to PAD SPACE, rows kept, then exact again", async () => {
    const runner = api.db.dataSource.createQueryRunner();
    try {
      await new ExactKeys1764600000000().down(runner);
      const [{ k }] = await runner.query("SELECT COLLATION_NAME AS k FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'product' AND COLUMN_NAME = 'sku'");
      expect(k).to.equal("utf8mb4_bin");
      const before = await snapshot(api.db);
      await new ExactKeys1764600000000().up(runner);
      expect(await snapshot(api.db)).to.deep.equal(before);
      const [{ n }] = await runner.query("SELECT COUNT(*) AS n FROM product WHERE sku = 'mug-red '");
      expect(Number(n)).to.equal(0);
    } finally {
      await runner.release();
    }
  });
});
