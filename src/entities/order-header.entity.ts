import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { idText, statusText, timestamp } from "./columns";

export type OrderTypeId = "SALES_ORDER" | "PURCHASE_ORDER";
export type OrderStatusId = "ORDER_CREATED" | "ORDER_APPROVED" | "ORDER_COMPLETED" | "ORDER_CANCELLED";

/** Sales orders and purchase orders share one header table, as in the OFBiz data model. */
@Entity("order_header")
@Index("ix_order_header_type_date", ["orderTypeId", "orderDate", "orderId"])
export class OrderHeaderEntity {
  @PrimaryColumn({ type: "varchar", length: 64, name: "order_id" })
  orderId: string;

  @Column(statusText({ name: "order_type_id" }))
  orderTypeId: OrderTypeId;

  @Column(statusText({ name: "status_id" }))
  statusId: OrderStatusId;

  @Column(timestamp({ name: "order_date" }))
  orderDate: Date;

  /** A PO's destination warehouse; null on sales orders (their items carry the facility). */
  @Column(idText({ name: "facility_id", nullable: true }))
  facilityId: string | null;

  @Column(timestamp({ name: "created_at" }))
  createdAt: Date;
}
