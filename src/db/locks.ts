import { EntityManager } from "typeorm";
import { notFound } from "../errors";
import { dialectOf } from "./dialect";
import { Ordering, afterKeySql, orderBySql } from "./keyset";
import { PoItemRow, SalesItemRow, poItemColumns, salesItemColumns, toPoItemRow, toSalesItemRow } from "./rows";
import { placeholders } from "./sql";

/**
 * Every locking read, in one place and one order. A writer that touches a PO takes its locks as
 * Allocate Sales Orders does — the PO header, then its items by id, then the pre-order items —
 * so two writers on one PO queue behind each other instead of deadlocking, and each sees the
 * other's committed result (READ COMMITTED). On SQLite every write is already serialised, so the
 * dialect's lock clause is empty there.
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
  const lock = dialectOf(manager).forUpdate;
  const [header] = await manager.query(`SELECT order_id, order_type_id, status_id FROM order_header WHERE order_id = ?${lock}`, [purchaseOrderId]);
  if (!header || header.order_type_id !== "PURCHASE_ORDER") throw notFound(`No purchase order with id ${purchaseOrderId}`);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${poItemColumns("p")} FROM purchase_order_item p
     WHERE p.order_id = ?${seqId === undefined ? "" : " AND p.order_item_seq_id = ?"} ORDER BY p.po_item_id${lock}`,
    seqId === undefined ? [purchaseOrderId] : [purchaseOrderId, seqId],
  );
  if (seqId !== undefined && rows.length === 0) throw notFound(`Purchase order ${purchaseOrderId} has no item ${seqId}`);
  return { orderId: purchaseOrderId, statusId: String(header.status_id), items: rows.map(toPoItemRow) };
}

/** Locks the pre-order items tied to these PO items, newest order first (the order ties are released in). */
export async function lockTiedItems(manager: EntityManager, poItemIds: number[]): Promise<TiedItem[]> {
  if (poItemIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${salesItemColumns("s")} FROM sales_order_item s WHERE s.po_item_id IN (${placeholders(poItemIds.length)})
     ORDER BY s.order_date DESC, s.order_id DESC, s.order_item_seq_id DESC${dialectOf(manager).forUpdate}`,
    poItemIds,
  );
  return rows.map((r) => toSalesItemRow(r) as TiedItem);
}

/** Reads which PO item a sales order item is tied to, without a lock (to learn which PO to lock first); undefined when unknown. */
export async function peekSalesOrderItem(manager: EntityManager, orderId: string, seqId: string): Promise<{ poOrderId: string | null; poItemSeqId: string | null } | undefined> {
  const [row] = await manager.query(
    `SELECT p.order_id AS po_order_id, p.order_item_seq_id AS po_seq_id FROM sales_order_item s
     LEFT JOIN purchase_order_item p ON p.po_item_id = s.po_item_id WHERE s.order_id = ? AND s.order_item_seq_id = ?`,
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

/**
 * One page of the waiting pre-order items of some products, in `ordering` after the sort key `after`, locked
 * (with their order headers) until the transaction ends, so nobody can tie, cancel or move them
 * meanwhile. `waitingSql` is the waiting predicate over `s` and `h`.
 */
export async function lockWaitingPage(
  manager: EntityManager, productIds: readonly number[], waitingSql: string, ordering: Ordering, after: readonly (Date | string | number)[] | null, size: number,
): Promise<SalesItemRow[]> {
  const params: unknown[] = [...productIds];
  let keyset = "";
  if (after) {
    const next = afterKeySql(ordering, after);
    keyset = ` AND ${next.sql}`;
    params.push(...next.params);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${salesItemColumns("s")} FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.product_id IN (${placeholders(productIds.length)}) AND ${waitingSql}${keyset}
     ORDER BY ${orderBySql(ordering)} LIMIT ${size}${dialectOf(manager).forUpdate}`,
    params,
  );
  return rows.map(toSalesItemRow);
}
