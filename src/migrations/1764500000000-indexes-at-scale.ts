import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes for a busy retailer (200,000 pre-orders, 5,000 POs; test/db/query-plans.test.ts):
 * - ix_so_item_waiting now holds the whole waiting predicate and the first-in-first-out key:
 *   "does this product have a waiting pre-order" is one dive into it, and a product's waiting
 *   items come out in FIFO order;
 * - ix_so_item_fifo serves the pre-order list's default order (first in, first out) without a sort.
 * On MariaDB/MySQL both are built online (InnoDB); on a Galera cluster the DDL runs on every node at once.
 */
export class IndexesAtScale1764500000000 implements MigrationInterface {
  name = "IndexesAtScale1764500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex("sales_order_item", "ix_so_item_waiting");
    await q.createIndex("sales_order_item", new TableIndex({
      name: "ix_so_item_waiting",
      columnNames: ["facility_id", "product_id", "promised_datetime", "po_item_id", "order_date", "order_id", "order_item_seq_id", "status_id"],
    }));
    await q.createIndex("sales_order_item", new TableIndex({ name: "ix_so_item_fifo", columnNames: ["order_date", "order_id", "order_item_seq_id"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("sales_order_item", "ix_so_item_fifo");
    await q.dropIndex("sales_order_item", "ix_so_item_waiting");
    await q.createIndex("sales_order_item", new TableIndex({ name: "ix_so_item_waiting", columnNames: ["facility_id", "product_id", "promised_datetime", "order_date"] }));
  }
}
