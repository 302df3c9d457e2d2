import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { availableToPromise, objectId, promiseDateOf, statusOf } from "../../domain";
import { OrderStatus } from "./enums";
import { Node } from "./node.type";
import { Connection } from "./page.type";
import { DateScalar, DateTimeScalar } from "./scalars";

@ObjectType({ implements: Node, description: "A purchase order (PO): stock coming from a supplier to a warehouse, one line per product" })
export class PurchaseOrder implements Node {
  @Field(() => ID, { description: 'The PO\'s order id as uploaded, e.g. "PO-1001"; also its global id for node(id)' }) id: string;
  @Field(() => OrderStatus, { description: "CREATED or APPROVED: open, can take pre-orders; COMPLETED or CANCELLED: final" }) status: OrderStatus;
  @Field({ description: "The warehouse the stock is delivered to" }) facilityId: string;
  @Field(() => DateTimeScalar, { description: "When the PO was placed (an instant, UTC)" }) orderDate: Date;
}

@ObjectType({ implements: Node, description: "One line of a purchase order: units of one product arriving on one day" })
export class PurchaseOrderItem implements Node {
  /** Internal key, not in the schema. */
  poItemId: number;
  productId: number;

  @Field(() => ID, { description: 'Globally unique id, e.g. "PurchaseOrderItem:345" (for node(id) and client caches); the business key is purchaseOrderId + seqId' })
  id: string;
  @Field(() => ID, { description: "The id of the PO this line belongs to" }) purchaseOrderId: string;
  @Field({ description: '"00001", "00002", ... in upload order; unique within its PO' }) seqId: string;
  @Field(() => Int, { description: "Units ordered from the supplier" }) quantity: number;
  @Field(() => Int, { description: "Units held back, never promised to pre-orders" }) orderBuffer: number;
  @Field(() => Int, { description: "Days added to the arrival date to get the promise date of the pre-orders tied here (and the PDP's date)" }) bufferDays: number;
  @Field(() => Int, { description: "Sum of the quantities of the pre-order items tied to this line and still waiting in parking (not yet released to fulfilment)" })
  allocatedQuantity: number;
  @Field(() => Int, {
    description: "PO ATP, units still to come that are free to promise: (quantity - receivedQuantity) - orderBuffer - allocatedQuantity, never below 0; 0 for a cancelled or completed item",
  }) availableToPromise: number;
  @Field(() => DateScalar, { nullable: true, description: "The day the stock is expected (estimated delivery date); null = not known yet, so nothing can be promised from this line" })
  arrivalDate: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "The day a pre-order tied to this line is promised: arrivalDate plus bufferDays; null without an arrival date" })
  promiseDate: Date | null;
  @Field(() => Int, { description: "Units that arrived (receivePurchaseOrderItem); the line completes when all did" }) receivedQuantity: number;
  @Field(() => OrderStatus, { description: "CREATED or APPROVED: open; COMPLETED or CANCELLED: takes no more pre-orders" }) status: OrderStatus;
}

export const PurchaseOrderConnection = Connection("PurchaseOrder", PurchaseOrder, "purchase orders");

@InputType({ description: "Which purchase orders to list; every field given must match" })
export class PurchaseOrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: "Only POs in one of these statuses: at most 100 entries" }) status?: OrderStatus[];
  @Field({ nullable: true, description: "Only POs with an item of this SKU" }) sku?: string;
  @Field({ nullable: true, description: "Only POs whose id contains this text, ignoring case" }) search?: string;
  @Field({ nullable: true, description: "true: only POs whose products have pre-orders waiting (pendingPreOrderCount > 0); false: only those without" })
  hasPendingPreOrders?: boolean;
}

@InputType({ description: "One line of a new purchase order" })
export class PurchaseOrderItemInput {
  @Field({ description: "The product's SKU, exactly as stored (compared byte for byte); it must exist (upsertProducts)" }) sku: string;
  @Field(() => Int, { description: "Units ordered, 1 to 1000000" }) quantity: number;
  @Field(() => DateScalar, { nullable: true, description: 'The day the stock is expected, "YYYY-MM-DD"; left out: not known yet' }) arrivalDate?: Date;
  @Field(() => Int, { nullable: true, defaultValue: 0, description: "Units held back from promising, 0 to quantity (so at most 1000000)" }) orderBuffer?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0, description: "Days added to the arrival date for the customer's promise date, 0 to 365" }) bufferDays?: number;
}

@InputType({ description: "A new purchase order with its lines" })
export class PurchaseOrderInput {
  @Field(() => ID, { description: 'The PO\'s order id, e.g. "PO-1001": at most 64 characters, no whitespace at either end, no control or invisible characters, not used by any other order (ids compare exactly: "po-1" is not "PO-1"), and not starting with a type name and ":" ("PreOrderItem:...")' })
  id: string;
  @Field({ description: "The warehouse the stock is delivered to: at most 64 characters, no whitespace at either end, no control or invisible characters; compared exactly" }) facilityId: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "When it was placed; left out: now" }) orderDate?: Date;
  @Field(() => OrderStatus, { nullable: true, defaultValue: OrderStatus.CREATED, description: "Its status; usually CREATED or APPROVED" }) status?: OrderStatus;
  @Field(() => [PurchaseOrderItemInput], { description: "Its lines, numbered 00001, 00002, ... in this order: 1 to 2000 of them" }) items: PurchaseOrderItemInput[];
}

@ObjectType({ description: "A bad row of a PO upload" })
export class CsvRowError {
  @Field(() => Int, { description: "Line number in the CSV; the header is line 1" }) line: number;
  @Field({ description: "What is wrong with the row, in words" }) message: string;
}

export const toPurchaseOrder = (header: OrderHeaderEntity): PurchaseOrder => ({
  id: header.orderId,
  status: statusOf(header.statusId) as OrderStatus,
  facilityId: header.facilityId ?? "",
  orderDate: header.orderDate,
});

export const toPurchaseOrderItem = (item: PurchaseOrderItemEntity): PurchaseOrderItem => ({
  id: objectId("PurchaseOrderItem", item.id),
  poItemId: item.id,
  productId: item.productId,
  purchaseOrderId: item.orderId,
  seqId: item.orderItemSeqId,
  quantity: item.quantity,
  orderBuffer: item.orderBuffer,
  bufferDays: item.bufferDays,
  allocatedQuantity: item.allocatedQuantity,
  receivedQuantity: item.receivedQuantity,
  availableToPromise: availableToPromise(item),
  arrivalDate: item.estimatedDeliveryDate,
  promiseDate: promiseDateOf(item),
  status: statusOf(item.statusId) as OrderStatus,
});
