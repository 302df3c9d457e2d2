import { OrderHeaderEntity, OrderStatusId, OrderTypeId } from "../entities";
import { fromSqlDate } from "./sql";

/**
 * The rows the hand-written SQL reads, each with its column list and its mapper, written once:
 * a SELECT and the code reading its result cannot drift apart.
 */

/** A PO item as the rules, the locks and the PDP read it. */
export interface PoItemRow {
  id: number;
  orderId: string;
  orderItemSeqId: string;
  productId: number;
  quantity: number;
  orderBuffer: number;
  bufferDays: number;
  allocatedQuantity: number;
  /** Units that arrived. */
  receivedQuantity: number;
  /** Received units kept for the pre-orders still tied here. */
  heldQuantity: number;
  estimatedDeliveryDate: Date | null;
  statusId: string;
}

/** The columns of a PoItemRow, from the purchase_order_item table under `alias`. */
export const poItemColumns = (alias: string): string =>
  ["po_item_id", "order_id", "order_item_seq_id", "product_id", "quantity", "order_buffer", "buffer_days", "allocated_quantity",
    "received_quantity", "held_quantity", "estimated_delivery_date", "status_id"].map((c) => `${alias}.${c}`).join(", ");

export function toPoItemRow(r: Record<string, unknown>): PoItemRow {
  return {
    id: Number(r.po_item_id),
    orderId: String(r.order_id),
    orderItemSeqId: String(r.order_item_seq_id),
    productId: Number(r.product_id),
    quantity: Number(r.quantity),
    orderBuffer: Number(r.order_buffer),
    bufferDays: Number(r.buffer_days),
    allocatedQuantity: Number(r.allocated_quantity),
    receivedQuantity: Number(r.received_quantity),
    heldQuantity: Number(r.held_quantity),
    estimatedDeliveryDate: fromSqlDate(r.estimated_delivery_date),
    statusId: String(r.status_id),
  };
}

/**
 * A waiting pre-order item as allocation reads it: what the rules and the first-in-first-out order
 * need, nothing more (its status, facility, promise date and PO item are known: it is waiting).
 */
export interface WaitingRow {
  id: number;
  orderId: string;
  orderItemSeqId: string;
  productId: number;
  quantity: number;
  orderDate: Date;
}

/** The columns of a WaitingRow, from the sales_order_item table under `alias`. */
export const waitingRowColumns = (alias: string): string =>
  ["so_item_id", "order_id", "order_item_seq_id", "product_id", "quantity", "order_date"].map((c) => `${alias}.${c}`).join(", ");

export function toWaitingRow(r: Record<string, unknown>): WaitingRow {
  return {
    id: Number(r.so_item_id),
    orderId: String(r.order_id),
    orderItemSeqId: String(r.order_item_seq_id),
    productId: Number(r.product_id),
    quantity: Number(r.quantity),
    orderDate: fromSqlDate(r.order_date)!,
  };
}

/** A sales order item (a pre-order line) as the locks, the rules and the lists read it. */
export interface SalesItemRow extends WaitingRow {
  statusId: string;
  facilityId: string;
  promiseDate: Date | null;
  poItemId: number | null;
}

/** The columns of a SalesItemRow, from the sales_order_item table under `alias`. */
export const salesItemColumns = (alias: string): string =>
  ["so_item_id", "order_id", "order_item_seq_id", "product_id", "quantity", "status_id", "facility_id", "order_date",
    "promised_datetime", "po_item_id"].map((c) => `${alias}.${c}`).join(", ");

export function toSalesItemRow(r: Record<string, unknown>): SalesItemRow {
  return {
    ...toWaitingRow(r),
    statusId: String(r.status_id),
    facilityId: String(r.facility_id),
    promiseDate: fromSqlDate(r.promised_datetime),
    poItemId: r.po_item_id == null ? null : Number(r.po_item_id),
  };
}


/** A sales order item with the PO and PO item seq it is tied to (null when waiting). */
export interface TiedSalesItemRow extends SalesItemRow {
  purchaseOrderId: string | null;
  purchaseOrderItemSeqId: string | null;
}

/** `s` = sales_order_item left-joined to its PO item `p`: the FROM of every list of pre-order items. */
export const TIED_SALES_ITEM_FROM = "sales_order_item s LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id";
export const TIED_SALES_ITEM_SELECT =
  `SELECT ${salesItemColumns("s")}, p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id FROM ${TIED_SALES_ITEM_FROM}`;

export function toTiedSalesItemRow(r: Record<string, unknown>): TiedSalesItemRow {
  return {
    ...toSalesItemRow(r),
    purchaseOrderId: r.po_order_id == null ? null : String(r.po_order_id),
    purchaseOrderItemSeqId: r.po_seq_id == null ? null : String(r.po_seq_id),
  };
}

/** The columns of an order header under `alias`. */
export const orderHeaderColumns = (alias: string): string =>
  ["order_id", "order_type_id", "status_id", "order_date", "facility_id", "created_at"].map((c) => `${alias}.${c}`).join(", ");

export function toOrderHeader(r: Record<string, unknown>): OrderHeaderEntity {
  return {
    orderId: String(r.order_id),
    orderTypeId: String(r.order_type_id) as OrderTypeId,
    statusId: String(r.status_id) as OrderStatusId,
    orderDate: fromSqlDate(r.order_date)!,
    facilityId: r.facility_id == null ? null : String(r.facility_id),
    createdAt: fromSqlDate(r.created_at)!,
  };
}

