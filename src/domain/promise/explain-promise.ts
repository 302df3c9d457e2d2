import { EntityManager } from "typeorm";
import { PoItemRow } from "../../db";
import { WAITING_PRE_ORDER_SQL, availableToPromise, byPreference, isAllocatable, poItemsOfProducts, promiseDateOf } from "../allocation";
import { isOpenOrder, startOfTodayUtc } from "../core";
import { PromiseProduct, ProductPromiseView, checkPromiseLookup, decidePromise } from "./product-promise";

/**
 * "Why does the product page show this date?" (docs/domain.md#explaining-a-promise): the product's
 * numbers, every PO item of it and whether it can be promised, the waiting pre-orders, and the
 * PDP's decision step by step. The steps are heard from decidePromise itself (its trace), and the
 * answer is decidePromise's, so the explanation cannot drift from productPromise.
 */

/** Why a PO item cannot be promised from; checked in this order. */
export type PromiseBlocker = "CANCELLED" | "COMPLETED" | "NO_ARRIVAL_DATE" | "ARRIVAL_IN_PAST" | "NO_ATP";

export interface ExplainedPoItem {
  item: PoItemRow;
  availableToPromise: number;
  promiseDate: Date | null;
  /** Null when the PDP may promise from it. */
  blocker: PromiseBlocker | null;
}

export type PromiseStepKind = "INVENTORY" | "PO_ITEM" | "ANSWER";

export interface PromiseStep {
  kind: PromiseStepKind;
  /** INVENTORY: inventory covers the quantity; PO_ITEM: its ATP covers it; ANSWER: always true. */
  passed: boolean;
  /** INVENTORY: the inventory; PO_ITEM: the item's ATP; ANSWER: the ATP sum. */
  available: number;
  quantity: number;
  purchaseOrderId: string | null;
  seqId: string | null;
  text: string;
}

export interface PromiseExplanationView {
  sku: string;
  quantity: number;
  inventoryAvailable: number;
  poItems: ExplainedPoItem[];
  waitingPreOrderCount: number;
  waitingPreOrderUnits: number;
  steps: PromiseStep[];
  answer: ProductPromiseView;
}

/** Whether the PDP may promise from a PO item whose PO header has status `headerStatusId`, and if not, why. */
export function promiseBlocker(item: PoItemRow, headerStatusId: string, today: Date): PromiseBlocker | null {
  const statuses = [headerStatusId, item.statusId];
  if (statuses.some((s) => s.endsWith("_CANCELLED"))) return "CANCELLED";
  if (!isOpenOrder(headerStatusId) || statuses.some((s) => s.endsWith("_COMPLETED"))) return "COMPLETED";
  if (item.estimatedDeliveryDate === null) return "NO_ARRIVAL_DATE";
  if (!isAllocatable(item, today)) return "ARRIVAL_IN_PAST";
  return availableToPromise(item) > 0 ? null : "NO_ATP";
}

const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : "no date");

/** Explains the PDP's answer for `quantity` units of `sku`; null for an unknown SKU. Reads only. */
export async function explainPromise(manager: EntityManager, sku: string, quantity?: number | null, today: Date = startOfTodayUtc()): Promise<PromiseExplanationView | null> {
  checkPromiseLookup([sku], quantity);
  const [productRow] = await manager.query("SELECT product_id, sku, inventory_available FROM product WHERE sku = ?", [sku]);
  if (!productRow) return null;
  const product: PromiseProduct = { productId: Number(productRow.product_id), sku: String(productRow.sku), inventoryAvailable: Number(productRow.inventory_available) };
  const [items] = await poItemsOfProducts(manager, [product.productId]);
  const [waiting] = await manager.query(
    `SELECT COUNT(*) AS n, COALESCE(SUM(s.quantity), 0) AS units FROM sales_order_item s JOIN order_header h ON h.order_id = s.order_id
     WHERE s.product_id = ? AND ${WAITING_PRE_ORDER_SQL}`,
    [product.productId],
  );
  const poItems: ExplainedPoItem[] = items.map(({ headerStatusId, ...item }) => (
    { item, availableToPromise: availableToPromise(item), promiseDate: promiseDateOf(item), blocker: promiseBlocker(item, headerStatusId, today) }
  ));
  // Listed as the rules offer them: dated items in preference order, undated ones last.
  poItems.sort((a, b) => (a.item.estimatedDeliveryDate && b.item.estimatedDeliveryDate ? byPreference(a.item, b.item)
    : a.item.estimatedDeliveryDate ? -1 : b.item.estimatedDeliveryDate ? 1 : a.item.id - b.item.id));

  const wanted = quantity ?? 1;
  const steps: PromiseStep[] = [];
  const answer = decidePromise(product, poItems.filter((p) => p.blocker === null).map((p) => p.item), wanted, {
    inventory: (available, n, covers) => steps.push({
      kind: "INVENTORY", passed: covers, available, quantity: n, purchaseOrderId: null, seqId: null,
      text: covers ? `Inventory ${available} covers ${n}: in stock` : `Inventory ${available} does not cover ${n}: look for a PO item`,
    }),
    poItem: (item, covers) => steps.push({
      kind: "PO_ITEM", passed: covers, available: availableToPromise(item), quantity: wanted, purchaseOrderId: item.orderId, seqId: item.orderItemSeqId,
      text: `${item.orderId}/${item.orderItemSeqId} (arrives ${day(item.estimatedDeliveryDate)}) has ATP ${availableToPromise(item)}: ` +
        (covers ? `covers ${wanted}, promise ${day(promiseDateOf(item))}` : `does not cover ${wanted}`),
    }),
  });
  steps.push({
    kind: "ANSWER", passed: true, available: answer.availableToPromise, quantity: wanted, purchaseOrderId: answer.purchaseOrderId, seqId: null,
    text: answer.status === "PRE_ORDER" ? `PRE_ORDER, promised ${day(answer.promiseDate)} from ${answer.purchaseOrderId}`
      : answer.status === "IN_STOCK" ? "IN_STOCK" : `OUT_OF_STOCK: no PO item that can be promised covers ${wanted}`,
  });
  return {
    sku: product.sku, quantity: wanted, inventoryAvailable: product.inventoryAvailable, poItems,
    waitingPreOrderCount: Number(waiting.n), waitingPreOrderUnits: Number(waiting.units), steps, answer,
  };
}
