import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumnOptions, TableIndex, TableUnique } from "typeorm";
import { dialectOf } from "../db/dialect";

const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: "varchar", length: String(length), isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: "datetime", precision: 3, isNullable: nullable });

/** Products, order headers, PO items, sales order items, allocation runs and their history. */
export class InitialSchema1764220000000 implements MigrationInterface {
  name = "InitialSchema1764220000000";

  async up(q: QueryRunner): Promise<void> {
    // The dialect's integer type: SQLite auto-increments only an INTEGER PRIMARY KEY.
    const intType = dialectOf(q).intType;
    const id = (name: string): TableColumnOptions => ({ name, type: intType, isPrimary: true, isGenerated: true, generationStrategy: "increment" });
    const int = (name: string, defaultValue?: number): TableColumnOptions => ({ name, type: intType, default: defaultValue });
    const nullableInt = (name: string): TableColumnOptions => ({ name, type: intType, isNullable: true });
    await q.createTable(new Table({
      name: "product",
      columns: [id("product_id"), text("sku", 64), text("name", 255), int("inventory_available", 0)],
      indices: [new TableIndex({ name: "uq_product_sku", columnNames: ["sku"], isUnique: true })],
    }));
    await q.createTable(new Table({
      name: "order_header",
      columns: [
        { ...text("order_id", 64), isPrimary: true }, text("order_type_id", 20), text("status_id", 20),
        time("order_date"), text("facility_id", 64, true), time("created_at"),
      ],
      indices: [new TableIndex({ name: "ix_order_header_type_date", columnNames: ["order_type_id", "order_date", "order_id"] })],
    }));
    await q.createTable(new Table({
      name: "purchase_order_item",
      columns: [
        id("po_item_id"), text("order_id", 64), text("order_item_seq_id", 20), int("product_id"), int("quantity"),
        int("order_buffer", 0), int("buffer_days", 0), int("allocated_quantity", 0),
        time("estimated_delivery_date", true), text("status_id", 20),
      ],
      uniques: [new TableUnique({ name: "uq_po_item_seq", columnNames: ["order_id", "order_item_seq_id"] })],
      indices: [new TableIndex({ name: "ix_po_item_product", columnNames: ["product_id", "status_id", "estimated_delivery_date"] })],
      checks: [new TableCheck({
        name: "ck_po_item_atp",
        expression: "quantity >= 1 AND order_buffer >= 0 AND buffer_days >= 0 AND allocated_quantity >= 0 AND allocated_quantity + order_buffer <= quantity",
      })],
    }));
    await q.createTable(new Table({
      name: "sales_order_item",
      columns: [
        id("so_item_id"), text("order_id", 64), text("order_item_seq_id", 20), int("product_id"), int("quantity"),
        text("status_id", 20), text("facility_id", 64), time("order_date"), time("promised_datetime", true), nullableInt("po_item_id"),
      ],
      uniques: [new TableUnique({ name: "uq_so_item_seq", columnNames: ["order_id", "order_item_seq_id"] })],
      indices: [
        new TableIndex({ name: "ix_so_item_waiting", columnNames: ["facility_id", "product_id", "promised_datetime", "order_date"] }),
        new TableIndex({ name: "ix_so_item_po_item", columnNames: ["po_item_id"] }),
      ],
      checks: [new TableCheck({ name: "ck_so_item_quantity", expression: "quantity >= 1" })],
    }));
    await q.createTable(new Table({
      name: "allocation_run",
      columns: [
        id("run_id"), text("purchase_order_id", 64), text("triggered_by", 255, true), time("started_at"), time("finished_at", true),
        int("allocated_item_count", 0), int("allocated_quantity", 0), int("skipped_item_count", 0),
      ],
      indices: [new TableIndex({ name: "ix_allocation_run_po", columnNames: ["purchase_order_id", "run_id"] })],
    }));
    await q.createTable(new Table({
      name: "allocation_event",
      columns: [
        id("event_id"), text("event_type", 20), time("event_at"), text("actor", 255, true), text("reason", 255), nullableInt("run_id"),
        int("so_item_id"), text("order_id", 64), text("order_item_seq_id", 20), int("po_item_id"), text("purchase_order_id", 64),
        text("po_item_seq_id", 20), int("quantity"), time("old_promise_date", true), time("new_promise_date", true),
      ],
      indices: [
        new TableIndex({ name: "ix_allocation_event_so_item", columnNames: ["order_id", "order_item_seq_id", "event_id"] }),
        new TableIndex({ name: "ix_allocation_event_po", columnNames: ["purchase_order_id", "event_id"] }),
        new TableIndex({ name: "ix_allocation_event_run", columnNames: ["run_id"] }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["allocation_event", "allocation_run", "sales_order_item", "purchase_order_item", "order_header", "product"]) {
      await q.dropTable(table);
    }
  }
}
