import { expect } from "chai";
import { Db } from "../../src/db";
import { ensureMySqlDatabase, onMySql, testDatabaseConfig } from "../support/database";
import { ALLOCATE, IMPORT_PRE_ORDER, PRE_ORDERS, PROMISES, PURCHASE_ORDERS } from "../support/documents";
import { graphql } from "../support/graphql";
import { seedBusyRetailer } from "../support/scale";
import { LoggedQuery, SqlLog } from "../support/sql-log";
import { TestServer, startTestServer } from "../support/server";


const FIND_PAGE = graphql(`
  query FindPageWithCounts($f: PurchaseOrderFilter, $first: Int) {
    purchaseOrders(filter: $f, first: $first) { totalCount edges { node { id pendingPreOrderCount items { ...PoItemFields } } } }
  }
`);

const QUEUE_PAGE = graphql(`
  query QueuePage($f: PreOrderFilter, $first: Int, $after: String) {
    preOrders(filter: $f, first: $first, after: $after) { pageInfo { endCursor } edges { node { orderId seqId quantity promiseDate purchaseOrderId } } }
  }
`);

const QUEUE_WITH_SUMMARY = graphql(`
  query QueueWithSummary($f: PreOrderFilter, $first: Int) {
    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }
    preOrders(filter: $f, first: $first) { edges { node { orderId seqId } } }
  }
`);

const HISTORY_AND_FEED = graphql(`
  query HistoryAndFeed($po: ID) {
    allocationHistory(purchaseOrderId: $po, first: 50) { totalCount edges { node { id type } } }
    promiseDateChanges(first: 50) { totalCount edges { node { id } } }
  }
`);

/** The tables that grow with the business: never read whole. */
const BIG_TABLES = new Set(["sales_order_item", "order_header", "purchase_order_item", "allocation_event", "promise_date_change"]);

interface PlanRow { table: string; type: string; key: string | null; rows: number; Extra: string | null }

/** Every SELECT that ran, with its plan as MariaDB/MySQL EXPLAINs it now. */
async function plans(db: Db, queries: LoggedQuery[]): Promise<{ sql: string; plan: PlanRow[] }[]> {
  const out: { sql: string; plan: PlanRow[] }[] = [];
  for (const { sql, parameters } of queries.filter((q) => /^\s*SELECT/i.test(q.sql))) {
    const plan = (await db.read((m) => m.query(`EXPLAIN ${sql}`, parameters))) as PlanRow[];
    out.push({ sql: sql.replace(/\s+/g, " "), plan });
  }
  return out;
}

/**
 * The accesses to a big table that read it whole: a full table scan, or a full index scan that
 * does not stop early (an ordered index scan under a LIMIT shows the LIMIT as its row estimate).
 */
function fullScans(explained: { sql: string; plan: PlanRow[] }[]): string[] {
  return explained.flatMap(({ sql, plan }) => plan
    .filter((p) => BIG_TABLES.has(realTable(p.table, sql)) && (p.type === "ALL" || (p.type === "index" && Number(p.rows) > 1000)))
    .map((p) => `${p.table} ${p.type} (${p.key ?? "no index"}, ~${p.rows} rows) in: ${sql.slice(0, 220)}`));
}

/** The table behind an alias in the statement ("s" -> sales_order_item). */
function realTable(alias: string, sql: string): string {
  if (BIG_TABLES.has(alias)) return alias;
  const match = new RegExp(`\\b(\\w+) (?:AS )?${alias}\\b`).exec(sql);
  return match ? match[1] : alias;
}

/**
 * At the size of a busy retailer — 200,000 pre-order items, 5,000 POs of 4 items, over 200
 * products (1,000 pre-order items each: the shape on which the pending-pre-orders filter used
 * to materialise every waiting item from a full scan, 4-17 s) — every list, filter and count
 * the API runs is served by an index: EXPLAIN shows no full scan of a big table.
 */
describe("Query plans at 200,000 pre-orders and 5,000 POs (MariaDB/MySQL)", function () {
  this.timeout(300_000);
  const log = new SqlLog();
  let url: string;
  let db: Db;
  let api: TestServer;

  before(async function () {
    if (!onMySql()) this.skip();
    const config = testDatabaseConfig();
    const parsed = new URL(config.url);
    parsed.pathname = `${parsed.pathname}_plans`;
    url = parsed.toString();
    await ensureMySqlDatabase(url, { recreate: true });
    db = await Db.open({ ...config, url }, log);
    await seedBusyRetailer(db, { products: 200, purchaseOrders: 5_000, preOrders: 200_000 });
    api = await startTestServer(db);
  });
  after(async () => {
    await api?.close();
    if (url) await ensureMySqlDatabase(url, { drop: true });
  });

  const ran = async (work: () => Promise<{ errors?: unknown[] }>) => {
    const { result, queries } = await log.during(work);
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return plans(db, queries);
  };

  it("finds POs with and without pending pre-orders, with their counts", async () => {
    for (const hasPendingPreOrders of [true, false]) {
      expect(fullScans(await ran(() => api.gql(FIND_PAGE, { f: { hasPendingPreOrders }, first: 20 })))).to.deep.equal([]);
    }
    expect(fullScans(await ran(() => api.gql(FIND_PAGE, { first: 100 })))).to.deep.equal([]);
  });

  it("searches POs by id and by SKU", async () => {
    expect(fullScans(await ran(() => api.gql(PURCHASE_ORDERS, { f: { search: "0012" } })))).to.deep.equal([]);
    expect(fullScans(await ran(() => api.gql(PURCHASE_ORDERS, { f: { sku: "SKU-000123", status: ["APPROVED"] } })))).to.deep.equal([]);
  });

  it("pages the pre-order queue first in first out from an index, without a sort, and counts it only when asked", async () => {
    const first = await log.during(() => api.gql(QUEUE_PAGE, { first: 50 }));
    expect(first.queries.map((q) => q.sql).filter((sql) => /COUNT\(/.test(sql)), "no count unless totalCount is asked").to.deep.equal([]);
    const next = await ran(() => api.gql(QUEUE_PAGE, { first: 50, after: first.result.data.preOrders.pageInfo.endCursor }));
    for (const explained of [...(await plans(db, first.queries)), ...next]) {
      const page = explained.plan.find((p) => realTable(p.table, explained.sql) === "sales_order_item");
      expect(page?.Extra ?? "", explained.sql).not.to.match(/filesort/);
    }
    expect(fullScans([...(await plans(db, first.queries)), ...next])).to.deep.equal([]);
    expect(fullScans(await ran(() => api.gql(PRE_ORDERS, { f: { purchaseOrderId: "PO-000123" } })))).to.deep.equal([]);
  });

  it("filters the pre-order queue by order dates, promise dates, waiting or tied, facility and SKU from an index, first in first out", async () => {
    const filters = [
      { orderDateFrom: "2026-02-01T00:00:00.000Z", orderDateTo: "2026-02-03T00:00:00.000Z" },
      { waiting: true }, { waiting: false }, { facilityId: "WH-1" }, { sku: "SKU-000123" },
      { promiseDateFrom: "2030-03-01", promiseDateTo: "2030-03-02" },
      { waiting: true, orderDateFrom: "2026-02-01T00:00:00.000Z" },
    ];
    for (const f of filters) expect(fullScans(await ran(() => api.gql(QUEUE_PAGE, { f, first: 50 }))), JSON.stringify(f)).to.deep.equal([]);
  });

  it("counts the queue's summary from an index for the filters that narrow it (PO, SKU, order dates, promise dates)", async () => {
    const filters = [
      { purchaseOrderId: "PO-000123" }, { sku: "SKU-000123" }, { sku: "SKU-000123", waiting: true },
      { orderDateFrom: "2026-02-01T00:00:00.000Z", orderDateTo: "2026-02-03T00:00:00.000Z" },
      { promiseDateFrom: "2030-03-01", promiseDateTo: "2030-03-02" },
    ];
    for (const f of filters) expect(fullScans(await ran(() => api.gql(QUEUE_WITH_SUMMARY, { f, first: 20 }))), JSON.stringify(f)).to.deep.equal([]);
  });

  it("answers the storefront, imports, allocates and lists the history from indexes", async () => {
    expect(fullScans(await ran(() => api.gql(PROMISES, { skus: ["SKU-000007", "SKU-000123", "NO-SUCH-SKU"] })))).to.deep.equal([]);
    expect(fullScans(await ran(() => api.gql(IMPORT_PRE_ORDER, { input: {
      orderId: "SO-PLANS-1", orderDate: new Date().toISOString(), items: [{ sku: "SKU-000007", quantity: 1 }, { sku: "SKU-000123", quantity: 2 }],
    } })))).to.deep.equal([]);
    expect(fullScans(await ran(() => api.gql(ALLOCATE, { id: "PO-004323", dryRun: true })))).to.deep.equal([]);
    expect(fullScans(await ran(() => api.gql(HISTORY_AND_FEED, { po: "PO-004323" })))).to.deep.equal([]);
  });
});
