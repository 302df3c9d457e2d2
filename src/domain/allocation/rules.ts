import { Ordering, PoItemRow } from "../../db";
import { OPEN_ITEMS_SQL, OPEN_ORDERS_SQL, PRE_ORDER_PARKING, addDays, compareBytes, isOpenItem } from "../core";

/**
 * The rules of allocation, in one place (docs/domain.md#allocate-sales-orders). Every caller —
 * the bulk run, pre-order import, the single manual tie and the PDP — decides with these
 * functions and SQL predicates, so they cannot drift apart.
 */

/**
 * Rule 2, as SQL over `h` (the PO header) and `p` (the PO item); `?` is the start of today
 * (UTC). Allocatable = PO and item CREATED or APPROVED, with an arrival date today or later.
 */
export const ALLOCATABLE_PO_ITEM_SQL =
  `h.status_id IN (${OPEN_ORDERS_SQL}) AND p.status_id IN (${OPEN_ITEMS_SQL}) ` +
  `AND p.estimated_delivery_date IS NOT NULL AND p.estimated_delivery_date >= ?`;

/**
 * Rule 3, as SQL over `h` (the sales order header) and `s` (its item): waiting in pre-order
 * parking, open, with neither a promise date nor a PO.
 */
export const WAITING_PRE_ORDER_SQL =
  `s.facility_id = '${PRE_ORDER_PARKING}' AND s.promised_datetime IS NULL AND s.po_item_id IS NULL ` +
  `AND s.status_id IN (${OPEN_ITEMS_SQL}) AND h.status_id IN (${OPEN_ORDERS_SQL})`;

/** Rule 4: first in, first out, over `s` (the sales order item); also the pre-order list's order. */
export const FIFO: Ordering = {
  columns: [{ sql: "s.order_date", kind: "date" }, { sql: "s.order_id", kind: "text" }, { sql: "s.order_item_seq_id", kind: "text" }],
  direction: "ASC",
};

/** The guard a claimed pre-order item must still pass at the moment it is written. */
export const STILL_WAITING_GUARD_SQL =
  // The unary + keeps SQLite's planner from scanning the waiting-items index for these terms
  // instead of looking the claimed ids up by primary key (a no-op to MySQL).
  `+po_item_id IS NULL AND +promised_datetime IS NULL AND +facility_id = '${PRE_ORDER_PARKING}' AND status_id IN (${OPEN_ITEMS_SQL})`;

/** The guard on raising a PO item's allocated quantity by `?`: still open, and ATP (units still to come) covers it. */
export const ATP_COVERS_GUARD_SQL =
  `status_id IN (${OPEN_ITEMS_SQL}) AND allocated_quantity + order_buffer + received_quantity + ? <= quantity`;

/** "This PO item has PO ATP > 0", as SQL over `p`. */
export const HAS_ATP_SQL = "p.allocated_quantity + p.order_buffer + p.received_quantity < p.quantity";

/** A PO item as the allocation rules see it. */
export type PoItemForRules = PoItemRow;

/**
 * PO ATP = (quantity - received) - order buffer - allocated, never below 0, and 0 once the item is
 * cancelled or completed: only units still to come can be promised (received ones went to
 * pre-orders or inventory); allocated counts the tied pre-orders not yet released.
 */
export const availableToPromise = (item: Pick<PoItemForRules, "quantity" | "orderBuffer" | "allocatedQuantity" | "receivedQuantity" | "statusId">): number =>
  isOpenItem(item.statusId) ? Math.max(0, item.quantity - item.receivedQuantity - item.orderBuffer - item.allocatedQuantity) : 0;

/** Rule 2 for one item whose PO header is known to be open. */
export const isAllocatable = (item: PoItemForRules, today: Date): boolean =>
  isOpenItem(item.statusId) &&
  item.estimatedDeliveryDate !== null &&
  item.estimatedDeliveryDate.getTime() >= today.getTime();

/**
 * Rule 5's order of preference, THE one order in which PO items are offered (allocation, pre-order
 * import, the manual tie and the PDP): earliest arrival date, then PO id byte by byte, then lower
 * item seq id. PREFERENCE_ORDER_SQL is the same order for an ORDER BY over binary-collated ids.
 */
export function byPreference(a: PoItemForRules, b: PoItemForRules): number {
  return (a.estimatedDeliveryDate!.getTime() - b.estimatedDeliveryDate!.getTime()) ||
    compareBytes(a.orderId, b.orderId) || compareBytes(a.orderItemSeqId, b.orderItemSeqId);
}

/** byPreference as SQL over `p` (the PO item); the callers still sort with byPreference, which decides. */
export const PREFERENCE_ORDER_SQL = "p.estimated_delivery_date, p.order_id, p.order_item_seq_id";

/**
 * Rule 6, the one customer promise: the day a pre-order tied to this PO item is promised, and the
 * day the PDP shows for it: its arrival date plus its buffer days. Null without an arrival date.
 */
export function promiseDateOf(item: Pick<PoItemForRules, "estimatedDeliveryDate" | "bufferDays">): Date | null {
  return item.estimatedDeliveryDate && addDays(item.estimatedDeliveryDate, item.bufferDays);
}

/**
 * Rule 5: the first candidate (already in preference order) whose ATP covers the whole quantity.
 * `onConsider`, when given, hears each candidate looked at and whether it covers (promiseExplanation
 * builds its steps from it, so the explanation is this very decision).
 */
export function pickPoItem<T extends PoItemForRules>(candidates: T[], quantity: number, onConsider?: (item: T, covers: boolean) => void): T | undefined {
  if (!onConsider) return candidates.find((item) => availableToPromise(item) >= quantity);
  return candidates.find((item) => {
    const covers = availableToPromise(item) >= quantity;
    onConsider(item, covers);
    return covers;
  });
}

export type SkipReason = "INSUFFICIENT_ATP" | "NO_ARRIVAL_DATE";

export interface WaitingItem {
  id: number;
  orderId: string;
  orderItemSeqId: string;
  productId: number;
  quantity: number;
}

export interface PlannedTie<W extends WaitingItem = WaitingItem, P extends PoItemForRules = PoItemForRules> {
  item: W;
  poItem: P;
}

export interface Plan<W extends WaitingItem, P extends PoItemForRules> {
  ties: PlannedTie<W, P>[];
  skipped: { item: W; reason: SkipReason }[];
}

/**
 * Rules 4–6 in memory: walks `waiting` (already first-in-first-out) and ties each item whole
 * to the preferred PO item of its product that can still cover it, lowering that item's ATP
 * (in `poItems`, which it mutates) as it goes. Items that fit nowhere are skipped with a reason;
 * later, smaller items may still fit.
 */
export function planAllocation<W extends WaitingItem, P extends PoItemForRules>(
  waiting: W[], poItems: P[], today: Date, plan: Plan<W, P> = { ties: [], skipped: [] },
): Plan<W, P> {
  const candidates = new Map<number, P[]>();
  for (const item of poItems.filter((p) => isAllocatable(p, today)).sort(byPreference)) {
    candidates.set(item.productId, [...(candidates.get(item.productId) ?? []), item]);
  }
  for (const item of waiting) {
    const options = candidates.get(item.productId);
    const poItem = options && pickPoItem(options, item.quantity);
    if (!poItem) {
      plan.skipped.push({ item, reason: options ? "INSUFFICIENT_ATP" : "NO_ARRIVAL_DATE" });
      continue;
    }
    poItem.allocatedQuantity += item.quantity;
    plan.ties.push({ item, poItem });
  }
  return plan;
}
