import { addDays, startOfTodayUtc } from "../src/domain";

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

// Lifecycle (issue 5): changes after allocation, the history and the promise-date feed.
const PO_ITEM_FIELDS = "seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate status";
const PRE_ORDER_ITEM_FIELDS = "orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId";
export const UPDATE_PO_ITEM = `mutation($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) {
  updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { ${PO_ITEM_FIELDS} } }`;
export const CANCEL_PO = `mutation($id: ID!) { cancelPurchaseOrder(id: $id) { id status items { ${PO_ITEM_FIELDS} } } }`;
export const CANCEL_PO_ITEM = `mutation($po: ID!, $seq: String!) { cancelPurchaseOrderItem(purchaseOrderId: $po, seqId: $seq) { ${PO_ITEM_FIELDS} } }`;
export const COMPLETE_PO = `mutation($id: ID!) { completePurchaseOrder(id: $id) { id status items { ${PO_ITEM_FIELDS} } } }`;
export const CANCEL_PRE_ORDER_ITEM = `mutation($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { ${PRE_ORDER_ITEM_FIELDS} } }`;
export const RELEASE_ALLOCATION = `mutation($order: ID!, $seq: String!) { releaseAllocation(orderId: $order, seqId: $seq) { ${PRE_ORDER_ITEM_FIELDS} } }`;
export const ALLOCATE_PRE_ORDER_ITEM = `mutation($order: ID!, $seq: String!, $po: ID!, $poSeq: String!) {
  allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po, purchaseOrderItemSeqId: $poSeq) { ${PRE_ORDER_ITEM_FIELDS} } }`;
export const ALLOCATION_HISTORY = `query($order: ID, $seq: String, $po: ID, $first: Int) {
  allocationHistory(orderId: $order, seqId: $seq, purchaseOrderId: $po, first: $first) {
    id type at actor reason runId orderId seqId purchaseOrderId purchaseOrderItemSeqId quantity oldPromiseDate newPromiseDate } }`;
export const PROMISE_DATE_CHANGES = `query($after: String, $first: Int, $ack: Boolean) {
  promiseDateChanges(after: $after, first: $first, acknowledged: $ack) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at orderId seqId oldPromiseDate newPromiseDate reason type acknowledged acknowledgedAt } } } }`;
export const ACKNOWLEDGE = `mutation($ids: [ID!]!) { acknowledgePromiseDateChanges(ids: $ids) }`;
export const PROMISE_FIELDS = "sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity";
export const PROMISE = `query($sku: String!, $quantity: Int) { productPromise(sku: $sku, quantity: $quantity) { ${PROMISE_FIELDS} } }`;
export const PROMISES = `query($skus: [String!]!, $quantity: Int) { productPromises(skus: $skus, quantity: $quantity) { ${PROMISE_FIELDS} } }`;
export const PURCHASE_ORDER = `query($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount
  items { seqId quantity orderBuffer allocatedQuantity availableToPromise arrivalDate status product { sku } } } }`;
export const PRE_ORDERS = `query($f: PreOrderFilter, $first: Int) { preOrders(filter: $f, first: $first) { totalCount
  edges { node { orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId product { sku } } } } }`;
export const ALLOCATION_RUNS = `query($po: ID) { allocationRuns(purchaseOrderId: $po) {
  id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }`;
