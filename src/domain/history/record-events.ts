import { EntityManager } from "typeorm";
import { chunk, execute, placeholders, sqlDate } from "../../db";
import { AllocationEventType } from "../../entities";
import { recordPromiseDateChanges } from "./promise-date-feed";

/** One row of the allocation history, as the writers hand it over. */
export interface AllocationEventRow {
  type: AllocationEventType;
  at: Date;
  actor: string | null;
  reason: string;
  runId: number | null;
  salesOrderItemId: number;
  orderId: string;
  orderItemSeqId: string;
  poItemId: number | null;
  purchaseOrderId: string | null;
  poItemSeqId: string | null;
  quantity: number;
  oldPromiseDate: Date | null;
  newPromiseDate: Date | null;
}

const EVENT_COLUMNS = [
  "event_type", "event_at", "actor", "reason", "run_id", "so_item_id", "order_id", "order_item_seq_id",
  "po_item_id", "purchase_order_id", "po_item_seq_id", "quantity", "old_promise_date", "new_promise_date",
];

/**
 * Appends rows to the allocation history, many per statement, and for each row whose promise
 * date changed one row to the promise-date change feed, in the same transaction: every path that
 * sets, changes or clears a promise date records it here, so the feed cannot miss one.
 */
export async function recordEvents(manager: EntityManager, events: AllocationEventRow[]): Promise<void> {
  const row = `(${placeholders(EVENT_COLUMNS.length)})`;
  for (const part of chunk(events, 300)) {
    const params = part.flatMap((e) => [
      e.type, sqlDate(e.at), e.actor, e.reason, e.runId, e.salesOrderItemId, e.orderId, e.orderItemSeqId,
      e.poItemId, e.purchaseOrderId, e.poItemSeqId, e.quantity,
      e.oldPromiseDate && sqlDate(e.oldPromiseDate), e.newPromiseDate && sqlDate(e.newPromiseDate),
    ]);
    await execute(manager, `INSERT INTO allocation_event (${EVENT_COLUMNS.join(", ")}) VALUES ${part.map(() => row).join(", ")}`, params);
  }
  await recordPromiseDateChanges(manager, events);
}

