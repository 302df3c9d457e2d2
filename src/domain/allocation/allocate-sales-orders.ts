import { EntityManager } from "typeorm";
import { SalesItemRow, afterKeySql, chunk, lockPurchaseOrder, orderBySql, placeholders, salesItemColumns, toSalesItemRow } from "../../db";
import { AllocationRunEntity } from "../../entities";
import { checkIds, clock, compareBytes, isOpenItem, requireOpenPurchaseOrder, startOfTodayUtc } from "../core";
import { queuePromisePurge } from "../edge";
import { AllocationEventRow, recordEvents } from "../history";
import { FIFO, PoItemForRules, SkipReason, WAITING_PRE_ORDER_SQL, planAllocation, promiseDateOf } from "./rules";
import { claimWaitingItems, raiseAllocated } from "./ties";

export interface Allocation {
  salesOrderItemId: number;
  orderId: string;
  seqId: string;
  quantity: number;
  purchaseOrderId: string;
  purchaseOrderItemSeqId: string;
  promiseDate: Date;
}

export interface SkippedPreOrderItem {
  orderId: string;
  seqId: string;
  reason: SkipReason;
}

export interface AllocationResult {
  dryRun: boolean;
  run: AllocationRunEntity | null;
  purchaseOrderId: string;
  allocatedItemCount: number;
  allocatedQuantity: number;
  allocations: Allocation[];
  skipped: SkippedPreOrderItem[];
}

/**
 * The waiting items are read for `productsPerRead` products at a time, at most `page` rows per
 * query (tests shrink both to exercise the paging). Products never share a PO item, so planning
 * product group by product group gives the same ties as one global first-in-first-out pass;
 * each query then sorts only its own rows (one global FIFO keyset would re-sort every
 * remaining row for every page).
 */
export const waitingReadSizes = { productsPerRead: 200, page: 10_000 };

/**
 * Allocate Sales Orders for one PO (docs/domain.md#allocate-sales-orders, rules 1–8), inside the
 * caller's unit of work; a dry run is the same call in a unit of work that is rolled back.
 *
 * Locks the PO header and its items (in id order) first, so runs on one PO queue behind each
 * other; reads the waiting pre-orders once, in pages, first in first out; plans the ties in
 * memory with the shared rules; then writes them set-based with guarded updates whose row counts
 * are checked, which lock the claimed pre-orders by id (the one lock order, src/db/locks.ts), so
 * a pre-order claimed or changed meanwhile by anyone else makes the whole unit of work retry
 * rather than tie it twice. The CHECK on purchase_order_item means ATP cannot go below zero even
 * if a guard were wrong.
 */
export async function allocateSalesOrders(manager: EntityManager, purchaseOrderId: string, actor: string | null, dryRun = false): Promise<AllocationResult> {
  checkIds({ purchaseOrderId });
  const po = await lockPurchaseOrder(manager, purchaseOrderId);
  requireOpenPurchaseOrder(po, "allocated", "PO_NOT_ALLOCATABLE");
  const startedAt = clock.now();
  const today = startOfTodayUtc();
  const poItems: PoItemForRules[] = po.items;
  const productIds = [...new Set(poItems.filter((p) => isOpenItem(p.statusId)).map((p) => p.productId))];

  const plan = { ties: [] as { item: SalesItemRow; poItem: PoItemForRules }[], skipped: [] as { item: SalesItemRow; reason: SkipReason }[] };
  for await (const page of waitingPages(manager, productIds)) planAllocation(page, poItems, today, plan);
  plan.ties.sort(fifo);
  plan.skipped.sort(fifo);

  const run = await manager.save(manager.create(AllocationRunEntity, {
    purchaseOrderId, triggeredBy: actor, startedAt, finishedAt: null, allocatedItemCount: 0, allocatedQuantity: 0, skippedItemCount: 0,
  }));
  await claimWaitingItems(manager, plan.ties.map(({ item, poItem }) => ({
    salesOrderItemId: item.id, poItemId: poItem.id, promiseDate: promiseDateOf(poItem)!,
  })));
  const deltas = new Map<number, number>();
  for (const { item, poItem } of plan.ties) deltas.set(poItem.id, (deltas.get(poItem.id) ?? 0) + item.quantity);
  await raiseAllocated(manager, deltas);
  await recordEvents(manager, plan.ties.map(({ item, poItem }): AllocationEventRow => ({
    type: "ALLOCATE", at: startedAt, actor, reason: "Allocate Sales Orders", runId: run.id, salesOrderItemId: item.id,
    orderId: item.orderId, orderItemSeqId: item.orderItemSeqId, poItemId: poItem.id, purchaseOrderId, poItemSeqId: poItem.orderItemSeqId,
    quantity: item.quantity, oldPromiseDate: null, newPromiseDate: promiseDateOf(poItem),
  })));

  await queuePromisePurge(manager, plan.ties.map(({ poItem }) => poItem.productId));
  const allocatedQuantity = plan.ties.reduce((sum, t) => sum + t.item.quantity, 0);
  Object.assign(run, { finishedAt: clock.now(), allocatedItemCount: plan.ties.length, allocatedQuantity, skippedItemCount: plan.skipped.length });
  await manager.save(run);
  return {
    dryRun,
    run: dryRun ? null : run,
    purchaseOrderId,
    allocatedItemCount: plan.ties.length,
    allocatedQuantity,
    allocations: plan.ties.map(({ item, poItem }) => ({
      salesOrderItemId: item.id, orderId: item.orderId, seqId: item.orderItemSeqId, quantity: item.quantity,
      purchaseOrderId, purchaseOrderItemSeqId: poItem.orderItemSeqId, promiseDate: promiseDateOf(poItem)!,
    })),
    skipped: plan.skipped.map(({ item, reason }) => ({ orderId: item.orderId, seqId: item.orderItemSeqId, reason })),
  };
}

/**
 * The waiting pre-order items of these products (rule 3), a group of products at a time and first
 * in first out within it. Not locked: the claim locks the ones it ties, by id, and its guard
 * refuses any that stopped waiting meanwhile.
 */
export async function* waitingPages(manager: EntityManager, productIds: number[]): AsyncGenerator<SalesItemRow[]> {
  const { productsPerRead, page: pageSize } = waitingReadSizes;
  for (const products of chunk([...productIds].sort((a, b) => a - b), productsPerRead)) {
    let after: SalesItemRow | null = null;
    for (;;) {
      const page: SalesItemRow[] = await waitingPage(manager, products, after && [after.orderDate, after.orderId, after.orderItemSeqId], pageSize);
      if (page.length) yield page;
      if (page.length < pageSize) break;
      after = page[page.length - 1];
    }
  }
}

/** One page of the waiting items of some products, in FIFO order after the sort key `after`. */
async function waitingPage(manager: EntityManager, productIds: readonly number[], after: readonly (Date | string)[] | null, size: number): Promise<SalesItemRow[]> {
  const params: unknown[] = [...productIds];
  let keyset = "";
  if (after) {
    const next = afterKeySql(FIFO, after);
    keyset = ` AND ${next.sql}`;
    params.push(...next.params);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${salesItemColumns("s")} FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.product_id IN (${placeholders(productIds.length)}) AND ${WAITING_PRE_ORDER_SQL}${keyset}
     ORDER BY ${orderBySql(FIFO)} LIMIT ${size}`,
    params,
  );
  return rows.map(toSalesItemRow);
}

/** Rule 4's order, for putting the product groups' outcomes back into one first-in-first-out list. */
function fifo(a: { item: SalesItemRow }, b: { item: SalesItemRow }): number {
  return (a.item.orderDate.getTime() - b.item.orderDate.getTime()) ||
    compareBytes(a.item.orderId, b.item.orderId) || compareBytes(a.item.orderItemSeqId, b.item.orderItemSeqId);
}
