import { EntityManager } from "typeorm";
import { pageSize } from "../../db";
import { AllocationRunEntity } from "../../entities";

/** Committed allocation runs, newest first, optionally for one PO. */
export function listAllocationRuns(manager: EntityManager, purchaseOrderId?: string | null, first?: number | null): Promise<AllocationRunEntity[]> {
  return manager.getRepository(AllocationRunEntity).find({
    where: purchaseOrderId != null ? { purchaseOrderId } : {},
    order: { id: "DESC" },
    take: pageSize(first),
  });
}
