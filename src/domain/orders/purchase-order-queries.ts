import { EntityManager, In } from "typeorm";
import { Ordering, Page, keysetPage, orderHeaderColumns, placeholders, toOrderHeader } from "../../db";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { OPEN_ITEMS_SQL, Status, orderStatusId } from "../core";
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
 * Waiting pre-order items (rule 3) for the products of a PO's open items, fit or not, as SQL
 * correlated to `po.order_id`.
 */
const PENDING_EXISTS_SQL = `EXISTS (SELECT 1 FROM purchase_order_item pi JOIN sales_order_item s ON s.product_id = pi.product_id
  JOIN order_header h ON h.order_id = s.order_id
  WHERE pi.order_id = po.order_id AND pi.status_id IN (${OPEN_ITEMS_SQL}) AND ${WAITING_PRE_ORDER_SQL})`;

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

/** `pendingPreOrderCount` for each PO; one query for any number of POs. */
export async function pendingPreOrderCounts(manager: EntityManager, ids: readonly string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows: { order_id: string; n: number }[] = await manager.query(
    `SELECT pi.order_id, COUNT(DISTINCT s.so_item_id) AS n FROM purchase_order_item pi
     JOIN sales_order_item s ON s.product_id = pi.product_id JOIN order_header h ON h.order_id = s.order_id
     WHERE pi.order_id IN (${placeholders(ids.length)}) AND pi.status_id IN (${OPEN_ITEMS_SQL}) AND ${WAITING_PRE_ORDER_SQL}
     GROUP BY pi.order_id`,
    [...ids],
  );
  const counts = new Map(rows.map((r) => [String(r.order_id), Number(r.n)]));
  return ids.map((id) => counts.get(id) ?? 0);
}

/** The PO find page: newest order date first, filtered and paginated by cursor. */
export function listPurchaseOrders(manager: EntityManager, filter: PurchaseOrderFilter = {}, first?: number | null, after?: string | null): Promise<Page<OrderHeaderEntity>> {
  const where = ["po.order_type_id = 'PURCHASE_ORDER'"];
  const params: unknown[] = [];
  if (filter.status?.length) { where.push(`po.status_id IN (${placeholders(filter.status.length)})`); params.push(...filter.status.map(orderStatusId)); }
  if (filter.sku != null) {
    where.push("EXISTS (SELECT 1 FROM purchase_order_item si JOIN product pr ON pr.product_id = si.product_id WHERE si.order_id = po.order_id AND pr.sku = ?)");
    params.push(filter.sku);
  }
  if (filter.search != null && filter.search !== "") {
    where.push("LOWER(po.order_id) LIKE ? ESCAPE '!'");
    params.push(`%${filter.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`);
  }
  if (filter.hasPendingPreOrders != null) where.push(`${filter.hasPendingPreOrders ? "" : "NOT "}${PENDING_EXISTS_SQL}`);
  return keysetPage(manager, {
    select: orderHeaderColumns("po"), from: "order_header po", where, params, ordering: NEWEST_FIRST, first, after,
    map: toOrderHeader, keyOf: (h) => [h.orderDate, h.orderId],
  });
}
