import { registerEnumType } from "type-graphql";

export enum OrderStatus { CREATED = "CREATED", APPROVED = "APPROVED", COMPLETED = "COMPLETED", CANCELLED = "CANCELLED" }
export enum AvailabilityStatus { IN_STOCK = "IN_STOCK", PRE_ORDER = "PRE_ORDER", OUT_OF_STOCK = "OUT_OF_STOCK" }
export enum SkipReason { INSUFFICIENT_ATP = "INSUFFICIENT_ATP", NO_ARRIVAL_DATE = "NO_ARRIVAL_DATE" }

registerEnumType(OrderStatus, { name: "OrderStatus", description: "Status of an order or an order item" });
registerEnumType(AvailabilityStatus, { name: "AvailabilityStatus", description: "What the product page shows for a SKU" });
registerEnumType(SkipReason, { name: "SkipReason", description: "Why a waiting pre-order item was not tied to the PO" });
