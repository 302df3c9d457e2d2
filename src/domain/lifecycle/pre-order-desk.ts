import { EntityManager } from "typeorm";
import {
  LockedSalesItem, execute, holdsTie, lockPoItems, lockPurchaseOrder, lockSalesOrderItem, lockSalesOrderItems, peekSalesOrderItem, peekSalesOrderItems, sqlDate,
} from "../../db";
import { RetryableConflict, invalidState, notFound } from "../../errors";
import { WAITING_PRE_ORDER_SQL, giveBackUnits } from "../allocation";
import { LIMITS, OPEN_ITEMS_SQL, PRE_ORDER_PARKING, Problems, clock, isCalendarDay, isOpenItem, isOpenOrder, startOfTodayUtc, statusOf } from "../core";
import { queuePromisePurge } from "../edge";
import { recordEvents } from "../history";
import { PreOrderItemView, findPreOrderItem, preOrderItemsById } from "../orders";
import { fulfilmentRelease, releaseToFacility } from "./receiving";

/**
 * The merchandiser's hand on single pre-order lines (docs/domain.md#receiving-and-release,
 * #promise-dates-by-hand): release to a warehouse, and a promise date set or cleared with a reason.
 * Same locks (PO items, then the pre-order items, by id), guards and history as allocation.
 */

/** How many items one releasePreOrderItems call may name. */
export const MAX_RELEASE = 500;

/** A pre-order item named by its business key. */
export interface PreOrderItemRef {
  orderId: string;
  seqId: string;
}

/**
 * Releases pre-order items to fulfilment by hand ("release to warehouse"): each leaves
 * PRE_ORDER_PARKING for `facilityId`, tied or waiting. A tied one keeps its PO and promise date for
 * the record, and its units leave the PO item's allocation (the PO ATP rises; received units held
 * for it become inventory). FULFILLMENT_RELEASE in the history for each. All or nothing: an unknown
 * item is NOT_FOUND, one not in parking or not open (item or order) is INVALID_STATE.
 */
export async function releasePreOrderItems(
  manager: EntityManager, refs: readonly PreOrderItemRef[], facilityId: string, actor: string | null,
): Promise<PreOrderItemView[]> {
  checkRefs(refs, (problems) => {
    problems.text("facilityId", facilityId);
    if (facilityId === PRE_ORDER_PARKING) problems.add(`facilityId must be a warehouse, not ${PRE_ORDER_PARKING}`);
  });
  const peeked = await peekSalesOrderItems(manager, refs);
  const key = (orderId: string, seqId: string) => `${orderId}\u0000${seqId}`;
  const byKey = new Map(peeked.map((p) => [key(p.orderId, p.orderItemSeqId), p]));
  const unknown = refs.filter((r) => !byKey.has(key(r.orderId, r.seqId)));
  if (unknown.length) throw notFound(`No pre-order item ${unknown.slice(0, 5).map((r) => `${r.orderId}/${r.seqId}`).join(", ")}`);

  const poItems = await lockPoItems(manager, peeked.flatMap((p) => (p.poItemId === null ? [] : [p.poItemId])));
  const items = await lockSalesOrderItems(manager, peeked.map((p) => p.id), WAITING_PRE_ORDER_SQL);
  const poById = new Map(poItems.map((p) => [p.id, p]));
  for (const item of items) {
    const expected = byKey.get(key(item.orderId, item.orderItemSeqId))!.poItemId;
    if ((holdsTie(item) ? item.poItemId : null) !== expected) throw new RetryableConflict("A pre-order item's tie changed while locking it");
    const why = notReleasable(item);
    if (why) throw invalidState(`Pre-order item ${item.orderId}/${item.orderItemSeqId} ${why}; only open items waiting in ${PRE_ORDER_PARKING} can be released`);
  }

  await releaseToFacility(manager, items, facilityId);
  const deltas = new Map<number, number>();
  for (const item of items) if (holdsTie(item)) deltas.set(item.poItemId!, (deltas.get(item.poItemId!) ?? 0) + item.quantity);
  await giveBackUnits(manager, [...deltas.keys()].map((id) => poById.get(id)!), deltas);
  await recordEvents(manager, items.map((item) => fulfilmentRelease(
    item, holdsTie(item) ? poById.get(item.poItemId!)! : null, actor, `Released to ${facilityId} by hand`,
  )));
  await queuePromisePurge(manager, items.map((item) => item.productId));
  const views = new Map((await preOrderItemsById(manager, items.map((i) => i.id))).map((v) => [key(v!.orderId, v!.seqId), v!]));
  return refs.map((r) => views.get(key(r.orderId, r.seqId))!);
}

/**
 * Sets (or, with null, clears) a waiting pre-order item's promise date by hand, with a reason:
 * REPROMISE in the history and one promise-date feed row. A waiting item with a promise date is no
 * longer picked by Allocate Sales Orders (rule 3 takes items without one); clearing it puts the item
 * back in line. A tied item's promise is its PO item's arrival date plus buffer days (rule 6: the
 * one promise the PDP showed), so it is INVALID_STATE: change the PO item, or remove the allocation
 * first. The same date again changes and records nothing.
 */
export async function updatePreOrderPromiseDate(
  manager: EntityManager, orderId: string, seqId: string, promiseDate: Date | null, reason: string, actor: string | null,
): Promise<PreOrderItemView> {
  const problems = new Problems();
  problems.text("orderId", orderId);
  problems.text("seqId", seqId);
  problems.text("reason", reason, LIMITS.name);
  if (promiseDate !== null) {
    if (!isCalendarDay(promiseDate)) problems.add("promiseDate must be a calendar day");
    else if (promiseDate.getTime() < startOfTodayUtc().getTime()) problems.add("promiseDate must be today or later");
  }
  problems.throwIfAny("promise date change");
  const peek = await peekSalesOrderItem(manager, orderId, seqId);
  if (!peek) throw notFound(`No pre-order item ${orderId}/${seqId}`);
  // Lock order: the PO item it is tied to first, though a tied item is refused below.
  if (peek.poOrderId) await lockPurchaseOrder(manager, peek.poOrderId, peek.poItemSeqId!);
  const item = await lockSalesOrderItem(manager, orderId, seqId, WAITING_PRE_ORDER_SQL);
  if (!item) throw notFound(`No pre-order item ${orderId}/${seqId}`);
  const where = `Pre-order item ${orderId}/${seqId}`;
  if (holdsTie(item)) {
    throw invalidState(`${where} is tied to a purchase order and promised its arrival date plus buffer days; ` +
      "change that PO item's arrival date, or remove the allocation first");
  }
  const why = notReleasable(item);
  if (why) throw invalidState(`${where} ${why}; only open items waiting in ${PRE_ORDER_PARKING} get a promise date by hand`);
  if ((item.promiseDate?.getTime() ?? null) === (promiseDate?.getTime() ?? null)) return (await findPreOrderItem(manager, orderId, seqId))!;

  const changed = await execute(
    manager,
    `UPDATE sales_order_item SET promised_datetime = ? WHERE so_item_id = ? AND po_item_id IS NULL AND facility_id = '${PRE_ORDER_PARKING}'
     AND status_id IN (${OPEN_ITEMS_SQL}) AND ${item.promiseDate ? "promised_datetime = ?" : "promised_datetime IS NULL"}`,
    [promiseDate && sqlDate(promiseDate), item.id, ...(item.promiseDate ? [sqlDate(item.promiseDate)] : [])],
  );
  if (changed !== 1) throw new RetryableConflict("A pre-order item changed while setting its promise date");
  await recordEvents(manager, [{
    type: "REPROMISE", at: clock.now(), actor, reason, runId: null, salesOrderItemId: item.id, orderId, orderItemSeqId: seqId,
    poItemId: null, purchaseOrderId: null, poItemSeqId: null, quantity: item.quantity, oldPromiseDate: item.promiseDate, newPromiseDate: promiseDate,
  }]);
  // The PDP does not show a waiting item's date today; purged anyway so a promise that comes to read it stays fresh.
  await queuePromisePurge(manager, [item.productId]);
  return (await findPreOrderItem(manager, orderId, seqId))!;
}

/** Why a locked item cannot leave parking or get a hand-set date; undefined when it can. */
function notReleasable(item: LockedSalesItem): string | undefined {
  if (!isOpenItem(item.statusId)) return `is ${statusOf(item.statusId).toLowerCase()}`;
  if (!isOpenOrder(item.headerStatusId)) return `belongs to an order that is ${statusOf(item.headerStatusId).toLowerCase()}`;
  if (item.facilityId !== PRE_ORDER_PARKING) return `is in ${item.facilityId}, not in ${PRE_ORDER_PARKING}`;
  return undefined;
}

/** BAD_USER_INPUT for an empty or too long list, a bad or repeated ref, or what `more` finds. */
function checkRefs(refs: readonly PreOrderItemRef[], more: (problems: Problems) => void): void {
  const problems = new Problems();
  if (refs.length === 0) problems.add("items must name at least one pre-order item");
  if (refs.length > MAX_RELEASE) problems.add(`items may name at most ${MAX_RELEASE} pre-order items (got ${refs.length})`);
  const seen = new Set<string>();
  refs.slice(0, MAX_RELEASE).forEach((r, i) => {
    problems.text(`items[${i}].orderId`, r.orderId);
    problems.text(`items[${i}].seqId`, r.seqId);
    const k = `${r.orderId}\u0000${r.seqId}`;
    if (seen.has(k)) problems.add(`items[${i}] names ${r.orderId}/${r.seqId} again`);
    seen.add(k);
  });
  more(problems);
  problems.throwIfAny("release");
}
