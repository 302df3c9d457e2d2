import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AllocationEventEntity, PromiseDateChangeEntity } from "../../entities";
import { Receipt, objectId } from "../../domain";
import { PreOrderItem, toPreOrderItem } from "./pre-order.type";
import { PurchaseOrderItem, toPurchaseOrderItem } from "./purchase-order.type";
import { Node } from "./node.type";
import { Connection } from "./page.type";
import { DateScalar, DateTimeScalar } from "./scalars";

export enum AllocationEventType { ALLOCATE = "ALLOCATE", RELEASE = "RELEASE", REPROMISE = "REPROMISE", FULFILLMENT_RELEASE = "FULFILLMENT_RELEASE", MOVE = "MOVE" }
registerEnumType(AllocationEventType, {
  name: "AllocationEventType",
  description: "What an allocation history event did to a pre-order item's tie",
  valuesConfig: {
    ALLOCATE: { description: "Tied to a PO item and promised (Allocate Sales Orders, pre-order import or a manual tie)" },
    RELEASE: { description: "Untied: it lost its PO and promise date and waits again (cancellation, quantity cut, Remove Allocation)" },
    REPROMISE: { description: "Promised another day: its PO item's arrival date or buffer days changed, or a merchandiser set or cleared its promise date by hand" },
    MOVE: { description: "Moved whole to a PO item promising an earlier day (rebalancePromises); the event names the new PO item, its reason the one it left" },
    FULFILLMENT_RELEASE: {
      description: "Released to fulfilment: it left pre-order parking for a warehouse (its PO's stock was received, or released by hand); a tied one keeps its PO and promise date for the record",
    },
  },
});

@InputType({ description: "A change to a PO item; fields left out stay as they are" })
export class PurchaseOrderItemUpdateInput {
  @Field(() => DateScalar, { nullable: true, description: "A new arrival day (today or later; cannot be removed once set): every pre-order tied here is re-promised" })
  arrivalDate?: Date | null;
  @Field(() => Int, { nullable: true, description: "New units ordered (1 to 1000000); a cut below what is allocated releases ties, newest order first" }) quantity?: number | null;
  @Field(() => Int, { nullable: true, description: "New units held back (0 to quantity); more than is free releases ties, newest order first" }) orderBuffer?: number | null;
  @Field(() => Int, { nullable: true, description: "New buffer days (0 to 365): every pre-order tied here is re-promised" }) bufferDays?: number | null;
}

@ObjectType({ implements: Node, description: "One allocate, release or re-promise of a pre-order item, as the history keeps it" })
export class AllocationEvent implements Node {
  @Field(() => ID, { description: 'Globally unique id, e.g. "AllocationEvent:41"' }) id: string;
  @Field(() => AllocationEventType, { description: "What happened to the tie" }) type: AllocationEventType;
  @Field(() => DateTimeScalar, { description: "When (an instant, UTC)" }) at: Date;
  @Field(() => String, { nullable: true, description: "The name of the API key that did it; null when not known" }) actor: string | null;
  @Field({ description: "Why, in words (e.g. \"Allocate Sales Orders\", \"Arrival date of PO PO-1001/00001 changed\")" }) reason: string;
  @Field(() => ID, { nullable: true, description: "The AllocationRun id when Allocate Sales Orders did it; null otherwise" }) runId: string | null;
  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The pre-order item's seq id" }) seqId: string;
  @Field(() => ID, { nullable: true, description: "The PO of the tie; null for an item that was not tied (a hand release or promise date of a waiting item)" })
  purchaseOrderId: string | null;
  @Field(() => String, { nullable: true, description: "The PO item of the tie; null when purchaseOrderId is" }) purchaseOrderItemSeqId: string | null;
  @Field(() => Int, { description: "Units of the pre-order item" }) quantity: number;
  @Field(() => DateScalar, { nullable: true, description: "The promise date before; null = none" }) oldPromiseDate: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "The promise date after; null = none (released)" }) newPromiseDate: Date | null;
}

export const AllocationEventConnection = Connection("AllocationEvent", AllocationEvent, "allocation history events");

@ObjectType({ implements: Node, description: "One promise date set, changed or cleared: a row of the feed the customer-notification worker reads" })
export class PromiseDateChange implements Node {
  @Field(() => ID, { description: 'Globally unique id, e.g. "PromiseDateChange:41": pass it to acknowledgePromiseDateChanges' }) id: string;
  @Field(() => DateTimeScalar, { description: "When the promise changed (an instant, UTC)" }) at: Date;
  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The pre-order item's seq id" }) seqId: string;
  @Field(() => DateScalar, { nullable: true, description: "The day promised before; null = a first promise" }) oldPromiseDate: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "The day promised now; null = the promise was withdrawn and the item waits again" }) newPromiseDate: Date | null;
  @Field({ description: "Why, in words" }) reason: string;
  @Field(() => AllocationEventType, { description: "The history event that made the change" }) type: AllocationEventType;
  @Field({ description: "True once a worker acknowledged it" }) acknowledged: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: "When it was acknowledged; null until then" }) acknowledgedAt: Date | null;
}

export const PromiseDateChangeConnection = Connection("PromiseDateChange", PromiseDateChange, "promise date changes");

export const toAllocationEvent = (e: AllocationEventEntity): AllocationEvent => ({
  id: objectId("AllocationEvent", e.id),
  type: e.type as AllocationEventType,
  at: e.at,
  actor: e.actor,
  reason: e.reason,
  runId: e.runId === null ? null : objectId("AllocationRun", e.runId),
  orderId: e.orderId,
  seqId: e.orderItemSeqId,
  purchaseOrderId: e.purchaseOrderId,
  purchaseOrderItemSeqId: e.poItemSeqId,
  quantity: e.quantity,
  oldPromiseDate: e.oldPromiseDate,
  newPromiseDate: e.newPromiseDate,
});

export const toPromiseDateChange = (c: PromiseDateChangeEntity): PromiseDateChange => ({
  id: objectId("PromiseDateChange", c.id),
  at: c.at,
  orderId: c.orderId,
  seqId: c.orderItemSeqId,
  oldPromiseDate: c.oldPromiseDate,
  newPromiseDate: c.newPromiseDate,
  reason: c.reason,
  type: c.type as AllocationEventType,
  acknowledged: c.acknowledged === 1,
  acknowledgedAt: c.acknowledgedAt,
});

@ObjectType({ description: "What a receipt did: the PO item as stored after it, the pre-orders it released to fulfilment and the units that became inventory" })
export class ReceivePurchaseOrderItemPayload {
  @Field(() => Int, { description: "Units that became the product's inventoryAvailable (what the still-tied pre-orders do not need)" }) addedToInventory: number;
  @Field(() => PurchaseOrderItem, { description: "The PO item after the receipt: receivedQuantity, allocatedQuantity, availableToPromise and status" })
  purchaseOrderItem: PurchaseOrderItem;
  @Field(() => [PreOrderItem], { description: "The pre-order items released to fulfilment, oldest first; they keep PO and promise date and now wait in the PO's facility" })
  released: PreOrderItem[];
}

export const toReceivePayload = (receipt: Receipt): ReceivePurchaseOrderItemPayload => ({
  addedToInventory: receipt.addedToInventory,
  purchaseOrderItem: toPurchaseOrderItem(receipt.purchaseOrderItem),
  released: receipt.released.map(toPreOrderItem),
});
