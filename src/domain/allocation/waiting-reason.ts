import { EntityManager } from "typeorm";
import { PoItemRow, placeholders, poItemColumns, toPoItemRow } from "../../db";
import { PRE_ORDER_PARKING, isOpenItem, isOpenOrder } from "../core";
import { availableToPromise, isAllocatable, pickPoItem, byPreference } from "./rules";

/**
 * "Why is this pre-order still waiting?" (docs/domain.md#explaining-a-promise), decided by the
 * allocation rules: rule 3 (who waits: open, in PRE_ORDER_PARKING, no promise date, no PO), rule 2
 * (which PO items are allocatable) and rule 5 (one item must cover the whole quantity).
 */

export type WaitingReason = "NOT_IN_PARKING" | "CANCELLED" | "HAS_PROMISE_DATE" | "NO_OPEN_PO_ITEM" | "NO_FUTURE_ARRIVAL" | "INSUFFICIENT_ATP";

/** A PO item with its PO header's status, as the rules need to judge it. */
export interface PoItemWithHeader extends PoItemRow {
  headerStatusId: string;
}

export interface WaitingCheck {
  /** Null when tied, or when a PO item could take it now (Allocate Sales Orders has not yet run on it). */
  reason: WaitingReason | null;
  /** INSUFFICIENT_ATP only: the largest ATP on an allocatable PO item of its product; else null. */
  largestAvailableToPromise: number | null;
}

export interface WaitingCandidate {
  /** Tied to a PO item. */
  tied: boolean;
  facilityId: string;
  /** ORDER_/ITEM_ status id or a bare status (CREATED, CANCELLED, ...). */
  status: string;
  promiseDate: Date | null;
  quantity: number;
}

const NONE: WaitingCheck = { reason: null, largestAvailableToPromise: null };
const because = (reason: WaitingReason): WaitingCheck => ({ reason, largestAvailableToPromise: null });

/** Why `item` is not tied, given every PO item of its product (any status). */
export function whyWaiting(item: WaitingCandidate, poItems: readonly PoItemWithHeader[], today: Date): WaitingCheck {
  if (item.tied) return NONE;
  const status = item.status.replace(/^(ORDER|ITEM)_/, "");
  if (status === "CANCELLED") return because("CANCELLED");
  if (item.facilityId !== PRE_ORDER_PARKING || !isOpenItem(`ITEM_${status}`)) return because("NOT_IN_PARKING");
  if (item.promiseDate !== null) return because("HAS_PROMISE_DATE");
  const open = poItems.filter((p) => isOpenOrder(p.headerStatusId) && isOpenItem(p.statusId));
  if (open.length === 0) return because("NO_OPEN_PO_ITEM");
  const allocatable = open.filter((p) => isAllocatable(p, today)).sort(byPreference);
  if (allocatable.length === 0) return because("NO_FUTURE_ARRIVAL");
  if (pickPoItem(allocatable, item.quantity)) return NONE;
  return { reason: "INSUFFICIENT_ATP", largestAvailableToPromise: Math.max(...allocatable.map(availableToPromise)) };
}

/** Every PO item of each product (any status), with its PO header's status: one statement. */
export async function poItemsOfProducts(manager: EntityManager, productIds: readonly number[]): Promise<PoItemWithHeader[][]> {
  if (productIds.length === 0) return [];
  const unique = [...new Set(productIds)];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${poItemColumns("p")}, h.status_id AS header_status_id FROM purchase_order_item p JOIN order_header h ON h.order_id = p.order_id
     WHERE p.product_id IN (${placeholders(unique.length)})`,
    unique,
  );
  const byProduct = new Map<number, PoItemWithHeader[]>();
  for (const r of rows) {
    const item: PoItemWithHeader = { ...toPoItemRow(r), headerStatusId: String(r.header_status_id) };
    byProduct.set(item.productId, [...(byProduct.get(item.productId) ?? []), item]);
  }
  return productIds.map((id) => byProduct.get(id) ?? []);
}
