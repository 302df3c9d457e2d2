import { EntityManager } from "typeorm";
import { AllocationRunEntity } from "../entities";
import { FIFO_ORDER_SQL, PoItemForRules, SkipReason, WAITING_PRE_ORDER_SQL, WaitingItem, planAllocation } from "./allocation-rules";
import { clock, startOfTodayUtc } from "./clock";
import { Db } from "./db";
import { DomainError, notFound } from "./errors";
import { chunk, fromSqlDate, placeholders, sqlDate } from "./sql";
import { OPEN_ITEM_STATUSES, OPEN_ORDER_STATUSES, statusOf } from "./statuses";
import { AllocationEventRow, claimWaitingItems, raiseAllocated, recordEvents } from "./ties";

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

interface Waiting extends WaitingItem {
  orderDate: Date;
}

/**
 * The waiting items are read for `productsPerRead` products at a time, at most `page` rows per
 * query (tests shrink both to exercise the paging). Products never share a PO item, so planning
 * product group by product group gives the same ties as one global first-in-first-out pass;
 * each query then sorts only its own rows (one global FIFO keyset would re-sort every
 * remaining row for every page).
 */
export const waitingReadSizes = { productsPerRead: 200, page: 10_000 };

/** Thrown to roll a dry run back after it has computed its payload. */
class DryRunRollback extends Error {
  constructor(readonly result: AllocationResult) {
    super("dry run");
  }
}

/**
 * Allocate Sales Orders for one PO (DOMAIN.md rules 1–8), inside the caller's transaction.
 *
 * Locks the PO header and its items (in id order) first, so runs on one PO queue behind each
 * other; reads the waiting pre-orders once, in pages, first in first out; plans the ties in
 * memory with the shared rules; then writes them set-based with guarded updates whose row
 * counts are checked, so a pre-order claimed meanwhile by anyone else makes the whole unit of
 * work retry rather than tie it twice. The CHECK on purchase_order_item means ATP cannot go
 * below zero even if a guard were wrong.
 */
export async function allocateSalesOrders(manager: EntityManager, purchaseOrderId: string, actor: string | null, dryRun = false): Promise<AllocationResult> {
  const lock = manager.connection.options.type === "better-sqlite3" ? "" : " FOR UPDATE";
  const [header] = await manager.query(`SELECT order_id, order_type_id, status_id FROM order_header WHERE order_id = ?${lock}`, [purchaseOrderId]);
  if (!header || header.order_type_id !== "PURCHASE_ORDER") throw notFound(`No purchase order with id ${purchaseOrderId}`);
  if (!(OPEN_ORDER_STATUSES as string[]).includes(header.status_id)) {
    throw new DomainError("PO_NOT_ALLOCATABLE", `Purchase order ${purchaseOrderId} is ${statusOf(header.status_id).toLowerCase()}; only created or approved purchase orders can be allocated`);
  }
  const startedAt = clock.now();
  const today = startOfTodayUtc();
  const poItems: PoItemForRules[] = (await manager.query(
    `SELECT po_item_id, order_id, order_item_seq_id, product_id, quantity, order_buffer, allocated_quantity, estimated_delivery_date, status_id
     FROM purchase_order_item WHERE order_id = ? ORDER BY po_item_id${lock}`, [purchaseOrderId],
  )).map((r: Record<string, unknown>) => ({
    id: Number(r.po_item_id), orderId: String(r.order_id), orderItemSeqId: String(r.order_item_seq_id), productId: Number(r.product_id),
    quantity: Number(r.quantity), orderBuffer: Number(r.order_buffer), allocatedQuantity: Number(r.allocated_quantity),
    estimatedDeliveryDate: fromSqlDate(r.estimated_delivery_date), statusId: String(r.status_id),
  }));
  const productIds = [...new Set(poItems.filter((p) => (OPEN_ITEM_STATUSES as string[]).includes(p.statusId)).map((p) => p.productId))];

  const plan = { ties: [] as { item: Waiting; poItem: PoItemForRules }[], skipped: [] as { item: Waiting; reason: SkipReason }[] };
  for await (const page of waitingPages(manager, productIds, lock)) planAllocation(page, poItems, today, plan);
  plan.ties.sort(fifo);
  plan.skipped.sort(fifo);

  const run = await manager.save(manager.create(AllocationRunEntity, {
    purchaseOrderId, triggeredBy: actor, startedAt, finishedAt: null, allocatedItemCount: 0, allocatedQuantity: 0, skippedItemCount: 0,
  }));
  await claimWaitingItems(manager, plan.ties.map(({ item, poItem }) => ({
    salesOrderItemId: item.id, poItemId: poItem.id, promiseDate: poItem.estimatedDeliveryDate!,
  })));
  const deltas = new Map<number, number>();
  for (const { item, poItem } of plan.ties) deltas.set(poItem.id, (deltas.get(poItem.id) ?? 0) + item.quantity);
  await raiseAllocated(manager, deltas);
  await recordEvents(manager, plan.ties.map(({ item, poItem }): AllocationEventRow => ({
    type: "ALLOCATE", at: startedAt, actor, reason: "Allocate Sales Orders", runId: run.id, salesOrderItemId: item.id,
    orderId: item.orderId, orderItemSeqId: item.orderItemSeqId, poItemId: poItem.id, purchaseOrderId, poItemSeqId: poItem.orderItemSeqId,
    quantity: item.quantity, oldPromiseDate: null, newPromiseDate: poItem.estimatedDeliveryDate,
  })));

  const allocatedQuantity = plan.ties.reduce((sum, t) => sum + t.item.quantity, 0);
  Object.assign(run, { finishedAt: clock.now(), allocatedItemCount: plan.ties.length, allocatedQuantity, skippedItemCount: plan.skipped.length });
  await manager.save(run);
  const result: AllocationResult = {
    dryRun,
    run: dryRun ? null : run,
    purchaseOrderId,
    allocatedItemCount: plan.ties.length,
    allocatedQuantity,
    allocations: plan.ties.map(({ item, poItem }) => ({
      salesOrderItemId: item.id, orderId: item.orderId, seqId: item.orderItemSeqId, quantity: item.quantity,
      purchaseOrderId, purchaseOrderItemSeqId: poItem.orderItemSeqId, promiseDate: poItem.estimatedDeliveryDate!,
    })),
    skipped: plan.skipped.map(({ item, reason }) => ({ orderId: item.orderId, seqId: item.orderItemSeqId, reason })),
  };
  if (dryRun) throw new DryRunRollback(result);
  return result;
}

/**
 * Runs Allocate Sales Orders in its own transaction. A dry run takes exactly the same path,
 * writes included, and is then rolled back: what it returns is what a real run would do.
 */
export async function runAllocateSalesOrders(db: Db, purchaseOrderId: string, actor: string | null, dryRun = false): Promise<AllocationResult> {
  try {
    return await db.write((manager) => allocateSalesOrders(manager, purchaseOrderId, actor, dryRun));
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

/**
 * The waiting pre-order items of these products (rule 3), a group of products at a time and
 * first in first out within it, in keyset pages; `lock` locks them (and their order headers)
 * until the transaction ends, so nobody can tie, cancel or move them meanwhile.
 */
async function* waitingPages(manager: EntityManager, productIds: number[], lock: string): AsyncGenerator<Waiting[]> {
  const { productsPerRead, page: pageSize } = waitingReadSizes;
  for (const products of chunk([...productIds].sort((a, b) => a - b), productsPerRead)) {
    let after: Waiting | null = null;
    for (;;) {
      const params: unknown[] = [...products];
      let keyset = "";
      if (after) {
        const at = sqlDate(after.orderDate);
        keyset = "AND (s.order_date > ? OR (s.order_date = ? AND (s.order_id > ? OR (s.order_id = ? AND s.order_item_seq_id > ?))))";
        params.push(at, at, after.orderId, after.orderId, after.orderItemSeqId);
      }
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, s.product_id, s.quantity, s.order_date
         FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
         WHERE s.product_id IN (${placeholders(products.length)}) AND ${WAITING_PRE_ORDER_SQL} ${keyset}
         ORDER BY ${FIFO_ORDER_SQL} LIMIT ${pageSize}${lock}`,
        params,
      );
      const page = rows.map((r) => ({
        id: Number(r.so_item_id), orderId: String(r.order_id), orderItemSeqId: String(r.order_item_seq_id),
        productId: Number(r.product_id), quantity: Number(r.quantity), orderDate: fromSqlDate(r.order_date)!,
      }));
      if (page.length) yield page;
      if (page.length < pageSize) break;
      after = page[page.length - 1];
    }
  }
}

/** Rule 4's order, for putting the product groups' outcomes back into one first-in-first-out list. */
function fifo(a: { item: Waiting }, b: { item: Waiting }): number {
  return (a.item.orderDate.getTime() - b.item.orderDate.getTime()) ||
    compareText(a.item.orderId, b.item.orderId) || compareText(a.item.orderItemSeqId, b.item.orderItemSeqId);
}

/** Code-unit order, as the binary collation of the id columns sorts them. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
