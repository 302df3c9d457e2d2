import { expect } from "chai";
import { Logger } from "typeorm";
import { CREATE_PO, PROMISES, UPSERT, inDays } from "../fixtures";
import { TestServer, openTestDb, startTestServer } from "../helpers";

/** Every SQL statement the server runs, as TypeORM's logger sees it. */
class StatementLog implements Logger {
  statements: string[] = [];
  logQuery(query: string) { this.statements.push(query); }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  /** The statements `work` caused. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    await work();
    return this.statements;
  }
}

const isPromiseQuery = (sql: string) => sql.includes("FROM product pr");

describe("PDP promises are batched: one SQL statement per request, whatever the number of SKUs", () => {
  const log = new StatementLog();
  let api: TestServer;
  const skus = Array.from({ length: 50 }, (_, i) => `SKU-${String(i).padStart(2, "0")}`);

  before(async () => {
    api = await startTestServer(await openTestDb(log));
    await api.gql(UPSERT, { input: skus.map((sku, i) => ({ sku, name: sku, inventoryAvailable: i % 3 === 0 ? 1 : 0 })) });
    const res = await api.gql(CREATE_PO, { input: { id: "PO-1", facilityId: "WH-1", items: skus.map((sku, i) => ({ sku, quantity: 1 + i, arrivalDate: inDays(5 + i) })) } });
    expect(res.errors).to.equal(undefined);
  });
  after(() => api.close());

  for (const n of [1, 50]) {
    it(`productPromises with ${n} SKU${n > 1 ? "s" : ""}: one statement`, async () => {
      let res: any;
      const sql = await log.during(async () => { res = await api.gql(PROMISES, { skus: skus.slice(0, n) }); });
      expect(res.data.productPromises).to.have.length(n);
      expect(res.data.productPromises.every((p: any) => p.status !== "OUT_OF_STOCK")).to.equal(true);
      expect(sql).to.have.length(1);
      expect(isPromiseQuery(sql[0])).to.equal(true);
    });

    it(`${n} aliased productPromise fields with mixed quantities: one statement`, async () => {
      const fields = skus.slice(0, n).map((sku, i) => `p${i}: productPromise(sku: "${sku}"${i % 2 ? ", quantity: 2" : ""}) { sku status promiseDate }`);
      let res: any;
      const sql = await log.during(async () => { res = await api.gql(`{ ${fields.join("\n")} }`); });
      expect(Object.keys(res.data)).to.have.length(n);
      expect(res.data.p0).to.include({ sku: "SKU-00", status: "IN_STOCK" });
      expect(sql).to.have.length(1);
    });

    it(`promises nested under ${n} PO item${n > 1 ? "s" : ""}: one statement for the promises`, async () => {
      await api.db.write((m) => m.query(`DELETE FROM purchase_order_item WHERE order_id = 'PO-N'`));
      await api.db.write((m) => m.query(`DELETE FROM order_header WHERE order_id = 'PO-N'`));
      await api.gql(CREATE_PO, { input: { id: "PO-N", facilityId: "WH-1", items: skus.slice(0, n).map((sku) => ({ sku, quantity: 1, arrivalDate: inDays(3) })) } });
      let res: any;
      const sql = await log.during(async () => {
        res = await api.gql(`{ purchaseOrder(id: "PO-N") { items { product { sku promise { status } promise3: promise(quantity: 3) { status } } } } }`);
      });
      expect(res.data.purchaseOrder.items).to.have.length(n);
      expect(sql.filter(isPromiseQuery)).to.have.length(1);
      expect(sql).to.have.length(4); // the PO, its items, their products, their promises
    });
  }
});
