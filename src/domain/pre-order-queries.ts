import { EntityManager } from "typeorm";
import { Status, statusOf } from "./statuses";
import { fromSqlDate, placeholders, sqlDate } from "./sql";
import { Cursor, Page, decodeCursor, encodeCursor } from "./pagination";
import { pageSize } from "./validation";
import { badInput } from "./errors";

/** A sales order item as the API shows it, with the PO item it is tied to. */
export interface PreOrderItemView {
  id: number;
  orderId: string;
  seqId: string;
  orderDate: Date;
  productId: number;
  quantity: number;
  status: Status;
  facilityId: string;
  promiseDate: Date | null;
  purchaseOrderId: string | null;
  purchaseOrderItemSeqId: string | null;
  poItemId: number | null;
}

export interface PreOrderFilter {
  sku?: string | null;
  purchaseOrderId?: string | null;
  promised?: boolean | null;
  allocated?: boolean | null;
  facilityId?: string | null;
}

const SELECT = `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, s.order_date, s.product_id, s.quantity, s.status_id,
  s.facility_id, s.promised_datetime, s.po_item_id, p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id
  FROM sales_order_item s LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id`;

export function toPreOrderItemView(row: Record<string, unknown>): PreOrderItemView {
  return {
    id: Number(row.so_item_id),
    orderId: String(row.order_id),
    seqId: String(row.order_item_seq_id),
    orderDate: fromSqlDate(row.order_date)!,
    productId: Number(row.product_id),
    quantity: Number(row.quantity),
    status: statusOf(String(row.status_id)),
    facilityId: String(row.facility_id),
    promiseDate: fromSqlDate(row.promised_datetime),
    poItemId: row.po_item_id == null ? null : Number(row.po_item_id),
    purchaseOrderId: row.po_order_id == null ? null : String(row.po_order_id),
    purchaseOrderItemSeqId: row.po_seq_id == null ? null : String(row.po_seq_id),
  };
}

/** The items of the given sales orders, in order and seq order. */
export async function preOrderItemsOf(manager: EntityManager, orderIds: string[]): Promise<PreOrderItemView[]> {
  if (orderIds.length === 0) return [];
  const rows = await manager.query(`${SELECT} WHERE s.order_id IN (${placeholders(orderIds.length)}) ORDER BY s.order_id, s.order_item_seq_id`, orderIds);
  return rows.map(toPreOrderItemView);
}

/** One sales order item by its order id and seq id, or undefined. */
export async function findPreOrderItem(manager: EntityManager, orderId: string, seqId: string): Promise<PreOrderItemView | undefined> {
  const rows = await manager.query(`${SELECT} WHERE s.order_id = ? AND s.order_item_seq_id = ?`, [orderId, seqId]);
  return rows.length ? toPreOrderItemView(rows[0]) : undefined;
}

/** Sales order items, first in first out, filtered and paginated by cursor. */
export async function listPreOrders(manager: EntityManager, filter: PreOrderFilter = {}, first?: number | null, after?: string | null): Promise<Page<PreOrderItemView>> {
  const limit = pageSize(first);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.sku != null) { where.push("s.product_id = (SELECT product_id FROM product WHERE sku = ?)"); params.push(filter.sku); }
  if (filter.purchaseOrderId != null) { where.push("p.order_id = ?"); params.push(filter.purchaseOrderId); }
  if (filter.promised != null) where.push(`s.promised_datetime IS ${filter.promised ? "NOT " : ""}NULL`);
  if (filter.allocated != null) where.push(`s.po_item_id IS ${filter.allocated ? "NOT " : ""}NULL`);
  if (filter.facilityId != null) { where.push("s.facility_id = ?"); params.push(filter.facilityId); }
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM sales_order_item s LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id ${whereSql}`, params);

  const pageWhere = [...where];
  const pageParams = [...params];
  const cursor: Cursor | null = after ? decodeCursor(after, 3) : null;
  if (cursor) {
    const [date, orderId, seq] = cursor;
    if (Number.isNaN(new Date(date).getTime())) throw badInput("after is not a cursor this list gave out");
    pageWhere.push("(s.order_date > ? OR (s.order_date = ? AND (s.order_id > ? OR (s.order_id = ? AND s.order_item_seq_id > ?))))");
    const at = sqlDate(new Date(date));
    pageParams.push(at, at, orderId, orderId, seq);
  }
  const rows = await manager.query(
    `${SELECT} ${pageWhere.length ? `WHERE ${pageWhere.join(" AND ")}` : ""} ORDER BY s.order_date, s.order_id, s.order_item_seq_id LIMIT ?`,
    [...pageParams, limit + 1],
  );
  const nodes = rows.slice(0, limit).map(toPreOrderItemView);
  return {
    nodes,
    cursors: nodes.map((n: PreOrderItemView) => encodeCursor([n.orderDate.toISOString(), n.orderId, n.seqId])),
    hasNextPage: rows.length > limit,
    totalCount: Number(n),
  };
}
