import { EntityManager } from "typeorm";
import { badInput } from "../errors";
import { sqlDate } from "./sql";

/**
 * Keyset paging, the one way every list pages: a page is the rows after the cursor's sort key, in
 * the list's order, served by an index on that key; cursors are opaque (base64url of the key).
 */

/** Page sizes: `first` defaults and the most any list hands out at once. */
export const PAGE_SIZE = { default: 20, history: 50, max: 100 } as const;

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  /** True when rows of the list come before this page (only a page after a cursor can have them). */
  hasPreviousPage: boolean;
  /**
   * Counts the whole filtered list (whatever the cursor) when called: a count reads every
   * matching index entry, so it runs only for a caller that asks for it.
   */
  totalCount: (manager: EntityManager) => Promise<number>;
}

/** One column of a list's sort key: how it is written in SQL and what kind of value it holds. */
export interface KeyColumn {
  sql: string;
  kind: "date" | "text" | "int";
}

/** A list's order: its key columns (the last must make the key unique) and one direction for all. */
export interface Ordering {
  columns: readonly KeyColumn[];
  direction: "ASC" | "DESC";
}

type KeyValue = Date | string | number;

/** Checks a page size argument (`first`). */
export function pageSize(first: number | null | undefined, fallback: number = PAGE_SIZE.default): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > PAGE_SIZE.max) {
    throw badInput(`first must be between 0 and ${PAGE_SIZE.max} (got ${value})`);
  }
  return value;
}

export function encodeCursor(ordering: Ordering, key: readonly KeyValue[]): string {
  const parts = key.map((value, i) => (ordering.columns[i].kind === "date" ? (value as Date).toISOString() : String(value)));
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** The sort key a cursor carries, checked against the list's columns; BAD_USER_INPUT when it is not one this list gave out. */
export function decodeCursor(ordering: Ordering, cursor: string): KeyValue[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parts = undefined;
  }
  const { columns } = ordering;
  if (Array.isArray(parts) && parts.length === columns.length && parts.every((p) => typeof p === "string")) {
    const key = (parts as string[]).map((p, i): KeyValue | undefined => {
      if (columns[i].kind === "date") {
        const at = new Date(p);
        return Number.isNaN(at.getTime()) ? undefined : at;
      }
      if (columns[i].kind === "int") return /^\d{1,15}$/.test(p) ? Number(p) : undefined;
      return p;
    });
    if (key.every((k) => k !== undefined)) return key as KeyValue[];
  }
  throw badInput("after is not a cursor this list gave out");
}

/** `ORDER BY` text of an ordering. */
export const orderBySql = (ordering: Ordering): string => ordering.columns.map((c) => `${c.sql} ${ordering.direction}`).join(", ");

/** The condition "comes after `key` in this ordering", as SQL with its parameters: (a > ? OR (a = ? AND (b > ? ...))). */
export function afterKeySql(ordering: Ordering, key: readonly KeyValue[]): { sql: string; params: unknown[] } {
  const op = ordering.direction === "ASC" ? ">" : "<";
  const value = (v: KeyValue) => (v instanceof Date ? sqlDate(v) : v);
  const build = (i: number): { sql: string; params: unknown[] } => {
    const column = ordering.columns[i].sql;
    if (i === ordering.columns.length - 1) return { sql: `${column} ${op} ?`, params: [value(key[i])] };
    const rest = build(i + 1);
    return { sql: `(${column} ${op} ? OR (${column} = ? AND ${rest.sql}))`, params: [value(key[i]), value(key[i]), ...rest.params] };
  };
  return build(0);
}

export interface ListQuery<T> {
  /** `SELECT ...` of the rows (without FROM). */
  select: string;
  /** `FROM ...` with joins. */
  from: string;
  /** Conditions joined by AND, and their parameters in order. */
  where: string[];
  params: unknown[];
  ordering: Ordering;
  first?: number | null;
  /** The default of `first` for this list. */
  defaultSize?: number;
  after?: string | null;
  map: (row: Record<string, unknown>) => T;
  /** The sort key of a node, in the ordering's columns. */
  keyOf: (node: T) => KeyValue[];
}

/**
 * One page of a list (one statement: one row more than asked, to know whether another follows;
 * after a cursor a second that asks whether any row lies at or before it, hasPreviousPage), and
 * how to count the filtered list.
 */
export async function keysetPage<T>(manager: EntityManager, q: ListQuery<T>): Promise<Page<T>> {
  const limit = pageSize(q.first, q.defaultSize);
  const where = [...q.where];
  const params = [...q.params];
  const whereSql = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "");
  const countSql = `SELECT COUNT(*) AS n FROM ${q.from}${whereSql(where)}`;
  const countParams = [...params];
  let hasPreviousPage = false;
  if (q.after) {
    const after = afterKeySql(q.ordering, decodeCursor(q.ordering, q.after));
    const before = [...where, `NOT (${after.sql})`];
    hasPreviousPage = (await manager.query(`SELECT 1 AS x FROM ${q.from}${whereSql(before)} LIMIT 1`, [...params, ...after.params])).length > 0;
    where.push(after.sql);
    params.push(...after.params);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${q.select} FROM ${q.from}${whereSql(where)} ORDER BY ${orderBySql(q.ordering)} LIMIT ?`,
    [...params, limit + 1],
  );
  const nodes = rows.slice(0, limit).map(q.map);
  return {
    nodes,
    cursors: nodes.map((node) => encodeCursor(q.ordering, q.keyOf(node))),
    hasNextPage: rows.length > limit,
    hasPreviousPage,
    totalCount: async (m) => Number((await m.query(countSql, countParams))[0].n),
  };
}
