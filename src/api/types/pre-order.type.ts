import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PreOrderItemView } from "../../domain";
import { OrderStatus } from "./enums";
import { Connection } from "./page.type";
import { DateTimeScalar } from "./scalars";

@ObjectType({ description: "A sales order item, usually a pre-order waiting in PRE_ORDER_PARKING" })
export class PreOrderItem {
  productId: number;

  @Field(() => ID) orderId: string;
  @Field() seqId: string;
  @Field(() => DateTimeScalar) orderDate: Date;
  @Field(() => Int) quantity: number;
  @Field(() => OrderStatus) status: OrderStatus;
  @Field() facilityId: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "The promise date; null = missing" }) promiseDate: Date | null;
  @Field(() => ID, { nullable: true, description: "The PO it is tied to; null = none" }) purchaseOrderId: string | null;
  @Field(() => String, { nullable: true }) purchaseOrderItemSeqId: string | null;
}

export const PreOrderItemConnection = Connection("PreOrderItem", PreOrderItem);

@InputType()
export class PreOrderFilter {
  @Field({ nullable: true }) sku?: string;
  @Field(() => ID, { nullable: true }) purchaseOrderId?: string;
  @Field({ nullable: true, description: "true: has a promise date; false: missing" }) promised?: boolean;
  @Field({ nullable: true, description: "true: tied to a PO; false: not tied" }) allocated?: boolean;
  @Field({ nullable: true }) facilityId?: string;
}

@InputType()
export class PreOrderItemInput {
  @Field() sku: string;
  @Field(() => Int) quantity: number;
  @Field({ nullable: true, defaultValue: "PRE_ORDER_PARKING" }) facilityId?: string;
}

@InputType()
export class PreOrderInput {
  @Field(() => ID) orderId: string;
  @Field(() => DateTimeScalar) orderDate: Date;
  @Field(() => [PreOrderItemInput]) items: PreOrderItemInput[];
}

@ObjectType()
export class ImportPreOrderPayload {
  @Field({ description: "false when this order id was imported before; nothing changed then" }) created: boolean;
  @Field(() => [PreOrderItem]) items: PreOrderItem[];
}

export const toPreOrderItem = (view: PreOrderItemView): PreOrderItem => ({
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
