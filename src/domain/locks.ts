import { EntityManager } from "typeorm";
import { PoItemForRules } from "./allocation-rules";
import { DomainError, notFound } from "./errors";
import { fromSqlDate, placeholders } from "./sql";
import { OPEN_ORDER_STATUSES, statusOf } from "./statuses";

/**
 * The locking reads of the lifecycle mutations. Every writer that touches a PO takes its locks in
 * one order — the PO header, then its items by id, then the pre-order items tied to them — as
 * Allocate Sales Orders does, so two of them on one PO queue behind each other instead of
 * deadlocking, and each sees the other's committed result (READ COMMITTED). On SQLite every write
 * is already serialised, so the reads take no lock there.
 */

export const forUpdate = (manager: EntityManager): string => (manager.connection.options.type === "better-sqlite3" ? "" : " FOR UPDATE");

export interface LockedPurchaseOrder {
  orderId: string;
  statusId: string;
  /** The locked items, by id; only the one asked for when a seq id was given. */
  items: PoItemForRules[];
}

/** A sales order item as the lifecycle mutations read it. */
export interface SalesItemRow {
  id: number;
  orderId: string;
  orderItemSeqId: string;
  quantity: number;
  orderDate: Date;
  promiseDate: Date | null;
  poItemId: number | null;
  statusId: string;
}

/** A pre-order item tied to a PO item. */
export interface TiedItem extends SalesItemRow {
  poItemId: number;
}

/** One locked sales order item with what the guards need; `waiting` = it passes rule 3 now. */
export interface LockedSalesItem extends SalesItemRow {
  productId: number;
  facilityId: string;
  headerStatusId: string;
  waiting: boolean;
}

/** Locks a PO header and its items (or only item `seqId`); NOT_FOUND when either is unknown. */
export async function lockPurchaseOrder(manager: EntityManager, purchaseOrderId: string, seqId?: string): Promise<LockedPurchaseOrder> {
  const lock = forUpdate(manager);
  const [header] = await manager.query(`SELECT order_id, order_type_id, status_id FROM order_header WHERE order_id = ?${lock}`, [purchaseOrderId]);
  if (!header || header.order_type_id !== "PURCHASE_ORDER") throw notFound(`No purchase order with id ${purchaseOrderId}`);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT po_item_id, order_id, order_item_seq_id, product_id, quantity, order_buffer, allocated_quantity, estimated_delivery_date, status_id
     FROM purchase_order_item WHERE order_id = ?${seqId === undefined ? "" : " AND order_item_seq_id = ?"} ORDER BY po_item_id${lock}`,
    seqId === undefined ? [purchaseOrderId] : [purchaseOrderId, seqId],
  );
  if (seqId !== undefined && rows.length === 0) throw notFound(`Purchase order ${purchaseOrderId} has no item ${seqId}`);
  return { orderId: purchaseOrderId, statusId: String(header.status_id), items: rows.map(toPoItem) };
}

/** PO_NOT_ALLOCATABLE unless the PO is still CREATED or APPROVED; `done` says what it cannot be ("cancelled"). */
export function requireOpenPurchaseOrder(po: LockedPurchaseOrder, done: string): void {
  if (!(OPEN_ORDER_STATUSES as string[]).includes(po.statusId)) {
    throw new DomainError("PO_NOT_ALLOCATABLE",
      `Purchase order ${po.orderId} is ${statusOf(po.statusId).toLowerCase()}; only created or approved purchase orders can be ${done}`);
  }
}

/** Locks the pre-order items tied to these PO items, newest order first (the order ties are released in). */
export async function lockTiedItems(manager: EntityManager, poItemIds: number[]): Promise<TiedItem[]> {
  if (poItemIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT so_item_id, order_id, order_item_seq_id, quantity, order_date, promised_datetime, po_item_id, status_id FROM sales_order_item
     WHERE po_item_id IN (${placeholders(poItemIds.length)}) ORDER BY order_date DESC, order_id DESC, order_item_seq_id DESC${forUpdate(manager)}`,
    poItemIds,
  );
  return rows.map((r) => toSalesItem(r) as TiedItem);
}

/** Reads a sales order item without a lock (to learn which PO to lock first); undefined when unknown. */
export async function peekSalesOrderItem(manager: EntityManager, orderId: string, seqId: string): Promise<{ poOrderId: string | null; poItemSeqId: string | null } | undefined> {
  const [row] = await manager.query(
    `SELECT p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id FROM sales_order_item s
     LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id WHERE s.order_id = ? AND s.order_item_seq_id = ?`,
    [orderId, seqId],
  );
  return row && { poOrderId: row.po_order_id == null ? null : String(row.po_order_id), poItemSeqId: row.po_seq_id == null ? null : String(row.po_seq_id) };
}

/** Locks one sales order item; `waitingSql` is rule 3 over `s` and `h`. Undefined when unknown. */
export async function lockSalesOrderItem(manager: EntityManager, orderId: string, seqId: string, waitingSql: string): Promise<LockedSalesItem | undefined> {
  const [row] = await manager.query(
    `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, s.quantity, s.order_date, s.promised_datetime, s.po_item_id, s.status_id,
            s.product_id, s.facility_id, h.status_id AS header_status_id, CASE WHEN ${waitingSql} THEN 1 ELSE 0 END AS waiting
     FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.order_id = ? AND s.order_item_seq_id = ?${forUpdate(manager)}`,
    [orderId, seqId],
  );
  if (!row) return undefined;
  return {
    ...toSalesItem(row), productId: Number(row.product_id), facilityId: String(row.facility_id),
    headerStatusId: String(row.header_status_id), waiting: Number(row.waiting) === 1,
  };
}

function toPoItem(r: Record<string, unknown>): PoItemForRules {
  return {
    id: Number(r.po_item_id), orderId: String(r.order_id), orderItemSeqId: String(r.order_item_seq_id), productId: Number(r.product_id),
    quantity: Number(r.quantity), orderBuffer: Number(r.order_buffer), allocatedQuantity: Number(r.allocated_quantity),
    estimatedDeliveryDate: fromSqlDate(r.estimated_delivery_date), statusId: String(r.status_id),
  };
}

function toSalesItem(r: Record<string, unknown>): SalesItemRow {
  return {
    id: Number(r.so_item_id), orderId: String(r.order_id), orderItemSeqId: String(r.order_item_seq_id), quantity: Number(r.quantity),
    orderDate: fromSqlDate(r.order_date)!, promiseDate: fromSqlDate(r.promised_datetime),
    poItemId: r.po_item_id == null ? null : Number(r.po_item_id), statusId: String(r.status_id),
  };
}
