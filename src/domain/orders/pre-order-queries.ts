import { EntityManager } from "typeorm";
import {
  HOLDS_TIE_SQL, Page, TIED_SALES_ITEM_FROM, TIED_SALES_ITEM_SELECT, TiedSalesItemRow, keysetPage, placeholders, salesItemColumns, sqlDate, toTiedSalesItemRow,
} from "../../db";
import { badInput } from "../../errors";
import { LIMITS, MAX_INT, OPEN_ITEMS_SQL, PRE_ORDER_PARKING, Status, addDays, statusOf } from "../core";
import { FIFO } from "../allocation";

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
  /** Promised on this day or later (a calendar day). */
  promiseDateFrom?: Date | null;
  /** Promised on this day or earlier (a calendar day). */
  promiseDateTo?: Date | null;
  /** Case-insensitive substring of the order id, the SKU or the product name. */
  search?: string | null;
  /** Ordered at this instant or later. */
  orderDateFrom?: Date | null;
  /** Ordered at this instant or earlier. */
  orderDateTo?: Date | null;
  /** true: waiting in parking, open and not tied; false: tied and still in parking. */
  waiting?: boolean | null;
}

/** The longest search text: longer could match nothing a name can hold. */
export const MAX_SEARCH = LIMITS.name;

/** Waiting for stock: open, in pre-order parking, not tied (a hand-set promise date or not), over `s`. */
export const QUEUE_WAITING_SQL = `s.facility_id = '${PRE_ORDER_PARKING}' AND s.po_item_id IS NULL AND s.status_id IN (${OPEN_ITEMS_SQL})`;
/** Tied and still holding its PO item's units (in parking), over `s`. */
export const QUEUE_TIED_SQL = HOLDS_TIE_SQL("s");

/** The WHERE terms and parameters of a pre-order filter, over `s` (sales_order_item) and `p` (its PO item). */
function preOrderWhere(filter: PreOrderFilter): { where: string[]; params: unknown[] } {
  if (filter.search != null && filter.search.length > MAX_SEARCH) throw badInput(`filter.search must be at most ${MAX_SEARCH} characters (got ${filter.search.length})`);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.sku != null) { where.push("s.product_id = (SELECT product_id FROM product WHERE sku = ?)"); params.push(filter.sku); }
  if (filter.purchaseOrderId != null) { where.push("p.order_id = ?"); params.push(filter.purchaseOrderId); }
  if (filter.promised != null) where.push(`s.promised_datetime IS ${filter.promised ? "NOT " : ""}NULL`);
  if (filter.allocated != null) where.push(`s.po_item_id IS ${filter.allocated ? "NOT " : ""}NULL`);
  if (filter.facilityId != null) { where.push("s.facility_id = ?"); params.push(filter.facilityId); }
  if (filter.promiseDateFrom != null) { where.push("s.promised_datetime >= ?"); params.push(sqlDate(filter.promiseDateFrom)); }
  if (filter.promiseDateTo != null) { where.push("s.promised_datetime < ?"); params.push(sqlDate(addDays(filter.promiseDateTo, 1))); }
  if (filter.orderDateFrom != null) { where.push("s.order_date >= ?"); params.push(sqlDate(filter.orderDateFrom)); }
  if (filter.orderDateTo != null) { where.push("s.order_date <= ?"); params.push(sqlDate(filter.orderDateTo)); }
  if (filter.waiting != null) where.push(filter.waiting ? QUEUE_WAITING_SQL : QUEUE_TIED_SQL);
  if (filter.search != null && filter.search !== "") {
    // A substring cannot use a b-tree index: this scans the rows the other terms leave, in FIFO
    // order, and stops at a page; the statement time limit bounds the worst case (docs/domain.md#the-pre-order-queue).
    const like = `%${filter.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    where.push("(LOWER(s.order_id) LIKE ? ESCAPE '!' OR s.product_id IN (SELECT product_id FROM product WHERE LOWER(sku) LIKE ? ESCAPE '!' OR LOWER(name) LIKE ? ESCAPE '!'))");
    params.push(like, like, like);
  }
  return { where, params };
}

/** The pre-order queue's counts for a filter (the same filter as the list). */
export interface PreOrderQueueSummary {
  orderCount: number;
  itemCount: number;
  unitCount: number;
  waitingItemCount: number;
  tiedItemCount: number;
}

/** Counts orders, items and units, waiting and tied items, of the items a filter selects: one statement. */
export async function preOrderQueueSummary(manager: EntityManager, filter: PreOrderFilter = {}): Promise<PreOrderQueueSummary> {
  const { where, params } = preOrderWhere(filter);
  const [row] = await manager.query(
    `SELECT COUNT(DISTINCT s.order_id) AS orders, COUNT(*) AS items, COALESCE(SUM(s.quantity), 0) AS units,
            COALESCE(SUM(CASE WHEN ${QUEUE_WAITING_SQL} THEN 1 ELSE 0 END), 0) AS waiting, COALESCE(SUM(CASE WHEN ${QUEUE_TIED_SQL} THEN 1 ELSE 0 END), 0) AS tied
     FROM ${TIED_SALES_ITEM_FROM}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`,
    params,
  );
  // Units of thousands of items can pass the largest Int (2,200 items of 1,000,000): capped, as the PDP's ATP is.
  return { orderCount: Number(row.orders), itemCount: Number(row.items), unitCount: Math.min(Number(row.units), MAX_INT), waitingItemCount: Number(row.waiting), tiedItemCount: Number(row.tied) };
}

export function toPreOrderItemView(row: Record<string, unknown>): PreOrderItemView {
  const r: TiedSalesItemRow = toTiedSalesItemRow(row);
  return {
    id: r.id,
    orderId: r.orderId,
    seqId: r.orderItemSeqId,
    orderDate: r.orderDate,
    productId: r.productId,
    quantity: r.quantity,
    status: statusOf(r.statusId),
    facilityId: r.facilityId,
    promiseDate: r.promiseDate,
    poItemId: r.poItemId,
    purchaseOrderId: r.purchaseOrderId,
    purchaseOrderItemSeqId: r.purchaseOrderItemSeqId,
  };
}

/** The items of the given sales orders, in order and seq order. */
export async function preOrderItemsOf(manager: EntityManager, orderIds: string[]): Promise<PreOrderItemView[]> {
  if (orderIds.length === 0) return [];
  const rows = await manager.query(`${TIED_SALES_ITEM_SELECT} WHERE s.order_id IN (${placeholders(orderIds.length)}) ORDER BY s.order_id, s.order_item_seq_id`, orderIds);
  return rows.map(toPreOrderItemView);
}

/** One sales order item by its order id and seq id, or undefined. */
export async function findPreOrderItem(manager: EntityManager, orderId: string, seqId: string): Promise<PreOrderItemView | undefined> {
  const rows = await manager.query(`${TIED_SALES_ITEM_SELECT} WHERE s.order_id = ? AND s.order_item_seq_id = ?`, [orderId, seqId]);
  return rows.length ? toPreOrderItemView(rows[0]) : undefined;
}

/** Sales order items by id (the API's PreOrderItem ids), in the order asked; undefined for an unknown id. */
export async function preOrderItemsById(manager: EntityManager, ids: readonly number[]): Promise<(PreOrderItemView | undefined)[]> {
  if (ids.length === 0) return [];
  const rows: Record<string, unknown>[] = await manager.query(`${TIED_SALES_ITEM_SELECT} WHERE s.so_item_id IN (${placeholders(ids.length)})`, [...ids]);
  const byId = new Map(rows.map((r) => [Number(r.so_item_id), toPreOrderItemView(r)]));
  return ids.map((id) => byId.get(id));
}

/** Sales order items, first in first out, filtered and paginated by cursor. */
export function listPreOrders(manager: EntityManager, filter: PreOrderFilter = {}, first?: number | null, after?: string | null): Promise<Page<PreOrderItemView>> {
  const { where, params } = preOrderWhere(filter);
  return keysetPage(manager, {
    select: `${salesItemColumns("s")}, p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id`,
    from: TIED_SALES_ITEM_FROM, where, params, ordering: FIFO, first, after,
    map: toPreOrderItemView, keyOf: (n) => [n.orderDate, n.orderId, n.seqId],
  });
}
