import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { idText, statusText, timestamp } from "./columns";
import { ItemStatusId } from "./purchase-order-item.entity";

/**
 * One line of a sales order. A pre-order waits in PRE_ORDER_PARKING; once tied it points at a
 * PO item (`poItemId`) and carries that item's arrival date as its promise date.
 * `orderDate` is copied from the header so the first-in-first-out scan is one index range:
 * ix_so_item_waiting holds the waiting predicate and the FIFO key per product, ix_so_item_fifo
 * the pre-order list's order.
 */
@Entity("sales_order_item")
@Unique("uq_so_item_seq", ["orderId", "orderItemSeqId"])
@Index("ix_so_item_waiting", ["facilityId", "productId", "promisedDatetime", "poItemId", "orderDate", "orderId", "orderItemSeqId", "statusId"])
@Index("ix_so_item_fifo", ["orderDate", "orderId", "orderItemSeqId"])
@Index("ix_so_item_po_item", ["poItemId"])
@Check("ck_so_item_quantity", "quantity >= 1")
export class SalesOrderItemEntity {
  @PrimaryGeneratedColumn({ name: "so_item_id" })
  id: number;

  @Column(idText({ name: "order_id" }))
  orderId: string;

  @Column(statusText({ name: "order_item_seq_id" }))
  orderItemSeqId: string;

  @Column({ type: "int", name: "product_id" })
  productId: number;

  @Column({ type: "int" })
  quantity: number;

  @Column(statusText({ name: "status_id" }))
  statusId: ItemStatusId;

  /** The facility of the item's ship group: PRE_ORDER_PARKING while it waits for a PO. */
  @Column(idText({ name: "facility_id" }))
  facilityId: string;

  @Column(timestamp({ name: "order_date" }))
  orderDate: Date;

  @Column(timestamp({ name: "promised_datetime", nullable: true }))
  promisedDatetime: Date | null;

  @Column({ type: "int", name: "po_item_id", nullable: true })
  poItemId: number | null;
}
