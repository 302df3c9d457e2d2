import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";
import { dialectOf } from "../db/dialect";

/**
 * The purge outbox: one row per SKU whose promise a transaction may have changed, written in that
 * transaction (src/domain/edge), read by the purge worker, which purges the SKU's cache tag in
 * every configured cache and marks the row done only when every cache answered.
 */
export class PromisePurge1764900000000 implements MigrationInterface {
  name = "PromisePurge1764900000000";

  async up(q: QueryRunner): Promise<void> {
    const intType = dialectOf(q).intType;
    await q.createTable(new Table({
      name: "promise_purge",
      columns: [
        { name: "purge_id", type: intType, isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "sku", type: "varchar", length: "64" },
        { name: "created_at", type: "datetime", precision: 3 },
        { name: "next_attempt_at", type: "datetime", precision: 3 },
        { name: "attempts", type: intType, default: 0 },
        { name: "done", type: intType, default: 0 },
        { name: "done_at", type: "datetime", precision: 3, isNullable: true },
        { name: "last_error", type: "varchar", length: "255", isNullable: true },
      ],
      // One index, read in id order: the worker's claim must not sort (a sort would read, and
      // lock, every pending row before LIMIT applies, and other workers' SKIP LOCKED would find none).
      indices: [new TableIndex({ name: "ix_promise_purge_pending", columnNames: ["done", "purge_id"] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("promise_purge");
  }
}
