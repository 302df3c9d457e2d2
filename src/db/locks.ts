import { EntityManager } from "typeorm";
import { notFound } from "../errors";
import { dialectOf } from "./dialect";
import { PoItemRow, SalesItemRow, poItemColumns, salesItemColumns, toPoItemRow, toSalesItemRow } from "./rows";
import { chunk, placeholders } from "./sql";

/**
 * Every locking read, in one place and one order: the PO header, then PO items by id, then sales
 * order items by id, then (receiving only) the product row whose inventory a receipt raises, by its
 * guarded UPDATE (docs/domain.md#correctness-with-several-servers). Every writer — Allocate
 * Sales Orders, pre-order import, the manual tie, every lifecycle change — takes the locks it
 * needs in that order, skipping levels it does not need, so writers can wait for each other but
 * never deadlock; and each sees the other's committed result (READ COMMITTED). Sales order items
 * a writer changes without a locking read first are locked by its guarded UPDATE, whose id list
 * the writer sorts (src/domain/allocation/ties.ts). On SQLite every write is already
 * serialised, so the dialect's lock clause is empty there.
 */

export interface LockedPurchaseOrder {
  orderId: string;
  statusId: string;
  /** The locked items, by id; only the one asked for when a seq id was given. */
  items: PoItemRow[];
}

/** A pre-order item tied to a PO item. */
export interface TiedItem extends SalesItemRow {
  poItemId: number;
}

/** One locked sales order item with what the guards need; `waiting` = it passes the waiting predicate now. */
export interface LockedSalesItem extends SalesItemRow {
  headerStatusId: string;
  waiting: boolean;
}

/** Locks a PO header and its items in id order (or only item `seqId`); NOT_FOUND when either is unknown. */
export async function lockPurchaseOrder(manager: EntityManager, purchaseOrderId: string, seqId?: string): Promise<LockedPurchaseOrder> {
  const [header] = await manager.query(`SELECT order_id, order_type_id, status_id FROM order_header WHERE order_id = ?${dialectOf(manager).forUpdate}`, [purchaseOrderId]);
  if (!header || header.order_type_id !== "PURCHASE_ORDER") throw notFound(`No purchase order with id ${purchaseOrderId}`);
  // Which items, unlocked; a PO's items never change hands, so the ids are still right once locked.
  const ids: { po_item_id: number }[] = await manager.query(
    `SELECT po_item_id FROM purchase_order_item WHERE order_id = ?${seqId === undefined ? "" : " AND order_item_seq_id = ?"}`,
    seqId === undefined ? [purchaseOrderId] : [purchaseOrderId, seqId],
  );
  if (seqId !== undefined && ids.length === 0) throw notFound(`Purchase order ${purchaseOrderId} has no item ${seqId}`);
  return { orderId: purchaseOrderId, statusId: String(header.status_id), items: await lockPoItems(manager, ids.map((r) => Number(r.po_item_id))) };
}

/**
 * Which tied pre-order items hold units of their PO item: those still in pre-order parking. One
 * released to fulfilment keeps its PO item id for the record but holds nothing any more.
 */
export const HOLDS_TIE_SQL = (alias: string): string => `${alias}.po_item_id IS NOT NULL AND ${alias}.facility_id = 'PRE_ORDER_PARKING'`;

/**
 * Locks the pre-order items tied to these PO items that still hold units (in parking; in id
 * order), and lists them newest order first: the order ties are released in. The caller holds the PO items' locks, and every tie or
 * untie takes its PO item's lock first, so the set read before locking cannot change meanwhile.
 */
export async function lockTiedItems(manager: EntityManager, poItemIds: number[]): Promise<TiedItem[]> {
  if (poItemIds.length === 0) return [];
  const ids: { so_item_id: number }[] = await manager.query(
    `SELECT s.so_item_id FROM sales_order_item s WHERE s.po_item_id IN (${placeholders(poItemIds.length)}) AND ${HOLDS_TIE_SQL("s")}`, poItemIds,
  );
  const rows = await lockById(manager, "sales_order_item", "so_item_id", salesItemColumns("s"), ids.map((r) => Number(r.so_item_id)));
  // Re-checked once locked: an item released to fulfilment meanwhile no longer holds units.
  return rows.map((r) => toSalesItemRow(r) as TiedItem).filter(holdsTie).sort(newestFirst);
}

/** HOLDS_TIE_SQL for a row read. */
export const holdsTie = (item: Pick<SalesItemRow, "poItemId" | "facilityId">): boolean => item.poItemId !== null && item.facilityId === "PRE_ORDER_PARKING";

const newestFirst = (a: TiedItem, b: TiedItem): number =>
  (b.orderDate.getTime() - a.orderDate.getTime()) || compareText(b.orderId, a.orderId) || compareText(b.orderItemSeqId, a.orderItemSeqId);

/** Code-unit order, as the binary collation of the id columns sorts them. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Locks PO items by id, in id order, whatever PO they belong to (pre-order import takes the ATP
 * of several POs' items at once); their PO headers are not locked. Only items that exist come back.
 */
export async function lockPoItems(manager: EntityManager, ids: readonly number[]): Promise<PoItemRow[]> {
  return (await lockById(manager, "purchase_order_item", "po_item_id", poItemColumns("p"), ids)).map(toPoItemRow);
}

/**
 * Locks rows of `table` (aliased `p` or `s` in `columns`) by primary key, ascending: a range over
 * the primary key visits, and locks, its keys in ascending order whatever the plan, which an
 * ORDER BY on another index's scan does not promise.
 */
async function lockById(manager: EntityManager, table: string, key: string, columns: string, ids: readonly number[]): Promise<Record<string, unknown>[]> {
  const alias = columns.slice(0, columns.indexOf("."));
  const rows: Record<string, unknown>[] = [];
  // Ascending chunks keep the whole list ascending, and each statement's parameters few.
  for (const part of chunk([...new Set(ids)].sort((a, b) => a - b), 1000)) {
    rows.push(...await manager.query(
      `SELECT ${columns} FROM ${table} ${alias} WHERE ${alias}.${key} IN (${placeholders(part.length)}) ORDER BY ${alias}.${key}${dialectOf(manager).forUpdate}`,
      part,
    ));
  }
  return rows;
}

/**
 * Reads which PO item a sales order item is tied to and holds units of (see HOLDS_TIE_SQL), without a
 * lock (to learn which PO to lock first); undefined when unknown.
 */
export async function peekSalesOrderItem(manager: EntityManager, orderId: string, seqId: string): Promise<{ poOrderId: string | null; poItemSeqId: string | null } | undefined> {
  const [row] = await manager.query(
    `SELECT p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id FROM sales_order_item s
     LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id AND ${HOLDS_TIE_SQL("s")} WHERE s.order_id = ? AND s.order_item_seq_id = ?`,
    [orderId, seqId],
  );
  return row && { poOrderId: row.po_order_id == null ? null : String(row.po_order_id), poItemSeqId: row.po_seq_id == null ? null : String(row.po_seq_id) };
}

/** Locks one sales order item (and its order header); `waitingSql` is the waiting predicate over `s` and `h`. Undefined when unknown. */
export async function lockSalesOrderItem(manager: EntityManager, orderId: string, seqId: string, waitingSql: string): Promise<LockedSalesItem | undefined> {
  const [row] = await manager.query(
    `SELECT ${salesItemColumns("s")}, h.status_id AS header_status_id, CASE WHEN ${waitingSql} THEN 1 ELSE 0 END AS waiting
     FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.order_id = ? AND s.order_item_seq_id = ?${dialectOf(manager).forUpdate}`,
    [orderId, seqId],
  );
  if (!row) return undefined;
  return { ...toSalesItemRow(row), headerStatusId: String(row.header_status_id), waiting: Number(row.waiting) === 1 };
}

/** A pre-order item named by its business key, with the PO item it holds units of (see HOLDS_TIE_SQL); read without a lock. */
export interface PeekedSalesItem {
  orderId: string;
  orderItemSeqId: string;
  id: number;
  poItemId: number | null;
}

/** Reads, without a lock, which sales order items these (order id, seq id) pairs are and which PO items they hold units of; unknown pairs are left out. */
export async function peekSalesOrderItems(manager: EntityManager, refs: readonly { orderId: string; seqId: string }[]): Promise<PeekedSalesItem[]> {
  const out: PeekedSalesItem[] = [];
  for (const part of chunk([...refs], 400)) {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT s.so_item_id, s.order_id, s.order_item_seq_id, CASE WHEN ${HOLDS_TIE_SQL("s")} THEN s.po_item_id END AS holding
       FROM sales_order_item s WHERE ${part.map(() => "(s.order_id = ? AND s.order_item_seq_id = ?)").join(" OR ")}`,
      part.flatMap((r) => [r.orderId, r.seqId]),
    );
    out.push(...rows.map((r) => ({
      id: Number(r.so_item_id), orderId: String(r.order_id), orderItemSeqId: String(r.order_item_seq_id), poItemId: r.holding == null ? null : Number(r.holding),
    })));
  }
  return out;
}

/** Locks sales order items (and reads their order headers' statuses) by id, ascending; `waitingSql` as in lockSalesOrderItem. */
export async function lockSalesOrderItems(manager: EntityManager, ids: readonly number[], waitingSql: string): Promise<LockedSalesItem[]> {
  const rows: Record<string, unknown>[] = [];
  for (const part of chunk([...new Set(ids)].sort((a, b) => a - b), 1000)) {
    rows.push(...await manager.query(
      `SELECT ${salesItemColumns("s")}, h.status_id AS header_status_id, CASE WHEN ${waitingSql} THEN 1 ELSE 0 END AS waiting
       FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
       WHERE s.so_item_id IN (${placeholders(part.length)}) ORDER BY s.so_item_id${dialectOf(manager).forUpdate}`,
      part,
    ));
  }
  return rows.map((row) => ({ ...toSalesItemRow(row), headerStatusId: String(row.header_status_id), waiting: Number(row.waiting) === 1 }));
}
