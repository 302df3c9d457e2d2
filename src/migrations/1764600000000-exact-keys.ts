import { MigrationInterface, QueryRunner } from "typeorm";
import { dialectOf } from "../db/dialect";

/** Every column that holds an id, a SKU or a facility id: [table, column, length, nullable]. */
export const KEY_COLUMNS: readonly (readonly [string, string, number, boolean])[] = [
  ["product", "sku", 64, false],
  ["order_header", "order_id", 64, false], ["order_header", "facility_id", 64, true],
  ["purchase_order_item", "order_id", 64, false], ["purchase_order_item", "order_item_seq_id", 20, false],
  ["sales_order_item", "order_id", 64, false], ["sales_order_item", "order_item_seq_id", 20, false], ["sales_order_item", "facility_id", 64, false],
  ["allocation_run", "purchase_order_id", 64, false],
  ["allocation_event", "order_id", 64, false], ["allocation_event", "order_item_seq_id", 20, false],
  ["allocation_event", "purchase_order_id", 64, false], ["allocation_event", "po_item_seq_id", 20, false],
  ["promise_date_change", "order_id", 64, false], ["promise_date_change", "order_item_seq_id", 20, false],
];

/**
 * Ids and SKUs compare exactly, whatever collation the server or the database defaults to
 * (docs/domain.md#object-ids): on MariaDB and MySQL every key column gets the dialect's binary,
 * NO PAD collation (utf8mb4_nopad_bin; utf8mb4_0900_bin), for new and existing databases alike.
 * Turning a case- or accent-insensitive column binary only makes more values distinct, so no
 * unique index can fail on existing rows. SQLite compares bytes already: nothing to do.
 */
export class ExactKeys1764600000000 implements MigrationInterface {
  name = "ExactKeys1764600000000";

  async up(q: QueryRunner): Promise<void> {
    await setKeyCollation(q, dialectOf(q).keyCollation);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to the collation the README asked for before (binary, PAD SPACE).
    await setKeyCollation(q, dialectOf(q).keyCollation && "utf8mb4_bin");
  }
}

async function setKeyCollation(q: QueryRunner, collation: string | null): Promise<void> {
  if (!collation) return;
  const tables = [...new Set(KEY_COLUMNS.map(([table]) => table))];
  for (const table of tables) {
    const changes = KEY_COLUMNS.filter(([t]) => t === table).map(([, column, length, nullable]) =>
      `MODIFY ${column} VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE ${collation} ${nullable ? "NULL" : "NOT NULL"}`);
    await q.query(`ALTER TABLE ${table} ${changes.join(", ")}`);
  }
}
