import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { count, idText } from "./columns";

/** A sellable product; `sku` is the shop's own key and is unique. */
@Entity("product")
export class ProductEntity {
  @PrimaryGeneratedColumn({ name: "product_id" })
  id: number;

  @Index("uq_product_sku", { unique: true })
  @Column(idText())
  sku: string;

  @Column({ type: "varchar", length: 255 })
  name: string;

  /** Units in stock now that can be sold online. */
  @Column(count({ name: "inventory_available" }))
  inventoryAvailable: number;
}
