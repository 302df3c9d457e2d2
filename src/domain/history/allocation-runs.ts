import { EntityManager } from "typeorm";
import { Ordering, Page, fromSqlDate, keysetPage } from "../../db";
import { AllocationRunEntity } from "../../entities";

const NEWEST_FIRST: Ordering = { columns: [{ sql: "run_id", kind: "int" }], direction: "DESC" };

/** Committed allocation runs, newest first, optionally for one PO, a page at a time after the cursor `after`. */
export function listAllocationRuns(
  manager: EntityManager, purchaseOrderId?: string | null, first?: number | null, after?: string | null,
): Promise<Page<AllocationRunEntity>> {
  return keysetPage(manager, {
    select: "*", from: "allocation_run",
    where: purchaseOrderId != null ? ["purchase_order_id = ?"] : [], params: purchaseOrderId != null ? [purchaseOrderId] : [],
    ordering: NEWEST_FIRST, first, after, map: toAllocationRun, keyOf: (r) => [r.id],
  });
}

/** One allocation run by id, or null. */
export async function findAllocationRun(manager: EntityManager, id: number): Promise<AllocationRunEntity | null> {
  const [row] = await manager.query("SELECT * FROM allocation_run WHERE run_id = ?", [id]);
  return row ? toAllocationRun(row) : null;
}

function toAllocationRun(r: Record<string, unknown>): AllocationRunEntity {
  return {
    id: Number(r.run_id),
    purchaseOrderId: String(r.purchase_order_id),
    triggeredBy: r.triggered_by == null ? null : String(r.triggered_by),
    startedAt: fromSqlDate(r.started_at)!,
    finishedAt: fromSqlDate(r.finished_at),
    allocatedItemCount: Number(r.allocated_item_count),
    allocatedQuantity: Number(r.allocated_quantity),
    skippedItemCount: Number(r.skipped_item_count),
  };
}
