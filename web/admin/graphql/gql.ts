/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer { viewer { role actor } }\n": typeof types.ViewerDocument,
    "\n  query FindPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id status facilityId orderDate pendingPreOrderCount items { quantity allocatedQuantity availableToPromise arrivalDate } } }\n    }\n  }\n": typeof types.FindPurchaseOrdersDocument,
    "\n  query ExportPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id facilityId items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } } }\n    }\n  }\n": typeof types.ExportPurchaseOrdersDocument,
    "\n  query PurchaseOrderDetail($id: ID!) {\n    purchaseOrder(id: $id) {\n      id status facilityId orderDate pendingPreOrderCount rebalanceCandidateCount\n      items { id seqId quantity receivedQuantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status product { sku name } }\n    }\n    allocationRuns(purchaseOrderId: $id, first: 10) {\n      totalCount edges { node { id triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n": typeof types.PurchaseOrderDetailDocument,
    "\n  query TiedPreOrders($id: ID!, $after: String) {\n    preOrders(filter: { purchaseOrderId: $id }, first: 50, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status promiseDate purchaseOrderItemSeqId product { sku name } } }\n    }\n  }\n": typeof types.TiedPreOrdersDocument,
    "\n  query WaitingPreOrders($sku: String) {\n    preOrders(filter: { sku: $sku, allocated: false, promised: false, facilityId: \"PRE_ORDER_PARKING\" }, first: 100) {\n      edges { node { orderId seqId orderDate quantity product { sku name } } }\n    }\n  }\n": typeof types.WaitingPreOrdersDocument,
    "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean!) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id }\n      allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n    }\n  }\n": typeof types.AllocateSalesOrdersDocument,
    "\n  mutation RebalancePurchaseOrder($id: ID!, $dryRun: Boolean!) {\n    rebalancePromises(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n": typeof types.RebalancePurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrderItem($purchaseOrderId: ID!, $seqId: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $purchaseOrderId, seqId: $seqId, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { seqId quantity receivedQuantity allocatedQuantity availableToPromise status product { sku inventoryAvailable } }\n      released { orderId seqId quantity facilityId promiseDate }\n    }\n  }\n": typeof types.ReceivePurchaseOrderItemDocument,
    "\n  query PreOrderQueue($filter: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId waitingReason largestAvailableToPromise product { sku name } } }\n    }\n    preOrderQueueSummary(filter: $filter) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n  }\n": typeof types.PreOrderQueueDocument,
    "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facilityId: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facilityId) { orderId seqId quantity facilityId purchaseOrderId promiseDate }\n  }\n": typeof types.ReleasePreOrderItemsDocument,
    "\n  mutation UpdatePreOrderPromiseDate($orderId: ID!, $seqId: String!, $promiseDate: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $orderId, seqId: $seqId, promiseDate: $promiseDate, reason: $reason) { orderId seqId promiseDate }\n  }\n": typeof types.UpdatePreOrderPromiseDateDocument,
    "\n  mutation CancelPreOrderItem($orderId: ID!, $seqId: String!) {\n    cancelPreOrderItem(orderId: $orderId, seqId: $seqId) { orderId seqId status }\n  }\n": typeof types.CancelPreOrderItemDocument,
    "\n  mutation ImportPurchaseOrders($csv: String!, $dateFormat: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $dateFormat, columns: $columns, dryRun: $dryRun) {\n      errors { line message }\n      purchaseOrders { id facilityId items { seqId quantity arrivalDate promiseDate product { sku name } } }\n      dryRun\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n": typeof types.ImportPurchaseOrdersDocument,
};
const documents: Documents = {
    "\n  query Viewer { viewer { role actor } }\n": types.ViewerDocument,
    "\n  query FindPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id status facilityId orderDate pendingPreOrderCount items { quantity allocatedQuantity availableToPromise arrivalDate } } }\n    }\n  }\n": types.FindPurchaseOrdersDocument,
    "\n  query ExportPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id facilityId items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } } }\n    }\n  }\n": types.ExportPurchaseOrdersDocument,
    "\n  query PurchaseOrderDetail($id: ID!) {\n    purchaseOrder(id: $id) {\n      id status facilityId orderDate pendingPreOrderCount rebalanceCandidateCount\n      items { id seqId quantity receivedQuantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status product { sku name } }\n    }\n    allocationRuns(purchaseOrderId: $id, first: 10) {\n      totalCount edges { node { id triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n": types.PurchaseOrderDetailDocument,
    "\n  query TiedPreOrders($id: ID!, $after: String) {\n    preOrders(filter: { purchaseOrderId: $id }, first: 50, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status promiseDate purchaseOrderItemSeqId product { sku name } } }\n    }\n  }\n": types.TiedPreOrdersDocument,
    "\n  query WaitingPreOrders($sku: String) {\n    preOrders(filter: { sku: $sku, allocated: false, promised: false, facilityId: \"PRE_ORDER_PARKING\" }, first: 100) {\n      edges { node { orderId seqId orderDate quantity product { sku name } } }\n    }\n  }\n": types.WaitingPreOrdersDocument,
    "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean!) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id }\n      allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n    }\n  }\n": types.AllocateSalesOrdersDocument,
    "\n  mutation RebalancePurchaseOrder($id: ID!, $dryRun: Boolean!) {\n    rebalancePromises(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n": types.RebalancePurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrderItem($purchaseOrderId: ID!, $seqId: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $purchaseOrderId, seqId: $seqId, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { seqId quantity receivedQuantity allocatedQuantity availableToPromise status product { sku inventoryAvailable } }\n      released { orderId seqId quantity facilityId promiseDate }\n    }\n  }\n": types.ReceivePurchaseOrderItemDocument,
    "\n  query PreOrderQueue($filter: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId waitingReason largestAvailableToPromise product { sku name } } }\n    }\n    preOrderQueueSummary(filter: $filter) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n  }\n": types.PreOrderQueueDocument,
    "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facilityId: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facilityId) { orderId seqId quantity facilityId purchaseOrderId promiseDate }\n  }\n": types.ReleasePreOrderItemsDocument,
    "\n  mutation UpdatePreOrderPromiseDate($orderId: ID!, $seqId: String!, $promiseDate: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $orderId, seqId: $seqId, promiseDate: $promiseDate, reason: $reason) { orderId seqId promiseDate }\n  }\n": types.UpdatePreOrderPromiseDateDocument,
    "\n  mutation CancelPreOrderItem($orderId: ID!, $seqId: String!) {\n    cancelPreOrderItem(orderId: $orderId, seqId: $seqId) { orderId seqId status }\n  }\n": types.CancelPreOrderItemDocument,
    "\n  mutation ImportPurchaseOrders($csv: String!, $dateFormat: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $dateFormat, columns: $columns, dryRun: $dryRun) {\n      errors { line message }\n      purchaseOrders { id facilityId items { seqId quantity arrivalDate promiseDate product { sku name } } }\n      dryRun\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n": types.ImportPurchaseOrdersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer { viewer { role actor } }\n"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id status facilityId orderDate pendingPreOrderCount items { quantity allocatedQuantity availableToPromise arrivalDate } } }\n    }\n  }\n"): typeof import('./graphql.js').FindPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPurchaseOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id facilityId items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } } }\n    }\n  }\n"): typeof import('./graphql.js').ExportPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrderDetail($id: ID!) {\n    purchaseOrder(id: $id) {\n      id status facilityId orderDate pendingPreOrderCount rebalanceCandidateCount\n      items { id seqId quantity receivedQuantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status product { sku name } }\n    }\n    allocationRuns(purchaseOrderId: $id, first: 10) {\n      totalCount edges { node { id triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n"): typeof import('./graphql.js').PurchaseOrderDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TiedPreOrders($id: ID!, $after: String) {\n    preOrders(filter: { purchaseOrderId: $id }, first: 50, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status promiseDate purchaseOrderItemSeqId product { sku name } } }\n    }\n  }\n"): typeof import('./graphql.js').TiedPreOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaitingPreOrders($sku: String) {\n    preOrders(filter: { sku: $sku, allocated: false, promised: false, facilityId: \"PRE_ORDER_PARKING\" }, first: 100) {\n      edges { node { orderId seqId orderDate quantity product { sku name } } }\n    }\n  }\n"): typeof import('./graphql.js').WaitingPreOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean!) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id }\n      allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n    }\n  }\n"): typeof import('./graphql.js').AllocateSalesOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebalancePurchaseOrder($id: ID!, $dryRun: Boolean!) {\n    rebalancePromises(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n"): typeof import('./graphql.js').RebalancePurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceivePurchaseOrderItem($purchaseOrderId: ID!, $seqId: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $purchaseOrderId, seqId: $seqId, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { seqId quantity receivedQuantity allocatedQuantity availableToPromise status product { sku inventoryAvailable } }\n      released { orderId seqId quantity facilityId promiseDate }\n    }\n  }\n"): typeof import('./graphql.js').ReceivePurchaseOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreOrderQueue($filter: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id orderId seqId orderDate quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId waitingReason largestAvailableToPromise product { sku name } } }\n    }\n    preOrderQueueSummary(filter: $filter) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n  }\n"): typeof import('./graphql.js').PreOrderQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facilityId: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facilityId) { orderId seqId quantity facilityId purchaseOrderId promiseDate }\n  }\n"): typeof import('./graphql.js').ReleasePreOrderItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreOrderPromiseDate($orderId: ID!, $seqId: String!, $promiseDate: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $orderId, seqId: $seqId, promiseDate: $promiseDate, reason: $reason) { orderId seqId promiseDate }\n  }\n"): typeof import('./graphql.js').UpdatePreOrderPromiseDateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPreOrderItem($orderId: ID!, $seqId: String!) {\n    cancelPreOrderItem(orderId: $orderId, seqId: $seqId) { orderId seqId status }\n  }\n"): typeof import('./graphql.js').CancelPreOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPurchaseOrders($csv: String!, $dateFormat: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $dateFormat, columns: $columns, dryRun: $dryRun) {\n      errors { line message }\n      purchaseOrders { id facilityId items { seqId quantity arrivalDate promiseDate product { sku name } } }\n      dryRun\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ImportPurchaseOrdersDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
