import { EntityManager } from "typeorm";
import { chunk, dialectOf, execute, placeholders, sqlDate } from "../../db";
import { RetryableConflict } from "../../errors";
import { PRE_ORDER_PARKING } from "../core";
import { ATP_COVERS_GUARD_SQL, STILL_WAITING_GUARD_SQL } from "./rules";

/**
 * The writes that tie and untie pre-orders, set-based and guarded. Each checks how many rows it
 * changed: fewer than asked means another transaction got there first, and the whole unit of
 * work is retried (see src/db/db.ts). The CHECK constraint on purchase_order_item backs them up.
 */

const CHUNK = 400;

/** Raises each PO item's allocated quantity by its delta, only where ATP still covers it. */
export async function raiseAllocated(manager: EntityManager, deltas: Map<number, number>): Promise<void> {
  for (const part of chunk([...deltas.entries()], CHUNK)) {
    const cases = part.map(() => "WHEN ? THEN ?").join(" ");
    const sql = `UPDATE purchase_order_item SET allocated_quantity = allocated_quantity + CASE po_item_id ${cases} END ` +
      `WHERE po_item_id IN (${placeholders(part.length)}) AND ${ATP_COVERS_GUARD_SQL.replace("?", `CASE po_item_id ${cases} END`)}`;
    const pairs = part.flat();
    const changed = await execute(manager, sql, [...pairs, ...part.map(([id]) => id), ...pairs]);
    if (changed !== part.length) throw new RetryableConflict("A PO item's ATP changed while allocating");
  }
}

/** Lowers each PO item's allocated quantity by its delta (a released tie gives its units back). */
export async function lowerAllocated(manager: EntityManager, deltas: Map<number, number>): Promise<void> {
  for (const part of chunk([...deltas.entries()], CHUNK)) {
    const cases = part.map(() => "WHEN ? THEN ?").join(" ");
    const sql = `UPDATE purchase_order_item SET allocated_quantity = allocated_quantity - CASE po_item_id ${cases} END ` +
      `WHERE po_item_id IN (${placeholders(part.length)}) AND allocated_quantity >= CASE po_item_id ${cases} END`;
    const pairs = part.flat();
    const changed = await execute(manager, sql, [...pairs, ...part.map(([id]) => id), ...pairs]);
    if (changed !== part.length) throw new RetryableConflict("A PO item's allocated quantity changed while releasing");
  }
}

export interface Tie {
  salesOrderItemId: number;
  poItemId: number;
  promiseDate: Date;
}

/** Claims per statement: a few thousand rows keep the round trips few and the statement's parameters within both databases' limits. */
const CLAIM_CHUNK = 2000;

/**
 * Ties waiting pre-order items to PO items, only where each is still waiting. The items are
 * claimed in id order, chunk after chunk: the update locks them in the one lock order. Each
 * statement joins the items to a derived table of (item, PO item, promise date) rows in that
 * order (src/db/dialect.ts updateJoiningRows) rather than a CASE per PO item, which the database
 * evaluated branch by branch for every row.
 */
export async function claimWaitingItems(manager: EntityManager, ties: Tie[]): Promise<void> {
  const dialect = dialectOf(manager);
  // A run's ties share a few promise dates: each is written out once.
  const days = new Map<number, string>();
  const day = (date: Date) => days.get(date.getTime()) ?? days.set(date.getTime(), sqlDate(date)).get(date.getTime())!;
  for (const part of chunk([...ties].sort((a, b) => a.salesOrderItemId - b.salesOrderItemId), CLAIM_CHUNK)) {
    const sql = dialect.updateJoiningRows("sales_order_item", "s", ["so_item", "to_po_item", "promise_date"], part.length,
      "v.so_item = s.so_item_id", "po_item_id = v.to_po_item, promised_datetime = v.promise_date", STILL_WAITING_GUARD_SQL);
    const changed = await execute(manager, sql, part.flatMap((t) => [t.salesOrderItemId, t.poItemId, day(t.promiseDate)]));
    if (changed !== part.length) throw new RetryableConflict("A pre-order item was tied or changed by someone else meanwhile");
  }
}

/** A pre-order item tied to a PO item, as the untie writes need it. */
export interface TiedRef {
  salesOrderItemId: number;
  poItemId: number;
}

/** Unties pre-order items (they lose PO and promise date), only where each is still tied to that PO item; in id order. */
export async function untieItems(manager: EntityManager, ties: TiedRef[]): Promise<void> {
  for (const part of chunk([...ties].sort((a, b) => a.salesOrderItemId - b.salesOrderItemId), CHUNK)) {
    const cases = part.map(() => "WHEN ? THEN ?").join(" ");
    const sql = `UPDATE sales_order_item SET po_item_id = NULL, promised_datetime = NULL ` +
      `WHERE so_item_id IN (${placeholders(part.length)}) AND po_item_id = CASE so_item_id ${cases} END`;
    const changed = await execute(manager, sql, [...part.map((t) => t.salesOrderItemId), ...part.flatMap((t) => [t.salesOrderItemId, t.poItemId])]);
    if (changed !== part.length) throw new RetryableConflict("A tied pre-order item changed while releasing it");
  }
}

/**
 * Gives every pre-order item tied to a PO item and still in parking a new promise date; `expected`
 * is how many are tied with another date. One already released to fulfilment keeps its date.
 */
export async function repromiseItems(manager: EntityManager, poItemId: number, promiseDate: Date, expected: number): Promise<void> {
  const day = sqlDate(promiseDate);
  const changed = await execute(
    manager, `UPDATE sales_order_item SET promised_datetime = ? WHERE po_item_id = ? AND facility_id = '${PRE_ORDER_PARKING}' AND promised_datetime <> ?`, [day, poItemId, day],
  );
  if (changed !== expected) throw new RetryableConflict("The pre-orders tied to a PO item changed while re-promising them");
}

/** A tied pre-order item moving whole from one PO item to another (a rebalance). */
export interface Move {
  salesOrderItemId: number;
  fromPoItemId: number;
  toPoItemId: number;
  promiseDate: Date;
}

/**
 * Moves tied pre-order items to other PO items with new promise dates, only where each is still
 * tied to its `from` item and holds its units (in parking); in id order. The callers hold both PO
 * items' locks, and move the units with giveBackUnits and raiseAllocated.
 */
export async function moveTiedItems(manager: EntityManager, moves: Move[]): Promise<void> {
  for (const part of chunk([...moves].sort((a, b) => a.salesOrderItemId - b.salesOrderItemId), CHUNK)) {
    const cases = part.map(() => "WHEN ? THEN ?").join(" ");
    const sql = `UPDATE sales_order_item SET po_item_id = CASE so_item_id ${cases} END, promised_datetime = CASE so_item_id ${cases} END ` +
      `WHERE so_item_id IN (${placeholders(part.length)}) AND po_item_id = CASE so_item_id ${cases} END AND facility_id = '${PRE_ORDER_PARKING}'`;
    const params = [
      ...part.flatMap((m) => [m.salesOrderItemId, m.toPoItemId]),
      ...part.flatMap((m) => [m.salesOrderItemId, sqlDate(m.promiseDate)]),
      ...part.map((m) => m.salesOrderItemId),
      ...part.flatMap((m) => [m.salesOrderItemId, m.fromPoItemId]),
    ];
    const changed = await execute(manager, sql, params);
    if (changed !== part.length) throw new RetryableConflict("A tied pre-order item changed while moving it");
  }
}
