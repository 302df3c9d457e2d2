/** Allocate Sales Orders, the allocation rules every caller shares, and the guarded writes that tie and untie. */
export { COLLECT_ALL, allocateSalesOrders, waitingReadSizes } from "./allocate-sales-orders";
export type { Allocation, AllocationResult, Collect, SkippedPreOrderItem } from "./allocate-sales-orders";
export { giveBackUnits, releaseTies, tiesBeyond } from "./release-ties";
export type { Why } from "./release-ties";
export {
  ALLOCATABLE_PO_ITEM_SQL, ATP_COVERS_GUARD_SQL, FIFO, HAS_ATP_SQL, PREFERENCE_ORDER_SQL, STILL_WAITING_GUARD_SQL, WAITING_PRE_ORDER_SQL,
  availableToPromise, byPreference, isAllocatable, pickPoItem, planAllocation, promiseDateOf,
} from "./rules";
export type { Plan, PlannedTie, PoItemForRules, SkipReason, WaitingItem } from "./rules";
export { claimWaitingItems, raiseAllocated, repromiseItems, untieItems } from "./ties";
export type { Tie, TiedRef } from "./ties";
export { poItemsOfProducts, whyWaiting } from "./waiting-reason";
export type { PoItemWithHeader, WaitingCandidate, WaitingCheck, WaitingReason } from "./waiting-reason";
export { isEarlier, planRebalance, promisableItems, rebalanceCandidateCounts, rebalancePromises } from "./rebalance";
export type { PlannedMove, PreOrderMoveView, RebalanceResult, RebalanceTarget } from "./rebalance";
