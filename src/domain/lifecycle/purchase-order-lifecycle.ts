import { EntityManager } from "typeorm";
import { LockedPurchaseOrder, execute, lockPurchaseOrder, lockTiedItems, placeholders, sqlDate } from "../../db";
import { ItemStatusId, OrderHeaderEntity, OrderStatusId, PurchaseOrderItemEntity } from "../../entities";
import { RetryableConflict, badInput, invalidState } from "../../errors";
import { PoItemForRules, promiseDateOf, releaseTies, repromiseItems, tiesBeyond } from "../allocation";
import {
  OPEN_ITEMS_SQL, OPEN_ORDERS_SQL, Problems, checkIds, clock, isOpenItem, requireOpenPurchaseOrder, startOfTodayUtc, statusOf,
} from "../core";
import { queuePromisePurge } from "../edge";
import { AllocationEventRow, recordEvents } from "../history";

/**
 * What happens to a PO after allocation: its items change, it is cancelled, or its stock arrives.
 * Each function runs inside the caller's transaction, locks the PO header and then its items
 * (see src/db/locks.ts), checks everything before the first write, and keeps the invariants of
 * allocation: for every PO item, allocated <= quantity - orderBuffer and allocated = the sum of
 * the quantities of the pre-orders tied to it, and every tied pre-order is promised its PO
 * item's arrival date plus its buffer days. Every promise date set, changed or cleared goes to the history and the
 * promise-date feed (recordEvents).
 */

/** Fields left out (or null, for the numbers) stay as they are. */
export interface PurchaseOrderItemUpdate {
  arrivalDate?: Date | null;
  quantity?: number | null;
  orderBuffer?: number | null;
  bufferDays?: number | null;
}

const isOpen = (item: PoItemForRules): boolean => isOpenItem(item.statusId);
const sameTime = (a: Date | null, b: Date | null): boolean => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Changes one PO item. A new arrival date or new buffer days move the promise (arrival date plus
 * buffer days) of every pre-order tied to it: each is re-promised (REPROMISE, feed row). A
 * quantity cut or a larger order buffer that leaves less than is allocated releases ties, newest
 * order first, until allocated <= quantity - orderBuffer (RELEASE); those pre-orders wait again.
 * Raising the quantity ties nothing: that is what Allocate Sales Orders is for.
 */
export async function updatePurchaseOrderItem(
  manager: EntityManager, purchaseOrderId: string, seqId: string, input: PurchaseOrderItemUpdate, actor: string | null,
): Promise<PurchaseOrderItemEntity> {
  checkIds({ purchaseOrderId, seqId });
  checkUpdate(input);
  const po = await lockPurchaseOrder(manager, purchaseOrderId, seqId);
  requireOpenPurchaseOrder(po, "changed");
  const item = requireOpenItem(po, "change");
  const quantity = input.quantity ?? item.quantity;
  const orderBuffer = input.orderBuffer ?? item.orderBuffer;
  if (orderBuffer > quantity) throw badInput(`orderBuffer (${orderBuffer}) must not exceed quantity (${quantity})`);
  if (quantity < item.receivedQuantity) throw badInput(`quantity (${quantity}) must not be less than the ${item.receivedQuantity} units already received`);
  const arrivalDate = input.arrivalDate ?? item.estimatedDeliveryDate;
  const promiseDate = promiseDateOf({ estimatedDeliveryDate: arrivalDate, bufferDays: input.bufferDays ?? item.bufferDays });
  const at = clock.now();

  const tied = await lockTiedItems(manager, [item.id]);
  // What the ties may hold: never past quantity - orderBuffer, and never more than the units still
  // to come plus the received units held for them (docs/domain.md#receiving-and-release).
  const capacity = Math.min(quantity - orderBuffer, quantity - item.receivedQuantity + item.heldQuantity);
  const released = tiesBeyond(tied, item.allocatedQuantity, capacity);
  await releaseTies(manager, released, [item], {
    at, actor, reason: `PO ${purchaseOrderId}/${seqId} cut to ${capacity} promisable units (quantity ${quantity}, order buffer ${orderBuffer})`,
  });
  const changed = await execute(
    manager,
    `UPDATE purchase_order_item SET quantity = ?, order_buffer = ?, buffer_days = COALESCE(?, buffer_days), estimated_delivery_date = ?
     WHERE po_item_id = ? AND status_id IN (${OPEN_ITEMS_SQL})`,
    [quantity, orderBuffer, input.bufferDays ?? null, arrivalDate && sqlDate(arrivalDate), item.id],
  );
  if (changed !== 1) throw new RetryableConflict("A PO item changed while updating it");
  await queuePromisePurge(manager, [item.productId]);

  if (promiseDate && !sameTime(promiseDate, promiseDateOf(item))) {
    const moved = tied.filter((t) => !released.includes(t) && !sameTime(t.promiseDate, promiseDate));
    const changes = [!sameTime(arrivalDate, item.estimatedDeliveryDate) && "arrival date", input.bufferDays != null && input.bufferDays !== item.bufferDays && "buffer days"];
    const what = changes.filter(Boolean).join(" and ").replace(/^./, (c) => c.toUpperCase());
    await repromiseItems(manager, item.id, promiseDate, moved.length);
    await recordEvents(manager, moved.map((t): AllocationEventRow => ({
      type: "REPROMISE", at, actor, reason: `${what} of PO ${purchaseOrderId}/${seqId} changed`, runId: null,
      salesOrderItemId: t.id, orderId: t.orderId, orderItemSeqId: t.orderItemSeqId, poItemId: item.id, purchaseOrderId,
      poItemSeqId: seqId, quantity: t.quantity, oldPromiseDate: t.promiseDate, newPromiseDate: promiseDate,
    })));
  }
  return manager.getRepository(PurchaseOrderItemEntity).findOneByOrFail({ id: item.id });
}

/**
 * Cancels a PO: its open items are cancelled and every tie to them released; those pre-orders
 * wait again. A PO already cancelled is answered as it is and nothing is recorded; a completed
 * one is INVALID_STATE.
 */
export async function cancelPurchaseOrder(manager: EntityManager, purchaseOrderId: string, actor: string | null): Promise<OrderHeaderEntity> {
  checkIds({ id: purchaseOrderId });
  const po = await lockPurchaseOrder(manager, purchaseOrderId);
  if (po.statusId === "ORDER_CANCELLED") return manager.getRepository(OrderHeaderEntity).findOneByOrFail({ orderId: purchaseOrderId });
  requireOpenPurchaseOrder(po, "cancelled");
  const open = po.items.filter(isOpen);
  await releaseTies(manager, await lockTiedItems(manager, open.map((i) => i.id)), open, {
    at: clock.now(), actor, reason: `Purchase order ${purchaseOrderId} cancelled`,
  });
  await setItemStatus(manager, open, "ITEM_CANCELLED");
  await setHeaderStatus(manager, purchaseOrderId, "ORDER_CANCELLED");
  await queuePromisePurge(manager, open.map((i) => i.productId));
  return manager.getRepository(OrderHeaderEntity).findOneByOrFail({ orderId: purchaseOrderId });
}

/**
 * Cancels one PO item and releases every tie to it. When that leaves every item of the PO
 * cancelled, the PO is cancelled too. An item already cancelled (its PO's state aside) is
 * answered as it is and nothing is recorded.
 */
export async function cancelPurchaseOrderItem(manager: EntityManager, purchaseOrderId: string, seqId: string, actor: string | null): Promise<PurchaseOrderItemEntity> {
  checkIds({ purchaseOrderId, seqId });
  const po = await lockPurchaseOrder(manager, purchaseOrderId, seqId);
  if (po.items[0].statusId === "ITEM_CANCELLED") return manager.getRepository(PurchaseOrderItemEntity).findOneByOrFail({ id: po.items[0].id });
  requireOpenPurchaseOrder(po, "changed");
  const item = requireOpenItem(po, "cancel");
  await releaseTies(manager, await lockTiedItems(manager, [item.id]), [item], {
    at: clock.now(), actor, reason: `PO item ${purchaseOrderId}/${seqId} cancelled`,
  });
  await setItemStatus(manager, [item], "ITEM_CANCELLED");
  await execute(
    manager,
    `UPDATE order_header SET status_id = 'ORDER_CANCELLED' WHERE order_id = ?
     AND NOT EXISTS (SELECT 1 FROM purchase_order_item WHERE order_id = ? AND status_id <> 'ITEM_CANCELLED')`,
    [purchaseOrderId, purchaseOrderId],
  );
  await queuePromisePurge(manager, [item.productId]);
  return manager.getRepository(PurchaseOrderItemEntity).findOneByOrFail({ id: item.id });
}

/**
 * Completes a PO (its stock was received): the header and its open items become COMPLETED, so it
 * is no longer allocatable and drops out of the PDP. Ties and promise dates stay as they are.
 * A PO already completed is answered as it is; a cancelled one is INVALID_STATE.
 */
export async function completePurchaseOrder(manager: EntityManager, purchaseOrderId: string): Promise<OrderHeaderEntity> {
  checkIds({ id: purchaseOrderId });
  const po = await lockPurchaseOrder(manager, purchaseOrderId);
  if (po.statusId === "ORDER_COMPLETED") return manager.getRepository(OrderHeaderEntity).findOneByOrFail({ orderId: purchaseOrderId });
  requireOpenPurchaseOrder(po, "completed");
  await setItemStatus(manager, po.items.filter(isOpen), "ITEM_COMPLETED");
  await setHeaderStatus(manager, purchaseOrderId, "ORDER_COMPLETED");
  await queuePromisePurge(manager, po.items.filter(isOpen).map((i) => i.productId));
  return manager.getRepository(OrderHeaderEntity).findOneByOrFail({ orderId: purchaseOrderId });
}

function checkUpdate(input: PurchaseOrderItemUpdate): void {
  const problems = new Problems();
  if (input.quantity != null) problems.quantity("input.quantity", input.quantity);
  if (input.orderBuffer != null) problems.quantity("input.orderBuffer", input.orderBuffer, 0);
  if (input.bufferDays != null) problems.bufferDays("input.bufferDays", input.bufferDays);
  if (input.arrivalDate === null) problems.add("input.arrivalDate cannot be removed once set; give a new date instead");
  if (input.arrivalDate != null) {
    problems.date("input.arrivalDate", input.arrivalDate);
    if (input.arrivalDate.getTime() < startOfTodayUtc().getTime()) problems.add("input.arrivalDate must be today or later");
  }
  problems.throwIfAny("purchase order item change");
}

/** The one locked item, which must still be open. */
function requireOpenItem(po: LockedPurchaseOrder, action: string): PoItemForRules {
  const item = po.items[0];
  if (!isOpen(item)) {
    throw invalidState(`Cannot ${action} PO item ${po.orderId}/${item.orderItemSeqId}: it is ${statusOf(item.statusId).toLowerCase()}`);
  }
  return item;
}

async function setItemStatus(manager: EntityManager, items: PoItemForRules[], statusId: ItemStatusId): Promise<void> {
  if (items.length === 0) return;
  const changed = await execute(
    manager,
    `UPDATE purchase_order_item SET status_id = ? WHERE po_item_id IN (${placeholders(items.length)}) AND status_id IN (${OPEN_ITEMS_SQL})`,
    [statusId, ...items.map((i) => i.id)],
  );
  if (changed !== items.length) throw new RetryableConflict("A PO item's status changed meanwhile");
}

async function setHeaderStatus(manager: EntityManager, orderId: string, statusId: OrderStatusId): Promise<void> {
  const changed = await execute(manager, `UPDATE order_header SET status_id = ? WHERE order_id = ? AND status_id IN (${OPEN_ORDERS_SQL})`, [statusId, orderId]);
  if (changed !== 1) throw new RetryableConflict("A PO's status changed meanwhile");
}
