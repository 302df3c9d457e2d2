import { expect } from "chai";
import { Db } from "../../src/db";
import { CREATE_PO, IMPORT_PRE_ORDER, PRE_ORDERS, UPSERT } from "../fixtures";
import { TestServer } from "../helpers";

/** Small builders so each allocation test reads as its scenario. All go through the API. */

type Gql = Pick<TestServer, "gql">;

export async function products(api: Gql, ...skus: string[]): Promise<void> {
  const res = await api.gql(UPSERT, { input: skus.map((sku) => ({ sku, name: `Product ${sku}` })) });
  expect(res.errors).to.equal(undefined);
}

export interface PoItem { sku: string; quantity: number; arrivalDate?: string | null; orderBuffer?: number }

export async function purchaseOrder(api: Gql, id: string, items: PoItem[], status = "APPROVED"): Promise<void> {
  const res = await api.gql(CREATE_PO, { input: { id, facilityId: "WH-1", status, items } });
  expect(res.errors, `createPurchaseOrder ${id}`).to.equal(undefined);
}

export interface PreOrderLine { sku: string; quantity: number; facilityId?: string }

/** A pre-order placed at `orderDate` (ISO); returns the items as imported. */
export async function preOrder(api: Gql, orderId: string, orderDate: string, items: PreOrderLine[]): Promise<any[]> {
  const res = await api.gql(IMPORT_PRE_ORDER, { input: { orderId, orderDate, items } });
  expect(res.errors, `importPreOrder ${orderId}`).to.equal(undefined);
  return res.data.importPreOrder.items;
}

/** Every pre-order item as "order/seq" → its PO tie and promise date (date part only). */
export async function ties(api: Gql): Promise<Record<string, string | null>> {
  const res = await api.gql(PRE_ORDERS, { first: 100 });
  expect(res.errors).to.equal(undefined);
  return Object.fromEntries(res.data.preOrders.edges.map(({ node }: any) => [
    `${node.orderId}/${node.seqId}`,
    node.purchaseOrderId ? `${node.purchaseOrderId}/${node.purchaseOrderItemSeqId}@${node.promiseDate.slice(0, 10)}` : null,
  ]));
}

/** A status set directly, as the lifecycle mutations (another issue) would leave it. */
export async function setStatus(db: Db, table: "order_header" | "sales_order_item" | "purchase_order_item", statusId: string, orderId: string, seqId?: string): Promise<void> {
  await db.write((m) => m.query(
    `UPDATE ${table} SET status_id = ? WHERE order_id = ?${seqId ? " AND order_item_seq_id = ?" : ""}`,
    seqId ? [statusId, orderId, seqId] : [statusId, orderId],
  ));
}

/** "order/seq" keys of a payload's allocations or skipped items, in payload order. */
export const keys = (rows: { orderId: string; seqId: string }[]): string[] => rows.map((r) => `${r.orderId}/${r.seqId}`);
