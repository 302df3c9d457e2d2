import { ItemStatusId, OrderStatusId } from "../../entities";
import { LockedPurchaseOrder, sqlList } from "../../db";
import { DomainError, ErrorCode } from "../../errors";

/** The API's four statuses and their OFBiz ids on headers and items. */
export type Status = "CREATED" | "APPROVED" | "COMPLETED" | "CANCELLED";

export const orderStatusId = (status: Status): OrderStatusId => `ORDER_${status}`;
export const itemStatusId = (status: Status): ItemStatusId => `ITEM_${status}`;
export const statusOf = (statusId: string): Status => statusId.replace(/^(ORDER|ITEM)_/, "") as Status;

/** Orders and items that are still open: CREATED or APPROVED. */
export const OPEN_ORDER_STATUSES: readonly OrderStatusId[] = ["ORDER_CREATED", "ORDER_APPROVED"];
export const OPEN_ITEM_STATUSES: readonly ItemStatusId[] = ["ITEM_CREATED", "ITEM_APPROVED"];

export const isOpenOrder = (statusId: string): boolean => (OPEN_ORDER_STATUSES as readonly string[]).includes(statusId);
export const isOpenItem = (statusId: string): boolean => (OPEN_ITEM_STATUSES as readonly string[]).includes(statusId);

/** The open statuses as SQL lists, for predicates: `status_id IN (${OPEN_ITEMS_SQL})`. */
export const OPEN_ORDERS_SQL = sqlList(OPEN_ORDER_STATUSES);
export const OPEN_ITEMS_SQL = sqlList(OPEN_ITEM_STATUSES);

export const PRE_ORDER_PARKING = "PRE_ORDER_PARKING";
export const BACKORDER_PARKING = "BACKORDER_PARKING";

/**
 * Refuses unless the PO is still CREATED or APPROVED; `done` says what it cannot be ("changed").
 * INVALID_STATE (the PO's state forbids the action), except for allocateSalesOrders, which keeps
 * its own PO_NOT_ALLOCATABLE.
 */
export function requireOpenPurchaseOrder(po: LockedPurchaseOrder, done: string, code: Extract<ErrorCode, "INVALID_STATE" | "PO_NOT_ALLOCATABLE"> = "INVALID_STATE"): void {
  if (!isOpenOrder(po.statusId)) {
    throw new DomainError(code,
      `Purchase order ${po.orderId} is ${statusOf(po.statusId).toLowerCase()}; only created or approved purchase orders can be ${done}`);
  }
}
