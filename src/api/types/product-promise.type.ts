import { Field, ID, Int, ObjectType } from "type-graphql";
import { ProductPromiseView } from "../../domain";
import { AvailabilityStatus } from "./enums";
import { DateScalar } from "./scalars";

// simpleResolvers: plain data fields, no middleware wrapper per field on the hottest path.
@ObjectType({ simpleResolvers: true, description: "What the product page (PDP) shows for a SKU: in stock, pre-order with a promise date, or out of stock" })
export class ProductPromise {
  @Field({ description: "The SKU asked for" }) sku: string;
  @Field(() => AvailabilityStatus, { description: "IN_STOCK when inventory covers the quantity; else PRE_ORDER when one allocatable PO item can; else OUT_OF_STOCK" })
  status: AvailabilityStatus;
  @Field(() => Int, { description: "PO ATP summed over allocatable PO items with an arrival date (today or later) and ATP > 0; given in every status. Capped at 2147483647 (the largest Int): a sum above it reads 2147483647" })
  availableToPromise: number;
  @Field(() => DateScalar, { nullable: true, description: "PRE_ORDER only: the day to promise, the arrival date of the first PO item (earliest arrival, then PO id) whose ATP covers the quantity, plus its bufferDays; a pre-order placed now is promised this day. Else null" })
  promiseDate: Date | null;
  @Field(() => ID, { nullable: true, description: "PRE_ORDER only: the id of that PO item's purchase order; else null" })
  purchaseOrderId: string | null;
  @Field(() => Int, { description: "Units in stock now that can be sold online" })
  inventoryAvailable: number;
  @Field(() => Int, { description: "The quantity this answer is for: the quantity argument, 1 when not given" })
  quantity: number;
}

export const toProductPromise = (view: ProductPromiseView): ProductPromise => ({
  sku: view.sku,
  status: view.status as AvailabilityStatus,
  availableToPromise: view.availableToPromise,
  promiseDate: view.promiseDate,
  purchaseOrderId: view.purchaseOrderId,
  inventoryAvailable: view.inventoryAvailable,
  quantity: view.quantity,
});
