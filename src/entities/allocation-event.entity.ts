import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { idText, statusText, timestamp } from "./columns";

export type AllocationEventType = "ALLOCATE" | "RELEASE" | "REPROMISE" | "FULFILLMENT_RELEASE" | "MOVE";

/** Append-only history of every tie, untie and re-promise. Rows are never updated. */
@Entity("allocation_event")
@Index("ix_allocation_event_so_item", ["orderId", "orderItemSeqId", "id"])
@Index("ix_allocation_event_po", ["purchaseOrderId", "id"])
@Index("ix_allocation_event_run", ["runId"])
export class AllocationEventEntity {
  @PrimaryGeneratedColumn({ name: "event_id" })
  id: number;

  @Column(statusText({ name: "event_type" }))
  type: AllocationEventType;

  @Column(timestamp({ name: "event_at" }))
  at: Date;

  @Column({ type: "varchar", length: 255, nullable: true })
  actor: string | null;

  @Column({ type: "varchar", length: 255 })
  reason: string;

  @Column({ type: "int", name: "run_id", nullable: true })
  runId: number | null;

  @Column({ type: "int", name: "so_item_id" })
  salesOrderItemId: number;

  @Column(idText({ name: "order_id" }))
  orderId: string;

  @Column(statusText({ name: "order_item_seq_id" }))
  orderItemSeqId: string;

  /** The PO item of the tie; null for an item that was never tied (a hand release or promise date of a waiting item). */
  @Column({ type: "int", name: "po_item_id", nullable: true })
  poItemId: number | null;

  @Column(idText({ name: "purchase_order_id", nullable: true }))
  purchaseOrderId: string | null;

  @Column(statusText({ name: "po_item_seq_id", nullable: true }))
  poItemSeqId: string | null;

  @Column({ type: "int" })
  quantity: number;

  @Column(timestamp({ name: "old_promise_date", nullable: true }))
  oldPromiseDate: Date | null;

  @Column(timestamp({ name: "new_promise_date", nullable: true }))
  newPromiseDate: Date | null;
}
