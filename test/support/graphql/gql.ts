/* eslint-disable */
import * as types from './graphql';



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
    "\n  mutation TieToPreferredItem($order: ID!, $seq: String!, $po: ID!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po) { purchaseOrderId purchaseOrderItemSeqId promiseDate }\n  }\n": typeof types.TieToPreferredItemDocument,
    "mutation AllocateUnknownPo { allocateSalesOrders(purchaseOrderId: \"PO-NOPE\") { allocatedItemCount } }": typeof types.AllocateUnknownPoDocument,
    "query CountPurchaseOrders { purchaseOrders { totalCount } }": typeof types.CountPurchaseOrdersDocument,
    "query ArrivalReadBack { purchaseOrder(id: \"PO-P\") { items { arrivalDate } } }": typeof types.ArrivalReadBackDocument,
    "query NewcomerViewer { viewer { role } }": typeof types.NewcomerViewerDocument,
    "query SoonPoAtp { purchaseOrder(id: \"PO-SOON\") { items { allocatedQuantity availableToPromise } } }": typeof types.SoonPoAtpDocument,
    "\n      query HundredPurchaseOrders { purchaseOrders(first: 100) { totalCount edges { node { id pendingPreOrderCount items { seqId product { sku name } } } } } }\n    ": typeof types.HundredPurchaseOrdersDocument,
    "query FirstPoProductNames { purchaseOrder(id: \"PO-000\") { items { product { name } } } }": typeof types.FirstPoProductNamesDocument,
    "\n  query EveryNodeKind {\n    purchaseOrder(id: \"PO-1\") { id items { id product { id } } }\n    preOrders(first: 10) { edges { node { id } } }\n    allocationRuns { edges { node { id } } }\n    allocationHistory { edges { node { id runId } } }\n    promiseDateChanges { edges { node { id } } }\n  }\n": typeof types.EveryNodeKindDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename id\n      ... on PurchaseOrder { status }\n      ... on PurchaseOrderItem { purchaseOrderId seqId arrivalDate }\n      ... on PreOrderItem { orderId seqId }\n      ... on Product { sku }\n      ... on AllocationRun { purchaseOrderId }\n      ... on AllocationEvent { type runId }\n      ... on PromiseDateChange { orderId }\n    }\n  }\n": typeof types.NodeByIdDocument,
    "query NodeImplementations { __type(name: \"Node\") { possibleTypes { name } } }": typeof types.NodeImplementationsDocument,
    "query PoOneStatus { purchaseOrder(id: \"PO-1\") { status } }": typeof types.PoOneStatusDocument,
    "\n  mutation UploadPurchaseOrders($csv: String!, $fmt: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt, columns: $columns, dryRun: $dryRun) {\n      dryRun\n      errors { line message }\n      purchaseOrders { id status facilityId pendingPreOrderCount items { seqId quantity orderBuffer bufferDays arrivalDate allocatedQuantity product { sku } } }\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n": typeof types.UploadPurchaseOrdersDocument,
    "\n      query PoOneItemPromises { purchaseOrder(id: \"PO-1\") { items { product { sku promise { status promiseDate } big: promise(quantity: 5) { status } } } } }\n    ": typeof types.PoOneItemPromisesDocument,
    "\n        query PoNItemPromises { purchaseOrder(id: \"PO-N\") { items { product { sku promise { status } promise3: promise(quantity: 3) { status } } } } }\n      ": typeof types.PoNItemPromisesDocument,
    "query RebalanceCandidates { purchaseOrders(first: 50) { edges { node { id rebalanceCandidateCount } } } }": typeof types.RebalanceCandidatesDocument,
    "query RebalanceCandidatesAll { purchaseOrders(first: 100) { edges { node { id rebalanceCandidateCount } } } }": typeof types.RebalanceCandidatesAllDocument,
    "query DemoCounts { purchaseOrders { totalCount } preOrders { totalCount } }": typeof types.DemoCountsDocument,
    "\n  query UploadedPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId items { quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n": typeof types.UploadedPurchaseOrderDocument,
    "query CachedPoArrivals($id: ID!) { purchaseOrder(id: $id) { id items { id seqId arrivalDate promiseDate } } }": typeof types.CachedPoArrivalsDocument,
    "query CachedPoQuantities($id: ID!) { purchaseOrder(id: $id) { id items { id quantity } } }": typeof types.CachedPoQuantitiesDocument,
    "\n  mutation CachedMoveArrival($po: ID!, $seq: String!, $day: Date!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id arrivalDate promiseDate }\n  }\n": typeof types.CachedMoveArrivalDocument,
    "query CachedWaiting { preOrders(first: 10) { edges { node { id orderId promiseDate purchaseOrderId } } } }": typeof types.CachedWaitingDocument,
    "\n  mutation CachedAllocate($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id promiseDate purchaseOrderId } } } }\n": typeof types.CachedAllocateDocument,
    "query CachedPoReceiving($id: ID!) { purchaseOrder(id: $id) { id items { id seqId receivedQuantity allocatedQuantity availableToPromise status } } }": typeof types.CachedPoReceivingDocument,
    "query CachedQueue { preOrders(first: 10) { edges { node { id orderId facilityId purchaseOrderId promiseDate } } } }": typeof types.CachedQueueDocument,
    "\n  mutation CachedReceive($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { id receivedQuantity allocatedQuantity availableToPromise status }\n      released { id facilityId purchaseOrderId promiseDate }\n    }\n  }\n": typeof types.CachedReceiveDocument,
    "query CachedWaitingWhy { preOrders(first: 10) { edges { node { id orderId waitingReason largestAvailableToPromise } } } }": typeof types.CachedWaitingWhyDocument,
    "\n  mutation CachedAllocateWhy($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id waitingReason largestAvailableToPromise } } } }\n": typeof types.CachedAllocateWhyDocument,
    "\n  query CachedExplain($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) { sku quantity poItems { purchaseOrderId seqId canPromise blocker } steps { kind passed } answer { status promiseDate } }\n  }\n": typeof types.CachedExplainDocument,
    "\n  mutation CachedRebalance($po: ID!) { rebalancePromises(purchaseOrderId: $po) { moves { orderId preOrderItem { id promiseDate purchaseOrderId } } } }\n": typeof types.CachedRebalanceDocument,
    "mutation CacheSetupCancelPo { cancelPurchaseOrder(id: \"PO-1\") { id } }": typeof types.CacheSetupCancelPoDocument,
    "\n  query FindPageWithCounts($f: PurchaseOrderFilter, $first: Int) {\n    purchaseOrders(filter: $f, first: $first) { totalCount edges { node { id pendingPreOrderCount items { ...PoItemFields } } } }\n  }\n": typeof types.FindPageWithCountsDocument,
    "\n  query QueuePage($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) { pageInfo { endCursor } edges { node { orderId seqId quantity promiseDate purchaseOrderId } } }\n  }\n": typeof types.QueuePageDocument,
    "\n  query QueueWithSummary($f: PreOrderFilter, $first: Int) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId } } }\n  }\n": typeof types.QueueWithSummaryDocument,
    "\n  query HistoryAndFeed($po: ID) {\n    allocationHistory(purchaseOrderId: $po, first: 50) { totalCount edges { node { id type } } }\n    promiseDateChanges(first: 50) { totalCount edges { node { id } } }\n  }\n": typeof types.HistoryAndFeedDocument,
    "\n  query PropertyPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId orderDate items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n": typeof types.PropertyPurchaseOrderDocument,
    "\n  mutation CutPoItem($po: ID!, $seq: String!, $quantity: Int!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { quantity: $quantity }) { id } }\n": typeof types.CutPoItemDocument,
    "mutation CancelMixItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { id } }": typeof types.CancelMixItemDocument,
    "\n  mutation UploadMapped($csv: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, columns: $columns, dryRun: $dryRun) { errors { line message } purchaseOrders { id } }\n  }\n": typeof types.UploadMappedDocument,
    "\n  mutation RebalanceMoveArrival($po: ID!, $seq: String!, $day: Date!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id } }\n": typeof types.RebalanceMoveArrivalDocument,
    "query RunIds { allocationRuns { totalCount } }": typeof types.RunIdsDocument,
    "query ListPOs($f: PurchaseOrderFilter) { purchaseOrders(filter: $f) { totalCount } }": typeof types.ListPOsDocument,
    "mutation Sneak { upsertProducts(input: [{ sku: \"B\", name: \"B\" }]) { sku } }": typeof types.SneakDocument,
    "mutation Secret($input: [ProductInput!]!) { upsertProducts(input: $input) { sku } }": typeof types.SecretDocument,
    "query PurchaseOrderId($id: ID!) { purchaseOrder(id: $id) { id } }": typeof types.PurchaseOrderIdDocument,
    "\n      mutation ImportPurchaseOrderFacilities($csv: String!) { importPurchaseOrders(csv: $csv) { purchaseOrders { id facilityId } errors { line message } } }\n    ": typeof types.ImportPurchaseOrderFacilitiesDocument,
    "\n  fragment PoItemFields on PurchaseOrderItem { id purchaseOrderId seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status }\n": typeof types.PoItemFieldsFragmentDoc,
    "\n  fragment PreOrderItemFields on PreOrderItem { id orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId }\n": typeof types.PreOrderItemFieldsFragmentDoc,
    "\n  fragment PromiseFields on ProductPromise { sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity }\n": typeof types.PromiseFieldsFragmentDoc,
    "\n  mutation UpsertProducts($input: [ProductInput!]!) { upsertProducts(input: $input) { id sku name inventoryAvailable } }\n": typeof types.UpsertProductsDocument,
    "\n  mutation CreatePurchaseOrder($input: PurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id status facilityId orderDate pendingPreOrderCount items { ...PoItemFields product { sku } } }\n  }\n": typeof types.CreatePurchaseOrderDocument,
    "\n  mutation ImportPreOrder($input: PreOrderInput!) {\n    importPreOrder(input: $input) { created items { ...PreOrderItemFields product { sku } } }\n  }\n": typeof types.ImportPreOrderDocument,
    "\n  mutation ImportPurchaseOrders($csv: String!, $fmt: String) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt) {\n      purchaseOrders { id items { seqId quantity arrivalDate product { sku } } }\n      errors { line message }\n    }\n  }\n": typeof types.ImportPurchaseOrdersDocument,
    "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n      purchaseOrder { id pendingPreOrderCount items { seqId allocatedQuantity availableToPromise } }\n    }\n  }\n": typeof types.AllocateSalesOrdersDocument,
    "\n  mutation UpdatePurchaseOrderItem($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { ...PoItemFields }\n  }\n": typeof types.UpdatePurchaseOrderItemDocument,
    "\n  mutation CancelPurchaseOrder($id: ID!) { cancelPurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n": typeof types.CancelPurchaseOrderDocument,
    "\n  mutation CancelPurchaseOrderItem($po: ID!, $seq: String!) { cancelPurchaseOrderItem(purchaseOrderId: $po, seqId: $seq) { ...PoItemFields } }\n": typeof types.CancelPurchaseOrderItemDocument,
    "\n  mutation CompletePurchaseOrder($id: ID!) { completePurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n": typeof types.CompletePurchaseOrderDocument,
    "\n  mutation CancelPreOrderItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n": typeof types.CancelPreOrderItemDocument,
    "\n  mutation ReleaseAllocation($order: ID!, $seq: String!) { releaseAllocation(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n": typeof types.ReleaseAllocationDocument,
    "\n  mutation AllocatePreOrderItem($order: ID!, $seq: String!, $po: ID!, $poSeq: String!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po, purchaseOrderItemSeqId: $poSeq) { ...PreOrderItemFields }\n  }\n": typeof types.AllocatePreOrderItemDocument,
    "\n  query AllocationHistory($order: ID, $seq: String, $po: ID, $first: Int, $after: String) {\n    allocationHistory(orderId: $order, seqId: $seq, purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id type at actor reason runId orderId seqId purchaseOrderId purchaseOrderItemSeqId quantity oldPromiseDate newPromiseDate } }\n    }\n  }\n": typeof types.AllocationHistoryDocument,
    "\n  query PromiseDateChanges($after: String, $first: Int, $ack: Boolean) {\n    promiseDateChanges(after: $after, first: $first, acknowledged: $ack) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id at orderId seqId oldPromiseDate newPromiseDate reason type acknowledged acknowledgedAt } }\n    }\n  }\n": typeof types.PromiseDateChangesDocument,
    "\n  mutation AcknowledgePromiseDateChanges($ids: [ID!]!) { acknowledgePromiseDateChanges(ids: $ids) }\n": typeof types.AcknowledgePromiseDateChangesDocument,
    "\n  query ProductPromise($sku: String!, $quantity: Int) { productPromise(sku: $sku, quantity: $quantity) { ...PromiseFields } }\n": typeof types.ProductPromiseDocument,
    "\n  query PromiseExplanation($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) {\n      sku quantity inventoryAvailable waitingPreOrderCount waitingPreOrderUnits\n      poItems {\n        purchaseOrderId seqId quantity orderBuffer allocatedQuantity receivedQuantity availableToPromise arrivalDate bufferDays promiseDate\n        canPromise blocker\n      }\n      steps { kind passed available quantity purchaseOrderId seqId text }\n      answer { ...PromiseFields }\n    }\n  }\n": typeof types.PromiseExplanationDocument,
    "\n  query ProductPromises($skus: [String!]!, $quantity: Int) { productPromises(skus: $skus, quantity: $quantity) { ...PromiseFields } }\n": typeof types.ProductPromisesDocument,
    "\n  query PurchaseOrder($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount items { ...PoItemFields product { sku } } } }\n": typeof types.PurchaseOrderDocument,
    "\n  query PurchaseOrders($f: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }\n    }\n  }\n": typeof types.PurchaseOrdersDocument,
    "\n  query PreOrders($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...PreOrderItemFields product { sku } } }\n    }\n  }\n": typeof types.PreOrdersDocument,
    "\n  query AllocationRuns($po: ID, $first: Int, $after: String) {\n    allocationRuns(purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n": typeof types.AllocationRunsDocument,
    "\n  query Typename { __typename }\n": typeof types.TypenameDocument,
    "\n  mutation ReceivePurchaseOrderItem($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { ...PoItemFields receivedQuantity }\n      released { ...PreOrderItemFields }\n    }\n  }\n": typeof types.ReceivePurchaseOrderItemDocument,
    "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facility: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facility) { ...PreOrderItemFields }\n  }\n": typeof types.ReleasePreOrderItemsDocument,
    "\n  mutation UpdatePreOrderPromiseDate($order: ID!, $seq: String!, $date: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $order, seqId: $seq, promiseDate: $date, reason: $reason) { ...PreOrderItemFields }\n  }\n": typeof types.UpdatePreOrderPromiseDateDocument,
    "\n  query WaitingReasons($f: PreOrderFilter, $first: Int) {\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId quantity purchaseOrderId waitingReason largestAvailableToPromise } } }\n  }\n": typeof types.WaitingReasonsDocument,
    "\n  mutation RebalancePromises($sku: String, $po: ID, $dryRun: Boolean!) {\n    rebalancePromises(sku: $sku, purchaseOrderId: $po, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n": typeof types.RebalancePromisesDocument,
    "\n  query PreOrderQueue($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { orderId seqId orderDate quantity facilityId purchaseOrderId promiseDate product { sku name } } }\n    }\n  }\n": typeof types.PreOrderQueueDocument,
    "query ViewerRole { viewer { role } }": typeof types.ViewerRoleDocument,
};
const documents: Documents = {
    "\n  mutation TieToPreferredItem($order: ID!, $seq: String!, $po: ID!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po) { purchaseOrderId purchaseOrderItemSeqId promiseDate }\n  }\n": types.TieToPreferredItemDocument,
    "mutation AllocateUnknownPo { allocateSalesOrders(purchaseOrderId: \"PO-NOPE\") { allocatedItemCount } }": types.AllocateUnknownPoDocument,
    "query CountPurchaseOrders { purchaseOrders { totalCount } }": types.CountPurchaseOrdersDocument,
    "query ArrivalReadBack { purchaseOrder(id: \"PO-P\") { items { arrivalDate } } }": types.ArrivalReadBackDocument,
    "query NewcomerViewer { viewer { role } }": types.NewcomerViewerDocument,
    "query SoonPoAtp { purchaseOrder(id: \"PO-SOON\") { items { allocatedQuantity availableToPromise } } }": types.SoonPoAtpDocument,
    "\n      query HundredPurchaseOrders { purchaseOrders(first: 100) { totalCount edges { node { id pendingPreOrderCount items { seqId product { sku name } } } } } }\n    ": types.HundredPurchaseOrdersDocument,
    "query FirstPoProductNames { purchaseOrder(id: \"PO-000\") { items { product { name } } } }": types.FirstPoProductNamesDocument,
    "\n  query EveryNodeKind {\n    purchaseOrder(id: \"PO-1\") { id items { id product { id } } }\n    preOrders(first: 10) { edges { node { id } } }\n    allocationRuns { edges { node { id } } }\n    allocationHistory { edges { node { id runId } } }\n    promiseDateChanges { edges { node { id } } }\n  }\n": types.EveryNodeKindDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename id\n      ... on PurchaseOrder { status }\n      ... on PurchaseOrderItem { purchaseOrderId seqId arrivalDate }\n      ... on PreOrderItem { orderId seqId }\n      ... on Product { sku }\n      ... on AllocationRun { purchaseOrderId }\n      ... on AllocationEvent { type runId }\n      ... on PromiseDateChange { orderId }\n    }\n  }\n": types.NodeByIdDocument,
    "query NodeImplementations { __type(name: \"Node\") { possibleTypes { name } } }": types.NodeImplementationsDocument,
    "query PoOneStatus { purchaseOrder(id: \"PO-1\") { status } }": types.PoOneStatusDocument,
    "\n  mutation UploadPurchaseOrders($csv: String!, $fmt: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt, columns: $columns, dryRun: $dryRun) {\n      dryRun\n      errors { line message }\n      purchaseOrders { id status facilityId pendingPreOrderCount items { seqId quantity orderBuffer bufferDays arrivalDate allocatedQuantity product { sku } } }\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n": types.UploadPurchaseOrdersDocument,
    "\n      query PoOneItemPromises { purchaseOrder(id: \"PO-1\") { items { product { sku promise { status promiseDate } big: promise(quantity: 5) { status } } } } }\n    ": types.PoOneItemPromisesDocument,
    "\n        query PoNItemPromises { purchaseOrder(id: \"PO-N\") { items { product { sku promise { status } promise3: promise(quantity: 3) { status } } } } }\n      ": types.PoNItemPromisesDocument,
    "query RebalanceCandidates { purchaseOrders(first: 50) { edges { node { id rebalanceCandidateCount } } } }": types.RebalanceCandidatesDocument,
    "query RebalanceCandidatesAll { purchaseOrders(first: 100) { edges { node { id rebalanceCandidateCount } } } }": types.RebalanceCandidatesAllDocument,
    "query DemoCounts { purchaseOrders { totalCount } preOrders { totalCount } }": types.DemoCountsDocument,
    "\n  query UploadedPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId items { quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n": types.UploadedPurchaseOrderDocument,
    "query CachedPoArrivals($id: ID!) { purchaseOrder(id: $id) { id items { id seqId arrivalDate promiseDate } } }": types.CachedPoArrivalsDocument,
    "query CachedPoQuantities($id: ID!) { purchaseOrder(id: $id) { id items { id quantity } } }": types.CachedPoQuantitiesDocument,
    "\n  mutation CachedMoveArrival($po: ID!, $seq: String!, $day: Date!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id arrivalDate promiseDate }\n  }\n": types.CachedMoveArrivalDocument,
    "query CachedWaiting { preOrders(first: 10) { edges { node { id orderId promiseDate purchaseOrderId } } } }": types.CachedWaitingDocument,
    "\n  mutation CachedAllocate($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id promiseDate purchaseOrderId } } } }\n": types.CachedAllocateDocument,
    "query CachedPoReceiving($id: ID!) { purchaseOrder(id: $id) { id items { id seqId receivedQuantity allocatedQuantity availableToPromise status } } }": types.CachedPoReceivingDocument,
    "query CachedQueue { preOrders(first: 10) { edges { node { id orderId facilityId purchaseOrderId promiseDate } } } }": types.CachedQueueDocument,
    "\n  mutation CachedReceive($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { id receivedQuantity allocatedQuantity availableToPromise status }\n      released { id facilityId purchaseOrderId promiseDate }\n    }\n  }\n": types.CachedReceiveDocument,
    "query CachedWaitingWhy { preOrders(first: 10) { edges { node { id orderId waitingReason largestAvailableToPromise } } } }": types.CachedWaitingWhyDocument,
    "\n  mutation CachedAllocateWhy($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id waitingReason largestAvailableToPromise } } } }\n": types.CachedAllocateWhyDocument,
    "\n  query CachedExplain($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) { sku quantity poItems { purchaseOrderId seqId canPromise blocker } steps { kind passed } answer { status promiseDate } }\n  }\n": types.CachedExplainDocument,
    "\n  mutation CachedRebalance($po: ID!) { rebalancePromises(purchaseOrderId: $po) { moves { orderId preOrderItem { id promiseDate purchaseOrderId } } } }\n": types.CachedRebalanceDocument,
    "mutation CacheSetupCancelPo { cancelPurchaseOrder(id: \"PO-1\") { id } }": types.CacheSetupCancelPoDocument,
    "\n  query FindPageWithCounts($f: PurchaseOrderFilter, $first: Int) {\n    purchaseOrders(filter: $f, first: $first) { totalCount edges { node { id pendingPreOrderCount items { ...PoItemFields } } } }\n  }\n": types.FindPageWithCountsDocument,
    "\n  query QueuePage($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) { pageInfo { endCursor } edges { node { orderId seqId quantity promiseDate purchaseOrderId } } }\n  }\n": types.QueuePageDocument,
    "\n  query QueueWithSummary($f: PreOrderFilter, $first: Int) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId } } }\n  }\n": types.QueueWithSummaryDocument,
    "\n  query HistoryAndFeed($po: ID) {\n    allocationHistory(purchaseOrderId: $po, first: 50) { totalCount edges { node { id type } } }\n    promiseDateChanges(first: 50) { totalCount edges { node { id } } }\n  }\n": types.HistoryAndFeedDocument,
    "\n  query PropertyPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId orderDate items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n": types.PropertyPurchaseOrderDocument,
    "\n  mutation CutPoItem($po: ID!, $seq: String!, $quantity: Int!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { quantity: $quantity }) { id } }\n": types.CutPoItemDocument,
    "mutation CancelMixItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { id } }": types.CancelMixItemDocument,
    "\n  mutation UploadMapped($csv: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, columns: $columns, dryRun: $dryRun) { errors { line message } purchaseOrders { id } }\n  }\n": types.UploadMappedDocument,
    "\n  mutation RebalanceMoveArrival($po: ID!, $seq: String!, $day: Date!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id } }\n": types.RebalanceMoveArrivalDocument,
    "query RunIds { allocationRuns { totalCount } }": types.RunIdsDocument,
    "query ListPOs($f: PurchaseOrderFilter) { purchaseOrders(filter: $f) { totalCount } }": types.ListPOsDocument,
    "mutation Sneak { upsertProducts(input: [{ sku: \"B\", name: \"B\" }]) { sku } }": types.SneakDocument,
    "mutation Secret($input: [ProductInput!]!) { upsertProducts(input: $input) { sku } }": types.SecretDocument,
    "query PurchaseOrderId($id: ID!) { purchaseOrder(id: $id) { id } }": types.PurchaseOrderIdDocument,
    "\n      mutation ImportPurchaseOrderFacilities($csv: String!) { importPurchaseOrders(csv: $csv) { purchaseOrders { id facilityId } errors { line message } } }\n    ": types.ImportPurchaseOrderFacilitiesDocument,
    "\n  fragment PoItemFields on PurchaseOrderItem { id purchaseOrderId seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status }\n": types.PoItemFieldsFragmentDoc,
    "\n  fragment PreOrderItemFields on PreOrderItem { id orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId }\n": types.PreOrderItemFieldsFragmentDoc,
    "\n  fragment PromiseFields on ProductPromise { sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity }\n": types.PromiseFieldsFragmentDoc,
    "\n  mutation UpsertProducts($input: [ProductInput!]!) { upsertProducts(input: $input) { id sku name inventoryAvailable } }\n": types.UpsertProductsDocument,
    "\n  mutation CreatePurchaseOrder($input: PurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id status facilityId orderDate pendingPreOrderCount items { ...PoItemFields product { sku } } }\n  }\n": types.CreatePurchaseOrderDocument,
    "\n  mutation ImportPreOrder($input: PreOrderInput!) {\n    importPreOrder(input: $input) { created items { ...PreOrderItemFields product { sku } } }\n  }\n": types.ImportPreOrderDocument,
    "\n  mutation ImportPurchaseOrders($csv: String!, $fmt: String) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt) {\n      purchaseOrders { id items { seqId quantity arrivalDate product { sku } } }\n      errors { line message }\n    }\n  }\n": types.ImportPurchaseOrdersDocument,
    "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n      purchaseOrder { id pendingPreOrderCount items { seqId allocatedQuantity availableToPromise } }\n    }\n  }\n": types.AllocateSalesOrdersDocument,
    "\n  mutation UpdatePurchaseOrderItem($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { ...PoItemFields }\n  }\n": types.UpdatePurchaseOrderItemDocument,
    "\n  mutation CancelPurchaseOrder($id: ID!) { cancelPurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n": types.CancelPurchaseOrderDocument,
    "\n  mutation CancelPurchaseOrderItem($po: ID!, $seq: String!) { cancelPurchaseOrderItem(purchaseOrderId: $po, seqId: $seq) { ...PoItemFields } }\n": types.CancelPurchaseOrderItemDocument,
    "\n  mutation CompletePurchaseOrder($id: ID!) { completePurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n": types.CompletePurchaseOrderDocument,
    "\n  mutation CancelPreOrderItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n": types.CancelPreOrderItemDocument,
    "\n  mutation ReleaseAllocation($order: ID!, $seq: String!) { releaseAllocation(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n": types.ReleaseAllocationDocument,
    "\n  mutation AllocatePreOrderItem($order: ID!, $seq: String!, $po: ID!, $poSeq: String!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po, purchaseOrderItemSeqId: $poSeq) { ...PreOrderItemFields }\n  }\n": types.AllocatePreOrderItemDocument,
    "\n  query AllocationHistory($order: ID, $seq: String, $po: ID, $first: Int, $after: String) {\n    allocationHistory(orderId: $order, seqId: $seq, purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id type at actor reason runId orderId seqId purchaseOrderId purchaseOrderItemSeqId quantity oldPromiseDate newPromiseDate } }\n    }\n  }\n": types.AllocationHistoryDocument,
    "\n  query PromiseDateChanges($after: String, $first: Int, $ack: Boolean) {\n    promiseDateChanges(after: $after, first: $first, acknowledged: $ack) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id at orderId seqId oldPromiseDate newPromiseDate reason type acknowledged acknowledgedAt } }\n    }\n  }\n": types.PromiseDateChangesDocument,
    "\n  mutation AcknowledgePromiseDateChanges($ids: [ID!]!) { acknowledgePromiseDateChanges(ids: $ids) }\n": types.AcknowledgePromiseDateChangesDocument,
    "\n  query ProductPromise($sku: String!, $quantity: Int) { productPromise(sku: $sku, quantity: $quantity) { ...PromiseFields } }\n": types.ProductPromiseDocument,
    "\n  query PromiseExplanation($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) {\n      sku quantity inventoryAvailable waitingPreOrderCount waitingPreOrderUnits\n      poItems {\n        purchaseOrderId seqId quantity orderBuffer allocatedQuantity receivedQuantity availableToPromise arrivalDate bufferDays promiseDate\n        canPromise blocker\n      }\n      steps { kind passed available quantity purchaseOrderId seqId text }\n      answer { ...PromiseFields }\n    }\n  }\n": types.PromiseExplanationDocument,
    "\n  query ProductPromises($skus: [String!]!, $quantity: Int) { productPromises(skus: $skus, quantity: $quantity) { ...PromiseFields } }\n": types.ProductPromisesDocument,
    "\n  query PurchaseOrder($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount items { ...PoItemFields product { sku } } } }\n": types.PurchaseOrderDocument,
    "\n  query PurchaseOrders($f: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }\n    }\n  }\n": types.PurchaseOrdersDocument,
    "\n  query PreOrders($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...PreOrderItemFields product { sku } } }\n    }\n  }\n": types.PreOrdersDocument,
    "\n  query AllocationRuns($po: ID, $first: Int, $after: String) {\n    allocationRuns(purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n": types.AllocationRunsDocument,
    "\n  query Typename { __typename }\n": types.TypenameDocument,
    "\n  mutation ReceivePurchaseOrderItem($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { ...PoItemFields receivedQuantity }\n      released { ...PreOrderItemFields }\n    }\n  }\n": types.ReceivePurchaseOrderItemDocument,
    "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facility: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facility) { ...PreOrderItemFields }\n  }\n": types.ReleasePreOrderItemsDocument,
    "\n  mutation UpdatePreOrderPromiseDate($order: ID!, $seq: String!, $date: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $order, seqId: $seq, promiseDate: $date, reason: $reason) { ...PreOrderItemFields }\n  }\n": types.UpdatePreOrderPromiseDateDocument,
    "\n  query WaitingReasons($f: PreOrderFilter, $first: Int) {\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId quantity purchaseOrderId waitingReason largestAvailableToPromise } } }\n  }\n": types.WaitingReasonsDocument,
    "\n  mutation RebalancePromises($sku: String, $po: ID, $dryRun: Boolean!) {\n    rebalancePromises(sku: $sku, purchaseOrderId: $po, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n": types.RebalancePromisesDocument,
    "\n  query PreOrderQueue($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { orderId seqId orderDate quantity facilityId purchaseOrderId promiseDate product { sku name } } }\n    }\n  }\n": types.PreOrderQueueDocument,
    "query ViewerRole { viewer { role } }": types.ViewerRoleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TieToPreferredItem($order: ID!, $seq: String!, $po: ID!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po) { purchaseOrderId purchaseOrderItemSeqId promiseDate }\n  }\n"): typeof import('./graphql').TieToPreferredItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AllocateUnknownPo { allocateSalesOrders(purchaseOrderId: \"PO-NOPE\") { allocatedItemCount } }"): typeof import('./graphql').AllocateUnknownPoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CountPurchaseOrders { purchaseOrders { totalCount } }"): typeof import('./graphql').CountPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ArrivalReadBack { purchaseOrder(id: \"PO-P\") { items { arrivalDate } } }"): typeof import('./graphql').ArrivalReadBackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NewcomerViewer { viewer { role } }"): typeof import('./graphql').NewcomerViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SoonPoAtp { purchaseOrder(id: \"PO-SOON\") { items { allocatedQuantity availableToPromise } } }"): typeof import('./graphql').SoonPoAtpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query HundredPurchaseOrders { purchaseOrders(first: 100) { totalCount edges { node { id pendingPreOrderCount items { seqId product { sku name } } } } } }\n    "): typeof import('./graphql').HundredPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FirstPoProductNames { purchaseOrder(id: \"PO-000\") { items { product { name } } } }"): typeof import('./graphql').FirstPoProductNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EveryNodeKind {\n    purchaseOrder(id: \"PO-1\") { id items { id product { id } } }\n    preOrders(first: 10) { edges { node { id } } }\n    allocationRuns { edges { node { id } } }\n    allocationHistory { edges { node { id runId } } }\n    promiseDateChanges { edges { node { id } } }\n  }\n"): typeof import('./graphql').EveryNodeKindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename id\n      ... on PurchaseOrder { status }\n      ... on PurchaseOrderItem { purchaseOrderId seqId arrivalDate }\n      ... on PreOrderItem { orderId seqId }\n      ... on Product { sku }\n      ... on AllocationRun { purchaseOrderId }\n      ... on AllocationEvent { type runId }\n      ... on PromiseDateChange { orderId }\n    }\n  }\n"): typeof import('./graphql').NodeByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeImplementations { __type(name: \"Node\") { possibleTypes { name } } }"): typeof import('./graphql').NodeImplementationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoOneStatus { purchaseOrder(id: \"PO-1\") { status } }"): typeof import('./graphql').PoOneStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadPurchaseOrders($csv: String!, $fmt: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt, columns: $columns, dryRun: $dryRun) {\n      dryRun\n      errors { line message }\n      purchaseOrders { id status facilityId pendingPreOrderCount items { seqId quantity orderBuffer bufferDays arrivalDate allocatedQuantity product { sku } } }\n      allocationPreviews {\n        purchaseOrderId allocatedItemCount allocatedQuantity\n        allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n        skipped { orderId seqId reason }\n      }\n    }\n  }\n"): typeof import('./graphql').UploadPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query PoOneItemPromises { purchaseOrder(id: \"PO-1\") { items { product { sku promise { status promiseDate } big: promise(quantity: 5) { status } } } } }\n    "): typeof import('./graphql').PoOneItemPromisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PoNItemPromises { purchaseOrder(id: \"PO-N\") { items { product { sku promise { status } promise3: promise(quantity: 3) { status } } } } }\n      "): typeof import('./graphql').PoNItemPromisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RebalanceCandidates { purchaseOrders(first: 50) { edges { node { id rebalanceCandidateCount } } } }"): typeof import('./graphql').RebalanceCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RebalanceCandidatesAll { purchaseOrders(first: 100) { edges { node { id rebalanceCandidateCount } } } }"): typeof import('./graphql').RebalanceCandidatesAllDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoCounts { purchaseOrders { totalCount } preOrders { totalCount } }"): typeof import('./graphql').DemoCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadedPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId items { quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n"): typeof import('./graphql').UploadedPurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedPoArrivals($id: ID!) { purchaseOrder(id: $id) { id items { id seqId arrivalDate promiseDate } } }"): typeof import('./graphql').CachedPoArrivalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedPoQuantities($id: ID!) { purchaseOrder(id: $id) { id items { id quantity } } }"): typeof import('./graphql').CachedPoQuantitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedMoveArrival($po: ID!, $seq: String!, $day: Date!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id arrivalDate promiseDate }\n  }\n"): typeof import('./graphql').CachedMoveArrivalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedWaiting { preOrders(first: 10) { edges { node { id orderId promiseDate purchaseOrderId } } } }"): typeof import('./graphql').CachedWaitingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedAllocate($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id promiseDate purchaseOrderId } } } }\n"): typeof import('./graphql').CachedAllocateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedPoReceiving($id: ID!) { purchaseOrder(id: $id) { id items { id seqId receivedQuantity allocatedQuantity availableToPromise status } } }"): typeof import('./graphql').CachedPoReceivingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedQueue { preOrders(first: 10) { edges { node { id orderId facilityId purchaseOrderId promiseDate } } } }"): typeof import('./graphql').CachedQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedReceive($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { id receivedQuantity allocatedQuantity availableToPromise status }\n      released { id facilityId purchaseOrderId promiseDate }\n    }\n  }\n"): typeof import('./graphql').CachedReceiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedWaitingWhy { preOrders(first: 10) { edges { node { id orderId waitingReason largestAvailableToPromise } } } }"): typeof import('./graphql').CachedWaitingWhyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedAllocateWhy($id: ID!) { allocateSalesOrders(purchaseOrderId: $id) { allocations { preOrderItem { id waitingReason largestAvailableToPromise } } } }\n"): typeof import('./graphql').CachedAllocateWhyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedExplain($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) { sku quantity poItems { purchaseOrderId seqId canPromise blocker } steps { kind passed } answer { status promiseDate } }\n  }\n"): typeof import('./graphql').CachedExplainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedRebalance($po: ID!) { rebalancePromises(purchaseOrderId: $po) { moves { orderId preOrderItem { id promiseDate purchaseOrderId } } } }\n"): typeof import('./graphql').CachedRebalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CacheSetupCancelPo { cancelPurchaseOrder(id: \"PO-1\") { id } }"): typeof import('./graphql').CacheSetupCancelPoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindPageWithCounts($f: PurchaseOrderFilter, $first: Int) {\n    purchaseOrders(filter: $f, first: $first) { totalCount edges { node { id pendingPreOrderCount items { ...PoItemFields } } } }\n  }\n"): typeof import('./graphql').FindPageWithCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueuePage($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) { pageInfo { endCursor } edges { node { orderId seqId quantity promiseDate purchaseOrderId } } }\n  }\n"): typeof import('./graphql').QueuePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueWithSummary($f: PreOrderFilter, $first: Int) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId } } }\n  }\n"): typeof import('./graphql').QueueWithSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryAndFeed($po: ID) {\n    allocationHistory(purchaseOrderId: $po, first: 50) { totalCount edges { node { id type } } }\n    promiseDateChanges(first: 50) { totalCount edges { node { id } } }\n  }\n"): typeof import('./graphql').HistoryAndFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyPurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) { id facilityId orderDate items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } }\n  }\n"): typeof import('./graphql').PropertyPurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CutPoItem($po: ID!, $seq: String!, $quantity: Int!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { quantity: $quantity }) { id } }\n"): typeof import('./graphql').CutPoItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelMixItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { id } }"): typeof import('./graphql').CancelMixItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadMapped($csv: String!, $columns: PurchaseOrderCsvColumns, $dryRun: Boolean!) {\n    importPurchaseOrders(csv: $csv, columns: $columns, dryRun: $dryRun) { errors { line message } purchaseOrders { id } }\n  }\n"): typeof import('./graphql').UploadMappedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebalanceMoveArrival($po: ID!, $seq: String!, $day: Date!) { updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: { arrivalDate: $day }) { id } }\n"): typeof import('./graphql').RebalanceMoveArrivalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunIds { allocationRuns { totalCount } }"): typeof import('./graphql').RunIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListPOs($f: PurchaseOrderFilter) { purchaseOrders(filter: $f) { totalCount } }"): typeof import('./graphql').ListPOsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Sneak { upsertProducts(input: [{ sku: \"B\", name: \"B\" }]) { sku } }"): typeof import('./graphql').SneakDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Secret($input: [ProductInput!]!) { upsertProducts(input: $input) { sku } }"): typeof import('./graphql').SecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PurchaseOrderId($id: ID!) { purchaseOrder(id: $id) { id } }"): typeof import('./graphql').PurchaseOrderIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ImportPurchaseOrderFacilities($csv: String!) { importPurchaseOrders(csv: $csv) { purchaseOrders { id facilityId } errors { line message } } }\n    "): typeof import('./graphql').ImportPurchaseOrderFacilitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PoItemFields on PurchaseOrderItem { id purchaseOrderId seqId quantity orderBuffer bufferDays allocatedQuantity availableToPromise arrivalDate promiseDate status }\n"): typeof import('./graphql').PoItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreOrderItemFields on PreOrderItem { id orderId seqId quantity status facilityId promiseDate purchaseOrderId purchaseOrderItemSeqId }\n"): typeof import('./graphql').PreOrderItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PromiseFields on ProductPromise { sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity }\n"): typeof import('./graphql').PromiseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertProducts($input: [ProductInput!]!) { upsertProducts(input: $input) { id sku name inventoryAvailable } }\n"): typeof import('./graphql').UpsertProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePurchaseOrder($input: PurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id status facilityId orderDate pendingPreOrderCount items { ...PoItemFields product { sku } } }\n  }\n"): typeof import('./graphql').CreatePurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPreOrder($input: PreOrderInput!) {\n    importPreOrder(input: $input) { created items { ...PreOrderItemFields product { sku } } }\n  }\n"): typeof import('./graphql').ImportPreOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPurchaseOrders($csv: String!, $fmt: String) {\n    importPurchaseOrders(csv: $csv, dateFormat: $fmt) {\n      purchaseOrders { id items { seqId quantity arrivalDate product { sku } } }\n      errors { line message }\n    }\n  }\n"): typeof import('./graphql').ImportPurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocateSalesOrders($id: ID!, $dryRun: Boolean) {\n    allocateSalesOrders(purchaseOrderId: $id, dryRun: $dryRun) {\n      dryRun allocatedItemCount allocatedQuantity\n      run { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n      skipped { orderId seqId reason }\n      purchaseOrder { id pendingPreOrderCount items { seqId allocatedQuantity availableToPromise } }\n    }\n  }\n"): typeof import('./graphql').AllocateSalesOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePurchaseOrderItem($po: ID!, $seq: String!, $input: PurchaseOrderItemUpdateInput!) {\n    updatePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, input: $input) { ...PoItemFields }\n  }\n"): typeof import('./graphql').UpdatePurchaseOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPurchaseOrder($id: ID!) { cancelPurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n"): typeof import('./graphql').CancelPurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPurchaseOrderItem($po: ID!, $seq: String!) { cancelPurchaseOrderItem(purchaseOrderId: $po, seqId: $seq) { ...PoItemFields } }\n"): typeof import('./graphql').CancelPurchaseOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompletePurchaseOrder($id: ID!) { completePurchaseOrder(id: $id) { id status items { ...PoItemFields } } }\n"): typeof import('./graphql').CompletePurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPreOrderItem($order: ID!, $seq: String!) { cancelPreOrderItem(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n"): typeof import('./graphql').CancelPreOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseAllocation($order: ID!, $seq: String!) { releaseAllocation(orderId: $order, seqId: $seq) { ...PreOrderItemFields } }\n"): typeof import('./graphql').ReleaseAllocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocatePreOrderItem($order: ID!, $seq: String!, $po: ID!, $poSeq: String!) {\n    allocatePreOrderItem(orderId: $order, seqId: $seq, purchaseOrderId: $po, purchaseOrderItemSeqId: $poSeq) { ...PreOrderItemFields }\n  }\n"): typeof import('./graphql').AllocatePreOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllocationHistory($order: ID, $seq: String, $po: ID, $first: Int, $after: String) {\n    allocationHistory(orderId: $order, seqId: $seq, purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id type at actor reason runId orderId seqId purchaseOrderId purchaseOrderItemSeqId quantity oldPromiseDate newPromiseDate } }\n    }\n  }\n"): typeof import('./graphql').AllocationHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromiseDateChanges($after: String, $first: Int, $ack: Boolean) {\n    promiseDateChanges(after: $after, first: $first, acknowledged: $ack) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id at orderId seqId oldPromiseDate newPromiseDate reason type acknowledged acknowledgedAt } }\n    }\n  }\n"): typeof import('./graphql').PromiseDateChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgePromiseDateChanges($ids: [ID!]!) { acknowledgePromiseDateChanges(ids: $ids) }\n"): typeof import('./graphql').AcknowledgePromiseDateChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPromise($sku: String!, $quantity: Int) { productPromise(sku: $sku, quantity: $quantity) { ...PromiseFields } }\n"): typeof import('./graphql').ProductPromiseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromiseExplanation($sku: String!, $quantity: Int) {\n    promiseExplanation(sku: $sku, quantity: $quantity) {\n      sku quantity inventoryAvailable waitingPreOrderCount waitingPreOrderUnits\n      poItems {\n        purchaseOrderId seqId quantity orderBuffer allocatedQuantity receivedQuantity availableToPromise arrivalDate bufferDays promiseDate\n        canPromise blocker\n      }\n      steps { kind passed available quantity purchaseOrderId seqId text }\n      answer { ...PromiseFields }\n    }\n  }\n"): typeof import('./graphql').PromiseExplanationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPromises($skus: [String!]!, $quantity: Int) { productPromises(skus: $skus, quantity: $quantity) { ...PromiseFields } }\n"): typeof import('./graphql').ProductPromisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrder($id: ID!) { purchaseOrder(id: $id) { id status pendingPreOrderCount items { ...PoItemFields product { sku } } } }\n"): typeof import('./graphql').PurchaseOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrders($f: PurchaseOrderFilter, $first: Int, $after: String) {\n    purchaseOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreOrders($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...PreOrderItemFields product { sku } } }\n    }\n  }\n"): typeof import('./graphql').PreOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllocationRuns($po: ID, $first: Int, $after: String) {\n    allocationRuns(purchaseOrderId: $po, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id purchaseOrderId triggeredBy startedAt finishedAt allocatedItemCount allocatedQuantity skippedItemCount } }\n    }\n  }\n"): typeof import('./graphql').AllocationRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Typename { __typename }\n"): typeof import('./graphql').TypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceivePurchaseOrderItem($po: ID!, $seq: String!, $quantity: Int!) {\n    receivePurchaseOrderItem(purchaseOrderId: $po, seqId: $seq, quantity: $quantity) {\n      addedToInventory\n      purchaseOrderItem { ...PoItemFields receivedQuantity }\n      released { ...PreOrderItemFields }\n    }\n  }\n"): typeof import('./graphql').ReceivePurchaseOrderItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleasePreOrderItems($items: [PreOrderItemRef!]!, $facility: String!) {\n    releasePreOrderItems(items: $items, facilityId: $facility) { ...PreOrderItemFields }\n  }\n"): typeof import('./graphql').ReleasePreOrderItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreOrderPromiseDate($order: ID!, $seq: String!, $date: Date, $reason: String!) {\n    updatePreOrderPromiseDate(orderId: $order, seqId: $seq, promiseDate: $date, reason: $reason) { ...PreOrderItemFields }\n  }\n"): typeof import('./graphql').UpdatePreOrderPromiseDateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaitingReasons($f: PreOrderFilter, $first: Int) {\n    preOrders(filter: $f, first: $first) { edges { node { orderId seqId quantity purchaseOrderId waitingReason largestAvailableToPromise } } }\n  }\n"): typeof import('./graphql').WaitingReasonsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebalancePromises($sku: String, $po: ID, $dryRun: Boolean!) {\n    rebalancePromises(sku: $sku, purchaseOrderId: $po, dryRun: $dryRun) {\n      dryRun\n      moves { orderId seqId quantity fromPurchaseOrderId fromPurchaseOrderItemSeqId toPurchaseOrderId toPurchaseOrderItemSeqId oldPromiseDate newPromiseDate }\n      allocations { orderId seqId quantity purchaseOrderId purchaseOrderItemSeqId promiseDate }\n    }\n  }\n"): typeof import('./graphql').RebalancePromisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreOrderQueue($f: PreOrderFilter, $first: Int, $after: String) {\n    preOrderQueueSummary(filter: $f) { orderCount itemCount unitCount waitingItemCount tiedItemCount }\n    preOrders(filter: $f, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { orderId seqId orderDate quantity facilityId purchaseOrderId promiseDate product { sku name } } }\n    }\n  }\n"): typeof import('./graphql').PreOrderQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerRole { viewer { role } }"): typeof import('./graphql').ViewerRoleDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
