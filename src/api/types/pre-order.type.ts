import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PreOrderItemView, objectId } from "../../domain";
import { OrderStatus } from "./enums";
import { Node } from "./node.type";
import { Connection } from "./page.type";
import { DateScalar, DateTimeScalar } from "./scalars";

@ObjectType({ implements: Node, description: "One line of a customer's sales order; a pre-order while it waits in PRE_ORDER_PARKING for stock from a purchase order" })
export class PreOrderItem implements Node {
  productId: number;

  @Field(() => ID, { description: 'Globally unique id, e.g. "PreOrderItem:17" (for node(id) and client caches); the business key is orderId + seqId' })
  id: string;
  @Field(() => ID, { description: "The shop's order id" }) orderId: string;
  @Field({ description: '"00001", "00002", ... in the order the shop sent the lines; unique within its order' }) seqId: string;
  @Field(() => DateTimeScalar, { description: "When the customer ordered (an instant, UTC): first in, first out is by this" }) orderDate: Date;
  @Field(() => Int, { description: "Units ordered; a pre-order is tied whole, never split" }) quantity: number;
  @Field(() => OrderStatus, { description: "CREATED or APPROVED: open; COMPLETED or CANCELLED: final" }) status: OrderStatus;
  @Field({ description: "Where it waits: PRE_ORDER_PARKING for a pre-order, BACKORDER_PARKING for a back order, or a warehouse" }) facilityId: string;
  @Field(() => DateScalar, { nullable: true, description: "The day the customer is promised (its PO item's arrival date plus buffer days); null = no promise yet" })
  promiseDate: Date | null;
  @Field(() => ID, { nullable: true, description: "The id of the PO it is tied to; null = not tied" }) purchaseOrderId: string | null;
  @Field(() => String, { nullable: true, description: "The seq id of the PO item it is tied to; null = not tied" }) purchaseOrderItemSeqId: string | null;
}

export const PreOrderItemConnection = Connection("PreOrderItem", PreOrderItem, "pre-order items");

@InputType({ description: "Which sales order items to list; every field given must match" })
export class PreOrderFilter {
  @Field({ nullable: true, description: "Only items of this SKU" }) sku?: string;
  @Field(() => ID, { nullable: true, description: "Only items tied to this PO" }) purchaseOrderId?: string;
  @Field({ nullable: true, description: "true: only items with a promise date; false: only items without" }) promised?: boolean;
  @Field({ nullable: true, description: "true: only items tied to a PO; false: only items not tied" }) allocated?: boolean;
  @Field({ nullable: true, description: "Only items waiting in this facility, e.g. PRE_ORDER_PARKING" }) facilityId?: string;
  @Field(() => DateScalar, { nullable: true, description: "Only items promised on this day or later" }) promiseDateFrom?: Date;
  @Field(() => DateScalar, { nullable: true, description: "Only items promised on this day or earlier" }) promiseDateTo?: Date;
  @Field({ nullable: true, description: "Only items whose order id, SKU or product name contains this text, ignoring case (at most 255 characters)" }) search?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "Only items ordered at this instant or later" }) orderDateFrom?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: "Only items ordered at this instant or earlier" }) orderDateTo?: Date;
  @Field({ nullable: true, description: "true: only items waiting for stock (open, in PRE_ORDER_PARKING, not tied); false: only items tied to a PO and still in parking" })
  waiting?: boolean;
}

@ObjectType({ description: "The pre-order queue's counts for a filter: what the merchandiser's daily view shows above the list" })
export class PreOrderQueueSummary {
  @Field(() => Int, { description: "Items selected" }) itemCount: number;
  @Field(() => Int, { description: "Distinct orders among them" }) orderCount: number;
  @Field(() => Int, { description: "Items tied to a PO and still in parking" }) tiedItemCount: number;
  @Field(() => Int, { description: "Units (the sum of the items' quantities), capped at 2147483647 (the largest Int): a sum above it reads 2147483647" }) unitCount: number;
  @Field(() => Int, { description: "Items waiting for stock: open, in PRE_ORDER_PARKING, not tied" }) waitingItemCount: number;
}

@InputType({ description: "A pre-order item named by its business key" })
export class PreOrderItemRef {
  @Field(() => ID, { description: "The pre-order's order id" }) orderId: string;
  @Field({ description: "The item's seq id, e.g. \"00001\"" }) seqId: string;
}

@InputType({ description: "One line of a pre-order being imported" })
export class PreOrderItemInput {
  @Field({ description: "The product's SKU, exactly as stored (compared byte for byte); it must exist" }) sku: string;
  @Field(() => Int, { description: "Units ordered, 1 to 1000000" }) quantity: number;
  @Field({ nullable: true, defaultValue: "PRE_ORDER_PARKING", description: "Where it waits; only PRE_ORDER_PARKING lines are tied to POs" }) facilityId?: string;
}

@InputType({ description: "A sales order from the shop, imported as pre-orders" })
export class PreOrderInput {
  @Field(() => ID, { description: "The shop's order id: at most 64 characters, no whitespace at either end, no control or invisible characters, not starting with a type name and \":\"; compared exactly (so-1 is not SO-1); the same id again changes nothing" })
  orderId: string;
  @Field(() => DateTimeScalar, { description: "When the customer ordered (an instant)" }) orderDate: Date;
  @Field(() => [PreOrderItemInput], { description: "Its lines, numbered 00001, 00002, ... in this order (at most 1000)" }) items: PreOrderItemInput[];
}

@ObjectType({ description: "The outcome of a pre-order import" })
export class ImportPreOrderPayload {
  @Field({ description: "False when this order id was imported before: nothing changed then" }) created: boolean;
  @Field(() => [PreOrderItem], { description: "The order's items as stored: tied and promised where a PO could cover them" }) items: PreOrderItem[];
}

export const toPreOrderItem = (view: PreOrderItemView): PreOrderItem => ({
  id: objectId("PreOrderItem", view.id),
  productId: view.productId,
  orderId: view.orderId,
  seqId: view.seqId,
  orderDate: view.orderDate,
  quantity: view.quantity,
  status: view.status as OrderStatus,
  facilityId: view.facilityId,
  promiseDate: view.promiseDate,
  purchaseOrderId: view.purchaseOrderId,
  purchaseOrderItemSeqId: view.purchaseOrderItemSeqId,
});
