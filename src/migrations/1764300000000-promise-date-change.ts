import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from "typeorm";
import { dialectOf } from "../db/dialect";

const text = (name: string, length: number): TableColumnOptions => ({ name, type: "varchar", length: String(length) });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: "datetime", precision: 3, isNullable: nullable });

/**
 * The promise-date change feed (an outbox): one row per promise date set, changed or cleared,
 * written in the same transaction as the change, read and acknowledged by the worker that tells
 * customers and the shop.
 */
export class PromiseDateChange1764300000000 implements MigrationInterface {
  name = "PromiseDateChange1764300000000";

  async up(q: QueryRunner): Promise<void> {
    const intType = dialectOf(q).intType;
    await q.createTable(new Table({
      name: "promise_date_change",
      columns: [
        { name: "change_id", type: intType, isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        time("changed_at"), text("event_type", 20), { name: "so_item_id", type: intType },
        text("order_id", 64), text("order_item_seq_id", 20), time("old_promise_date", true), time("new_promise_date", true),
        text("reason", 255), { name: "acknowledged", type: intType, default: 0 }, time("acknowledged_at", true),
      ],
      indices: [new TableIndex({ name: "ix_promise_date_change_ack", columnNames: ["acknowledged", "change_id"] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("promise_date_change");
  }
}
