import { MigrationInterface, QueryRunner } from "typeorm";
import { dialectOf } from "../db/dialect";

/** The columns that hold calendar days (docs/domain.md#calendar-days-and-instants). */
const DAY_COLUMNS: readonly [string, string][] = [
  ["purchase_order_item", "estimated_delivery_date"], ["sales_order_item", "promised_datetime"],
  ["allocation_event", "old_promise_date"], ["allocation_event", "new_promise_date"],
  ["promise_date_change", "old_promise_date"], ["promise_date_change", "new_promise_date"],
];

/**
 * Version 2.0.0 carries arrival and promise dates as days (the Date scalar); v1 took them as
 * DateTime and stored whatever time of day a client sent. Each such value becomes 00:00 UTC of its
 * UTC day — the day the API now shows for it — so that days compare as days (the preference
 * order, "arrives today or later") whatever a v1 client sent. The columns themselves stay.
 */
export class CalendarDays1764400000000 implements MigrationInterface {
  name = "CalendarDays1764400000000";

  async up(q: QueryRunner): Promise<void> {
    const mysql = dialectOf(q).name === "mysql";
    for (const [table, column] of DAY_COLUMNS) {
      await q.query(mysql
        ? `UPDATE ${table} SET ${column} = DATE(${column}) WHERE ${column} IS NOT NULL AND TIME(${column}) <> '00:00:00'`
        // SQLite keeps TypeORM's text form, "YYYY-MM-DD HH:MM:SS.SSS" in UTC.
        : `UPDATE ${table} SET ${column} = substr(${column}, 1, 10) || ' 00:00:00.000' WHERE ${column} IS NOT NULL AND substr(${column}, 11) <> ' 00:00:00.000'`);
    }
  }

  async down(): Promise<void> {
    // The time of day a v1 client sent is not kept: nothing to restore.
  }
}
