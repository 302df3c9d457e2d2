import { expect } from "chai";
import { inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { PROMISES } from "../support/documents";
import { graphql } from "../support/graphql";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";
import { SqlLog } from "../support/sql-log";

const isPromiseQuery = (sql: string) => sql.includes("FROM product pr");

describe("PDP promises are batched: one SQL statement per request, whatever the number of SKUs", () => {
  const log = new SqlLog();
  let api: TestServer;
  const skus = Array.from({ length: 50 }, (_, i) => `SKU-${String(i).padStart(2, "0")}`);

  before(async () => {
    api = await startTestServer(await openTestDb(log));
    await products(api, ...skus.map((sku, i) => ({ sku, name: sku, inventoryAvailable: i % 3 === 0 ? 1 : 0 })));
    await purchaseOrder(api, "PO-1", skus.map((sku, i) => ({ sku, quantity: 1 + i, arrivalDate: inDays(5 + i) })));
  });
  after(() => api.close());

  for (const n of [1, 50]) {
    it(`productPromises with ${n} SKU${n > 1 ? "s" : ""}: one statement`, async () => {
      const { result: res, statements: sql } = await log.during(() => api.gql(PROMISES, { skus: skus.slice(0, n) }));
      expect(res.data.productPromises).to.have.length(n);
      expect(res.data.productPromises.every((p) => p!.status !== "OUT_OF_STOCK")).to.equal(true);
      expect(sql).to.have.length(1);
      expect(isPromiseQuery(sql[0])).to.equal(true);
    });

    it(`${n} aliased productPromise fields with mixed quantities: one statement`, async () => {
      const fields = skus.slice(0, n).map((sku, i) => `p${i}: productPromise(sku: "${sku}"${i % 2 ? ", quantity: 2" : ""}) { sku status promiseDate }`);
      const { result: res, statements: sql } = await log.during(() => api.gql(`{ ${fields.join("\n")} }`));
      expect(Object.keys(res.data)).to.have.length(n);
      expect(res.data.p0).to.include({ sku: "SKU-00", status: "IN_STOCK" });
      expect(sql).to.have.length(1);
    });

    it(`promises nested under ${n} PO item${n > 1 ? "s" : ""}: one statement for the promises`, async () => {
      await api.db.write((m) => m.query(`DELETE FROM purchase_order_item WHERE order_id = 'PO-N'`));
      await api.db.write((m) => m.query(`DELETE FROM order_header WHERE order_id = 'PO-N'`));
      await purchaseOrder(api, "PO-N", skus.slice(0, n).map((sku) => ({ sku, quantity: 1, arrivalDate: inDays(3) })));
      const nested = graphql(`
        query PoNItemPromises { purchaseOrder(id: "PO-N") { items { product { sku promise { status } promise3: promise(quantity: 3) { status } } } } }
      `);
      const { result: res, statements: sql } = await log.during(() => api.gql(nested));
      expect(res.data.purchaseOrder?.items).to.have.length(n);
      expect(sql.filter(isPromiseQuery)).to.have.length(1);
      expect(sql).to.have.length(4); // the PO, its items, their products, their promises
    });
  }
});
