import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { count, idText, statusText, timestamp } from "./columns";
import { AllocationEventType } from "./allocation-event.entity";

/**
 * The promise-date change feed (outbox). One row per promise date set, changed or cleared, in
 * the same transaction as the change; only `acknowledged`/`acknowledgedAt` are ever updated.
 */
@Entity("promise_date_change")
@Index("ix_promise_date_change_ack", ["acknowledged", "id"])
export class PromiseDateChangeEntity {
  @PrimaryGeneratedColumn({ name: "change_id" })
  id: number;

  @Column(timestamp({ name: "changed_at" }))
  at: Date;

  /** The history event that changed the promise date. */
  @Column(statusText({ name: "event_type" }))
  type: AllocationEventType;

  @Column({ type: "int", name: "so_item_id" })
  salesOrderItemId: number;

  @Column(idText({ name: "order_id" }))
  orderId: string;

  @Column(statusText({ name: "order_item_seq_id" }))
  orderItemSeqId: string;

  @Column(timestamp({ name: "old_promise_date", nullable: true }))
  oldPromiseDate: Date | null;

  @Column(timestamp({ name: "new_promise_date", nullable: true }))
  newPromiseDate: Date | null;

  @Column({ type: "varchar", length: 255 })
  reason: string;

  /** 0 until the worker acknowledges the row, then 1 (an int, so both databases agree on it). */
  @Column(count())
  acknowledged: number;

  @Column(timestamp({ name: "acknowledged_at", nullable: true }))
  acknowledgedAt: Date | null;
}
