import { expect } from "chai";
import { daysAgo, inDays } from "../support/clock";
import { CREATE_PO, IMPORT_PRE_ORDER, PRE_ORDERS, PURCHASE_ORDERS, UPSERT } from "../support/documents";
import { graphql } from "../support/graphql";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";

/** Strings a careless or hostile client sends: SQL, HTML, template and LIKE syntax, quotes, backslashes, 4-byte UTF-8. */
const HOSTILE = [
  "'; DROP TABLE product; --",
  "Robert'); DROP TABLE order_header;--",
  "\" OR \"1\"=\"1",
  "\\' OR 1=1 -- \\",
  "1; SELECT SLEEP(5)",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${jndi:ldap://x} {{7*7}} %s%n",
  "100% _off_ !deal!",
  "ünïcødé 𝕏 😀 ∑",
];

describe("Hostile strings are stored and returned as plain data", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
  });
  after(() => api.close());

  const tableCount = async () => (await api.db.read((m) => m.query("SELECT COUNT(*) AS n FROM product")))[0].n;

  HOSTILE.forEach((text, i) => {
    it(`stores and returns ${JSON.stringify(text)} verbatim as a product name and as a SKU`, async () => {
      const res = await api.gql(UPSERT, { input: [{ sku: `INJ-${i}`, name: text }, { sku: text, name: `by sku ${i}` }] });
      expect(res.errors).to.equal(undefined);
      expect(res.data.upsertProducts.map((p) => [p.sku, p.name])).to.deep.equal([[`INJ-${i}`, text], [text, `by sku ${i}`]]);
      expect(res.headers.get("content-type")).to.match(/^application\/(graphql-response\+)?json/);
      const po = await api.gql(CREATE_PO, { input: { id: `PO-INJ-${i}`, facilityId: "WH-1", items: [{ sku: text, quantity: 1, arrivalDate: inDays(5) }, { sku: `INJ-${i}`, quantity: 1 }] } });
      expect(po.data.createPurchaseOrder.items.map((it) => it.product.sku)).to.deep.equal([text, `INJ-${i}`]);
      const bySku = await api.gql(PURCHASE_ORDERS, { f: { sku: text } });
      expect(bySku.data.purchaseOrders.edges.map((e) => e.node.id)).to.deep.equal([`PO-INJ-${i}`]);
      expect(Number(await tableCount())).to.be.at.least(2 * (i + 1));
    });

    it(`stores and returns ${JSON.stringify(text)} verbatim as a PO id and a pre-order id`, async () => {
      await products(api, { sku: "PLAIN", name: "Plain" });
      const id = `PO ${text}`;
      const created = await api.gql(CREATE_PO, { input: { id, facilityId: text.slice(0, 60), items: [{ sku: "PLAIN", quantity: 2, arrivalDate: inDays(9) }] } });
      expect(created.errors).to.equal(undefined);
      expect(created.data.createPurchaseOrder).to.include({ id, facilityId: text.slice(0, 60) });
      expect((await api.gql(graphql(`query PurchaseOrderId($id: ID!) { purchaseOrder(id: $id) { id } }`), { id })).data.purchaseOrder).to.deep.equal({ id });
      const orderId = `SO ${text}`;
      const imported = await api.gql(IMPORT_PRE_ORDER, { input: { orderId, orderDate: daysAgo(1), items: [{ sku: "PLAIN", quantity: 1 }] } });
      expect(imported.data.importPreOrder.items[0].orderId).to.equal(orderId);
      const listed = await api.gql(PRE_ORDERS, { f: { sku: "PLAIN" }, first: 100 });
      expect(listed.data.preOrders.edges.map((e) => e.node.orderId)).to.include(orderId);
    });
  });

  it("treats LIKE wildcards in the PO search as plain characters", async () => {
    await products(api, { sku: "W", name: "W" });
    for (const id of ["WILD-100%", "WILD-1000", "WILD_A", "WILDXA", "WILD!X"]) await purchaseOrder(api, id, [{ sku: "W", quantity: 1 }]);
    const search = async (s: string) => (await api.gql(PURCHASE_ORDERS, { f: { search: s }, first: 100 }))
      .data.purchaseOrders.edges.map((e) => e.node.id).filter((id) => id.startsWith("WILD")).sort();
    expect(await search("%")).to.deep.equal(["WILD-100%"]);
    expect(await search("wild_")).to.deep.equal(["WILD_A"]);
    expect(await search("!")).to.deep.equal(["WILD!X"]);
  });

  it("reads quoted CSV fields with quotes, commas and markup as data", async () => {
    await products(api, { sku: "CSV-1", name: "C" });
    const csv = `orderId,productSku,arrivalDate,quantity,facilityId\n"PO-""q"", <b>x</b>; DROP TABLE product",CSV-1,01/15/2030,3,"WH,'1'"\n`;
    const res = await api.gql(graphql(`
      mutation ImportPurchaseOrderFacilities($csv: String!) { importPurchaseOrders(csv: $csv) { purchaseOrders { id facilityId } errors { line message } } }
    `), { csv });
    expect(res.data.importPurchaseOrders).to.deep.equal({ purchaseOrders: [{ id: `PO-"q", <b>x</b>; DROP TABLE product`, facilityId: "WH,'1'" }], errors: [] });
    expect(Number(await tableCount())).to.be.greaterThan(0);
  });

  it("answers errors about hostile input as JSON marked nosniff, never as a page a browser would render", async () => {
    const res = await api.gql(CREATE_PO, { input: { id: "PO-X", facilityId: "WH", items: [{ sku: "<script>alert(1)</script>-unknown", quantity: 1 }] } });
    expect(res.errors).to.have.length(1);
    expect(res.headers.get("content-type")).to.match(/json/);
    expect(res.headers.get("x-content-type-options")).to.equal("nosniff");
  });
});
