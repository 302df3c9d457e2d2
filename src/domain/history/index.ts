/** The allocation history, the runs and the promise-date feed: written by every tie, read by support and the notification worker. */
export { findAllocationEvent, listAllocationEvents } from "./allocation-history";
export type { AllocationHistoryFilter } from "./allocation-history";
export { findAllocationRun, listAllocationRuns } from "./allocation-runs";
export { MAX_ACKNOWLEDGE, acknowledgePromiseDateChanges, findPromiseDateChange, listPromiseDateChanges } from "./promise-date-feed";
export { recordEvents, recordTieEvents } from "./record-events";
export type { AllocationEventRow, TieEvent } from "./record-events";
