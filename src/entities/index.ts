import { AllocationEventEntity } from "./allocation-event.entity";
import { AllocationRunEntity } from "./allocation-run.entity";
import { OrderHeaderEntity } from "./order-header.entity";
import { ProductEntity } from "./product.entity";
import { PromiseDateChangeEntity } from "./promise-date-change.entity";
import { PurchaseOrderItemEntity } from "./purchase-order-item.entity";
import { SalesOrderItemEntity } from "./sales-order-item.entity";

export * from "./allocation-event.entity";
export * from "./allocation-run.entity";
export * from "./order-header.entity";
export * from "./product.entity";
export * from "./promise-date-change.entity";
export * from "./purchase-order-item.entity";
export * from "./sales-order-item.entity";

export const entities = [
  ProductEntity,
  OrderHeaderEntity,
  PurchaseOrderItemEntity,
  SalesOrderItemEntity,
  AllocationRunEntity,
  AllocationEventEntity,
  PromiseDateChangeEntity,
];
