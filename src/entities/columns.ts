import { ColumnOptions } from "typeorm";

/** Column shapes shared by every entity, so that SQLite and MySQL agree with the migrations. */
export const idText = (options: ColumnOptions = {}): ColumnOptions => ({ type: "varchar", length: 64, ...options });
export const statusText = (options: ColumnOptions = {}): ColumnOptions => ({ type: "varchar", length: 20, ...options });
/** Millisecond UTC timestamps; the MySQL connection runs with timezone "Z". */
export const timestamp = (options: ColumnOptions = {}): ColumnOptions => ({ type: "datetime", precision: 3, ...options });
export const count = (options: ColumnOptions = {}): ColumnOptions => ({ type: "int", default: 0, ...options });
