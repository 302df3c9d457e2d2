import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { count, idText, statusText, timestamp } from "./columns";

/** The CHECK the receiving migration adds (src/migrations/1764700000000-receiving.ts), word for word. */
const RECEIVED_CHECK =
  "received_quantity >= 0 AND received_quantity <= quantity AND held_quantity >= 0 AND released_quantity >= 0 " +
  "AND held_quantity + released_quantity <= received_quantity " +
  "AND held_quantity <= allocated_quantity AND allocated_quantity + received_quantity <= quantity + held_quantity";

export type ItemStatusId = "ITEM_CREATED" | "ITEM_APPROVED" | "ITEM_COMPLETED" | "ITEM_CANCELLED";

/**
 * One line of a purchase order. `allocatedQuantity` is the sum of the quantities of the
 * pre-order items tied to it that still wait in parking (a pre-order released to fulfilment keeps
 * its tie for the record but holds no units of the PO any more). `receivedQuantity` counts the
 * units that arrived; `heldQuantity` the received units kept for still-tied pre-orders that the
 * units still to come cannot cover (docs/domain.md#receiving-and-release). The CHECKs keep PO ATP
 * ((quantity - received) - orderBuffer - allocated) honest whatever the application does: every
 * received unit is counted once (held ones belong to tied pre-orders), and the units still to come
 * plus the held ones cover every tied pre-order.
 */
@Entity("purchase_order_item")
@Unique("uq_po_item_seq", ["orderId", "orderItemSeqId"])
@Index("ix_po_item_product", ["productId", "statusId", "estimatedDeliveryDate"])
@Check("ck_po_item_atp", "quantity >= 1 AND order_buffer >= 0 AND buffer_days >= 0 AND allocated_quantity >= 0 AND allocated_quantity + order_buffer <= quantity")
@Check("ck_po_item_received", RECEIVED_CHECK)
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

  /** Units that arrived (receivePurchaseOrderItem); the item completes when all did. */
  @Column(count({ name: "received_quantity" }))
  receivedQuantity: number;

  /** Received units kept for the pre-orders still tied here, neither released nor in inventory. */
  @Column(count({ name: "held_quantity" }))
  heldQuantity: number;

  /** Received units handed to the pre-orders receipts released; received - released - held became inventory. */
  @Column(count({ name: "released_quantity" }))
  releasedQuantity: number;

  /** The arrival date; a pre-order tied here is promised this date. */
  @Column(timestamp({ name: "estimated_delivery_date", nullable: true }))
  estimatedDeliveryDate: Date | null;

  @Column(statusText({ name: "status_id" }))
  statusId: ItemStatusId;
}
