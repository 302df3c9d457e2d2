/** What comes in: products, purchase orders (one by one or as a CSV upload), pre-orders, and the demo catalog. */
export { loadDemoCatalog } from "./demo-catalog";
export { allocatablePoItems, existingPreOrder, importPreOrder } from "./import-pre-order";
export type { ImportPreOrderResult, PreOrderInput, PreOrderItemInput } from "./import-pre-order";
export { CSV_LIMITS, headerNames, importPurchaseOrders, parseArrivalDate, parsePurchaseOrderCsv } from "./po-csv";
export type { CsvColumns, CsvField, CsvRowError } from "./po-csv";
export { uploadPurchaseOrders } from "./po-upload";
export type { PurchaseOrderUpload } from "./po-upload";
export { productsBySku, upsertProducts } from "./products";
export type { ProductInput } from "./products";
export { checkPurchaseOrder, createPurchaseOrders, seqId } from "./purchase-orders";
export type { PurchaseOrderInput, PurchaseOrderItemInput } from "./purchase-orders";
