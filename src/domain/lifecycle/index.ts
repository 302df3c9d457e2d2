/** After allocation: PO changes and cancellations, pre-order cancellations, manual ties and untying. */
export { allocatePreOrderItem, cancelPreOrderItem, releaseAllocation } from "./pre-order-lifecycle";
export { cancelPurchaseOrder, cancelPurchaseOrderItem, completePurchaseOrder, updatePurchaseOrderItem } from "./purchase-order-lifecycle";
export type { PurchaseOrderItemUpdate } from "./purchase-order-lifecycle";
export { planReceipt, receivePurchaseOrderItem } from "./receiving";
export type { Receipt, ReceiptPlan } from "./receiving";
export { MAX_RELEASE, releasePreOrderItems, updatePreOrderPromiseDate } from "./pre-order-desk";
export type { PreOrderItemRef } from "./pre-order-desk";
