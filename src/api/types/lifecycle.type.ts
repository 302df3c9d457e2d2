import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AllocationEventEntity, PromiseDateChangeEntity } from "../../entities";
import { Connection } from "./page.type";
import { DateTimeScalar } from "./scalars";

export enum AllocationEventType { ALLOCATE = "ALLOCATE", RELEASE = "RELEASE", REPROMISE = "REPROMISE" }
registerEnumType(AllocationEventType, { name: "AllocationEventType", description: "What an allocation history event did to a tie" });

@InputType({ description: "Fields left out stay as they are; arrivalDate cannot be set to null" })
export class PurchaseOrderItemUpdateInput {
  @Field(() => DateTimeScalar, { nullable: true, description: "A new arrival date (today or later): every pre-order tied here is re-promised it" })
  arrivalDate?: Date | null;
  @Field(() => Int, { nullable: true, description: "A cut below what is allocated releases ties, newest order first" }) quantity?: number | null;
  @Field(() => Int, { nullable: true }) orderBuffer?: number | null;
  @Field(() => Int, { nullable: true }) bufferDays?: number | null;
}

@ObjectType({ description: "One allocate, release or re-promise of a pre-order item, as the history keeps it" })
export class AllocationEvent {
  @Field(() => ID) id: string;
  @Field(() => AllocationEventType) type: AllocationEventType;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => String, { nullable: true, description: "Who did it; null when not known" }) actor: string | null;
  @Field() reason: string;
  @Field(() => ID, { nullable: true, description: "The Allocate Sales Orders run, when one did it" }) runId: string | null;
  @Field(() => ID) orderId: string;
  @Field() seqId: string;
  @Field(() => ID) purchaseOrderId: string;
  @Field() purchaseOrderItemSeqId: string;
  @Field(() => Int) quantity: number;
  @Field(() => DateTimeScalar, { nullable: true }) oldPromiseDate: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) newPromiseDate: Date | null;
}

@ObjectType({ description: "One promise date set, changed or cleared: a row of the feed the customer-notification worker reads" })
export class PromiseDateChange {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => ID) orderId: string;
  @Field() seqId: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "null = the item had no promise date" }) oldPromiseDate: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "null = the promise date was cleared" }) newPromiseDate: Date | null;
  @Field() reason: string;
  @Field(() => AllocationEventType, { description: "The history event that made the change" }) type: AllocationEventType;
  @Field() acknowledged: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) acknowledgedAt: Date | null;
}

export const PromiseDateChangeConnection = Connection("PromiseDateChange", PromiseDateChange);

export const toAllocationEvent = (e: AllocationEventEntity): AllocationEvent => ({
  id: String(e.id),
  type: e.type as AllocationEventType,
  at: e.at,
  actor: e.actor,
  reason: e.reason,
  runId: e.runId === null ? null : String(e.runId),
  orderId: e.orderId,
  seqId: e.orderItemSeqId,
  purchaseOrderId: e.purchaseOrderId,
  purchaseOrderItemSeqId: e.poItemSeqId,
  quantity: e.quantity,
  oldPromiseDate: e.oldPromiseDate,
  newPromiseDate: e.newPromiseDate,
});

export const toPromiseDateChange = (c: PromiseDateChangeEntity): PromiseDateChange => ({
  id: String(c.id),
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
