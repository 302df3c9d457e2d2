/**
 * The business, one folder per capability, each with an index.ts that is its public face:
 * - core/        statuses, the clock, input checks: the vocabulary every capability shares
 * - allocation/  Allocate Sales Orders, the allocation rules, the guarded writes that tie and untie
 * - edge/        cache tags of storefront answers, the purge outbox (queuePromisePurge)
 * - history/     the allocation history, the runs and the promise-date feed
 * - intake/      products, PO creation and CSV upload, pre-order import, the demo catalog
 * - orders/      reading POs and pre-orders: the find page, the pre-order list, pending counts
 * - lifecycle/   after allocation: PO changes and cancellations, pre-order cancellations, manual ties
 * - promise/     the product page promise
 * Every function takes the caller's EntityManager: the unit of work is opened at the edge (src/db).
 */
export * from "./allocation";
export * from "./core";
export * from "./edge";
export * from "./history";
export * from "./intake";
export * from "./lifecycle";
export * from "./orders";
export * from "./promise";
