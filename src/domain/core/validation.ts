import { badInput } from "../../errors";
import { reservedIdProblem } from "./object-ids";
import { PARKING_FACILITIES } from "./statuses";

/**
 * Input limits (docs/domain.md#error-codes), checked before anything touches the database. The
 * number bounds keep every later read valid: a PO item's units, buffer and promise date, and any
 * sum of a PO's units, stay far inside a GraphQL Int and a calendar day of DAY_RANGE.
 */
export const LIMITS = {
  id: 64, name: 255,
  /** Units of one PO item, pre-order item or product stock. */
  quantity: 1_000_000,
  /** Units in stock of one product: never summed, so it may be larger. */
  inventory: 1_000_000_000,
  /** Days added to an arrival date for the promise date. */
  bufferDays: 365,
  /** Lines of one purchase order: with `quantity`, a PO holds at most 2,000,000,000 units (< 2^31). */
  poItems: 2000,
  /** Entries of a list filter (`status`, ...). */
  filterList: 100,
} as const;

/**
 * The one rule for an id, a SKU or a facility id, wherever it comes from (GraphQL arguments, CSV
 * rows): non-empty, at most LIMITS.id characters, no whitespace at either end, no control or
 * invisible format characters, no line or paragraph separators, and well-formed UTF-16 (no lone
 * surrogate). Such a key is stored and compared byte for byte, exactly as sent. Null when fine.
 */
export function idProblem(field: string, value: unknown): string | null {
  if (typeof value !== "string" || value === "") return `${field} must not be empty`;
  if (value.length > LIMITS.id) return `${field} must be at most ${LIMITS.id} characters (got ${value.length})`;
  if (/\p{Cs}/u.test(value)) return `${field} must be well-formed text (it holds a lone UTF-16 surrogate)`;
  if (/^\s|\s$/u.test(value)) return `${field} must not start or end with whitespace`;
  // Default-ignorable code points (Hangul fillers, the combining grapheme joiner, variation
  // selectors, ...) and the braille blank draw nothing either: ids that look alike must be alike.
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u.test(value)) {
    return `${field} must not hold control, format, invisible or line separator characters`;
  }
  return null;
}

/** The largest GraphQL Int: a sum that reaches the API is capped here instead of overflowing it. */
export const MAX_INT = 2_147_483_647;

/** Collects every problem with one input, so the caller hears about all of them at once. */
export class Problems {
  private readonly list: string[] = [];

  /** Free text (a product's name): non-empty and at most `max` characters. */
  text(field: string, value: unknown, max: number = LIMITS.id): void {
    if (typeof value !== "string" || value.trim() === "") this.list.push(`${field} must not be empty`);
    else if (value.length > max) this.list.push(`${field} must be at most ${max} characters (got ${value.length})`);
  }

  /** A facility that receives stock or ships orders: an id, and not one of the parking places. */
  warehouse(field: string, value: unknown): void {
    this.id(field, value);
    if (typeof value === "string" && PARKING_FACILITIES.includes(value)) {
      this.list.push(`${field} must be a warehouse, not the parking place ${value}`);
    }
  }

  /** An id, a SKU or a facility id: `idProblem`'s rule. */
  id(field: string, value: unknown): void {
    const problem = idProblem(field, value);
    if (problem) this.list.push(problem);
  }

  /** An order id (a PO's or a sales order's): an id, and not of the shape reserved for other objects' ids. */
  orderId(field: string, value: unknown): void {
    this.id(field, value);
    const reserved = reservedIdProblem(field, value);
    if (reserved) this.list.push(reserved);
  }

  /** A whole number from `min` to `max` (units by default: LIMITS.quantity). */
  quantity(field: string, value: unknown, min = 1, max: number = LIMITS.quantity): void {
    if (!Number.isInteger(value) || (value as number) < min) this.list.push(`${field} must be a whole number >= ${min} (got ${value})`);
    else if ((value as number) > max) this.list.push(`${field} must be at most ${max} (got ${value})`);
  }

  /** Buffer days: 0 to LIMITS.bufferDays. */
  bufferDays(field: string, value: unknown): void {
    this.quantity(field, value, 0, LIMITS.bufferDays);
  }

  date(field: string, value: unknown): void {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) this.list.push(`${field} must be a valid date`);
  }

  /** A list filter: at most LIMITS.filterList entries. */
  listLength(field: string, value: unknown): void {
    if (Array.isArray(value) && value.length > LIMITS.filterList) this.list.push(`${field} may list at most ${LIMITS.filterList} entries (got ${value.length})`);
  }

  add(problem: string): void {
    this.list.push(problem);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws BAD_USER_INPUT naming every problem, when there is any. */
  throwIfAny(what: string): void {
    if (this.list.length) throw badInput(`Invalid ${what}: ${this.list.join("; ")}`, { problems: [...this.list] });
  }
}

/** BAD_USER_INPUT unless every named id follows `idProblem`'s rule. */
export function checkIds(ids: Record<string, string>): void {
  const problems = new Problems();
  for (const [field, value] of Object.entries(ids)) problems.id(field, value);
  problems.throwIfAny("arguments");
}
