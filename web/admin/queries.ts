/** The GraphQL documents the console sends; all exist in schema/schema.graphql. */
const ITEM_FIELDS = "seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate status product { sku name }";

export const VIEWER = "query Viewer { viewer { role actor } }";

export const FIND_POS = `query FindPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {
  purchaseOrders(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status facilityId orderDate pendingPreOrderCount items { quantity allocatedQuantity availableToPromise arrivalDate } } }
  }
}`;

export const PO_DETAIL = `query PurchaseOrderDetail($id: ID!) {
  purchaseOrder(id: $id) { id status facilityId orderDate pendingPreOrderCount items { ${ITEM_FIELDS} } }
  allocationRuns(purchaseOrderId: $id, first: 10) { id triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }
}`;

export const TIED_PRE_ORDERS = `query TiedPreOrders($id: ID!, $after: String) {
  preOrders(filter: { purchaseOrderId: $id }, first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { orderId seqId orderDate quantity status promiseDate purchaseOrderItemSeqId product { sku name } } }
  }
}`;

/** Waiting pre-orders of some SKUs, one aliased list per SKU: the preview names what it skips. */
export function waitingPreOrders(skuCount: number): string {
  const lists = Array.from({ length: skuCount }, (_, i) =>
    `w${i}: preOrders(filter: { sku: $s${i}, allocated: false, promised: false, facilityId: "PRE_ORDER_PARKING" }, first: 100) { edges { node { orderId seqId orderDate quantity product { sku name } } } }`);
  return `query WaitingPreOrders(${Array.from({ length: skuCount }, (_, i) => `$s${i}: String`).join(", ")}) { ${lists.join("\n")} }`;
}

export const ALLOCATE = `mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean!) {
  allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {
    dryRun allocatedItemCount allocatedQuantity
    run { id }
    allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }
    skipped { orderId seqId reason }
  }
}`;

export interface Product { sku: string; name: string }
export interface PoItem {
  seqId: string; quantity: number; orderBuffer: number; bufferDays: number; allocatedQuantity: number;
  availableToPromise: number; arrivalDate: string | null; status: string; product: Product;
}
export interface PurchaseOrder { id: string; status: string; facilityId: string; orderDate: string; pendingPreOrderCount: number; items: PoItem[] }
export interface PageInfo { hasNextPage: boolean; endCursor: string | null }
export interface PreOrderItem {
  orderId: string; seqId: string; orderDate: string; quantity: number; status?: string; promiseDate?: string | null;
  purchaseOrderItemSeqId?: string | null; product: Product;
}
export interface AllocationRun {
  id: string; triggeredBy: string | null; startedAt: string; finishedAt: string | null;
  allocatedItemCount: number; allocatedQuantity: number; skippedItemCount: number;
}
export interface AllocatePayload {
  dryRun: boolean; allocatedItemCount: number; allocatedQuantity: number; run: { id: string } | null;
  allocations: { orderId: string; seqId: string; quantity: number; purchaseOrderItemSeqId: string; promiseDate: string }[];
  skipped: { orderId: string; seqId: string; reason: string }[];
}
