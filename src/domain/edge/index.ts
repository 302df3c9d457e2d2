/**
 * The edge: cache tags of the storefront's answers and the purge outbox that keeps caches in
 * front of the service fresh. Every promise-changing transaction calls queuePromisePurge.
 */
export { cacheTagOf, skuOfCacheTag } from "./cache-tags";
export {
  claimPendingPurges, countPendingPurges, deferPurges, deleteDonePurges, markPurgesDone, queuePromisePurge, queuePromisePurgeBySku,
} from "./purge-outbox";
export type { PendingPurge } from "./purge-outbox";
