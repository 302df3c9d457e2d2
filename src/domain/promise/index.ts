/** The product page promise (PDP): in stock, pre-order with a promise date, or out of stock. */
export {
  MAX_PROMISE_SKUS, checkPromiseLookup, decidePromise, findProductPromises, groupPromiseRows, promiseRowsParams, promiseRowsSql,
} from "./product-promise";
export type { AvailabilityStatus, ProductPromiseView, PromiseRequest } from "./product-promise";
/** "Why does the product page show this date?": the PDP's decision, step by step. */
export { explainPromise, promiseBlocker } from "./explain-promise";
export type { ExplainedPoItem, PromiseBlocker, PromiseExplanationView, PromiseStep, PromiseStepKind } from "./explain-promise";
