import { expect } from "chai";
import { inDays } from "../support/clock";
import { IMPORT_CSV } from "../support/documents";
import { cancelPurchaseOrderItem, completePurchaseOrder, poItems, products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";

/** What an outside tester found wrong with stock figures, ATP and big uploads (each failed before its fix). */
describe("Stock, ATP and big uploads", () => {
  let api: TestServer;
  beforeEach(async () => {
    api = await startTestServer();
  });
  afterEach(async () => api.close());

  it("upsertProducts keeps an existing product's stock when inventoryAvailable is left out, and starts a new one at 0", async () => {
    await products(api, { sku: "STOCKY", name: "Stocky", inventoryAvailable: 50 });
    const [renamed, fresh] = await products(api, { sku: "STOCKY", name: "Stocky renamed" }, { sku: "NEW", name: "New" });
    expect(renamed).to.include({ name: "Stocky renamed", inventoryAvailable: 50 });
    expect(fresh).to.include({ inventoryAvailable: 0 });
    const [kept] = await products(api, { sku: "STOCKY", name: "Again", inventoryAvailable: null });
    expect(kept.inventoryAvailable).to.equal(50);
    const [set] = await products(api, { sku: "STOCKY", name: "Again", inventoryAvailable: 0 });
    expect(set.inventoryAvailable).to.equal(0);
  });

  it("a cancelled or completed PO item offers no ATP", async () => {
    await products(api, "A", "B");
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 9, arrivalDate: inDays(10) }, { sku: "B", quantity: 3, arrivalDate: inDays(10) }]);
    await purchaseOrder(api, "PO-2", [{ sku: "A", quantity: 4, arrivalDate: inDays(10) }]);
    await cancelPurchaseOrderItem(api, "PO-1", "00001");
    await completePurchaseOrder(api, "PO-2");
    expect((await poItems(api, "PO-1")).map((i) => [i.status, i.availableToPromise])).to.deep.equal([["CANCELLED", 0], ["CREATED", 3]]);
    expect((await poItems(api, "PO-2")).map((i) => [i.status, i.availableToPromise])).to.deep.equal([["COMPLETED", 0]]);
  });

  it("an upload of 8,000 POs (within the 20,000-row limit) is stored whole", async function () {
    this.timeout(120_000);
    await products(api, "A");
    const rows = Array.from({ length: 8000 }, (_, i) => `PO-N${String(i).padStart(5, "0")},A,01/15/2099,1,WH`);
    const res = await api.gql(IMPORT_CSV, { csv: ["orderId,productSku,arrivalDate,quantity,facilityId", ...rows].join("\n") });
    expect(res.errors).to.equal(undefined);
    expect(res.data.importPurchaseOrders.errors).to.deep.equal([]);
    expect(res.data.importPurchaseOrders.purchaseOrders).to.have.length(8000);
    const [{ n }] = await api.db.read((m) => m.query("SELECT COUNT(*) AS n FROM purchase_order_item"));
    expect(Number(n)).to.equal(8000);
  });
});
