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
  await giveBackUnits(manager, [...deltas.keys()].map((id) => byId.get(id)!), deltas);
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
 * Ties give `deltas` units back to their PO items (by id): allocated goes down, and received units
 * held for tied pre-orders that no longer need them (a tie released, cancelled or sent to fulfilment
 * by hand) become the product's inventory in the same statement, so held never exceeds what stays
 * tied (the CHECK ck_po_item_received holds row by row). `poItems` are locked by the caller; their
 * allocated and held quantities are lowered in place. The product row is the last lock taken
 * (src/db/locks.ts).
 */
export async function giveBackUnits(manager: EntityManager, poItems: PoItemForRules[], deltas: Map<number, number>): Promise<void> {
  const plain = new Map<number, number>();
  for (const item of poItems) {
    const delta = deltas.get(item.id);
    if (delta === undefined) continue;
    const excess = item.heldQuantity - Math.min(item.heldQuantity, item.allocatedQuantity - delta);
    if (excess <= 0) {
      plain.set(item.id, delta);
    } else {
      const changed = await execute(
        manager,
        "UPDATE purchase_order_item SET held_quantity = held_quantity - ?, allocated_quantity = allocated_quantity - ? WHERE po_item_id = ? AND held_quantity = ? AND allocated_quantity = ?",
        [excess, delta, item.id, item.heldQuantity, item.allocatedQuantity],
      );
      if (changed !== 1) throw new RetryableConflict("A PO item's allocated or held units changed meanwhile");
      await execute(manager, "UPDATE product SET inventory_available = inventory_available + ? WHERE product_id = ?", [excess, item.productId]);
      item.heldQuantity -= excess;
    }
    item.allocatedQuantity -= delta;
  }
  await lowerAllocated(manager, plain);
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
