import { MigrationInterface, QueryRunner, TableCheck, TableColumn } from "typeorm";
import { dialectOf } from "../db/dialect";

/** The same text as the entity's @Check (TypeORM compares them on SQLite). */
const RECEIVED_CHECK =
  "received_quantity >= 0 AND received_quantity <= quantity AND held_quantity >= 0 AND released_quantity >= 0 " +
  "AND held_quantity + released_quantity <= received_quantity " +
  "AND held_quantity <= allocated_quantity AND allocated_quantity + received_quantity <= quantity + held_quantity";

/**
 * The pre-order desk (docs/domain.md#receiving-and-release):
 * - purchase_order_item gains received_quantity (units that arrived) and held_quantity (received
 *   units kept for still-tied pre-orders) and released_quantity (received units handed to the
 *   pre-orders a receipt released), with a CHECK that no unit is counted twice: received =
 *   released + held + what became inventory, and the still-tied pre-orders stay covered;
 * - allocation_event may name no PO item: a waiting pre-order released to a warehouse by hand, or
 *   given a promise date by hand, has a history row but no tie.
 * On MySQL/MariaDB TypeORM creates no CHECKs itself, so the constraint is added with plain SQL
 * there (MariaDB and MySQL 8.0.16+ enforce it).
 */
export class Receiving1764700000000 implements MigrationInterface {
  name = "Receiving1764700000000";

  async up(q: QueryRunner): Promise<void> {
    const intType = dialectOf(q).intType;
    await q.addColumns("purchase_order_item", [
      new TableColumn({ name: "received_quantity", type: intType, default: 0 }),
      new TableColumn({ name: "held_quantity", type: intType, default: 0 }),
      new TableColumn({ name: "released_quantity", type: intType, default: 0 }),
    ]);
    if (dialectOf(q).name === "mysql") {
      await q.query(`ALTER TABLE purchase_order_item ADD CONSTRAINT ck_po_item_received CHECK (${RECEIVED_CHECK})`);
    } else {
      await q.createCheckConstraint("purchase_order_item", new TableCheck({ name: "ck_po_item_received", expression: RECEIVED_CHECK }));
    }
    const collation = dialectOf(q).keyCollation;
    if (dialectOf(q).name === "mysql") {
      // Plain SQL keeps the exact-keys collation (1764600000000-exact-keys.ts) on the id columns.
      await q.query(`ALTER TABLE allocation_event MODIFY po_item_id ${intType} NULL, ` +
        `MODIFY purchase_order_id VARCHAR(64) CHARACTER SET utf8mb4${collation ? ` COLLATE ${collation}` : ""} NULL, ` +
        `MODIFY po_item_seq_id VARCHAR(20) CHARACTER SET utf8mb4${collation ? ` COLLATE ${collation}` : ""} NULL`);
    } else {
      for (const name of ["po_item_id", "purchase_order_id", "po_item_seq_id"]) {
        const table = (await q.getTable("allocation_event"))!;
        const old = table.findColumnByName(name)!;
        const changed = old.clone();
        changed.isNullable = true;
        await q.changeColumn(table, old, changed);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (dialectOf(q).name === "mysql") await q.query("ALTER TABLE purchase_order_item DROP CONSTRAINT ck_po_item_received");
    else await q.dropCheckConstraint("purchase_order_item", "ck_po_item_received");
    await q.dropColumns("purchase_order_item", ["received_quantity", "held_quantity", "released_quantity"]);
  }
}
