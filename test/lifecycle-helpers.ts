import { Db, fromSqlDate } from "../src/db";
import { ALLOCATION_HISTORY, CREATE_PO, IMPORT_PRE_ORDER, PROMISE_DATE_CHANGES, inDays } from "./fixtures";
import { TestServer } from "./helpers";
import { allocationInvariantViolations } from "./invariants";

const iso = (value: unknown): string | null => fromSqlDate(value)?.toISOString() ?? null;

/**
 * Everything that must hold after any mix of allocations, imports and lifecycle changes, as a
 * list of violations (empty = all good), so a failing test says what broke:
 * - the allocation invariants (test/invariants.ts), and every tied item is open;
 * - an untied item has no promise date;
 * - the feed holds exactly one row per history event that changed a promise date, and replaying
 *   it gives every item its current promise date.
 */
export async function lifecycleViolations(db: Db): Promise<string[]> {
  const out = await allocationInvariantViolations(db);
  const items = await db.read((m) => m.query(
    `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, s.status_id, s.po_item_id, s.promised_datetime
     FROM sales_order_item s ORDER BY s.so_item_id`,
  ));
  for (const s of items) {
    const where = `pre-order item ${s.order_id}/${s.order_item_seq_id}`;
    if (s.po_item_id == null && s.promised_datetime != null) out.push(`${where} is promised ${iso(s.promised_datetime)} without a PO`);
    if (s.po_item_id != null && !["ITEM_CREATED", "ITEM_APPROVED"].includes(s.status_id)) out.push(`${where} is ${s.status_id} yet tied`);
  }

  const key = (r: Record<string, unknown>, at: string, type: string) =>
    [r.so_item_id, r.order_id, r.order_item_seq_id, iso(r.old_promise_date), iso(r.new_promise_date), iso(r[at]), r[type], r.reason].join("|");
  const events = await db.read((m) => m.query("SELECT * FROM allocation_event ORDER BY event_id"));
  const changes = await db.read((m) => m.query("SELECT * FROM promise_date_change ORDER BY change_id"));
  const expected = events.filter((e: Record<string, unknown>) => iso(e.old_promise_date) !== iso(e.new_promise_date))
    .map((e: Record<string, unknown>) => key(e, "event_at", "event_type")).sort();
  const actual = changes.map((c: Record<string, unknown>) => key(c, "changed_at", "event_type")).sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push(`feed has ${actual.length} rows for ${expected.length} promise-date changes in the history`);
  }
  const replayed = new Map<number, string | null>();
  for (const c of changes) replayed.set(Number(c.so_item_id), iso(c.new_promise_date));
  for (const s of items) {
    const last = replayed.get(Number(s.so_item_id)) ?? null;
    if (last !== iso(s.promised_datetime)) out.push(`feed replay gives ${s.order_id}/${s.order_item_seq_id} ${last}, stored ${iso(s.promised_datetime)}`);
  }
  return out;
}

/** The same day as the API answers it: midnight UTC, n days from today. */
export const day = (n: number): string => `${inDays(n)}T00:00:00.000Z`;

/** Creates a PO (items: [sku, quantity, arrival in days from today or null]) and fails the test on an error. */
export async function createPo(api: TestServer, id: string, items: [string, number, number | null][], extra: Record<string, unknown> = {}): Promise<void> {
  const res = await api.gql(CREATE_PO, { input: { id, facilityId: "WH-1", ...extra, items: items.map(([sku, quantity, arrival]) => ({
    sku, quantity, ...(arrival === null ? {} : { arrivalDate: inDays(arrival) }),
  })) } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

/** Imports a pre-order placed at midnight UTC `ageDays` ago (items: [sku, quantity, facility?]); returns its items. */
export async function importOrder(api: TestServer, orderId: string, ageDays: number, items: [string, number, string?][]): Promise<any[]> {
  const res = await api.gql(IMPORT_PRE_ORDER, { input: { orderId, orderDate: inDays(-ageDays), items: items.map(([sku, quantity, facilityId]) => ({
    sku, quantity, ...(facilityId ? { facilityId } : {}),
  })) } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.importPreOrder.items;
}

/** One pre-order item as the API shows it. */
export async function preOrderItem(api: TestServer, orderId: string, seqId = "00001"): Promise<any> {
  const res = await api.gql(`query { preOrders(first: 100) { edges { node { orderId seqId status promiseDate purchaseOrderId purchaseOrderItemSeqId } } } }`);
  return res.data.preOrders.edges.map((e: any) => e.node).find((n: any) => n.orderId === orderId && n.seqId === seqId);
}

/** A PO's items as the API shows them, in seq order. */
export async function poItems(api: TestServer, id: string): Promise<any[]> {
  const res = await api.gql(`query($id: ID!) { purchaseOrder(id: $id) { status items { seqId quantity orderBuffer allocatedQuantity availableToPromise arrivalDate status } } }`, { id });
  return res.data.purchaseOrder.items;
}

/** The whole feed, oldest first, as the API shows it. */
export async function feed(api: TestServer): Promise<any[]> {
  const res = await api.gql(PROMISE_DATE_CHANGES, { first: 100 });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.promiseDateChanges.edges.map((e: any) => e.node);
}

/** The history, oldest first (the API answers newest first). */
export async function history(api: TestServer, vars: Record<string, unknown> = {}): Promise<any[]> {
  const res = await api.gql(ALLOCATION_HISTORY, { first: 100, ...vars });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return [...res.data.allocationHistory].reverse();
}
