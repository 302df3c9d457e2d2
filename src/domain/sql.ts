import { EntityManager } from "typeorm";

/** Small helpers for the hand-written SQL of the hot paths; both drivers take `?` placeholders. */

/** A Date as both databases store it: "YYYY-MM-DD HH:MM:SS.SSS" in UTC (TypeORM's own format). */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A DATETIME read back by raw SQL: a Date from mysql2, a string from SQLite. */
export function fromSqlDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes("T") ? text : `${text.replace(" ", "T")}Z`);
}

/** `?, ?, ?` for n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/** Runs a write statement and returns the number of rows it changed. */
export async function execute(manager: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error("execute() must run inside a transaction");
  const result = await runner.query(sql, params, true);
  return Number(result.affected ?? 0);
}

/** Splits rows into chunks small enough for one statement's parameter list. */
export function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
