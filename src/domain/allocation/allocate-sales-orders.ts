import { EntityManager } from "typeorm";
import { Ordering, WaitingRow, afterKeySql, chunk, lockPurchaseOrder, orderBySql, placeholders, toWaitingRow, waitingRowColumns } from "../../db";
import { AllocationRunEntity } from "../../entities";
import { checkIds, clock, isOpenItem, requireOpenPurchaseOrder, startOfTodayUtc } from "../core";
import { queuePromisePurge } from "../edge";
import { recordTieEvents } from "../history";
import { Outcomes } from "./outcomes";
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

/**
 * Which lists the caller will read. A caller asking only for the counts should not pay for 60,000
 * allocation objects: the run does the same work either way, and only builds the lists asked for.
 */
export interface Collect {
  allocations: boolean;
  skipped: boolean;
}

export const COLLECT_ALL: Collect = Object.freeze({ allocations: true, skipped: true });

export interface AllocationResult {
  dryRun: boolean;
  run: AllocationRunEntity | null;
  purchaseOrderId: string;
  allocatedItemCount: number;
  allocatedQuantity: number;
  skippedItemCount: number;
  /** The ties, first in first out; empty unless collected. */
  allocations: Allocation[];
  /** The items skipped, first in first out; empty unless collected. */
  skipped: SkippedPreOrderItem[];
}

/**
 * The waiting items are read for `productsPerRead` products at a time, at most `page` rows per
 * query (tests shrink both to exercise the paging). Products never share a PO item, so planning
 * product group by product group gives the same ties as one global first-in-first-out pass; each
 * query then reads only its own rows, in index order (one global FIFO keyset would re-sort every
 * remaining row for every page). Only the outcomes are kept across pages (outcomes.ts).
 */
export const waitingReadSizes = { productsPerRead: 200, page: 10_000 };

const SKIP_REASONS: readonly SkipReason[] = ["INSUFFICIENT_ATP", "NO_ARRIVAL_DATE"];

/**
 * Allocate Sales Orders for one PO (docs/domain.md#allocate-sales-orders, rules 1–8), inside the
 * caller's unit of work; a dry run is the same call in a unit of work that is rolled back.
 *
 * Locks the PO header and its items (in id order) first, so runs on one PO queue behind each
 * other; reads the waiting pre-orders once, in pages, product group by product group, first in
 * first out within each; plans each page with the shared rules and keeps only the outcomes, compact
 * (outcomes.ts); then writes them set-based with guarded updates whose row counts are checked,
 * which lock the claimed pre-orders by id across the whole run (the one lock order,
 * src/db/locks.ts), so a pre-order claimed or changed meanwhile by anyone else makes the whole unit
 * of work retry rather than tie it twice. The history and feed rows are copied from the tied rows,
 * first in first out. The CHECK on purchase_order_item means ATP cannot go below zero even if a
 * guard were wrong. `collect` says which lists the answer carries; the writes never depend on it.
 */
export async function allocateSalesOrders(
  manager: EntityManager, purchaseOrderId: string, actor: string | null, dryRun = false, collect: Collect = COLLECT_ALL,
): Promise<AllocationResult> {
  checkIds({ purchaseOrderId });
  const po = await lockPurchaseOrder(manager, purchaseOrderId);
  requireOpenPurchaseOrder(po, "allocated", "PO_NOT_ALLOCATABLE");
  const startedAt = clock.now();
  const today = startOfTodayUtc();
  const poItems: PoItemForRules[] = po.items;
  const poItemById = new Map(poItems.map((p) => [p.id, p]));
  const productIds = [...new Set(poItems.filter((p) => isOpenItem(p.statusId)).map((p) => p.productId))];

  const ties = new Outcomes();
  const skipped = collect.skipped ? new Outcomes() : null;
  let skippedItemCount = 0;
  for await (const page of waitingPages(manager, productIds)) {
    const plan = planAllocation(page, poItems, today);
    for (const { item, poItem } of plan.ties) ties.push(item, poItem.id);
    for (const { item, reason } of plan.skipped) skipped?.push(item, SKIP_REASONS.indexOf(reason));
    skippedItemCount += plan.skipped.length;
  }
  const promiseDates = new Map(poItems.map((p) => [p.id, promiseDateOf(p)]));
  const promiseOf = (i: number) => promiseDates.get(ties.tag[i])!;

  const run = await manager.save(manager.create(AllocationRunEntity, {
    purchaseOrderId, triggeredBy: actor, startedAt, finishedAt: null, allocatedItemCount: 0, allocatedQuantity: 0, skippedItemCount: 0,
  }));
  await claimWaitingItems(manager, ties.id.map((id, i) => ({ salesOrderItemId: id, poItemId: ties.tag[i], promiseDate: promiseOf(i) })));
  const deltas = new Map<number, number>();
  ties.tag.forEach((poItemId, i) => deltas.set(poItemId, (deltas.get(poItemId) ?? 0) + ties.quantity[i]));
  await raiseAllocated(manager, deltas);
  const fifo = ties.firstInFirstOut();
  await recordTieEvents(manager, Array.from(fifo, (i) => ties.id[i]), orderBySql(FIFO), { at: startedAt, actor, reason: "Allocate Sales Orders", runId: run.id });

  await queuePromisePurge(manager, [...deltas.keys()].map((id) => poItemById.get(id)!.productId));
  const allocatedQuantity = ties.quantity.reduce((sum, q) => sum + q, 0);
  Object.assign(run, { finishedAt: clock.now(), allocatedItemCount: ties.length, allocatedQuantity, skippedItemCount });
  await manager.save(run);
  return {
    dryRun,
    run: dryRun ? null : run,
    purchaseOrderId,
    allocatedItemCount: ties.length,
    allocatedQuantity,
    skippedItemCount,
    allocations: collect.allocations
      ? Array.from(fifo, (i) => ({
        salesOrderItemId: ties.id[i], orderId: ties.orderId[i], seqId: ties.seqId[i], quantity: ties.quantity[i],
        purchaseOrderId, purchaseOrderItemSeqId: poItemById.get(ties.tag[i])!.orderItemSeqId, promiseDate: promiseOf(i),
      }))
      : [],
    skipped: skipped ? Array.from(skipped.firstInFirstOut(), (i) => ({ orderId: skipped.orderId[i], seqId: skipped.seqId[i], reason: SKIP_REASONS[skipped.tag[i]] })) : [],
  };
}

/**
 * The order the waiting items are read in: product by product, first in first out (rule 4) within
 * each. Products never share a PO item, so the rules tie exactly as in one first-in-first-out
 * pass; and it is the order of the waiting-items index (ix_so_item_waiting) after its equality
 * terms, so neither database sorts the rows (EXPLAIN: no temp B-tree on SQLite, no filesort on MariaDB).
 */
const PRODUCT_THEN_FIFO: Ordering = { columns: [{ sql: "s.product_id", kind: "int" }, ...FIFO.columns], direction: "ASC" };

/**
 * The waiting pre-order items of these products (rule 3), a group of products at a time, product
 * by product and first in first out within each. Not locked: the claim locks the ones it ties, by
 * id, and its guard refuses any that stopped waiting meanwhile.
 */
export async function* waitingPages(manager: EntityManager, productIds: number[]): AsyncGenerator<WaitingRow[]> {
  const { productsPerRead, page: pageSize } = waitingReadSizes;
  for (const products of chunk([...productIds].sort((a, b) => a - b), productsPerRead)) {
    let after: WaitingRow | null = null;
    for (;;) {
      // One row more than a page says whether another page follows, without a query that finds none.
      const rows: WaitingRow[] = await waitingPage(manager, products, after && [after.productId, after.orderDate, after.orderId, after.orderItemSeqId], pageSize + 1);
      const page = rows.length > pageSize ? rows.slice(0, pageSize) : rows;
      if (page.length) yield page;
      if (rows.length <= pageSize) break;
      after = page[page.length - 1];
    }
  }
}

/** One page of the waiting items of some products, in PRODUCT_THEN_FIFO order after the sort key `after`. */
async function waitingPage(manager: EntityManager, productIds: readonly number[], after: readonly (number | Date | string)[] | null, size: number): Promise<WaitingRow[]> {
  const params: unknown[] = [...productIds];
  let keyset = "";
  if (after) {
    const next = afterKeySql(PRODUCT_THEN_FIFO, after);
    keyset = ` AND ${next.sql}`;
    params.push(...next.params);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${waitingRowColumns("s")} FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.product_id IN (${placeholders(productIds.length)}) AND ${WAITING_PRE_ORDER_SQL}${keyset}
     ORDER BY ${orderBySql(PRODUCT_THEN_FIFO)} LIMIT ${size}`,
    params,
  );
  return rows.map(toWaitingRow);
}
