import { registerEnumType } from "type-graphql";

export enum OrderStatus { CREATED = "CREATED", APPROVED = "APPROVED", COMPLETED = "COMPLETED", CANCELLED = "CANCELLED" }
export enum AvailabilityStatus { IN_STOCK = "IN_STOCK", PRE_ORDER = "PRE_ORDER", OUT_OF_STOCK = "OUT_OF_STOCK" }
export enum SkipReason { INSUFFICIENT_ATP = "INSUFFICIENT_ATP", NO_ARRIVAL_DATE = "NO_ARRIVAL_DATE" }
export enum WaitingReason {
  NOT_IN_PARKING = "NOT_IN_PARKING", CANCELLED = "CANCELLED", HAS_PROMISE_DATE = "HAS_PROMISE_DATE", NO_OPEN_PO_ITEM = "NO_OPEN_PO_ITEM",
  NO_FUTURE_ARRIVAL = "NO_FUTURE_ARRIVAL", INSUFFICIENT_ATP = "INSUFFICIENT_ATP",
}
export enum Role { ADMIN = "admin", SUPPORT = "support", ANONYMOUS = "anonymous" }

registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Status of an order or an order item. CREATED and APPROVED are open (a PO can take pre-orders); COMPLETED and CANCELLED are final.",
  valuesConfig: {
    CREATED: { description: "Open: entered, not yet approved" },
    APPROVED: { description: "Open: approved by the retailer" },
    COMPLETED: { description: "Final: the stock was received (a PO) or the item shipped; no longer allocatable" },
    CANCELLED: { description: "Final: cancelled; its ties were released" },
  },
});
registerEnumType(AvailabilityStatus, {
  name: "AvailabilityStatus",
  description: "What the product page shows for a SKU and a quantity",
  valuesConfig: {
    IN_STOCK: { description: "Inventory on hand covers the quantity: sell it now" },
    PRE_ORDER: { description: "A purchase order can cover the quantity: sell it as a pre-order, promised on `promiseDate`" },
    OUT_OF_STOCK: { description: "Neither inventory nor any purchase order can cover the quantity" },
  },
});
registerEnumType(SkipReason, {
  name: "SkipReason",
  description: "Why a waiting pre-order item was not tied to the purchase order; it keeps waiting for the next one",
  valuesConfig: {
    INSUFFICIENT_ATP: { description: "The PO has items of its product that can be promised, but none with enough ATP for the whole quantity" },
    NO_ARRIVAL_DATE: { description: "The PO's items of its product have no arrival date, or only one in the past" },
  },
});
registerEnumType(WaitingReason, {
  name: "WaitingReason",
  description: "Why a pre-order item is not tied to a PO, as the allocation rules decide it",
  valuesConfig: {
    NOT_IN_PARKING: { description: "It is not open in PRE_ORDER_PARKING (released to a warehouse, a back order, or completed): Allocate Sales Orders never picks it" },
    CANCELLED: { description: "It is cancelled" },
    HAS_PROMISE_DATE: { description: "Its promise date was set by hand: Allocate Sales Orders leaves it until the date is cleared" },
    NO_OPEN_PO_ITEM: { description: "No open PO item (open item on an open PO) of its product" },
    NO_FUTURE_ARRIVAL: { description: "Open PO items of its product exist, but none has an arrival date today or later" },
    INSUFFICIENT_ATP: { description: "Allocatable PO items of its product exist, but none has ATP for its whole quantity (see largestAvailableToPromise)" },
  },
});
registerEnumType(Role, {
  name: "Role",
  description: "What the API key of a request may do",
  valuesConfig: {
    ADMIN: { description: "Everything: every query and every mutation" },
    SUPPORT: { description: "Every query, no mutation" },
    ANONYMOUS: { description: "No key: the product page lookups productPromise and productPromises only (so `viewer`, which needs a key, never answers it)" },
  },
});
