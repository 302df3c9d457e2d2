import { EntityManager, In } from "typeorm";
import { Ordering, Page, chunk, keysetPage, orderHeaderColumns, placeholders, toOrderHeader } from "../../db";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { badInput } from "../../errors";
import { LIMITS, OPEN_ITEMS_SQL, Status, orderStatusId } from "../core";
import { WAITING_PRE_ORDER_SQL } from "../allocation";

export interface PurchaseOrderFilter {
  status?: Status[] | null;
  sku?: string | null;
  search?: string | null;
  hasPendingPreOrders?: boolean | null;
}

/** The PO find page's order: newest order date first. */
const NEWEST_FIRST: Ordering = { columns: [{ sql: "po.order_date", kind: "date" }, { sql: "po.order_id", kind: "text" }], direction: "DESC" };

/**
 * "Product `productSql` has a waiting pre-order item (rule 3)": one dive into ix_so_item_waiting
 * (and its order header's status), stopping at the first. A scalar subquery with LIMIT 1 is
 * never turned into a join that materialises every waiting item, whatever the planner's
 * statistics say; MariaDB also caches its answer per product.
 */
const hasWaitingSql = (productSql: string): string =>
  `(SELECT 1 FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
    WHERE s.product_id = ${productSql} AND ${WAITING_PRE_ORDER_SQL} LIMIT 1) IS NOT NULL`;

/** A PO (`po`) has an open item whose product has a waiting pre-order item: `hasPendingPreOrders`. */
const PENDING_SQL = `(SELECT 1 FROM purchase_order_item pi WHERE pi.order_id = po.order_id AND pi.status_id IN (${OPEN_ITEMS_SQL})
  AND ${hasWaitingSql("pi.product_id")} LIMIT 1) IS NOT NULL`;

export async function findPurchaseOrders(manager: EntityManager, ids: readonly string[]): Promise<OrderHeaderEntity[]> {
  if (ids.length === 0) return [];
  return manager.getRepository(OrderHeaderEntity).findBy({ orderId: In([...ids]), orderTypeId: "PURCHASE_ORDER" });
}

export async function findPurchaseOrder(manager: EntityManager, id: string): Promise<OrderHeaderEntity | null> {
  return manager.getRepository(OrderHeaderEntity).findOneBy({ orderId: id, orderTypeId: "PURCHASE_ORDER" });
}

/** The items of each PO, in seq order; one query for any number of POs. */
export async function itemsOfPurchaseOrders(manager: EntityManager, ids: readonly string[]): Promise<PurchaseOrderItemEntity[][]> {
  const items = ids.length
    ? await manager.getRepository(PurchaseOrderItemEntity).find({ where: { orderId: In([...ids]) }, order: { orderId: "ASC", orderItemSeqId: "ASC" } })
    : [];
  return ids.map((id) => items.filter((item) => item.orderId === id));
}

/** PO items by id (the API's PurchaseOrderItem ids), in the order asked; undefined for an unknown id. */
export async function purchaseOrderItemsById(manager: EntityManager, ids: readonly number[]): Promise<(PurchaseOrderItemEntity | undefined)[]> {
  const items = ids.length ? await manager.getRepository(PurchaseOrderItemEntity).findBy({ id: In([...ids]) }) : [];
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id));
}

/**
 * `pendingPreOrderCount` for each PO: the waiting items of its open items' products. An item has
 * one product, so that is the sum of its products' waiting counts, each product counted once
 * for the whole batch (an index range of its waiting items). Two queries for any number of POs.
 */
export async function pendingPreOrderCounts(manager: EntityManager, ids: readonly string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const pairs: { order_id: string; product_id: number }[] = await manager.query(
    `SELECT DISTINCT order_id, product_id FROM purchase_order_item WHERE order_id IN (${placeholders(ids.length)}) AND status_id IN (${OPEN_ITEMS_SQL})`,
    [...ids],
  );
  const productIds = [...new Set(pairs.map((p) => Number(p.product_id)))];
  const waiting = new Map<number, number>();
  for (const part of chunk(productIds, 500)) {
    const rows: { product_id: number; n: number }[] = await manager.query(
      `SELECT s.product_id, COUNT(*) AS n FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
       WHERE s.product_id IN (${placeholders(part.length)}) AND ${WAITING_PRE_ORDER_SQL} GROUP BY s.product_id`,
      part,
    );
    for (const r of rows) waiting.set(Number(r.product_id), Number(r.n));
  }
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(String(p.order_id), (counts.get(String(p.order_id)) ?? 0) + (waiting.get(Number(p.product_id)) ?? 0));
  return ids.map((id) => counts.get(id) ?? 0);
}

/** The PO find page: newest order date first, filtered and paginated by cursor. */
export function listPurchaseOrders(manager: EntityManager, filter: PurchaseOrderFilter = {}, first?: number | null, after?: string | null): Promise<Page<OrderHeaderEntity>> {
  const where = ["po.order_type_id = 'PURCHASE_ORDER'"];
  const params: unknown[] = [];
  if ((filter.status?.length ?? 0) > LIMITS.filterList) throw badInput(`filter.status may list at most ${LIMITS.filterList} entries`);
  if (filter.status?.length) { where.push(`po.status_id IN (${placeholders(filter.status.length)})`); params.push(...filter.status.map(orderStatusId)); }
  if (filter.sku != null) {
    where.push("EXISTS (SELECT 1 FROM purchase_order_item si JOIN product pr ON pr.product_id = si.product_id WHERE si.order_id = po.order_id AND pr.sku = ?)");
    params.push(filter.sku);
  }
  if (filter.search != null && filter.search !== "") {
    where.push("LOWER(po.order_id) LIKE ? ESCAPE '!'");
    params.push(`%${filter.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`);
  }
  if (filter.hasPendingPreOrders != null) where.push(`${filter.hasPendingPreOrders ? "" : "NOT "}${PENDING_SQL}`);
  return keysetPage(manager, {
    select: orderHeaderColumns("po"), from: "order_header po", where, params, ordering: NEWEST_FIRST, first, after,
    map: toOrderHeader, keyOf: (h) => [h.orderDate, h.orderId],
  });
}
