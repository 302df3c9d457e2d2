import { EntityManager } from "typeorm";
import { lockPoItems, placeholders, poItemColumns, sqlDate, toPoItemRow } from "../../db";
import { OrderHeaderEntity, SalesOrderItemEntity } from "../../entities";
import { DomainError } from "../../errors";
import { ALLOCATABLE_PO_ITEM_SQL, PREFERENCE_ORDER_SQL, PoItemForRules, byPreference, planAllocation, promiseDateOf, raiseAllocated } from "../allocation";
import { PRE_ORDER_PARKING, Problems, clock, startOfTodayUtc } from "../core";
import { queuePromisePurge } from "../edge";
import { AllocationEventRow, recordEvents } from "../history";
import { PreOrderItemView, preOrderItemsOf } from "../orders";
import { productsBySku } from "./products";
import { seqId } from "./purchase-orders";

export interface PreOrderItemInput {
  sku: string;
  quantity: number;
  facilityId?: string | null;
}

export interface PreOrderInput {
  orderId: string;
  orderDate: Date;
  items: PreOrderItemInput[];
}

export interface ImportPreOrderResult {
  created: boolean;
  items: PreOrderItemView[];
}

/** Allocatable PO items of these products, in the rules' order of preference (byPreference decides; the ORDER BY agrees with it). */
export async function allocatablePoItems(manager: EntityManager, productIds: number[]): Promise<PoItemForRules[]> {
  if (productIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${poItemColumns("p")} FROM purchase_order_item p JOIN order_header h ON h.order_id = p.order_id
     WHERE p.product_id IN (${placeholders(productIds.length)}) AND ${ALLOCATABLE_PO_ITEM_SQL}
     ORDER BY ${PREFERENCE_ORDER_SQL}`,
    [...productIds, sqlDate(startOfTodayUtc())],
  );
  return rows.map(toPoItemRow).sort(byPreference);
}

/**
 * The pre-order import path: stores a new sales order and ties each item entering pre-order
 * parking at once to the preferred allocatable PO item whose ATP covers it (the same rules as
 * Allocate Sales Orders, docs/domain.md#pre-order-import), promised that item's arrival date plus
 * its buffer days. An item that fits nowhere waits with neither. The candidate PO items are
 * locked by id before anything is decided (the one lock order, src/db/locks.ts, whatever the
 * order of the cart's lines), so concurrent imports queue instead of deadlocking, and the ATP is
 * then taken with a guarded update: concurrent imports and allocations never promise the same
 * unit twice. The same order id again changes nothing.
 */
export async function importPreOrder(manager: EntityManager, input: PreOrderInput, actor: string | null): Promise<ImportPreOrderResult> {
  checkPreOrder(input);
  const existing = await manager.getRepository(OrderHeaderEntity).findOneBy({ orderId: input.orderId });
  if (existing) return existingOrder(manager, existing);

  const products = await productsBySku(manager, input.items.map((i) => i.sku));
  const now = clock.now();
  const today = startOfTodayUtc();
  const lines = input.items.map((item, index) => ({
    id: index, orderId: input.orderId, orderItemSeqId: seqId(index), productId: products.get(item.sku)!.id, quantity: item.quantity,
    facilityId: item.facilityId ?? PRE_ORDER_PARKING,
  }));
  const parked = lines.filter((line) => line.facilityId === PRE_ORDER_PARKING);
  // Read which PO items could serve, then lock them by id and decide on what the locks hold.
  const candidates = await allocatablePoItems(manager, [...new Set(parked.map((line) => line.productId))]);
  const locked = await lockPoItems(manager, candidates.map((c) => c.id));
  const plan = planAllocation(parked, locked, today);
  const tieOf = new Map(plan.ties.map((t) => [t.item.id, t.poItem]));

  await manager.insert(OrderHeaderEntity, {
    orderId: input.orderId, orderTypeId: "SALES_ORDER", statusId: "ORDER_CREATED", orderDate: input.orderDate, facilityId: null, createdAt: now,
  });
  const deltas = new Map<number, number>();
  for (const { item, poItem } of plan.ties) deltas.set(poItem.id, (deltas.get(poItem.id) ?? 0) + item.quantity);
  await raiseAllocated(manager, deltas);
  await manager.insert(SalesOrderItemEntity, lines.map((line): Partial<SalesOrderItemEntity> => ({
    orderId: input.orderId, orderItemSeqId: line.orderItemSeqId, productId: line.productId, quantity: line.quantity, statusId: "ITEM_CREATED",
    facilityId: line.facilityId, orderDate: input.orderDate, promisedDatetime: tieOf.has(line.id) ? promiseDateOf(tieOf.get(line.id)!) : null,
    poItemId: tieOf.get(line.id)?.id ?? null,
  })));

  const inserted = await preOrderItemsOf(manager, [input.orderId]);
  const bySeq = new Map(inserted.map((i) => [i.seqId, i]));
  await recordEvents(manager, plan.ties.map(({ item, poItem }): AllocationEventRow => ({
    type: "ALLOCATE", at: now, actor, reason: "Tied on pre-order import", runId: null,
    salesOrderItemId: bySeq.get(item.orderItemSeqId)!.id, orderId: input.orderId, orderItemSeqId: item.orderItemSeqId,
    poItemId: poItem.id, purchaseOrderId: poItem.orderId, poItemSeqId: poItem.orderItemSeqId, quantity: item.quantity,
    oldPromiseDate: null, newPromiseDate: promiseDateOf(poItem),
  })));
  // Only the products whose PO ATP this import took: a line that waits or is backordered changes no promise.
  await queuePromisePurge(manager, plan.ties.map(({ poItem }) => poItem.productId));
  return { created: true, items: inserted };
}

/**
 * The answer to an import whose order id another import stored first (the unit of work's
 * duplicate-key answer): that order, as a repeat import of it would answer.
 */
export async function existingPreOrder(manager: EntityManager, orderId: string): Promise<ImportPreOrderResult> {
  const header = await manager.getRepository(OrderHeaderEntity).findOneBy({ orderId });
  if (!header) throw new DomainError("DUPLICATE", `Another request created order ${orderId} at the same moment; nothing was written.`);
  return existingOrder(manager, header);
}

async function existingOrder(manager: EntityManager, header: OrderHeaderEntity): Promise<ImportPreOrderResult> {
  if (header.orderTypeId !== "SALES_ORDER") throw new DomainError("DUPLICATE", `${header.orderId} is already used by a purchase order`);
  return { created: false, items: await preOrderItemsOf(manager, [header.orderId]) };
}

function checkPreOrder(input: PreOrderInput): void {
  const problems = new Problems();
  problems.orderId("input.orderId", input.orderId);
  problems.date("input.orderDate", input.orderDate);
  if (input.items.length === 0) problems.add("input.items must list at least one item");
  if (input.items.length > 1000) problems.add("input.items may list at most 1000 items");
  input.items.forEach((item, i) => {
    problems.id(`input.items[${i}].sku`, item.sku);
    problems.quantity(`input.items[${i}].quantity`, item.quantity);
    if (item.facilityId != null) problems.id(`input.items[${i}].facilityId`, item.facilityId);
  });
  problems.throwIfAny("pre-order");
}

