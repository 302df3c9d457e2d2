import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { CREATE_PO, IMPORT_CSV, IMPORT_PRE_ORDER, UPSERT } from "../support/documents";
import type { PurchaseOrderInput } from "../support/graphql/graphql";
import { graphql } from "../support/graphql";
import { preOrder, products, purchaseOrder } from "../support/scenario";
import { GqlResponse, TestServer, errorCode, startTestServer } from "../support/server";

describe("Bad input writes nothing", () => {
  let api: TestServer;
  let tablesBefore: Record<string, unknown[]>;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
    await purchaseOrder(api, "PO-EXISTS", [{ sku: "A", quantity: 5, arrivalDate: inDays(5) }]);
    await preOrder(api, "SO-EXISTS", daysAgo(1), [{ sku: "A", quantity: 1 }]);
  });
  after(() => api.close());
  beforeEach(async () => { tablesBefore = await snapshot(api.db); });
  afterEach(async function () {
    expect(await snapshot(api.db), `tables changed by: ${this.currentTest?.title}`).to.deep.equal(tablesBefore);
  });

  const po = (items: PurchaseOrderInput["items"], extra: Partial<PurchaseOrderInput> = {}) => ({ input: { id: "PO-NEW", facilityId: "WH-1", items, ...extra } });
  /** What is refused, the request (typed document and variables), the code. */
  const cases: [string, () => Promise<GqlResponse<unknown>>, string][] = [
    ["a PO item with quantity 0", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 0 }])), "BAD_USER_INPUT"],
    ["a PO item with a negative quantity", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: -3 }])), "BAD_USER_INPUT"],
    ["a negative order buffer", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 3, orderBuffer: -1 }])), "BAD_USER_INPUT"],
    ["an order buffer above the quantity", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 3, orderBuffer: 4 }])), "BAD_USER_INPUT"],
    ["an unknown SKU on a PO", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 1 }, { sku: "NOPE", quantity: 1 }])), "BAD_USER_INPUT"],
    ["a duplicate PO id", () => api.gql(CREATE_PO, { input: { id: "PO-EXISTS", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }), "DUPLICATE"],
    ["a PO id used by a sales order", () => api.gql(CREATE_PO, { input: { id: "SO-EXISTS", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }), "DUPLICATE"],
    ["a malformed arrival date", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 1, arrivalDate: "2027-13-45" }])), "BAD_USER_INPUT"],
    ["an arrival date that is not a date", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 1, arrivalDate: "soon" }])), "BAD_USER_INPUT"],
    ["an empty PO item list", () => api.gql(CREATE_PO, po([])), "BAD_USER_INPUT"],
    ["an over-long PO id", () => api.gql(CREATE_PO, { input: { id: "P".repeat(65), facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["an over-long facility id", () => api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: "F".repeat(65), items: [{ sku: "A", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["an empty PO id", () => api.gql(CREATE_PO, { input: { id: " ", facilityId: "WH-1", items: [{ sku: "A", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["a quantity that is not an Int", () => api.gql(CREATE_PO, po([{ sku: "A", quantity: 1.5 }])), "BAD_USER_INPUT"],
    ["an over-long product name", () => api.gql(UPSERT, { input: [{ sku: "B", name: "n".repeat(256) }] }), "BAD_USER_INPUT"],
    ["an over-long SKU", () => api.gql(UPSERT, { input: [{ sku: "S".repeat(65), name: "x" }] }), "BAD_USER_INPUT"],
    ["a negative inventory", () => api.gql(UPSERT, { input: [{ sku: "B", name: "x", inventoryAvailable: -1 }] }), "BAD_USER_INPUT"],
    ["the same SKU twice in one upsert", () => api.gql(UPSERT, { input: [{ sku: "B", name: "x" }, { sku: "B", name: "y" }] }), "BAD_USER_INPUT"],
    ["an empty product list", () => api.gql(UPSERT, { input: [] }), "BAD_USER_INPUT"],
    ["a pre-order with quantity 0", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 0 }] } }), "BAD_USER_INPUT"],
    ["a pre-order with an unknown SKU", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }, { sku: "NOPE", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["a pre-order with no items", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: daysAgo(1), items: [] } }), "BAD_USER_INPUT"],
    ["a pre-order with a malformed order date", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "SO-NEW", orderDate: "yesterday", items: [{ sku: "A", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["a pre-order with an over-long order id", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "O".repeat(65), orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }), "BAD_USER_INPUT"],
    ["a pre-order whose id is a PO's", () => api.gql(IMPORT_PRE_ORDER, { input: { orderId: "PO-EXISTS", orderDate: daysAgo(1), items: [{ sku: "A", quantity: 1 }] } }), "DUPLICATE"],
    ["a CSV with an unknown dateFormat", () => api.gql(IMPORT_CSV, { csv: "orderId,productSku,arrivalDate,quantity,facilityId\nPO-9,A,01/01/2027,1,WH", fmt: "QQQQQ-nonsense" }), "BAD_USER_INPUT"],
  ];
  for (const [what, send, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      expect(errorCode(await send())).to.equal(code);
    });
  }

  it("refuses an allocation of an unknown PO with NOT_FOUND", async () => {
    const res = await api.gql(graphql(`mutation AllocateUnknownPo { allocateSalesOrders(purchaseOrderId: "PO-NOPE") { allocatedItemCount } }`));
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
    expect(res.data.importPurchaseOrders.errors.map((e) => e.line)).to.deep.equal([3, 4, 5, 6, 7]);
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
    await products(api, "A", "B");
  });
  afterEach(() => api.close());

  it("creates one PO per order id with items in row order, dates in the given format", async () => {
    const csv = 'orderId,productSku,arrivalDate,quantity,facilityId,orderBuffer,bufferDays\r\n"PO-1",A,15.01.2027,10,WH-1,1,2\r\nPO-2,B,2027-02-01,5,WH-2,,\r\nPO-1,B,20.01.2027,3,WH-1,0,0\r\n';
    const res = await api.gql(IMPORT_CSV, { csv, fmt: "dd.MM.yyyy" });
    expect(res.data.importPurchaseOrders.errors).to.deep.equal([]);
    const [po1, po2] = res.data.importPurchaseOrders.purchaseOrders;
    expect(po1.id).to.equal("PO-1");
    expect(po1.items.map((i) => [i.seqId, i.product.sku, i.quantity, i.arrivalDate])).to.deep.equal([
      ["00001", "A", 10, "2027-01-15"], ["00002", "B", 3, "2027-01-20"],
    ]);
    expect(po2.items[0].arrivalDate).to.equal("2027-02-01");
    const list = await api.gql(graphql(`query CountPurchaseOrders { purchaseOrders { totalCount } }`));
    expect(list.data.purchaseOrders.totalCount).to.equal(2);
  });
});
