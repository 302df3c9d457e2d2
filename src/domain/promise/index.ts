/** The product page promise (PDP): in stock, pre-order with a promise date, or out of stock. */
export {
  MAX_PROMISE_SKUS, checkPromiseLookup, decidePromise, findProductPromises, groupPromiseRows, promiseRowsParams, promiseRowsSql,
} from "./product-promise";
export type { AvailabilityStatus, ProductPromiseView, PromiseRequest } from "./product-promise";
