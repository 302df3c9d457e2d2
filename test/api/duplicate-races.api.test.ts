import { expect } from "chai";
import { Db } from "../../src/db";
import { inDays } from "../support/clock";
import { onMySql, snapshot, testDatabaseConfig } from "../support/database";
import { CREATE_PO, IMPORT_CSV, UPSERT } from "../support/documents";
import { products } from "../support/scenario";
import { GqlResponse, TestServer, errorCode, startTestServer } from "../support/server";

/**
 * Issue 11: every unique-key clash is DUPLICATE, concurrent ones included. Eight requests at
 * once, spread over two servers (each with its own connection pool) on one MariaDB database.
 */
describe("Concurrent unique-key clashes on two servers (MariaDB)", function () {
  let one: TestServer;
  let two: TestServer;
  before(function () {
    if (!onMySql()) this.skip();
  });
  beforeEach(async () => {
    one = await startTestServer();
    two = await startTestServer(await Db.open(testDatabaseConfig()));
    await products(one, "A", "B");
  });
  afterEach(async () => {
    await one?.close();
    await two?.close();
  });

  const tally = (results: (GqlResponse<unknown> | string)[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of results) {
      const key = typeof r === "string" ? r : errorCode(r) ?? "ok";
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };

  for (let round = 1; round <= 5; round++) {
    it(`eight concurrent createPurchaseOrder with one new id: one creates it, seven are DUPLICATE (round ${round})`, async () => {
      const input = (n: number) => ({ id: `PO-C${round}`, facilityId: "WH-1", items: [{ sku: "A", quantity: 5 + n, arrivalDate: inDays(20) }, { sku: "B", quantity: 3, arrivalDate: inDays(20) }] });
      const results = await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 ? one : two).gql(CREATE_PO, { input: input(n) })));
      expect(tally(results)).to.deep.equal({ ok: 1, DUPLICATE: 7 });
      const rows = await snapshot(one.db);
      expect(rows.order_header.filter((h) => h.order_id === `PO-C${round}`)).to.have.length(1);
      expect(rows.purchase_order_item.filter((i) => i.order_id === `PO-C${round}`)).to.have.length(2);
    });

    it(`eight concurrent importPurchaseOrders of one new PO id: one stores it, seven list the id as taken, as a later upload would (round ${round})`, async () => {
      const csv = (n: number) => `orderId,productSku,arrivalDate,quantity,facilityId\nPO-I${round},A,01/15/2099,${5 + n},WH\nPO-I${round},B,01/15/2099,3,WH\n`;
      const results = await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 ? one : two).gql(IMPORT_CSV, { csv: csv(n) })));
      const outcome = (r: (typeof results)[number]) => errorCode(r) ??
        (r.data.importPurchaseOrders.errors.length ? r.data.importPurchaseOrders.errors.map((e) => `${e.line}: ${e.message}`).join(" | ") : "stored");
      const taken = `2: An order with id PO-I${round} already exists | 3: An order with id PO-I${round} already exists`;
      expect(tally(results.map(outcome))).to.deep.equal({ stored: 1, [taken]: 7 });
      const rows = await snapshot(one.db);
      expect(rows.purchase_order_item.filter((i) => i.order_id === `PO-I${round}`)).to.have.length(2);
    });

    it(`eight concurrent upsertProducts of the same new SKUs all succeed and store one product each (round ${round})`, async () => {
      const input = (n: number) => [{ sku: `N${round}-1`, name: `one ${n}` }, { sku: `N${round}-2`, name: `two ${n}`, inventoryAvailable: n }];
      const results = await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 ? one : two).gql(UPSERT, { input: input(n) })));
      expect(tally(results)).to.deep.equal({ ok: 8 });
      const rows = await snapshot(one.db);
      expect(rows.product.filter((p) => String(p.sku).startsWith(`N${round}-`))).to.have.length(2);
    });
  }
});
