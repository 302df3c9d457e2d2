/**
 * The GraphQL documents the console sends, typed: `npm run codegen` checks each against
 * schema/schema.graphql and writes their result and variable types to ./graphql/, so a schema
 * change that breaks the console fails `npm run typecheck`.
 */
import { graphql } from "./graphql/index.js";
import {
  TypedDocumentString, type FindPurchaseOrdersQuery, type PurchaseOrderDetailQuery, type TiedPreOrdersQuery, type WaitingPreOrdersQuery,
  type AllocateSalesOrdersMutation, type ReceivePurchaseOrderItemMutation, type PreOrderQueueQuery, type ImportPurchaseOrdersMutation,
} from "./graphql/graphql.js";

export const VIEWER = graphql(`
  query Viewer { viewer { role actor } }
`);

export const FIND_POS = graphql(`
  query FindPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {
    purchaseOrders(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id status facilityId orderDate pendingPreOrderCount items { quantity allocatedQuantity availableToPromise arrivalDate } } }
    }
  }
`);

/** The POs found, with what the upload format needs of each item: Export CSV pages through them. */
export const EXPORT_POS = graphql(`
  query ExportPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {
    purchaseOrders(filter: $filter, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id facilityId items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } } }
    }
  }
`);

export const PO_DETAIL = graphql(`
  query PurchaseOrderDetail($id: ID!) {
    purchaseOrder(id: $id) {
      id status facilityId orderDate pendingPreOrderCount rebalanceCandidateCount
      items { id seqId quantity receivedQuantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status product { sku name } }
    }
    allocationRuns(purchaseOrderId: $id, first: 10) {
      totalCount edges { node { id triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }
    }
  }
`);

export const TIED_PRE_ORDERS = graphql(`
  query TiedPreOrders($id: ID!, $after: String) {
    preOrders(filter: { purchaseOrderId: $id }, first: 50, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id orderId seqId orderDate quantity status promiseDate purchaseOrderItemSeqId product { sku name } } }
    }
  }
`);

/** The waiting pre-orders of one SKU: the preview names what it skips. waitingPreOrders() asks for several SKUs at once. */
export const WAITING_PRE_ORDERS = graphql(`
  query WaitingPreOrders($sku: String) {
    preOrders(filter: { sku: $sku, allocated: false, promised: false, facilityId: "PRE_ORDER_PARKING" }, first: 100) {
      edges { node { orderId seqId orderDate quantity product { sku name } } }
    }
  }
`);

/**
 * WAITING_PRE_ORDERS for `skuCount` SKUs in one request: its root field once per SKU, aliased
 * w0, w1, ... with the SKU in $s0, $s1, ... (the schema-checked text, repeated).
 */
export function waitingPreOrders(skuCount: number): TypedDocumentString<Record<string, WaitingPreOrdersQuery["preOrders"]>, Record<string, string>> {
  const text = WAITING_PRE_ORDERS.toString();
  const field = text.slice(text.indexOf("{") + 1, text.lastIndexOf("}")).trim();
  const lists = Array.from({ length: skuCount }, (_, i) => `w${i}: ${field.replaceAll("$sku", `$s${i}`)}`);
  const variables = Array.from({ length: skuCount }, (_, i) => `$s${i}: String`).join(", ");
  return new TypedDocumentString(`query WaitingPreOrders(${variables}) {\n${lists.join("\n")}\n}`);
}

export const ALLOCATE = graphql(`
  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean!) {
    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {
      dryRun allocatedItemCount allocatedQuantity
      run { id }
      allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }
      skipped { orderId seqId reason }
    }
  }
`);

/** "Adjust ATP on early PO": tied pre-orders of this PO's products move to it where it promises earlier. */
export const REBALANCE_PO = graphql(`
  mutation RebalancePurchaseOrder($id: ID!, $dryRun: Boolean!) {
    rebalancePromises(purchaseOrderId: $id, dryRun: $dryRun) {
      dryRun
      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }
      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }
    }
  }
`);

export const RECEIVE = graphql(`
  mutation ReceivePurchaseOrderItem($purchaseOrderId: ID!, $seqId: String!, $quantity: Int!) {
    receivePurchaseOrderItem(purchaseOrderId: $purchaseOrderId, seqId: $seqId, quantity: $quantity) {
      addedToInventory
      purchaseOrderItem { seqId quantity receivedQuantity allocatedQuantity availableToPromise status product { sku inventoryAvailable } }
      released { orderId seqId quantity facilityId promiseDate }
    }
  }
`);

/** The pre-order queue: one page of items, first in first out, and the counts for the same filter. */
export const PRE_ORDER_QUEUE = graphql(`
  query PreOrderQueue($filter: PreOrderFilter, $first: Int, $after: String) {
    preOrders(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id orderId seqId orderDate quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId waitingReason largestAvailableToPromise product { sku name } } }
    }
    preOrderQueueSummary(filter: $filter) { orderCount itemCount unitCount waitingItemCount tiedItemCount }
  }
`);

export const RELEASE_PRE_ORDERS = graphql(`
  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facilityId: String!) {
    releasePreOrderItems(items: $items, facilityId: $facilityId) { orderId seqId quantity facilityId purchaseOrderId promiseDate }
  }
`);

export const SET_PROMISE_DATE = graphql(`
  mutation UpdatePreOrderPromiseDate($orderId: ID!, $seqId: String!, $promiseDate: Date, $reason: String!) {
    updatePreOrderPromiseDate(orderId: $orderId, seqId: $seqId, promiseDate: $promiseDate, reason: $reason) { orderId seqId promiseDate }
  }
`);

export const CANCEL_PRE_ORDER = graphql(`
  mutation CancelPreOrderItem($orderId: ID!, $seqId: String!) {
    cancelPreOrderItem(orderId: $orderId, seqId: $seqId) { orderId seqId status }
  }
`);

/** The upload, as a dry run (Preview) or for real, with the retailer's column names. */
export const IMPORT_POS = graphql(`
  mutation ImportPurchaseOrders($csv: String!, $dateFormat: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {
    importPurchaseOrders(csv: $csv, dateFormat: $dateFormat, columns: $columns, dryRun: $dryRun) {
      errors { line message }
      purchaseOrders { id facilityId items { seqId quantity arrivalDate promiseDate product { sku name } } }
      dryRun
      allocationPreviews {
        purchaseOrderId allocatedItemCount allocatedQuantity
        allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }
        skipped { orderId seqId reason }
      }
    }
  }
`);

export type FindResult = FindPurchaseOrdersQuery;
export type ListPo = FindPurchaseOrdersQuery["purchaseOrders"]["edges"][number]["node"];
export type PurchaseOrder = NonNullable<PurchaseOrderDetailQuery["purchaseOrder"]>;
export type PoItem = PurchaseOrder["items"][number];
export type AllocationRun = PurchaseOrderDetailQuery["allocationRuns"]["edges"][number]["node"];
export type TiedPreOrder = TiedPreOrdersQuery["preOrders"]["edges"][number]["node"];
export type WaitingPreOrder = WaitingPreOrdersQuery["preOrders"]["edges"][number]["node"];
export type ReceivePayload = ReceivePurchaseOrderItemMutation["receivePurchaseOrderItem"];
export type QueueItem = PreOrderQueueQuery["preOrders"]["edges"][number]["node"];
export type QueueSummary = PreOrderQueueQuery["preOrderQueueSummary"];
export type ImportPayload = ImportPurchaseOrdersMutation["importPurchaseOrders"];
export type AllocatePayload = AllocateSalesOrdersMutation["allocateSalesOrders"];
