import { EntityManager } from "typeorm";
import { execute, fromSqlDate, placeholders, poItemColumns, sqlDate, toPoItemRow } from "../../db";
import { OrderHeaderEntity, SalesOrderItemEntity } from "../../entities";
import { DomainError, RetryableConflict } from "../../errors";
import {
  ALLOCATABLE_PO_ITEM_SQL, ATP_COVERS_GUARD_SQL, PREFERENCE_ORDER_SQL, PoItemForRules, availableToPromise, byPreference, promiseDateOf,
} from "../allocation";
import { PRE_ORDER_PARKING, Problems, clock, startOfTodayUtc } from "../core";
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
 * Takes `quantity` of a PO item's ATP if it still covers it and the item still promises the day
 * read (same arrival date and buffer days); false when another writer took the ATP first. When
 * the promise moved meanwhile (a lifecycle change committed), the whole import starts over
 * rather than promise a stale date.
 */
async function takeAtp(manager: EntityManager, poItem: PoItemForRules, quantity: number, today: Date): Promise<boolean> {
  const arrival = poItem.estimatedDeliveryDate!;
  const changed = await execute(
    manager,
    `UPDATE purchase_order_item SET allocated_quantity = allocated_quantity + ? WHERE po_item_id = ? AND ${ATP_COVERS_GUARD_SQL}
     AND estimated_delivery_date >= ? AND estimated_delivery_date = ? AND buffer_days = ?`,
    [quantity, poItem.id, quantity, sqlDate(today), sqlDate(arrival), poItem.bufferDays],
  );
  if (changed === 1) return true;
  const [now] = await manager.query("SELECT estimated_delivery_date, buffer_days FROM purchase_order_item WHERE po_item_id = ?", [poItem.id]);
  if (fromSqlDate(now?.estimated_delivery_date)?.getTime() !== arrival.getTime() || Number(now?.buffer_days) !== poItem.bufferDays) {
    throw new RetryableConflict("A PO item's arrival date or buffer days changed while importing");
  }
  return false;
}

/**
 * The pre-order import path: stores a new sales order and ties each item entering pre-order
 * parking at once to the preferred allocatable PO item whose ATP covers it (the same rules as
 * Allocate Sales Orders, docs/domain.md#pre-order-import), promised that item's arrival date plus its buffer days. An item that fits
 * nowhere waits with neither. The ATP is taken with a guarded update, so concurrent imports
 * and allocations never promise the same unit twice. The same order id again changes nothing.
 */
export async function importPreOrder(manager: EntityManager, input: PreOrderInput, actor: string | null): Promise<ImportPreOrderResult> {
  checkPreOrder(input);
  const existing = await manager.getRepository(OrderHeaderEntity).findOneBy({ orderId: input.orderId });
  if (existing) return existingOrder(manager, existing);

  const products = await productsBySku(manager, input.items.map((i) => i.sku));
  const now = clock.now();
  const today = startOfTodayUtc();
  await manager.insert(OrderHeaderEntity, {
    orderId: input.orderId, orderTypeId: "SALES_ORDER", statusId: "ORDER_CREATED", orderDate: input.orderDate, facilityId: null, createdAt: now,
  });

  const parked = input.items.filter((i) => (i.facilityId ?? PRE_ORDER_PARKING) === PRE_ORDER_PARKING);
  const candidates = await allocatablePoItems(manager, [...new Set(parked.map((i) => products.get(i.sku)!.id))]);
  const rows: Partial<SalesOrderItemEntity>[] = [];
  const ties: { row: Partial<SalesOrderItemEntity>; poItem: PoItemForRules }[] = [];
  for (const [index, item] of input.items.entries()) {
    const facilityId = item.facilityId ?? PRE_ORDER_PARKING;
    const row: Partial<SalesOrderItemEntity> = {
      orderId: input.orderId, orderItemSeqId: seqId(index), productId: products.get(item.sku)!.id, quantity: item.quantity,
      statusId: "ITEM_CREATED", facilityId, orderDate: input.orderDate, promisedDatetime: null, poItemId: null,
    };
    if (facilityId === PRE_ORDER_PARKING) {
      for (const poItem of candidates.filter((c) => c.productId === row.productId && availableToPromise(c) >= item.quantity)) {
        if (await takeAtp(manager, poItem, item.quantity, today)) {
          poItem.allocatedQuantity += item.quantity;
          row.poItemId = poItem.id;
          row.promisedDatetime = promiseDateOf(poItem);
          ties.push({ row, poItem });
          break;
        }
      }
    }
    rows.push(row);
  }
  await manager.insert(SalesOrderItemEntity, rows);

  const inserted = await preOrderItemsOf(manager, [input.orderId]);
  const bySeq = new Map(inserted.map((i) => [i.seqId, i]));
  await recordEvents(manager, ties.map(({ row, poItem }): AllocationEventRow => ({
    type: "ALLOCATE", at: now, actor, reason: "Tied on pre-order import", runId: null,
    salesOrderItemId: bySeq.get(row.orderItemSeqId!)!.id, orderId: input.orderId, orderItemSeqId: row.orderItemSeqId!,
    poItemId: poItem.id, purchaseOrderId: poItem.orderId, poItemSeqId: poItem.orderItemSeqId, quantity: row.quantity!,
    oldPromiseDate: null, newPromiseDate: promiseDateOf(poItem),
  })));
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
    problems.text(`input.items[${i}].sku`, item.sku);
    problems.quantity(`input.items[${i}].quantity`, item.quantity);
    if (item.facilityId != null) problems.text(`input.items[${i}].facilityId`, item.facilityId);
  });
  problems.throwIfAny("pre-order");
}

