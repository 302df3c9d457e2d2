import { EntityManager } from "typeorm";
import { TiedItem, execute, lockPurchaseOrder, lockTiedItems, placeholders } from "../../db";
import { PurchaseOrderItemEntity } from "../../entities";
import { RetryableConflict, badInput, invalidState } from "../../errors";
import { PoItemForRules } from "../allocation";
import { OPEN_ITEMS_SQL, OPEN_ORDERS_SQL, PRE_ORDER_PARKING, Problems, clock, isOpenItem, isOpenOrder, statusOf } from "../core";
import { queuePromisePurge } from "../edge";
import { AllocationEventRow, recordEvents } from "../history";
import { PreOrderItemView, preOrderItemsById } from "../orders";

/** What one receipt did. */
export interface Receipt {
  purchaseOrderItem: PurchaseOrderItemEntity;
  /** The pre-order items released to fulfilment, oldest first. */
  released: PreOrderItemView[];
  /** Units that became the product's inventoryAvailable. */
  addedToInventory: number;
}

/** How a receipt splits the units at hand (the units that arrived plus those held from before). */
export interface ReceiptPlan {
  released: TiedItem[];
  held: number;
  addedToInventory: number;
}

/**
 * Splits a receipt (docs/domain.md#receiving-and-release): the units at hand go to the tied
 * pre-orders oldest first, each whole, while they last (first in, first out: a younger order never
 * jumps an older one that does not fit yet); of what is left, the units the still-tied pre-orders
 * need beyond what is still to come are held for them, and the rest is inventory.
 * `tiedOldestFirst` are the items still tied to the PO item; `toCome` the units not received yet
 * after this receipt.
 */
export function planReceipt(tiedOldestFirst: TiedItem[], atHand: number, toCome: number): ReceiptPlan {
  const released: TiedItem[] = [];
  let units = atHand;
  for (const item of tiedOldestFirst) {
    if (item.quantity > units) break;
    released.push(item);
    units -= item.quantity;
  }
  const stillTied = tiedOldestFirst.slice(released.length).reduce((sum, t) => sum + t.quantity, 0);
  const held = Math.min(units, Math.max(0, stillTied - toCome));
  return { released, held, addedToInventory: units - held };
}

/**
 * Receives units of one PO item: they go first to the pre-orders tied to it, oldest first, each
 * whole; those are released to fulfilment (they leave pre-order parking for the PO's facility,
 * keep PO and promise date, FULFILLMENT_RELEASE in the history). The rest becomes the product's
 * inventoryAvailable, except what the still-tied pre-orders need and the units still to come
 * cannot cover (held). The item completes when every unit arrived; the PO with its last open item.
 *
 * Keeps, with the CHECK ck_po_item_received: received <= quantity; held <= received and <= allocated;
 * allocated + received <= quantity + held (the tied pre-orders are covered); every received unit
 * is in exactly one of released pre-orders, held or inventory. Locks: PO header, PO item, tied
 * items, then the product row (src/db/locks.ts).
 */
export async function receivePurchaseOrderItem(
  manager: EntityManager, purchaseOrderId: string, seqId: string, quantity: number, actor: string | null,
): Promise<Receipt> {
  const problems = new Problems();
  problems.text("purchaseOrderId", purchaseOrderId);
  problems.text("seqId", seqId);
  problems.quantity("quantity", quantity);
  problems.throwIfAny("receipt");
  const po = await lockPurchaseOrder(manager, purchaseOrderId, seqId);
  if (!isOpenOrder(po.statusId)) throw invalidState(`Purchase order ${purchaseOrderId} is ${statusOf(po.statusId).toLowerCase()}; nothing can be received on it`);
  const item = po.items[0];
  const where = `PO item ${purchaseOrderId}/${seqId}`;
  if (!isOpenItem(item.statusId)) throw invalidState(`${where} is ${statusOf(item.statusId).toLowerCase()}; nothing can be received on it`);
  const open = item.quantity - item.receivedQuantity;
  if (quantity > open) {
    throw badInput(`${where} has ${open} of its ${item.quantity} units still to receive; ${quantity} cannot be received`, { stillOpen: open });
  }

  const tied = (await lockTiedItems(manager, [item.id])).reverse();
  const plan = planReceipt(tied, quantity + item.heldQuantity, open - quantity);
  const facilityId = await purchaseOrderFacility(manager, purchaseOrderId);
  const releasedUnits = plan.released.reduce((sum, t) => sum + t.quantity, 0);
  const complete = quantity === open;

  await releaseToFacility(manager, plan.released, facilityId);
  const changed = await execute(
    manager,
    `UPDATE purchase_order_item SET received_quantity = ?, held_quantity = ?, allocated_quantity = ?, released_quantity = released_quantity + ?, status_id = ?
     WHERE po_item_id = ? AND received_quantity = ? AND held_quantity = ? AND allocated_quantity = ? AND status_id IN (${OPEN_ITEMS_SQL})`,
    [item.receivedQuantity + quantity, plan.held, item.allocatedQuantity - releasedUnits, releasedUnits, complete ? "ITEM_COMPLETED" : item.statusId,
      item.id, item.receivedQuantity, item.heldQuantity, item.allocatedQuantity],
  );
  if (changed !== 1) throw new RetryableConflict("A PO item changed while receiving it");
  if (complete) {
    await execute(
      manager,
      `UPDATE order_header SET status_id = 'ORDER_COMPLETED' WHERE order_id = ? AND status_id IN (${OPEN_ORDERS_SQL})
       AND NOT EXISTS (SELECT 1 FROM purchase_order_item WHERE order_id = ? AND status_id IN (${OPEN_ITEMS_SQL}))`,
      [purchaseOrderId, purchaseOrderId],
    );
  }
  if (plan.addedToInventory > 0) {
    await execute(manager, "UPDATE product SET inventory_available = inventory_available + ? WHERE product_id = ?", [plan.addedToInventory, item.productId]);
  }
  await recordEvents(manager, plan.released.map((t) => fulfilmentRelease(t, item, actor, `${quantity} units of PO ${purchaseOrderId}/${seqId} received`)));
  // Inventory and the PO item's open units both feed the PDP promise.
  await queuePromisePurge(manager, [item.productId]);
  return {
    purchaseOrderItem: await manager.getRepository(PurchaseOrderItemEntity).findOneByOrFail({ id: item.id }),
    released: (await preOrderItemsById(manager, plan.released.map((t) => t.id))) as PreOrderItemView[],
    addedToInventory: plan.addedToInventory,
  };
}

/** The warehouse a PO delivers to. */
async function purchaseOrderFacility(manager: EntityManager, purchaseOrderId: string): Promise<string> {
  const [row] = await manager.query("SELECT facility_id FROM order_header WHERE order_id = ?", [purchaseOrderId]);
  return String(row.facility_id);
}

/**
 * Moves locked pre-order items out of parking to `facilityId`, only where each is still open and
 * in parking (a guarded write; fewer rows than asked means someone else changed one: retry).
 */
export async function releaseToFacility(manager: EntityManager, items: { id: number }[], facilityId: string): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((i) => i.id).sort((a, b) => a - b);
  const changed = await execute(
    manager,
    `UPDATE sales_order_item SET facility_id = ? WHERE so_item_id IN (${placeholders(ids.length)}) AND facility_id = '${PRE_ORDER_PARKING}' AND status_id IN (${OPEN_ITEMS_SQL})`,
    [facilityId, ...ids],
  );
  if (changed !== ids.length) throw new RetryableConflict("A pre-order item changed while releasing it to fulfilment");
}

/** The history row of a release to fulfilment: the tie and the promise stay, so old and new dates are the same (no feed row). */
export function fulfilmentRelease(t: TiedItem | (Omit<TiedItem, "poItemId"> & { poItemId: number | null }), poItem: PoItemForRules | null, actor: string | null, reason: string): AllocationEventRow {
  return {
    type: "FULFILLMENT_RELEASE", at: clock.now(), actor, reason, runId: null, salesOrderItemId: t.id, orderId: t.orderId, orderItemSeqId: t.orderItemSeqId,
    poItemId: poItem?.id ?? null, purchaseOrderId: poItem?.orderId ?? null, poItemSeqId: poItem?.orderItemSeqId ?? null,
    quantity: t.quantity, oldPromiseDate: t.promiseDate, newPromiseDate: t.promiseDate,
  };
}
