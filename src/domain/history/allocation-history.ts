import { EntityManager } from "typeorm";
import { Ordering, PAGE_SIZE, Page, fromSqlDate, keysetPage } from "../../db";
import { AllocationEventEntity, AllocationEventType } from "../../entities";
import { badInput } from "../../errors";

export interface AllocationHistoryFilter {
  orderId?: string | null;
  seqId?: string | null;
  purchaseOrderId?: string | null;
}

/** Newest first: the most recent event first, as a support screen reads it. */
const NEWEST_FIRST: Ordering = { columns: [{ sql: "event_id", kind: "int" }], direction: "DESC" };

/**
 * The allocation history, newest first, a page at a time after the cursor `after`: every
 * allocate, release and re-promise, optionally of one sales order (or one of its items) and/or
 * one PO. Served by the (order, item, id) and (PO, id) indexes; `totalCount` counts the whole
 * filtered history.
 */
export function listAllocationEvents(
  manager: EntityManager, filter: AllocationHistoryFilter, first?: number | null, after?: string | null,
): Promise<Page<AllocationEventEntity>> {
  if (filter.seqId != null && filter.orderId == null) throw badInput("seqId needs orderId: item seq ids repeat across orders");
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.orderId != null) { where.push("order_id = ?"); params.push(filter.orderId); }
  if (filter.seqId != null) { where.push("order_item_seq_id = ?"); params.push(filter.seqId); }
  if (filter.purchaseOrderId != null) { where.push("purchase_order_id = ?"); params.push(filter.purchaseOrderId); }
  return keysetPage(manager, {
    select: "*", from: "allocation_event", where, params, ordering: NEWEST_FIRST, first, defaultSize: PAGE_SIZE.history, after,
    map: toAllocationEvent, keyOf: (e) => [e.id],
  });
}

/** One history event by id, or null. */
export async function findAllocationEvent(manager: EntityManager, id: number): Promise<AllocationEventEntity | null> {
  const [row] = await manager.query("SELECT * FROM allocation_event WHERE event_id = ?", [id]);
  return row ? toAllocationEvent(row) : null;
}

function toAllocationEvent(r: Record<string, unknown>): AllocationEventEntity {
  return {
    id: Number(r.event_id),
    type: String(r.event_type) as AllocationEventType,
    at: fromSqlDate(r.event_at)!,
    actor: r.actor == null ? null : String(r.actor),
    reason: String(r.reason),
    runId: r.run_id == null ? null : Number(r.run_id),
    salesOrderItemId: Number(r.so_item_id),
    orderId: String(r.order_id),
    orderItemSeqId: String(r.order_item_seq_id),
    poItemId: r.po_item_id == null ? null : Number(r.po_item_id),
    purchaseOrderId: r.purchase_order_id == null ? null : String(r.purchase_order_id),
    poItemSeqId: r.po_item_seq_id == null ? null : String(r.po_item_seq_id),
    quantity: Number(r.quantity),
    oldPromiseDate: fromSqlDate(r.old_promise_date),
    newPromiseDate: fromSqlDate(r.new_promise_date),
  };
}
