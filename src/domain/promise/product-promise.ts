import { EntityManager } from "typeorm";
import { padToPowerOfTwo, placeholders, poItemColumns, selectPrepared, sqlDate, toPoItemRow } from "../../db";
import { badInput } from "../../errors";
import { ALLOCATABLE_PO_ITEM_SQL, HAS_ATP_SQL, PoItemForRules, availableToPromise, byPreference, pickPoItem, promiseDateOf } from "../allocation";
import { LIMITS, MAX_INT, startOfTodayUtc } from "../core";

/**
 * The PDP promise (docs/domain.md#the-product-page-promise): what the product page of a SKU
 * shows, read straight from the database on every call so it is never staler than the last commit.
 */

export type AvailabilityStatus = "IN_STOCK" | "PRE_ORDER" | "OUT_OF_STOCK";

/** At most this many SKUs in one `productPromises` call (a collection page is far below it). */
export const MAX_PROMISE_SKUS = 250;

export interface PromiseRequest {
  sku: string;
  /** "When could I get N?"; absent means 1. */
  quantity?: number | null;
}

export interface ProductPromiseView {
  sku: string;
  productId: number;
  status: AvailabilityStatus;
  /** The quantity this answer is for (1 when none was asked). */
  quantity: number;
  inventoryAvailable: number;
  /** PO ATP summed over the allocatable PO items with ATP > 0, whatever the status. */
  availableToPromise: number;
  /** PRE_ORDER only: the chosen PO item's arrival date plus its buffer days. */
  promiseDate: Date | null;
  /** PRE_ORDER only: the PO of the chosen item. */
  purchaseOrderId: string | null;
}

export interface PromiseProduct {
  productId: number;
  sku: string;
  inventoryAvailable: number;
}

type PromisePoItem = PoItemForRules;

/** Checks the arguments of a lookup before anything touches the database. */
export function checkPromiseLookup(skus: readonly string[], quantity?: number | null): void {
  if (skus.length > MAX_PROMISE_SKUS) throw badInput(`skus may list at most ${MAX_PROMISE_SKUS} SKUs (got ${skus.length})`);
  const tooLong = skus.filter((sku) => sku.length > LIMITS.id);
  if (tooLong.length) throw badInput(`SKUs are at most ${LIMITS.id} characters (got one of ${tooLong[0].length})`);
  if (quantity != null && (!Number.isInteger(quantity) || quantity < 1)) throw badInput(`quantity must be a whole number >= 1 (got ${quantity})`);
}

/**
 * One statement for any number of SKUs: each known SKU's product, left-joined to its
 * allocatable PO items (rule 2) that still have ATP. Served by uq_product_sku, then
 * ix_po_item_product and the order_header primary key; no ORDER BY, so no temporary table or
 * filesort: the few rows per SKU are put in the rules' order in memory. The first `?` is the
 * start of today (UTC), then the SKUs.
 */
export const promiseRowsSql = (skuCount: number): string => {
  let sql = sqlBySkuCount.get(skuCount);
  if (sql === undefined) {
    sql = buildPromiseRowsSql(skuCount);
    if (sqlBySkuCount.size < 64) sqlBySkuCount.set(skuCount, sql);
  }
  return sql;
};

/** The texts for the bucketed SKU counts, built once: this runs on every product page view. */
const sqlBySkuCount = new Map<number, string>();

const buildPromiseRowsSql = (skuCount: number): string =>
  `SELECT pr.product_id AS pr_product_id, pr.sku, pr.inventory_available, ${poItemColumns("p")}
   FROM product pr
   LEFT JOIN (purchase_order_item p JOIN order_header h ON h.order_id = p.order_id)
     ON p.product_id = pr.product_id AND ${ALLOCATABLE_PO_ITEM_SQL} AND ${HAS_ATP_SQL}
   WHERE pr.sku IN (${placeholders(skuCount)})`;

/** The parameters of promiseRowsSql. */
export const promiseRowsParams = (skus: readonly string[], today: Date = startOfTodayUtc()): unknown[] => [todaySql(today), ...skus];

let todayCache: { time: number; sql: string } = { time: NaN, sql: "" };
const todaySql = (today: Date): string => {
  if (todayCache.time !== today.getTime()) todayCache = { time: today.getTime(), sql: sqlDate(today) };
  return todayCache.sql;
};

/** Groups the rows of promiseRowsSql by SKU: the product and its candidate PO items. */
export function groupPromiseRows(rows: Record<string, unknown>[]): Map<string, { product: PromiseProduct; items: PromisePoItem[] }> {
  const bySku = new Map<string, { product: PromiseProduct; items: PromisePoItem[] }>();
  for (const r of rows) {
    const sku = String(r.sku);
    let entry = bySku.get(sku);
    if (!entry) {
      entry = { product: { productId: Number(r.pr_product_id), sku, inventoryAvailable: Number(r.inventory_available) }, items: [] };
      bySku.set(sku, entry);
    }
    if (r.po_item_id != null) entry.items.push(toPoItemRow(r));
  }
  return bySku;
}

/** Hears each step of decidePromise as it is taken (promiseExplanation); the PDP passes none. */
export interface PromiseTrace {
  /** The first step: does inventory cover the quantity? */
  inventory(inventoryAvailable: number, quantity: number, covers: boolean): void;
  /** Each candidate PO item looked at, in preference order, and whether its ATP covers the quantity. */
  poItem(item: PromisePoItem, covers: boolean): void;
}

/**
 * The promise for N units of one product, given its allocatable PO items with ATP > 0:
 * IN_STOCK when inventory covers N; else PRE_ORDER when one PO item can cover N whole (the
 * item a pre-order placed now would be tied to: rule 5's preference, earliest arrival first),
 * promised at its arrival date plus its buffer days; else OUT_OF_STOCK. Without a quantity N is
 * 1, which is docs/domain.md#the-product-page-promise: "inventory > 0" and "earliest arrival with ATP > 0".
 * `availableToPromise` is the PO ATP sum in every status, so a storefront can show it next to
 * "in stock" too; promiseDate and purchaseOrderId are set for PRE_ORDER only.
 */
export function decidePromise(product: PromiseProduct, items: PromisePoItem[], quantity?: number | null, trace?: PromiseTrace): ProductPromiseView {
  const wanted = quantity ?? 1;
  const candidates = [...items].sort(byPreference);
  const atp = Math.min(candidates.reduce((sum, item) => sum + availableToPromise(item), 0), MAX_INT);
  trace?.inventory(product.inventoryAvailable, wanted, product.inventoryAvailable >= wanted);
  const chosen = product.inventoryAvailable >= wanted ? undefined : pickPoItem(candidates, wanted, trace?.poItem);
  const status: AvailabilityStatus = product.inventoryAvailable >= wanted ? "IN_STOCK" : chosen ? "PRE_ORDER" : "OUT_OF_STOCK";
  return {
    sku: product.sku,
    productId: product.productId,
    status,
    quantity: wanted,
    inventoryAvailable: product.inventoryAvailable,
    availableToPromise: atp,
    promiseDate: chosen ? promiseDateOf(chosen) : null,
    purchaseOrderId: chosen ? chosen.orderId : null,
  };
}

/**
 * The promises for a batch of requests (SKU, quantity), in request order, null for an unknown
 * SKU: ONE SQL statement whatever the number of requests, SKUs or quantities, and no cache, so
 * the answer reflects every allocation and import committed before it.
 */
export async function findProductPromises(manager: EntityManager, requests: readonly PromiseRequest[]): Promise<(ProductPromiseView | null)[]> {
  const unique = [...new Set(requests.map((r) => r.sku))];
  if (unique.length === 0) return [];
  // Prepared on MySQL; the SKU list is padded to a power of two so each connection prepares few texts.
  const skus = padToPowerOfTwo(unique);
  const rows = await selectPrepared(manager, promiseRowsSql(skus.length), promiseRowsParams(skus));
  const bySku = groupPromiseRows(rows);
  return requests.map((r) => {
    const entry = bySku.get(r.sku);
    return entry ? decidePromise(entry.product, entry.items, r.quantity) : null;
  });
}
