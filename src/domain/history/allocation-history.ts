import { EntityManager, FindOptionsWhere } from "typeorm";
import { PAGE_SIZE, pageSize } from "../../db";
import { AllocationEventEntity } from "../../entities";
import { badInput } from "../../errors";

export interface AllocationHistoryFilter {
  orderId?: string | null;
  seqId?: string | null;
  purchaseOrderId?: string | null;
}

/**
 * The allocation history, newest first (most recent event first, as a support screen reads it):
 * every allocate, release and re-promise, optionally of one sales order (or one of its items)
 * and/or one PO. Served by the (order, item, id) and (PO, id) indexes.
 */
export function listAllocationEvents(manager: EntityManager, filter: AllocationHistoryFilter, first?: number | null): Promise<AllocationEventEntity[]> {
  const take = pageSize(first, PAGE_SIZE.history);
  if (filter.seqId != null && filter.orderId == null) throw badInput("seqId needs orderId: item seq ids repeat across orders");
  const where: FindOptionsWhere<AllocationEventEntity> = {};
  if (filter.orderId != null) where.orderId = filter.orderId;
  if (filter.seqId != null) where.orderItemSeqId = filter.seqId;
  if (filter.purchaseOrderId != null) where.purchaseOrderId = filter.purchaseOrderId;
  return manager.getRepository(AllocationEventEntity).find({ where, order: { id: "DESC" }, take });
}
