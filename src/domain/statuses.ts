import { OrderStatusId } from "../entities/order-header.entity";
import { ItemStatusId } from "../entities/purchase-order-item.entity";

/** The API's four statuses and their OFBiz ids on headers and items. */
export type Status = "CREATED" | "APPROVED" | "COMPLETED" | "CANCELLED";

export const orderStatusId = (status: Status): OrderStatusId => `ORDER_${status}`;
export const itemStatusId = (status: Status): ItemStatusId => `ITEM_${status}`;
export const statusOf = (statusId: string): Status => statusId.replace(/^(ORDER|ITEM)_/, "") as Status;

/** Orders and items that are still open: CREATED or APPROVED. */
export const OPEN_ORDER_STATUSES: OrderStatusId[] = ["ORDER_CREATED", "ORDER_APPROVED"];
export const OPEN_ITEM_STATUSES: ItemStatusId[] = ["ITEM_CREATED", "ITEM_APPROVED"];

export const PRE_ORDER_PARKING = "PRE_ORDER_PARKING";
export const BACKORDER_PARKING = "BACKORDER_PARKING";
