import { EntityManager } from "typeorm";
import { TiedItem, execute } from "../../db";
import { RetryableConflict } from "../../errors";
import { AllocationEventRow, recordEvents } from "../history";
import { PoItemForRules } from "./rules";
import { lowerAllocated, untieItems } from "./ties";

/** Who changed a tie, when and why: what the history records with each event. */
export interface Why {
  at: Date;
  actor: string | null;
  reason: string;
}

/**
 * Releases ties, set-based: each pre-order item loses its PO and promise date and waits in
 * parking again, each PO item gets the units back (PO ATP rises), and the history (RELEASE) and
 * the promise-date feed record every one. `tied` and `poItems` must be locked by the caller;
 * `poItems` gets its allocated quantities lowered in place so the caller can answer from it.
 */
export async function releaseTies(manager: EntityManager, tied: TiedItem[], poItems: PoItemForRules[], why: Why): Promise<void> {
  if (tied.length === 0) return;
  const byId = new Map(poItems.map((p) => [p.id, p]));
  await untieItems(manager, tied.map((t) => ({ salesOrderItemId: t.id, poItemId: t.poItemId })));
  const deltas = new Map<number, number>();
  for (const t of tied) deltas.set(t.poItemId, (deltas.get(t.poItemId) ?? 0) + t.quantity);
  await lowerAllocated(manager, deltas);
  for (const [id, delta] of deltas) byId.get(id)!.allocatedQuantity -= delta;
  await settleHeldUnits(manager, [...deltas.keys()].map((id) => byId.get(id)!));
  await recordEvents(manager, tied.map((t): AllocationEventRow => {
    const poItem = byId.get(t.poItemId)!;
    return {
      type: "RELEASE", at: why.at, actor: why.actor, reason: why.reason, runId: null, salesOrderItemId: t.id, orderId: t.orderId,
      orderItemSeqId: t.orderItemSeqId, poItemId: poItem.id, purchaseOrderId: poItem.orderId, poItemSeqId: poItem.orderItemSeqId,
      quantity: t.quantity, oldPromiseDate: t.promiseDate, newPromiseDate: null,
    };
  }));
}

/**
 * Received units held for tied pre-orders that no longer need them (a tie released, cancelled or
 * sent to fulfilment by hand) become the product's inventory: held never exceeds what is still
 * tied. `poItems` are locked by the caller, with their allocated quantities already lowered; their
 * held quantities are lowered in place. The product row is the last lock taken (src/db/locks.ts).
 */
export async function settleHeldUnits(manager: EntityManager, poItems: PoItemForRules[]): Promise<void> {
  for (const item of poItems) {
    const excess = item.heldQuantity - Math.min(item.heldQuantity, item.allocatedQuantity);
    if (excess <= 0) continue;
    const changed = await execute(
      manager, "UPDATE purchase_order_item SET held_quantity = held_quantity - ? WHERE po_item_id = ? AND held_quantity = ?", [excess, item.id, item.heldQuantity],
    );
    if (changed !== 1) throw new RetryableConflict("A PO item's held units changed meanwhile");
    await execute(manager, "UPDATE product SET inventory_available = inventory_available + ? WHERE product_id = ?", [excess, item.productId]);
    item.heldQuantity -= excess;
  }
}

/**
 * The newest ties (the list is newest order first) whose release brings `allocated` down to
 * `capacity` or below: a quantity cut releases whole pre-order items, newest first, and no more.
 */
export function tiesBeyond(tied: TiedItem[], allocated: number, capacity: number): TiedItem[] {
  const released: TiedItem[] = [];
  for (const t of tied) {
    if (allocated <= capacity) break;
    released.push(t);
    allocated -= t.quantity;
  }
  return released;
}
