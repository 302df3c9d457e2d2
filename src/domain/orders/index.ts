/** Reading purchase orders and pre-orders: the PO find page, the pre-order list, pending counts. */
export { findPreOrderItem, listPreOrders, preOrderItemsById, preOrderItemsOf, toPreOrderItemView } from "./pre-order-queries";
export type { PreOrderFilter, PreOrderItemView } from "./pre-order-queries";
export {
  findPurchaseOrder, findPurchaseOrders, itemsOfPurchaseOrders, listPurchaseOrders, pendingPreOrderCounts, purchaseOrderItemsById,
} from "./purchase-order-queries";
export type { PurchaseOrderFilter } from "./purchase-order-queries";
