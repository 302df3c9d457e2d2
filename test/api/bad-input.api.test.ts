import { expect } from "chai";
import { CREATE_PO, IMPORT_PRE_ORDER, UPSERT, daysAgo, inDays } from "../fixtures";
import { TestServer, errorCode, snapshot, startTestServer } from "../helpers";

const IMPORT_CSV = `mutation($csv: String!, $fmt: String) { importPurchaseOrders(csv: $csv, dateFormat: $fmt) {
  purchaseOrders { id items { seqId quantity arrivalDate product { sku } } } errors { line message } } }`;

describe("Bad input writes nothing", () => {
  let api: TestServer;
  let tablesBefore: Record<string, unknown[]>;
  before(async () => {
    api = await startTestServer();
    await api.gql(UPSERT, { input: [{ sku: "A", name: "Product A" }] });
    await api.gql(CREATE_PO, { input: { id: "PO-EXISTS", facilityId: "WH-1", items: [{ sku: "A", quantity: 5, arrivalDate: inDays(5) }] } });
    await api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-EXISTS", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } });
  });
  after(() => api.close());
  beforeEach(async () => { tablesBefore = await snapshot(api.db); });
  afterEach(async function () {
    expect(await snapshot(api.db), `tables changed by: ${this.currentTest?.title}`).to.deep.equal(tablesBefore);
  });

  const po = (items: unknown[], extra: Record<string, unknown> = {}) => ({ input: { id: "PO-NEW", facilityId: "WH-1", items, ...extra } });
  const cases: [string, string, Record<string, unknown>, string][] = [
    ["a PO item with quantity 0", CREATE_PO, po([{ sku: "A", quantity: 0 }]), "BAD_USER_INPUT"],
    ["a PO item with a negative quantity", CREATE_PO, po([{ sku: "A", quantity: -3 }]), "BAD_USER_INPUT"],
    ["a negative order buffer", CREATE_PO, po([{ sku: "A", quantity: 3, orderBuffer: -1 }]), "BAD_USER_INPUT"],
    ["an order buffer above the quantity", CREATE_PO, po([{ sku: "A", quantity: 3, orderBuffer: 4 }]), "BAD_USER_INPUT"],
    ["an unknown SKU on a PO", CREATE_PO, po([{ sku: "A", quantity: 1 }, { sku: "NOPE", quantity: 1 }]), "BAD_USER_INPUT"],
    ["a duplicate PO id", CREATE_PO, { input: { id: "PO-EXISTS", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }, "DUPLICATE"],
    ["a PO id used by a sales order", CREATE_PO, { input: { id: "SO-EXISTS", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }, "DUPLICATE"],
    ["a malformed arrival date", CREATE_PO, po([{ sku: "A", quantity: 1, arrivalDate: "2027-13-45" }]), "BAD_USER_INPUT"],
    ["an arrival date that is not a date", CREATE_PO, po([{ sku: "A", quantity: 1, arrivalDate: "soon" }]), "BAD_USER_INPUT"],
    ["an empty PO item list", CREATE_PO, po([]), "BAD_USER_INPUT"],
    ["an over-long PO id", CREATE_PO, { input: { id: "P".repeat(65), facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["an over-long facility id", CREATE_PO, { input: { id: "PO-X", facilityId: "F".repeat(65), items: [{ sku: "A", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["an empty PO id", CREATE_PO, { input: { id: " ", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["a quantity that is not an Int", CREATE_PO, po([{ sku: "A", quantity: 1.5 }]), "BAD_USER_INPUT"],
    ["an over-long product name", UPSERT, { input: [{ sku: "B", name: "n".repeat(256) }] }, "BAD_USER_INPUT"],
    ["an over-long SKU", UPSERT, { input: [{ sku: "S".repeat(65), name: "x" }] }, "BAD_USER_INPUT"],
    ["a negative inventory", UPSERT, { input: [{ sku: "B", name: "x", inventoryAvailable: -1 }] }, "BAD_USER_INPUT"],
    ["the same SKU twice in one upsert", UPSERT, { input: [{ sku: "B", name: "x" }, { sku: "B", name: "y" }] }, "BAD_USER_INPUT"],
    ["an empty product list", UPSERT, { input: [] }, "BAD_USER_INPUT"],
    ["a pre-order with quantity 0", IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 0 }] } }, "BAD_USER_INPUT"],
    ["a pre-order with an unknown SKU", IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }, { sku: "NOPE", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["a pre-order with no items", IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [] } }, "BAD_USER_INPUT"],
    ["a pre-order with a malformed order date", IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: "yesterday", items: [{ sku: "A", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["a pre-order with an over-long order id", IMPORT_PRE_ORDER, { input: { orderId: "O".repeat(65), orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }, "BAD_USER_INPUT"],
    ["a pre-order whose id is a PO's", IMPORT_PRE_ORDER, { input: { orderId: "PO-EXISTS", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }, "DUPLICATE"],
    ["a CSV with an unknown dateFormat", IMPORT_CSV, { csv: "orderId,productSku,arrivalDate,quantity,facilityId\nPO-9,A,01/01/2027,1,WH", fmt: "QQQQQ-nonsense" }, "BAD_USER_INPUT"],
  ];
  for (const [what, document, variables, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      expect(errorCode(await api.gql(document, variables))).to.equal(code);
    });
  }

  it("refuses an allocation of an unknown PO with NOT_FOUND", async () => {
    const res = await api.gql(`mutation { allocateSalesOrders(purchaseOrderId: "PO-NOPE") { allocatedItemCount } }`);
    expect(errorCode(res)).to.equal("NOT_FOUND");
  });

  it("reports every bad CSV row with its line number and writes none of the good ones", async () => {
    const csv = [
      "orderId,productSku,arrivalDate,quantity,facilityId",
      "PO-10,A,01/15/2027,10,WH-1",
      "PO-10,NOPE,01/15/2027,10,WH-1",
      "PO-11,A,31/01/2027,10,WH-1",
      "PO-11,A,01/15/2027,0,WH-1",
      "PO-12,A,01/15/2027,3,",
      "PO-EXISTS,A,01/15/2027,3,WH-1",
    ].join("\r\n");
    const res = await api.gql(IMPORT_CSV, { csv });
    expect(res.errors).to.equal(undefined);
    expect(res.data.importPurchaseOrders.purchaseOrders).to.deep.equal([]);
    expect(res.data.importPurchaseOrders.errors.map((e: any) => e.line)).to.deep.equal([3, 4, 5, 6, 7]);
    expect(res.data.importPurchaseOrders.errors[0].message).to.match(/Unknown SKU NOPE/);
    expect(res.data.importPurchaseOrders.errors[4].message).to.match(/already exists/);
  });

  it("reports malformed CSV as a row error", async () => {
    const res = await api.gql(IMPORT_CSV, { csv: 'orderId,productSku,arrivalDate,quantity,facilityId\nPO-10,A,01/15/2027,10,WH-1\n"PO-11,A' });
    expect(res.data.importPurchaseOrders.errors).to.have.length(1);
    expect(res.data.importPurchaseOrders.errors[0].message).to.match(/Malformed CSV/);
  });
});

describe("PO upload as CSV", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
    await api.gql(UPSERT, { input: [{ sku: "A", name: "Product A" }, { sku: "B", name: "Product B" }] });
  });
  afterEach(() => api.close());

  it("creates one PO per order id with items in row order, dates in the given format", async () => {
    const csv = 'orderId,productSku,arrivalDate,quantity,facilityId,orderBuffer,bufferDays\r\n"PO-1",A,15.01.2027,10,WH-1,1,2\r\nPO-2,B,2027-02-01,5,WH-2,,\r\nPO-1,B,20.01.2027,3,WH-1,0,0\r\n';
    const res = await api.gql(IMPORT_CSV, { csv, fmt: "dd.MM.yyyy" });
    expect(res.data.importPurchaseOrders.errors).to.deep.equal([]);
    const [po1, po2] = res.data.importPurchaseOrders.purchaseOrders;
    expect(po1.id).to.equal("PO-1");
    expect(po1.items.map((i: any) => [i.seqId, i.product.sku, i.quantity, i.arrivalDate])).to.deep.equal([
      ["00001", "A", 10, "2027-01-15T00:00:00.000Z"], ["00002", "B", 3, "2027-01-20T00:00:00.000Z"],
    ]);
    expect(po2.items[0].arrivalDate).to.equal("2027-02-01T00:00:00.000Z");
    const list = await api.gql(`{ purchaseOrders { totalCount } }`);
    expect(list.data.purchaseOrders.totalCount).to.equal(2);
  });
});
