import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ExplainedPoItem, PromiseExplanationView, PromiseStep as PromiseStepView } from "../../domain";
import { ProductPromise, toProductPromise } from "./product-promise.type";
import { DateScalar } from "./scalars";

export enum PromiseBlocker {
  CANCELLED = "CANCELLED", COMPLETED = "COMPLETED", NO_ARRIVAL_DATE = "NO_ARRIVAL_DATE", ARRIVAL_IN_PAST = "ARRIVAL_IN_PAST", NO_ATP = "NO_ATP",
}
export enum PromiseStepKind { INVENTORY = "INVENTORY", PO_ITEM = "PO_ITEM", ANSWER = "ANSWER" }

registerEnumType(PromiseBlocker, {
  name: "PromiseBlocker",
  description: "Why the product page cannot promise from a PO item",
  valuesConfig: {
    CANCELLED: { description: "The item or its PO is cancelled" },
    COMPLETED: { description: "The item or its PO is completed (its stock arrived)" },
    NO_ARRIVAL_DATE: { description: "The item has no arrival date yet" },
    ARRIVAL_IN_PAST: { description: "The item's arrival date is before today (UTC)" },
    NO_ATP: { description: "Open and dated, but no ATP left: quantity - received - buffer - allocated is 0" },
  },
});
registerEnumType(PromiseStepKind, {
  name: "PromiseStepKind",
  description: "One step of the product page's decision",
  valuesConfig: {
    INVENTORY: { description: "Does inventory cover the quantity? If so the answer is IN_STOCK" },
    PO_ITEM: { description: "A PO item that can be promised, in preference order (earliest arrival, then PO id, then seq id): does its ATP cover the quantity?" },
    ANSWER: { description: "The answer, the same as productPromise's" },
  },
});

@ObjectType({ description: "A PO item of the product, with its numbers and whether the product page can promise from it" })
export class PromiseExplanationPoItem {
  @Field(() => Int, { description: "Units held by the pre-orders tied to it" }) allocatedQuantity: number;
  @Field(() => DateScalar, { nullable: true, description: "The expected arrival day; null when not known" }) arrivalDate: Date | null;
  @Field(() => Int, { description: "Its ATP: quantity - received - buffer - allocated, never below 0; 0 when closed" }) availableToPromise: number;
  @Field(() => PromiseBlocker, { nullable: true, description: "Why it cannot be promised from; null when it can" }) blocker: PromiseBlocker | null;
  @Field(() => Int, { description: "Days added to the arrival date to make the promise date" }) bufferDays: number;
  @Field({ description: "True when the product page may promise from it (blocker is null)" }) canPromise: boolean;
  @Field(() => Int, { description: "Units held back, never promised" }) orderBuffer: number;
  @Field(() => DateScalar, { nullable: true, description: "The arrival date plus bufferDays; null without an arrival date" }) promiseDate: Date | null;
  @Field(() => ID, { description: "Its PO's id" }) purchaseOrderId: string;
  @Field(() => Int, { description: "Units ordered" }) quantity: number;
  @Field(() => Int, { description: "Units that arrived" }) receivedQuantity: number;
  @Field({ description: "Its seq id within the PO" }) seqId: string;
}

@ObjectType({ description: "One step of the product page's decision, in the order it is taken" })
export class PromiseStep {
  @Field(() => Int, { description: "INVENTORY: the inventory; PO_ITEM: the item's ATP; ANSWER: the ATP summed over the items that can be promised" }) available: number;
  @Field(() => PromiseStepKind, { description: "What is checked" }) kind: PromiseStepKind;
  @Field({ description: "INVENTORY and PO_ITEM: whether it covers the quantity; ANSWER: true" }) passed: boolean;
  @Field(() => ID, { nullable: true, description: "PO_ITEM: the item's PO; ANSWER: the promised PO (PRE_ORDER); else null" }) purchaseOrderId: string | null;
  @Field(() => Int, { description: "The quantity asked for" }) quantity: number;
  @Field(() => String, { nullable: true, description: "PO_ITEM: the item's seq id; else null" }) seqId: string | null;
  @Field({ description: "The step in words, for a support agent" }) text: string;
}

@ObjectType({ description: "Why the product page shows what it shows for a SKU and a quantity: the numbers, the PO items and the decision step by step" })
export class PromiseExplanation {
  @Field(() => ProductPromise, { description: "The decision's answer: exactly what productPromise answers for the same SKU and quantity" }) answer: ProductPromise;
  @Field(() => Int, { description: "Units in stock now" }) inventoryAvailable: number;
  @Field(() => [PromiseExplanationPoItem], { description: "Every PO item of the product, in any status: dated ones in preference order, undated ones last" }) poItems: PromiseExplanationPoItem[];
  @Field(() => Int, { description: "The quantity explained (1 when not given)" }) quantity: number;
  @Field({ description: "The SKU asked for" }) sku: string;
  @Field(() => [PromiseStep], { description: "The decision, step by step, ending in an ANSWER step" }) steps: PromiseStep[];
  @Field(() => Int, { description: "Pre-order items of the product waiting in parking for a PO (no PO, no promise date, open)" }) waitingPreOrderCount: number;
  @Field(() => Int, { description: "Units of those waiting pre-order items" }) waitingPreOrderUnits: number;
}

const toPoItem = (p: ExplainedPoItem): PromiseExplanationPoItem => ({
  allocatedQuantity: p.item.allocatedQuantity, arrivalDate: p.item.estimatedDeliveryDate, availableToPromise: p.availableToPromise,
  blocker: p.blocker as PromiseBlocker | null, bufferDays: p.item.bufferDays, canPromise: p.blocker === null, orderBuffer: p.item.orderBuffer,
  promiseDate: p.promiseDate, purchaseOrderId: p.item.orderId, quantity: p.item.quantity, receivedQuantity: p.item.receivedQuantity, seqId: p.item.orderItemSeqId,
});

const toStep = (s: PromiseStepView): PromiseStep => ({ ...s, kind: s.kind as PromiseStepKind });

export const toPromiseExplanation = (v: PromiseExplanationView): PromiseExplanation => ({
  answer: toProductPromise(v.answer), inventoryAvailable: v.inventoryAvailable, poItems: v.poItems.map(toPoItem), quantity: v.quantity,
  sku: v.sku, steps: v.steps.map(toStep), waitingPreOrderCount: v.waitingPreOrderCount, waitingPreOrderUnits: v.waitingPreOrderUnits,
});
