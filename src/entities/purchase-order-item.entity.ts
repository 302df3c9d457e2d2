import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { count, idText, statusText, timestamp } from "./columns";

export type ItemStatusId = "ITEM_CREATED" | "ITEM_APPROVED" | "ITEM_COMPLETED" | "ITEM_CANCELLED";

/**
 * One line of a purchase order. `allocatedQuantity` is the sum of the quantities of the
 * pre-order items tied to it; the CHECK keeps PO ATP (quantity - orderBuffer - allocated) >= 0
 * whatever the application does.
 */
@Entity("purchase_order_item")
@Unique("uq_po_item_seq", ["orderId", "orderItemSeqId"])
@Index("ix_po_item_product", ["productId", "statusId", "estimatedDeliveryDate"])
@Check("ck_po_item_atp", "quantity >= 1 AND order_buffer >= 0 AND buffer_days >= 0 AND allocated_quantity >= 0 AND allocated_quantity + order_buffer <= quantity")
export class PurchaseOrderItemEntity {
  @PrimaryGeneratedColumn({ name: "po_item_id" })
  id: number;

  @Column(idText({ name: "order_id" }))
  orderId: string;

  @Column(statusText({ name: "order_item_seq_id" }))
  orderItemSeqId: string;

  @Column({ type: "int", name: "product_id" })
  productId: number;

  @Column({ type: "int" })
  quantity: number;

  @Column(count({ name: "order_buffer" }))
  orderBuffer: number;

  @Column(count({ name: "buffer_days" }))
  bufferDays: number;

  @Column(count({ name: "allocated_quantity" }))
  allocatedQuantity: number;

  /** The arrival date; a pre-order tied here is promised this date. */
  @Column(timestamp({ name: "estimated_delivery_date", nullable: true }))
  estimatedDeliveryDate: Date | null;

  @Column(statusText({ name: "status_id" }))
  statusId: ItemStatusId;
}
