import { EntityManager } from "typeorm";
import {
  Page, TIED_SALES_ITEM_FROM, TIED_SALES_ITEM_SELECT, TiedSalesItemRow, keysetPage, placeholders, salesItemColumns, sqlDate, toTiedSalesItemRow,
} from "../../db";
import { Status, addDays, statusOf } from "../core";
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
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.sku != null) { where.push("s.product_id = (SELECT product_id FROM product WHERE sku = ?)"); params.push(filter.sku); }
  if (filter.purchaseOrderId != null) { where.push("p.order_id = ?"); params.push(filter.purchaseOrderId); }
  if (filter.promised != null) where.push(`s.promised_datetime IS ${filter.promised ? "NOT " : ""}NULL`);
  if (filter.allocated != null) where.push(`s.po_item_id IS ${filter.allocated ? "NOT " : ""}NULL`);
  if (filter.facilityId != null) { where.push("s.facility_id = ?"); params.push(filter.facilityId); }
  if (filter.promiseDateFrom != null) { where.push("s.promised_datetime >= ?"); params.push(sqlDate(filter.promiseDateFrom)); }
  if (filter.promiseDateTo != null) { where.push("s.promised_datetime < ?"); params.push(sqlDate(addDays(filter.promiseDateTo, 1))); }
  return keysetPage(manager, {
    select: `${salesItemColumns("s")}, p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id`,
    from: TIED_SALES_ITEM_FROM, where, params, ordering: FIFO, first, after,
    map: toPreOrderItemView, keyOf: (n) => [n.orderDate, n.orderId, n.seqId],
  });
}
