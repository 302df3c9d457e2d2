/** Reading purchase orders and pre-orders: the PO find page, the pre-order list, pending counts. */
export { MAX_SEARCH, findPreOrderItem, listPreOrders, preOrderItemsById, preOrderItemsOf, preOrderQueueSummary, toPreOrderItemView } from "./pre-order-queries";
export type { PreOrderFilter, PreOrderItemView, PreOrderQueueSummary } from "./pre-order-queries";
export {
  findPurchaseOrder, findPurchaseOrders, itemsOfPurchaseOrders, listPurchaseOrders, pendingPreOrderCounts, purchaseOrderItemsById,
} from "./purchase-order-queries";
export type { PurchaseOrderFilter } from "./purchase-order-queries";
