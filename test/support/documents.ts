import { graphql } from "./graphql";

/**
 * The operations the tests share, as typed documents: `npm run codegen` checks each against
 * schema/schema.graphql and types its variables and data (test/support/graphql/). A test's own
 * one-off operations sit in the test, written the same way: graphql(`query Name ... `).
 */

export const PO_ITEM_FIELDS = graphql(`
  fragment PoItemFields on PurchaseOrderItem { id purchaseOrderId seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status }
`);

export const PRE_ORDER_ITEM_FIELDS = graphql(`
  fragment PreOrderItemFields on PreOrderItem { id orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId }
`);

export const PROMISE_FIELDS = graphql(`
  fragment PromiseFields on ProductPromise { sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity }
`);

export const UPSERT = graphql(`
  mutation UpsertProducts($input: [ProductInput!]!) { upsertProducts(input: $input) { id sku name inventoryAvailable } }
`);

export const CREATE_PO = graphql(`
  mutation CreatePurchaseOrder($input: PurchaseOrderInput!) {
    createPurchaseOrder(input: $input) { id status facilityId orderDate pendingPreOrderCount items { ...PoItemFields product { sku } } }
  }
`);

export const IMPORT_PRE_ORDER = graphql(`
  mutation ImportPreOrder($input: PreOrderInput!) {
    importPreOrder(input: $input) { created items { ...PreOrderItemFields product { sku } } }
  }
`);

export const IMPORT_CSV = graphql(`
  mutation ImportPurchaseOrders($csv: String!, $fmt: String) {
    importPurchaseOrders(csv: $csv, dateFormat: $fmt) {
      purchaseOrders { id items { seqId quantity arrivalDate product { sku } } }
      errors { line message }
    }
  }
`);

export const ALLOCATE = graphql(`
  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean) {
    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {
      dryRun allocatedItemCount allocatedQuantity
      run { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }
      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }
      skipped { orderId seqId reason }
      purchaseOrder { id pendingPreOrderCount items { seqId allocatedQuantity availableToPromise } }
    }
  }
`);

// Lifecycle: changes after allocation, the history and the promise-date feed.

export const UPDATE_PO_ITEM = graphql(`
  mutation UpdatePurchaseOrderItem($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) {
    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { ...PoItemFields }
  }
`);

export const CANCEL_PO = graphql(`
  mutation CancelPurchaseOrder($id: ID!) { cancelPurchaseOrder(id: $id) { id status items { ...PoItemFields } } }
`);

export const CANCEL_PO_ITEM = graphql(`
  mutation CancelPurchaseOrderItem($po: ID!, $seq: String!) { cancelPurchaseOrderItem(purchaseOrderId: $po, seqId: $seq) { ...PoItemFields } }
`);

export const COMPLETE_PO = graphql(`
  mutation CompletePurchaseOrder($id: ID!) { completePurchaseOrder(id: $id) { id status items { ...PoItemFields } } }
`);

export const CANCEL_PRE_ORDER_ITEM = graphql(`
  mutation CancelPreOrderItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }
`);

export const RELEASE_ALLOCATION = graphql(`
  mutation ReleaseAllocation($order: ID!, $seq: String!) { releaseAllocation(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }
`);

export const ALLOCATE_PRE_ORDER_ITEM = graphql(`
  mutation AllocatePreOrderItem($order: ID!, $seq: String!, $po: ID!, $poSeq: String!) {
    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po, purchaseOrderItemSeqId: $poSeq) { ...PreOrderItemFields }
  }
`);

export const ALLOCATION_HISTORY = graphql(`
  query AllocationHistory($order: ID, $seq: String, $po: ID, $first: Int, $after: String) {
    allocationHistory(orderId: $order, seqId: $seq, purchaseOrderId: $po, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id type at actor reason runId orderId seqId purchaseOrderId purchaseOrderItemSeqId quantity oldPromiseDate newPromiseDate } }
    }
  }
`);

export const PROMISE_DATE_CHANGES = graphql(`
  query PromiseDateChanges($after: String, $first: Int, $ack: Boolean) {
    promiseDateChanges(after: $after, first: $first, acknowledged: $ack) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id at orderId seqId oldPromiseDate newPromiseDate reason type acknowledged acknowledgedAt } }
    }
  }
`);

export const ACKNOWLEDGE = graphql(`
  mutation AcknowledgePromiseDateChanges($ids: [ID!]!) { acknowledgePromiseDateChanges(ids: $ids) }
`);

// Reads.

export const PROMISE = graphql(`
  query ProductPromise($sku: String!, $quantity: Int) { productPromise(sku: $sku, quantity: $quantity) { ...PromiseFields } }
`);

export const PROMISE_EXPLANATION = graphql(`
  query PromiseExplanation($sku: String!, $quantity: Int) {
    promiseExplanation(sku: $sku, quantity: $quantity) {
      sku quantity inventoryAvailable waitingPreOrderCount waitingPreOrderUnits
      poItems {
        purchaseOrderId seqId quantity orderBuffer allocatedQuantity receivedQuantity availableToPromise arrivalDate bufferDays promiseDate
        canPromise blocker
      }
      steps { kind passed available quantity purchaseOrderId seqId text }
      answer { ...PromiseFields }
    }
  }
`);

export const PROMISES = graphql(`
  query ProductPromises($skus: [String!]!, $quantity: Int) { productPromises(skus: $skus, quantity: $quantity) { ...PromiseFields } }
`);

export const PURCHASE_ORDER = graphql(`
  query PurchaseOrder($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount items { ...PoItemFields product { sku } } } }
`);

export const PURCHASE_ORDERS = graphql(`
  query PurchaseOrders($f: PurchaseOrderFilter, $first: Int, $after: String) {
    purchaseOrders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
    }
  }
`);

export const PRE_ORDERS = graphql(`
  query PreOrders($f: PreOrderFilter, $first: Int, $after: String) {
    preOrders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...PreOrderItemFields product { sku } } }
    }
  }
`);

export const ALLOCATION_RUNS = graphql(`
  query AllocationRuns($po: ID, $first: Int, $after: String) {
    allocationRuns(purchaseOrderId: $po, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }
    }
  }
`);

/** The smallest operation: public, asks nothing of the database. */
export const TYPENAME = graphql(`
  query Typename { __typename }
`);

export const RECEIVE = graphql(`
  mutation ReceivePurchaseOrderItem($po: ID!, $seq: String!, $quantity: Int!) {
    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {
      addedToInventory
      purchaseOrderItem { ...PoItemFields receivedQuantity }
      released { ...PreOrderItemFields }
    }
  }
`);

export const RELEASE_PRE_ORDER_ITEMS = graphql(`
  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facility: String!) {
    releasePreOrderItems(items: $items, facilityId: $facility) { ...PreOrderItemFields }
  }
`);

export const UPDATE_PROMISE_DATE = graphql(`
  mutation UpdatePreOrderPromiseDate($order: ID!, $seq: String!, $date: Date, $reason: String!) {
    updatePreOrderPromiseDate(orderId: $order, seqId: $seq, promiseDate: $date, reason: $reason) { ...PreOrderItemFields }
  }
`);

export const WAITING_REASONS = graphql(`
  query WaitingReasons($f: PreOrderFilter, $first: Int) {
    preOrders(filter: $f, first: $first) { edges { node { orderId seqId quantity purchaseOrderId waitingReason largestAvailableToPromise } } }
  }
`);

export const REBALANCE = graphql(`
  mutation RebalancePromises($sku: String, $po: ID, $dryRun: Boolean!) {
    rebalancePromises(sku: $sku, purchaseOrderId: $po, dryRun: $dryRun) {
      dryRun
      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }
      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }
    }
  }
`);

export const PRE_ORDER_QUEUE = graphql(`
  query PreOrderQueue($f: PreOrderFilter, $first: Int, $after: String) {
    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }
    preOrders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { orderId seqId orderDate quantity facilityId purchaseOrderId promiseDate product { sku name } } }
    }
  }
`);
