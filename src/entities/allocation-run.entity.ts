import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { count, idText, timestamp } from "./columns";

/** One press of "Allocate Sales Orders" that committed (dry runs leave no row). */
@Entity("allocation_run")
@Index("ix_allocation_run_po", ["purchaseOrderId", "id"])
export class AllocationRunEntity {
  @PrimaryGeneratedColumn({ name: "run_id" })
  id: number;

  @Column(idText({ name: "purchase_order_id" }))
  purchaseOrderId: string;

  @Column({ type: "varchar", length: 255, name: "triggered_by", nullable: true })
  triggeredBy: string | null;

  @Column(timestamp({ name: "started_at" }))
  startedAt: Date;

  @Column(timestamp({ name: "finished_at", nullable: true }))
  finishedAt: Date | null;

  @Column(count({ name: "allocated_item_count" }))
  allocatedItemCount: number;

  @Column(count({ name: "allocated_quantity" }))
  allocatedQuantity: number;

  @Column(count({ name: "skipped_item_count" }))
  skippedItemCount: number;
}
