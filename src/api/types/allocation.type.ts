import { Field, ID, Int, ObjectType } from "type-graphql";
import { AllocationRunEntity } from "../../entities";
import { SkipReason } from "./enums";
import { PurchaseOrder } from "./purchase-order.type";
import { DateTimeScalar } from "./scalars";

@ObjectType({ description: "One committed press of Allocate Sales Orders" })
export class AllocationRun {
  @Field(() => ID) id: string;
  @Field(() => ID) purchaseOrderId: string;
  @Field(() => String, { nullable: true }) triggeredBy: string | null;
  @Field(() => DateTimeScalar) startedAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt: Date | null;
  @Field(() => Int) allocatedItemCount: number;
  @Field(() => Int) allocatedQuantity: number;
  @Field(() => Int) skippedItemCount: number;
}

@ObjectType({ description: "A pre-order item tied to a PO item" })
export class Allocation {
  @Field(() => ID) orderId: string;
  @Field() seqId: string;
  @Field(() => Int) quantity: number;
  @Field(() => ID) purchaseOrderId: string;
  @Field() purchaseOrderItemSeqId: string;
  @Field(() => DateTimeScalar) promiseDate: Date;
}

@ObjectType({ description: "A waiting pre-order item the run could not tie, and why" })
export class SkippedPreOrderItem {
  @Field(() => ID) orderId: string;
  @Field() seqId: string;
  @Field(() => SkipReason) reason: SkipReason;
}

@ObjectType()
export class AllocateSalesOrdersPayload {
  purchaseOrderId: string;

  @Field() dryRun: boolean;
  @Field(() => AllocationRun, { nullable: true, description: "null on a dry run" }) run: AllocationRun | null;
  @Field(() => Int) allocatedItemCount: number;
  @Field(() => Int) allocatedQuantity: number;
  @Field(() => [Allocation], { description: "In allocation order (first in, first out)" }) allocations: Allocation[];
  @Field(() => [SkippedPreOrderItem]) skipped: SkippedPreOrderItem[];
  /** Resolved by AllocationResolver: the PO as stored after the run. */
  purchaseOrder?: PurchaseOrder;
}

export const toAllocationRun = (run: AllocationRunEntity): AllocationRun => ({
  id: String(run.id),
  purchaseOrderId: run.purchaseOrderId,
  triggeredBy: run.triggeredBy,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  allocatedItemCount: run.allocatedItemCount,
  allocatedQuantity: run.allocatedQuantity,
  skippedItemCount: run.skippedItemCount,
});
