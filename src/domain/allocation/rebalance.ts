import { EntityManager } from "typeorm";
import { HOLDS_TIE_SQL, TiedItem, WaitingRow, chunk, lockPoItems, lockTiedItems, placeholders, salesItemColumns, toSalesItemRow } from "../../db";
import { badInput, notFound } from "../../errors";
import { LIMITS, checkIds, clock, compareBytes, isOpenOrder, requireOpenPurchaseOrder, startOfTodayUtc } from "../core";
import { queuePromisePurge } from "../edge";
import { AllocationEventRow, recordEvents } from "../history";
import { Allocation, waitingPages } from "./allocate-sales-orders";
import { giveBackUnits } from "./release-ties";
import { PoItemForRules, byPreference, isAllocatable, pickPoItem, planAllocation, promiseDateOf } from "./rules";
import { claimWaitingItems, moveTiedItems, raiseAllocated } from "./ties";
import { PoItemWithHeader, poItemsOfProducts } from "./waiting-reason";

/**
 * "Adjust ATP on early PO" (docs/domain.md#moving-pre-orders-to-an-earlier-po): for each product
 * concerned, oldest first, a tied pre-order moves whole to a PO item that can be promised, has the
 * ATP for it and arrives and promises earlier (isEarlier); the later item gets its units back, and the waiting
 * pre-orders that now fit are tied as Allocate Sales Orders ties them (planAllocation).
 */

export interface PlannedMove {
  item: TiedItem;
  from: PoItemForRules;
  to: PoItemForRules;
}

export interface PreOrderMoveView {
  salesOrderItemId: number;
  orderId: string;
  seqId: string;
  quantity: number;
  fromPurchaseOrderId: string;
  fromPurchaseOrderItemSeqId: string;
  toPurchaseOrderId: string;
  toPurchaseOrderItemSeqId: string;
  oldPromiseDate: Date;
  newPromiseDate: Date;
}

export interface RebalanceResult {
  dryRun: boolean;
  moves: PreOrderMoveView[];
  allocations: Allocation[];
}

export interface RebalanceTarget {
  sku?: string | null;
  purchaseOrderId?: string | null;
}

const oldestFirst = (a: WaitingRow, b: WaitingRow): number =>
  (a.orderDate.getTime() - b.orderDate.getTime()) || compareBytes(a.orderId, b.orderId) || compareBytes(a.orderItemSeqId, b.orderItemSeqId);

const time = (d: Date | null): number => (d ? d.getTime() : Infinity);

/**
 * Whether moving to `to` gets a pre-order its stock earlier: `to` arrives strictly earlier AND
 * promises a strictly earlier day (with its buffer days) than `from`; an undated `from` is latest.
 * Both, so a move never trades an earlier arrival for a later promise, and never undoes the
 * preference order (earliest arrival) that ties waiting pre-orders.
 */
export const isEarlier = (to: PoItemForRules, from: PoItemForRules): boolean =>
  time(to.estimatedDeliveryDate) < time(from.estimatedDeliveryDate) && time(promiseDateOf(to)) < time(promiseDateOf(from));

/** The PO items a pre-order may be promised from: open item on an open PO, arriving today or later (rule 2), in preference order. */
export const promisableItems = <P extends PoItemWithHeader>(items: P[], today: Date): P[] =>
  items.filter((p) => isOpenOrder(p.headerStatusId) && isAllocatable(p, today)).sort(byPreference);

/**
 * The moves, in memory: `items` are every PO item of the products (copies, whose allocated
 * quantities it changes as units move), `tied` the pre-orders holding units of them. Oldest first,
 * each moves to the first promisable item (preference order) that isEarlier than its own and
 * covers its quantity; passes repeat until none moves, since a newer pre-order's move frees units
 * an older one may fit in. Every move makes a promise strictly earlier, so it ends. A pre-order
 * whose PO item has started to arrive (received units) stays: its stock is here.
 */
export function planRebalance(tied: TiedItem[], items: PoItemWithHeader[], today: Date): PlannedMove[] {
  const byId = new Map(items.map((p) => [p.id, p]));
  const candidates = new Map<number, PoItemWithHeader[]>();
  for (const p of promisableItems(items, today)) candidates.set(p.productId, [...(candidates.get(p.productId) ?? []), p]);
  const movable = tied.filter((t) => byId.get(t.poItemId)!.receivedQuantity === 0).sort(oldestFirst);
  const at = new Map(movable.map((t) => [t.id, byId.get(t.poItemId)!]));
  for (let moved = true; moved;) {
    moved = false;
    for (const t of movable) {
      const from = at.get(t.id)!;
      const earlier = (candidates.get(t.productId) ?? []).filter((p) => isEarlier(p, from));
      const to = pickPoItem(earlier, t.quantity);
      if (!to) continue;
      to.allocatedQuantity += t.quantity;
      from.allocatedQuantity -= t.quantity;
      at.set(t.id, to);
      moved = true;
    }
  }
  return movable.filter((t) => at.get(t.id)!.id !== t.poItemId).map((t) => ({ item: t, from: byId.get(t.poItemId)!, to: at.get(t.id)! }));
}

/**
 * Rebalances the products of one PO, or one product, inside the caller's unit of work (a dry run is
 * the same call in a unit of work that is rolled back). Locks every PO item of the products in id
 * order, then the pre-orders holding units of them (src/db/locks.ts order; no PO header is locked:
 * the items' statuses are read under their locks, the headers' after them), plans in memory, then
 * writes with the guarded, row-counted updates of Allocate Sales Orders.
 */
export async function rebalancePromises(manager: EntityManager, target: RebalanceTarget, actor: string | null, dryRun = false): Promise<RebalanceResult> {
  const { sku, purchaseOrderId } = target;
  if ((sku == null) === (purchaseOrderId == null)) throw badInput("Give exactly one of sku and purchaseOrderId");
  if (purchaseOrderId != null) checkIds({ purchaseOrderId });
  if (sku != null && (sku.length === 0 || sku.length > LIMITS.id)) throw badInput(`sku must be 1 to ${LIMITS.id} characters`);
  const at = clock.now();
  const today = startOfTodayUtc();

  let productIds: number[];
  if (sku != null) {
    const [product] = await manager.query("SELECT product_id FROM product WHERE sku = ?", [sku]);
    if (!product) throw notFound(`No product with SKU ${sku}`);
    productIds = [Number(product.product_id)];
  } else {
    const [header] = await manager.query("SELECT order_type_id FROM order_header WHERE order_id = ?", [purchaseOrderId]);
    if (!header || header.order_type_id !== "PURCHASE_ORDER") throw notFound(`No purchase order with id ${purchaseOrderId}`);
    const rows: { product_id: number }[] = await manager.query("SELECT DISTINCT product_id FROM purchase_order_item WHERE order_id = ?", [purchaseOrderId]);
    productIds = rows.map((r) => Number(r.product_id));
  }

  const ids: { po_item_id: number }[] = productIds.length
    ? await manager.query(`SELECT po_item_id FROM purchase_order_item WHERE product_id IN (${placeholders(productIds.length)})`, productIds)
    : [];
  const locked = await lockPoItems(manager, ids.map((r) => Number(r.po_item_id)));
  const orderIds = [...new Set(locked.map((p) => p.orderId))];
  const headerRows: { order_id: string; status_id: string }[] = orderIds.length
    ? await manager.query(`SELECT order_id, status_id FROM order_header WHERE order_id IN (${placeholders(orderIds.length)})`, orderIds)
    : [];
  const headerStatus = new Map(headerRows.map((h) => [String(h.order_id), String(h.status_id)]));
  if (purchaseOrderId != null) {
    const status = headerStatus.get(purchaseOrderId) ??
      String((await manager.query("SELECT status_id FROM order_header WHERE order_id = ?", [purchaseOrderId]))[0].status_id);
    requireOpenPurchaseOrder({ orderId: purchaseOrderId, statusId: status, items: [] }, "rebalanced", "PO_NOT_ALLOCATABLE");
  }
  const items: PoItemWithHeader[] = locked.map((p) => ({ ...p, headerStatusId: headerStatus.get(p.orderId)! }));
  const tied = await lockTiedItems(manager, items.map((p) => p.id));

  const moves = planRebalance(tied, items, today);
  const plan = { ties: [] as { item: WaitingRow; poItem: PoItemWithHeader }[], skipped: [] as { item: WaitingRow; reason: "INSUFFICIENT_ATP" | "NO_ARRIVAL_DATE" }[] };
  const promisable = promisableItems(items, today);
  for await (const page of waitingPages(manager, productIds)) planAllocation(page, promisable, today, plan);
  plan.ties.sort((a, b) => oldestFirst(a.item, b.item));

  await moveTiedItems(manager, moves.map((m) => ({ salesOrderItemId: m.item.id, fromPoItemId: m.from.id, toPoItemId: m.to.id, promiseDate: promiseDateOf(m.to)! })));
  const lower = new Map<number, number>();
  const raise = new Map<number, number>();
  for (const m of moves) lower.set(m.from.id, (lower.get(m.from.id) ?? 0) + m.item.quantity);
  for (const m of moves) raise.set(m.to.id, (raise.get(m.to.id) ?? 0) + m.item.quantity);
  for (const t of plan.ties) raise.set(t.poItem.id, (raise.get(t.poItem.id) ?? 0) + t.item.quantity);
  // giveBackUnits needs the locked numbers, not the plan's.
  await giveBackUnits(manager, locked.filter((p) => lower.has(p.id)), lower);
  await raiseAllocated(manager, raise);
  await claimWaitingItems(manager, plan.ties.map(({ item, poItem }) => ({ salesOrderItemId: item.id, poItemId: poItem.id, promiseDate: promiseDateOf(poItem)! })));

  // The products whose PO ATP changed: their cached product page promises must go (issue 17's outbox).
  await queuePromisePurge(manager, [...moves.map((m) => m.item.productId), ...plan.ties.map((t) => t.item.productId)]);

  const moved = moves.sort((a, b) => oldestFirst(a.item, b.item)).map((m): PreOrderMoveView => ({
    salesOrderItemId: m.item.id, orderId: m.item.orderId, seqId: m.item.orderItemSeqId, quantity: m.item.quantity,
    fromPurchaseOrderId: m.from.orderId, fromPurchaseOrderItemSeqId: m.from.orderItemSeqId,
    toPurchaseOrderId: m.to.orderId, toPurchaseOrderItemSeqId: m.to.orderItemSeqId,
    oldPromiseDate: m.item.promiseDate ?? promiseDateOf(m.from)!, newPromiseDate: promiseDateOf(m.to)!,
  }));
  await recordEvents(manager, [
    ...moved.map((m, i): AllocationEventRow => ({
      type: "MOVE", at, actor, reason: `Rebalance promises: moved from ${m.fromPurchaseOrderId}/${m.fromPurchaseOrderItemSeqId} to ${m.toPurchaseOrderId}/${m.toPurchaseOrderItemSeqId}`,
      runId: null, salesOrderItemId: m.salesOrderItemId, orderId: m.orderId, orderItemSeqId: m.seqId, poItemId: moves[i].to.id,
      purchaseOrderId: m.toPurchaseOrderId, poItemSeqId: m.toPurchaseOrderItemSeqId, quantity: m.quantity, oldPromiseDate: m.oldPromiseDate, newPromiseDate: m.newPromiseDate,
    })),
    ...plan.ties.map(({ item, poItem }): AllocationEventRow => ({
      type: "ALLOCATE", at, actor, reason: "Rebalance promises", runId: null, salesOrderItemId: item.id, orderId: item.orderId,
      orderItemSeqId: item.orderItemSeqId, poItemId: poItem.id, purchaseOrderId: poItem.orderId, poItemSeqId: poItem.orderItemSeqId,
      quantity: item.quantity, oldPromiseDate: null, newPromiseDate: promiseDateOf(poItem),
    })),
  ]);
  return {
    dryRun,
    moves: moved,
    allocations: plan.ties.map(({ item, poItem }) => ({
      salesOrderItemId: item.id, orderId: item.orderId, seqId: item.orderItemSeqId, quantity: item.quantity,
      purchaseOrderId: poItem.orderId, purchaseOrderItemSeqId: poItem.orderItemSeqId, promiseDate: promiseDateOf(poItem)!,
    })),
  };
}

/**
 * For each PO: how many tied pre-orders of its products a rebalance would move to it now. The same
 * planning as the run and the dry run (planRebalance), over what is committed, unlocked: a few
 * statements for any number of POs (the request's DataLoader batches them).
 */
export async function rebalanceCandidateCounts(manager: EntityManager, purchaseOrderIds: readonly string[], today: Date = startOfTodayUtc()): Promise<number[]> {
  if (purchaseOrderIds.length === 0) return [];
  const pairs: { product_id: number }[] = await manager.query(
    `SELECT DISTINCT product_id FROM purchase_order_item WHERE order_id IN (${placeholders(purchaseOrderIds.length)})`, [...purchaseOrderIds],
  );
  const productIds = pairs.map((p) => Number(p.product_id));
  const items = (await poItemsOfProducts(manager, productIds)).flat();
  const tied: TiedItem[] = [];
  for (const part of chunk(items.map((p) => p.id), 1000)) {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${salesItemColumns("s")} FROM sales_order_item s WHERE s.po_item_id IN (${placeholders(part.length)}) AND ${HOLDS_TIE_SQL("s")}`, part,
    );
    tied.push(...rows.map((r) => toSalesItemRow(r) as TiedItem));
  }
  const counts = new Map<string, number>();
  for (const move of planRebalance(tied, items, today)) counts.set(move.to.orderId, (counts.get(move.to.orderId) ?? 0) + 1);
  return purchaseOrderIds.map((id) => counts.get(id) ?? 0);
}
