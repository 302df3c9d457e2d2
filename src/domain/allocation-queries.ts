import { EntityManager } from "typeorm";
import { AllocationRunEntity } from "../entities";
import { pageSize } from "./validation";

/** Committed allocation runs, newest first, optionally for one PO. */
export function listAllocationRuns(manager: EntityManager, purchaseOrderId?: string | null, first?: number | null): Promise<AllocationRunEntity[]> {
  return manager.getRepository(AllocationRunEntity).find({
    where: purchaseOrderId != null ? { purchaseOrderId } : {},
    order: { id: "DESC" },
    take: pageSize(first),
  });
}
