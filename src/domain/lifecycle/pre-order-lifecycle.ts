import { EntityManager } from "typeorm";
import { LockedPurchaseOrder, LockedSalesItem, TiedItem, execute, holdsTie, sqlDate, lockPurchaseOrder, lockSalesOrderItem, peekSalesOrderItem } from "../../db";
import { RetryableConflict, badInput, insufficientAtp, invalidState, notFound } from "../../errors";
import {
  PoItemForRules, WAITING_PRE_ORDER_SQL, availableToPromise, byPreference, claimWaitingItems, isAllocatable, pickPoItem, promiseDateOf, raiseAllocated,
  releaseTies,
} from "../allocation";
import {
  OPEN_ITEMS_SQL, OPEN_ORDERS_SQL, PRE_ORDER_PARKING, checkIds, clock, isOpenItem, isOpenOrder, requireOpenPurchaseOrder, startOfTodayUtc, statusOf,
} from "../core";
import { queuePromisePurge } from "../edge";
import { recordEvents } from "../history";
import { PreOrderItemView, findPreOrderItem } from "../orders";

/**
 * One pre-order line after allocation: cancelled by the customer, untied by hand ("Remove
 * Allocation"), or tied by hand to a chosen PO item. Same locks (PO header, PO item, then the
 * pre-order item), guards and history as the bulk run; each runs inside the caller's transaction.
 */


/**
 * Cancels a sales order item. A tied item is released first, so its PO item's ATP comes back,
 * and its promise date is cleared; an untied one's promise (set by hand, or kept after a release
 * to fulfilment) is withdrawn with a history and a feed row. When every item of the order is cancelled, so is the order.
 * An item already cancelled is answered as it is and nothing is recorded (a repeated cancel is
 * idempotent); a completed one is INVALID_STATE.
 */
export async function cancelPreOrderItem(manager: EntityManager, orderId: string, seqId: string, actor: string | null): Promise<PreOrderItemView> {
  checkIds({ orderId, seqId });
  const { item, poItem } = await lockItemAndItsTie(manager, orderId, seqId);
  if (item.statusId === "ITEM_CANCELLED") return (await findPreOrderItem(manager, orderId, seqId))!;
  if (!isOpenItem(item.statusId)) {
    throw invalidState(`Pre-order item ${orderId}/${seqId} is ${statusOf(item.statusId).toLowerCase()}; it cannot be cancelled`);
  }
  const reason = `Pre-order item ${orderId}/${seqId} cancelled`;
  if (poItem) {
    await releaseTies(manager, [item as TiedItem], [poItem], { at: clock.now(), actor, reason });
  } else if (item.promiseDate && !holdsTie(item)) {
    await withdrawPromise(manager, item, actor, reason);
  }
  const changed = await execute(manager, `UPDATE sales_order_item SET status_id = 'ITEM_CANCELLED' WHERE so_item_id = ? AND status_id IN (${OPEN_ITEMS_SQL})`, [item.id]);
  if (changed !== 1) throw new RetryableConflict("A pre-order item's status changed while cancelling it");
  await execute(
    manager,
    `UPDATE order_header SET status_id = 'ORDER_CANCELLED' WHERE order_id = ? AND status_id IN (${OPEN_ORDERS_SQL})
     AND NOT EXISTS (SELECT 1 FROM sales_order_item WHERE order_id = ? AND status_id <> 'ITEM_CANCELLED')`,
    [orderId, orderId],
  );
  await queuePromisePurge(manager, [item.productId]);
  return (await findPreOrderItem(manager, orderId, seqId))!;
}

/**
 * Clears a promise an untied item carries (one set by hand while it waited, or kept after a release
 * to fulfilment): REPROMISE to no date in the history, and a feed row, so the customer is told.
 */
async function withdrawPromise(manager: EntityManager, item: LockedSalesItem, actor: string | null, reason: string): Promise<void> {
  const changed = await execute(manager, "UPDATE sales_order_item SET promised_datetime = NULL WHERE so_item_id = ? AND promised_datetime = ?", [item.id, sqlDate(item.promiseDate!)]);
  if (changed !== 1) throw new RetryableConflict("A pre-order item's promise date changed while cancelling it");
  const poItem = item.poItemId === null ? undefined : (await peekSalesOrderItemTie(manager, item.poItemId));
  await recordEvents(manager, [{
    type: "REPROMISE", at: clock.now(), actor, reason, runId: null, salesOrderItemId: item.id, orderId: item.orderId, orderItemSeqId: item.orderItemSeqId,
    poItemId: item.poItemId, purchaseOrderId: poItem?.orderId ?? null, poItemSeqId: poItem?.seqId ?? null,
    quantity: item.quantity, oldPromiseDate: item.promiseDate, newPromiseDate: null,
  }]);
}

/** The PO id and item seq id of a PO item, for the history. */
async function peekSalesOrderItemTie(manager: EntityManager, poItemId: number): Promise<{ orderId: string; seqId: string } | undefined> {
  const [row] = await manager.query("SELECT order_id, order_item_seq_id FROM purchase_order_item WHERE po_item_id = ?", [poItemId]);
  return row && { orderId: String(row.order_id), seqId: String(row.order_item_seq_id) };
}

/** "Remove Allocation": unties one pre-order item; it loses PO and promise date and waits again. */
export async function releaseAllocation(manager: EntityManager, orderId: string, seqId: string, actor: string | null): Promise<PreOrderItemView> {
  checkIds({ orderId, seqId });
  const { item, poItem } = await lockItemAndItsTie(manager, orderId, seqId);
  if (!poItem) throw invalidState(`Pre-order item ${orderId}/${seqId} is not tied to a purchase order`);
  await releaseTies(manager, [item as TiedItem], [poItem], { at: clock.now(), actor, reason: "Allocation removed by hand" });
  await queuePromisePurge(manager, [poItem.productId]);
  return (await findPreOrderItem(manager, orderId, seqId))!;
}

/**
 * Ties one chosen waiting pre-order item to one chosen PO item, with the bulk run's guards: the
 * PO item is allocatable (rule 2), the item is waiting in pre-order parking (rule 3), the
 * products match and the PO ATP covers the whole quantity (rule 5). First in, first out does
 * not apply: a person chose this line. Without a PO item seq id, the PO's item of that product
 * that the preference order offers first (rule 5) and whose ATP covers the item is taken.
 */
export async function allocatePreOrderItem(
  manager: EntityManager, orderId: string, seqId: string, purchaseOrderId: string, purchaseOrderItemSeqId: string | null | undefined, actor: string | null,
): Promise<PreOrderItemView> {
  checkIds({ orderId, seqId, purchaseOrderId, ...(purchaseOrderItemSeqId == null ? {} : { purchaseOrderItemSeqId }) });
  const po = await lockPurchaseOrder(manager, purchaseOrderId, purchaseOrderItemSeqId ?? undefined);
  requireOpenPurchaseOrder(po, "allocated to");
  const item = await lockSalesOrderItem(manager, orderId, seqId, WAITING_PRE_ORDER_SQL);
  if (!item) throw notFound(`No pre-order item ${orderId}/${seqId}`);
  const today = startOfTodayUtc();
  const poItem = purchaseOrderItemSeqId == null ? preferredPoItem(po, item.productId, item.quantity, today) : po.items[0];
  const where = `PO item ${purchaseOrderId}/${poItem.orderItemSeqId}`;
  if (!isAllocatable(poItem, today)) {
    const why = !isOpenItem(poItem.statusId) ? `is ${statusOf(poItem.statusId).toLowerCase()}`
      : poItem.estimatedDeliveryDate ? "is overdue: give it a new arrival date first" : "has no arrival date";
    throw invalidState(`${where} ${why}`);
  }
  if (!item.waiting) throw invalidState(`Pre-order item ${orderId}/${seqId} ${notWaitingReason(item)}`);
  if (item.productId !== poItem.productId) throw badInput(`Pre-order item ${orderId}/${seqId} is for another product than ${where}`);
  if (!pickPoItem([poItem], item.quantity)) {
    throw insufficientAtp(`${where} has ${availableToPromise(poItem)} units available to promise; pre-order item ${orderId}/${seqId} needs ${item.quantity}`);
  }

  const at = clock.now();
  await claimWaitingItems(manager, [{ salesOrderItemId: item.id, poItemId: poItem.id, promiseDate: promiseDateOf(poItem)! }]);
  await raiseAllocated(manager, new Map([[poItem.id, item.quantity]]));
  await recordEvents(manager, [{
    type: "ALLOCATE", at, actor, reason: "Allocated by hand", runId: null, salesOrderItemId: item.id, orderId, orderItemSeqId: seqId,
    poItemId: poItem.id, purchaseOrderId, poItemSeqId: poItem.orderItemSeqId, quantity: item.quantity,
    oldPromiseDate: null, newPromiseDate: promiseDateOf(poItem),
  }]);
  await queuePromisePurge(manager, [poItem.productId]);
  return (await findPreOrderItem(manager, orderId, seqId))!;
}

/**
 * The PO's item of a product for a manual tie without a seq id: the first in the preference order
 * among the allocatable ones whose ATP covers `quantity`, else the first allocatable one, else any
 * item of the product (the caller's checks then say what is wrong with it).
 */
function preferredPoItem(po: LockedPurchaseOrder, productId: number, quantity: number, today: Date): PoItemForRules {
  const ofProduct = po.items.filter((p) => p.productId === productId);
  const allocatable = ofProduct.filter((p) => isAllocatable(p, today)).sort(byPreference);
  const chosen = pickPoItem(allocatable, quantity) ?? allocatable[0] ?? ofProduct[0];
  if (!chosen) throw badInput(`Purchase order ${po.orderId} has no item of the product of this pre-order item`);
  return chosen;
}

/**
 * Locks a sales order item and, first (lock order), the PO item it is tied to. A tie that
 * changed between the unlocked peek and the lock makes the whole unit of work start over.
 */
async function lockItemAndItsTie(manager: EntityManager, orderId: string, seqId: string): Promise<{ item: LockedSalesItem; poItem: PoItemForRules | null }> {
  const peek = await peekSalesOrderItem(manager, orderId, seqId);
  if (!peek) throw notFound(`No pre-order item ${orderId}/${seqId}`);
  const poItem = peek.poOrderId ? (await lockPurchaseOrder(manager, peek.poOrderId, peek.poItemSeqId!)).items[0] : null;
  const item = await lockSalesOrderItem(manager, orderId, seqId, WAITING_PRE_ORDER_SQL);
  if (!item) throw notFound(`No pre-order item ${orderId}/${seqId}`);
  if ((holdsTie(item) ? item.poItemId : null) !== (poItem?.id ?? null)) throw new RetryableConflict("A pre-order item's tie changed while locking it");
  return { item, poItem };
}

function notWaitingReason(item: LockedSalesItem): string {
  if (item.poItemId !== null) return "is already tied to a purchase order; remove that allocation first";
  if (!isOpenItem(item.statusId)) return `is ${statusOf(item.statusId).toLowerCase()}`;
  if (!isOpenOrder(item.headerStatusId)) return `belongs to an order that is ${statusOf(item.headerStatusId).toLowerCase()}`;
  if (item.facilityId !== PRE_ORDER_PARKING) return `waits in ${item.facilityId}, not in ${PRE_ORDER_PARKING}`;
  return "already has a promise date";
}
