import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { availableToPromise, statusOf } from "../../domain";
import { OrderStatus } from "./enums";
import { Connection } from "./page.type";
import { DateTimeScalar } from "./scalars";

@ObjectType({ description: "A purchase order: stock coming from a supplier" })
export class PurchaseOrder {
  @Field(() => ID, { description: 'The PO\'s order id as uploaded, e.g. "PO-1001"' }) id: string;
  @Field(() => OrderStatus) status: OrderStatus;
  @Field() facilityId: string;
  @Field(() => DateTimeScalar) orderDate: Date;
}

@ObjectType({ description: "One line of a purchase order" })
export class PurchaseOrderItem {
  /** Internal key, not in the schema. */
  poItemId: number;
  productId: number;
  purchaseOrderId: string;

  @Field({ description: '"00001", "00002", ... in upload order' }) seqId: string;
  @Field(() => Int) quantity: number;
  @Field(() => Int, { description: "Units held back from promising" }) orderBuffer: number;
  @Field(() => Int, { description: "Days added to the arrival date shown on the PDP" }) bufferDays: number;
  @Field(() => Int, { description: "Sum of the quantities of the pre-order items tied to this line" }) allocatedQuantity: number;
  @Field(() => Int, { description: "PO ATP: quantity - orderBuffer - allocatedQuantity" }) availableToPromise: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "Estimated delivery date" }) arrivalDate: Date | null;
  @Field(() => OrderStatus) status: OrderStatus;
}

export const PurchaseOrderConnection = Connection("PurchaseOrder", PurchaseOrder);

@InputType()
export class PurchaseOrderFilter {
  @Field(() => [OrderStatus], { nullable: true }) status?: OrderStatus[];
  @Field({ nullable: true, description: "POs with an item of this SKU" }) sku?: string;
  @Field({ nullable: true, description: "Case-insensitive substring of the PO id" }) search?: string;
  @Field({ nullable: true }) hasPendingPreOrders?: boolean;
}

@InputType()
export class PurchaseOrderItemInput {
  @Field() sku: string;
  @Field(() => Int) quantity: number;
  @Field(() => DateTimeScalar, { nullable: true }) arrivalDate?: Date;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) orderBuffer?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) bufferDays?: number;
}

@InputType()
export class PurchaseOrderInput {
  @Field(() => ID) id: string;
  @Field() facilityId: string;
  @Field(() => DateTimeScalar, { nullable: true }) orderDate?: Date;
  @Field(() => OrderStatus, { nullable: true, defaultValue: OrderStatus.CREATED }) status?: OrderStatus;
  @Field(() => [PurchaseOrderItemInput]) items: PurchaseOrderItemInput[];
}

@ObjectType()
export class CsvRowError {
  @Field(() => Int, { description: "Line number in the CSV; the header is line 1" }) line: number;
  @Field() message: string;
}

@ObjectType()
export class ImportPurchaseOrdersPayload {
  @Field(() => [PurchaseOrder]) purchaseOrders: PurchaseOrder[];
  @Field(() => [CsvRowError]) errors: CsvRowError[];
}

export const toPurchaseOrder = (header: OrderHeaderEntity): PurchaseOrder => ({
  id: header.orderId,
  status: statusOf(header.statusId) as OrderStatus,
  facilityId: header.facilityId ?? "",
  orderDate: header.orderDate,
});

export const toPurchaseOrderItem = (item: PurchaseOrderItemEntity): PurchaseOrderItem => ({
  poItemId: item.id,
  productId: item.productId,
  purchaseOrderId: item.orderId,
  seqId: item.orderItemSeqId,
  quantity: item.quantity,
  orderBuffer: item.orderBuffer,
  bufferDays: item.bufferDays,
  allocatedQuantity: item.allocatedQuantity,
  availableToPromise: availableToPromise(item),
  arrivalDate: item.estimatedDeliveryDate,
  status: statusOf(item.statusId) as OrderStatus,
});
