import { Field, ID, Int, ObjectType } from "type-graphql";
import { AllocationRunEntity } from "../../entities";
import { objectId } from "../../domain";
import { SkipReason } from "./enums";
import { Node } from "./node.type";
import { Connection } from "./page.type";
import { PurchaseOrder } from "./purchase-order.type";
import { DateScalar, DateTimeScalar } from "./scalars";

@ObjectType({ implements: Node, description: "One committed press of Allocate Sales Orders (dry runs leave none)" })
export class AllocationRun implements Node {
  @Field(() => ID, { description: 'Globally unique id, e.g. "AllocationRun:3"; history events name it in runId' }) id: string;
  @Field(() => ID, { description: "The PO it allocated" }) purchaseOrderId: string;
  @Field(() => String, { nullable: true, description: "The name of the API key that pressed it" }) triggeredBy: string | null;
  @Field(() => DateTimeScalar, { description: "When it started (an instant, UTC)" }) startedAt: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: "When it finished; every committed run has finished" }) finishedAt: Date | null;
  @Field(() => Int, { description: "Pre-order items it tied" }) allocatedItemCount: number;
  @Field(() => Int, { description: "Units it tied" }) allocatedQuantity: number;
  @Field(() => Int, { description: "Waiting pre-order items it could not tie" }) skippedItemCount: number;
}

export const AllocationRunConnection = Connection("AllocationRun", AllocationRun, "allocation runs");

@ObjectType({ description: "A pre-order item tied to a PO item by Allocate Sales Orders" })
export class Allocation {
  salesOrderItemId: number;

  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The pre-order item's seq id" }) seqId: string;
  @Field(() => Int, { description: "Units tied (the item's whole quantity)" }) quantity: number;
  @Field(() => ID, { description: "The PO it is tied to" }) purchaseOrderId: string;
  @Field({ description: "The PO item it is tied to" }) purchaseOrderItemSeqId: string;
  @Field(() => DateScalar, { description: "The day it is promised: the PO item's arrival date plus its buffer days" }) promiseDate: Date;
}

@ObjectType({ description: "A waiting pre-order item the run could not tie, and why; it keeps waiting" })
export class SkippedPreOrderItem {
  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The pre-order item's seq id" }) seqId: string;
  @Field(() => SkipReason, { description: "Why it was not tied" }) reason: SkipReason;
}

@ObjectType({ description: "What Allocate Sales Orders did (or, on a dry run, would do)" })
export class AllocateSalesOrdersPayload {
  purchaseOrderId: string;

  @Field({ description: "True for a preview: nothing was written" }) dryRun: boolean;
  @Field(() => AllocationRun, { nullable: true, description: "The run as recorded; null on a dry run" }) run: AllocationRun | null;
  @Field(() => Int, { description: "Pre-order items tied" }) allocatedItemCount: number;
  @Field(() => Int, { description: "Units tied" }) allocatedQuantity: number;
  @Field(() => [Allocation], { description: "Every tie, in allocation order (first in, first out)" }) allocations: Allocation[];
  @Field(() => [SkippedPreOrderItem], { description: "Every waiting pre-order item of the PO's products that was not tied, first in first out" })
  skipped: SkippedPreOrderItem[];
  /** Resolved by AllocationResolver: the PO as stored after the run. */
  purchaseOrder?: PurchaseOrder;
}

export const toAllocationRun = (run: AllocationRunEntity): AllocationRun => ({
  id: objectId("AllocationRun", run.id),
  purchaseOrderId: run.purchaseOrderId,
  triggeredBy: run.triggeredBy,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  allocatedItemCount: run.allocatedItemCount,
  allocatedQuantity: run.allocatedQuantity,
  skippedItemCount: run.skippedItemCount,
});

@ObjectType({ description: "A tied pre-order item moved whole to a PO item that promises an earlier day (rebalancePromises)" })
export class PreOrderMove {
  salesOrderItemId: number;

  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The pre-order item's seq id" }) seqId: string;
  @Field(() => Int, { description: "Units moved (the item's whole quantity)" }) quantity: number;
  @Field(() => ID, { description: "The PO it was tied to" }) fromPurchaseOrderId: string;
  @Field({ description: "The PO item it was tied to" }) fromPurchaseOrderItemSeqId: string;
  @Field(() => ID, { description: "The PO it is tied to now" }) toPurchaseOrderId: string;
  @Field({ description: "The PO item it is tied to now" }) toPurchaseOrderItemSeqId: string;
  @Field(() => DateScalar, { description: "The day it was promised" }) oldPromiseDate: Date;
  @Field(() => DateScalar, { description: "The earlier day it is promised now: the new PO item's arrival date plus its buffer days" }) newPromiseDate: Date;
}

@ObjectType({ description: "What rebalancePromises moved and tied (or, in a dry run, would)" })
export class RebalancePromisesPayload {
  @Field({ description: "True when this was a preview: nothing was written" }) dryRun: boolean;
  @Field(() => [PreOrderMove], { description: "The tied pre-order items moved to an earlier PO item, oldest order first" }) moves: PreOrderMove[];
  @Field(() => [Allocation], { description: "The waiting pre-order items tied with the units the moves freed (and any other ATP of the products), oldest first" })
  allocations: Allocation[];
}
