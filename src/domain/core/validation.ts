import { badInput } from "../../errors";
import { reservedIdProblem } from "./object-ids";

/** Input limits (docs/domain.md#error-codes), checked before anything touches the database. */
export const LIMITS = { id: 64, name: 255 } as const;

/** Collects every problem with one input, so the caller hears about all of them at once. */
export class Problems {
  private readonly list: string[] = [];

  text(field: string, value: unknown, max: number = LIMITS.id): void {
    if (typeof value !== "string" || value.trim() === "") this.list.push(`${field} must not be empty`);
    else if (value.length > max) this.list.push(`${field} must be at most ${max} characters (got ${value.length})`);
  }

  /** An order id (a PO's or a sales order's): text, and not of the shape reserved for other objects' ids. */
  orderId(field: string, value: unknown): void {
    this.text(field, value);
    const reserved = reservedIdProblem(field, value);
    if (reserved) this.list.push(reserved);
  }

  quantity(field: string, value: unknown, min = 1): void {
    if (!Number.isInteger(value) || (value as number) < min) this.list.push(`${field} must be a whole number >= ${min} (got ${value})`);
    else if ((value as number) > 1_000_000_000) this.list.push(`${field} must be at most 1000000000 (got ${value})`);
  }

  date(field: string, value: unknown): void {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) this.list.push(`${field} must be a valid date`);
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

/** BAD_USER_INPUT unless every named id is non-empty and within the id length limit. */
export function checkIds(ids: Record<string, string>): void {
  const problems = new Problems();
  for (const [field, value] of Object.entries(ids)) problems.text(field, value);
  problems.throwIfAny("arguments");
}
