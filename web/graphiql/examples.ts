/** The operations GraphiQL opens with, one tab each: the main queries and the mutation, on the demo catalog's ids. */
export interface Tab { query: string; variables?: string }

export const EXAMPLES: Tab[] = [
  {
    query: `# The PO find page: open POs with pre-orders waiting, newest first.
# Put the admin or support key in the Headers tab below, then press the run button (Ctrl-Enter).
query FindPurchaseOrders($after: String) {
  purchaseOrders(filter: { status: [CREATED, APPROVED], hasPendingPreOrders: true }, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id status facilityId orderDate pendingPreOrderCount
        items { id seqId product { sku } quantity allocatedQuantity availableToPromise arrivalDate promiseDate }
      }
    }
  }
}
`,
  },
  {
    query: `# The pre-order queue: every pre-order item, first in first out, with its counts for the same filter.
# search: order id, SKU or product name (any case); also orderDateFrom/To, promiseDateFrom/To,
# waiting (true: waiting for stock; false: tied), facilityId, purchaseOrderId, sku.
query PreOrderQueue($filter: PreOrderFilter) {
  preOrderQueueSummary(filter: $filter) { orderCount itemCount unitCount waitingItemCount tiedItemCount }
  preOrders(filter: $filter, first: 20) {
    pageInfo { hasNextPage endCursor }
    edges { node { id orderId seqId orderDate product { sku name } quantity facilityId promiseDate purchaseOrderId } }
  }
}
`,
    variables: JSON.stringify({ filter: { search: "jacket", waiting: true } }, null, 2),
  },
  {
    query: `# One PO with its items and its allocation runs (a connection: page on with after: endCursor).
# Arrival and promise dates are calendar days ("2027-01-15"); promiseDate = arrivalDate + bufferDays.
query PurchaseOrderDetail($id: ID!) {
  purchaseOrder(id: $id) {
    id status facilityId orderDate pendingPreOrderCount
    items {
      id seqId product { sku name } quantity orderBuffer bufferDays
      allocatedQuantity availableToPromise arrivalDate promiseDate status
    }
  }
  allocationRuns(purchaseOrderId: $id, first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id triggeredBy startedAt allocatedItemCount allocatedQuantity skippedItemCount } }
  }
}
`,
    variables: `{ "id": "PO-DEMO-1" }`,
  },
  {
    query: `# Pre-orders still waiting in parking: no promise date, no PO (first in, first out).
query WaitingPreOrders {
  preOrders(filter: { facilityId: "PRE_ORDER_PARKING", promised: false, allocated: false }, first: 20) {
    totalCount
    edges { node { id orderId seqId orderDate product { sku } quantity status promiseDate purchaseOrderId } }
  }
}
`,
  },
  {
    query: `# What the product page (PDP) shows for a SKU, and for a collection page's SKUs at once.
# These two need no key.
query ProductPromise {
  productPromise(sku: "JACKET-NAVY-M") { sku status availableToPromise promiseDate purchaseOrderId }
  productPromises(skus: ["JACKET-NAVY-L", "BOOT-TAN-42", "SCARF-GREY"]) { sku status availableToPromise promiseDate }
}
`,
  },
  {
    query: `# Allocate Sales Orders as a dry run: what a real run would tie and skip, writing nothing.
# Set dryRun to false to run it for real (admin key only).
mutation PreviewAllocation($id: ID!) {
  allocateSalesOrders(purchaseOrderId: $id, dryRun: true) {
    dryRun allocatedItemCount allocatedQuantity
    allocations { orderId seqId quantity purchaseOrderItemSeqId promiseDate }
    skipped { orderId seqId reason }
    purchaseOrder { id pendingPreOrderCount items { id seqId availableToPromise } }
  }
}
`,
    variables: `{ "id": "PO-DEMO-1" }`,
  },
  {
    query: `# Any object by its id: a PO's id is its order id; every other id is "<Type>:<number>".
# The allocation history of a PO, newest first, a page at a time.
query NodeAndHistory($id: ID!) {
  node(id: $id) { __typename id ... on PurchaseOrder { status } }
  allocationHistory(purchaseOrderId: $id, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id type at actor reason runId orderId seqId oldPromiseDate newPromiseDate } }
  }
}
`,
    variables: `{ "id": "PO-DEMO-1" }`,
  },
];
