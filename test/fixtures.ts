import { addDays, startOfTodayUtc } from "../src/domain/clock";

/** Dates relative to today, as the API takes them (date-only ISO strings mean midnight UTC). */
export const inDays = (n: number): string => addDays(startOfTodayUtc(), n).toISOString().slice(0, 10);
export const daysAgo = (n: number): string => addDays(new Date(), -n).toISOString();

export const UPSERT = `mutation($input: [ProductInput!]!) { upsertProducts(input: $input) { id sku name inventoryAvailable } }`;
export const CREATE_PO = `mutation($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) {
  id status facilityId orderDate pendingPreOrderCount
  items { seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate status product { sku } } } }`;
export const IMPORT_PRE_ORDER = `mutation($input: PreOrderInput!) { importPreOrder(input: $input) {
  created items { orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId product { sku } } } }`;
export const ALLOCATE = `mutation($id: ID!, $dryRun: Boolean) { allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {
  dryRun allocatedItemCount allocatedQuantity
  run { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }
  allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }
  skipped { orderId seqId reason }
  purchaseOrder { id pendingPreOrderCount items { seqId allocatedQuantity availableToPromise } } } }`;
export const PURCHASE_ORDER = `query($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount
  items { seqId quantity orderBuffer allocatedQuantity availableToPromise arrivalDate status product { sku } } } }`;
export const PRE_ORDERS = `query($f: PreOrderFilter, $first: Int) { preOrders(filter: $f, first: $first) { totalCount
  edges { node { orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId product { sku } } } } }`;
export const ALLOCATION_RUNS = `query($po: ID) { allocationRuns(purchaseOrderId: $po) {
  id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }`;
