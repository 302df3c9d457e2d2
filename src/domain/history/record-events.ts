import { EntityManager } from "typeorm";
import { chunk, execute, placeholders, sqlDate } from "../../db";
import { AllocationEventType } from "../../entities";
import { copyTieFeedRows, recordPromiseDateChanges } from "./promise-date-feed";

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


/** What every history row of a batch of ties shares; the rest is read back from the tied rows. */
export interface TieEvent {
  at: Date;
  actor: string | null;
  reason: string;
  runId: number | null;
}

/** Tie events per statement: few round trips, and within both databases' parameter limits. */
const TIE_EVENT_CHUNK = 2000;

/**
 * recordEvents for pre-order items that were just tied (ALLOCATE, from no promise date to their
 * PO item's): each history row and its feed row (a tie always changes the promise date, see
 * isFeedEvent) are copied by INSERT ... SELECT from the tied row and its PO item, so the PO item,
 * quantity and promise date are exactly the ones the guarded claim wrote, and 60,000 events cost a
 * few dozen statements of ids instead of a million parameters. `ids` come in the order the history
 * should list them, a chunk at a time; `orderBy` (over `s`, the sales order item) is that same order,
 * which sorts each chunk's rows.
 */
export async function recordTieEvents(manager: EntityManager, ids: readonly number[], orderBy: string, event: TieEvent): Promise<void> {
  const at = sqlDate(event.at);
  for (const part of chunk([...ids], TIE_EVENT_CHUNK)) {
    const tied = `FROM sales_order_item s JOIN purchase_order_item p ON p.po_item_id = s.po_item_id
      WHERE s.so_item_id IN (${placeholders(part.length)}) AND s.promised_datetime IS NOT NULL ORDER BY ${orderBy}`;
    const events = await execute(manager,
      `INSERT INTO allocation_event (${EVENT_COLUMNS.join(", ")})
       SELECT 'ALLOCATE', ?, ?, ?, ?, s.so_item_id, s.order_id, s.order_item_seq_id, s.po_item_id, p.order_id, p.order_item_seq_id, s.quantity, NULL, s.promised_datetime ${tied}`,
      [at, event.actor, event.reason, event.runId, ...part]);
    const changes = await copyTieFeedRows(manager, part, orderBy, event.at, event.reason);
    if (events !== part.length || changes !== part.length) throw new Error(`Recorded ${events} history and ${changes} feed rows for ${part.length} ties`);
  }
}
