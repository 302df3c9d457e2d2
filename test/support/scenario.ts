import { expect } from "chai";
import {
  ALLOCATE, ALLOCATION_HISTORY, CANCEL_PO, CANCEL_PO_ITEM, CANCEL_PRE_ORDER_ITEM, COMPLETE_PO, CREATE_PO, IMPORT_PRE_ORDER, PRE_ORDERS,
  PROMISE_DATE_CHANGES, PURCHASE_ORDER, UPSERT,
} from "./documents";
import type {
  AllocationHistoryQueryVariables, PreOrderItemInput, ProductInput, PurchaseOrderInput, PurchaseOrderItemInput,
} from "./graphql/graphql";
import { GqlResponse, GraphQLClient } from "./server";

/**
 * The one scenario builder: products, POs, pre-orders, runs and status changes, all through the
 * API (a test server in this process or a server process alike), each failing the test with the
 * API's errors if the API refuses. Lines take the API's own input types; dates come from
 * test/support/clock.ts (`inDays(10)` for an arrival, `daysAgo(3)` for an order date).
 */

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
function dataOf<T>(response: GqlResponse<T>, what: string): T {
  expect(response.errors, what).to.equal(undefined);
  return response.data;
}

/** Products by SKU ("A" is named "Product A"), or as full inputs. */
export async function products(api: GraphQLClient, ...products: (string | ProductInput)[]) {
  const input = products.map((p) => (typeof p === "string" ? { sku: p, name: `Product ${p}` } : p));
  return dataOf(await api.gql(UPSERT, { input }), "upsertProducts").upsertProducts;
}

/** A PO of these items at facility WH-1 (unless `options` says otherwise), in the API's default status CREATED unless given one. */
export async function purchaseOrder(api: GraphQLClient, id: string, items: PurchaseOrderItemInput[], options: Partial<Omit<PurchaseOrderInput, "id" | "items">> = {}) {
  const res = await api.gql(CREATE_PO, { input: { id, facilityId: "WH-1", ...options, items } });
  return dataOf(res, `createPurchaseOrder ${id}`).createPurchaseOrder;
}

/** A pre-order placed at `orderDate` (ISO; `daysAgo(n)`); returns its items as imported (tied at once where a PO covers them). */
export async function preOrder(api: GraphQLClient, orderId: string, orderDate: string, items: PreOrderItemInput[]) {
  return dataOf(await api.gql(IMPORT_PRE_ORDER, { input: { orderId, orderDate, items } }), `importPreOrder ${orderId}`).importPreOrder.items;
}

/** Allocate Sales Orders on a PO (a preview with `dryRun`); returns the payload. */
export async function allocate(api: GraphQLClient, purchaseOrderId: string, dryRun?: boolean) {
  return dataOf(await api.gql(ALLOCATE, { id: purchaseOrderId, dryRun }), `allocateSalesOrders ${purchaseOrderId}`).allocateSalesOrders;
}

// Status changes, as the lifecycle mutations make them.

export async function cancelPurchaseOrder(api: GraphQLClient, id: string) {
  return dataOf(await api.gql(CANCEL_PO, { id }), `cancelPurchaseOrder ${id}`).cancelPurchaseOrder;
}

/** Cancels one PO item (the PO is cancelled with its last open item). */
export async function cancelPurchaseOrderItem(api: GraphQLClient, purchaseOrderId: string, seqId: string) {
  return dataOf(await api.gql(CANCEL_PO_ITEM, { po: purchaseOrderId, seq: seqId }), `cancelPurchaseOrderItem ${purchaseOrderId}/${seqId}`).cancelPurchaseOrderItem;
}

export async function completePurchaseOrder(api: GraphQLClient, id: string) {
  return dataOf(await api.gql(COMPLETE_PO, { id }), `completePurchaseOrder ${id}`).completePurchaseOrder;
}

/** Cancels one pre-order item (the order is cancelled with its last open item). */
export async function cancelPreOrderItem(api: GraphQLClient, orderId: string, seqId: string) {
  return dataOf(await api.gql(CANCEL_PRE_ORDER_ITEM, { order: orderId, seq: seqId }), `cancelPreOrderItem ${orderId}/${seqId}`).cancelPreOrderItem;
}

// What the API shows.

/** Every pre-order item (first 100), first in first out. */
export async function preOrderItems(api: GraphQLClient) {
  return dataOf(await api.gql(PRE_ORDERS, { first: 100 }), "preOrders").preOrders.edges.map((e) => e.node);
}

/** One pre-order item as the API shows it; fails the test when there is none. */
export async function preOrderItem(api: GraphQLClient, orderId: string, seqId = "00001") {
  const item = (await preOrderItems(api)).find((n) => n.orderId === orderId && n.seqId === seqId);
  expect(item, `pre-order item ${orderId}/${seqId}`).not.to.equal(undefined);
  return item!;
}

/** Every pre-order item as "order/seq" → "PO/seq@arrival day" of its tie, or null when untied. */
export async function ties(api: GraphQLClient): Promise<Record<string, string | null>> {
  return Object.fromEntries((await preOrderItems(api)).map((node) => [
    `${node.orderId}/${node.seqId}`,
    node.purchaseOrderId ? `${node.purchaseOrderId}/${node.purchaseOrderItemSeqId}@${node.promiseDate}` : null,
  ]));
}

/** A PO as the API shows it; fails the test when there is none. */
export async function readPurchaseOrder(api: GraphQLClient, id: string) {
  const po = dataOf(await api.gql(PURCHASE_ORDER, { id }), `purchaseOrder ${id}`).purchaseOrder;
  expect(po, `purchase order ${id}`).not.to.equal(null);
  return po!;
}

/** A PO's items as the API shows them, in seq order. */
export async function poItems(api: GraphQLClient, id: string) {
  return (await readPurchaseOrder(api, id)).items;
}

/** The whole promise-date feed, oldest first. */
export async function feed(api: GraphQLClient) {
  return dataOf(await api.gql(PROMISE_DATE_CHANGES, { first: 100 }), "promiseDateChanges").promiseDateChanges.edges.map((e) => e.node);
}

/** The allocation history, oldest first (the API answers newest first). */
export async function history(api: GraphQLClient, variables: AllocationHistoryQueryVariables = {}) {
  return dataOf(await api.gql(ALLOCATION_HISTORY, { first: 100, ...variables }), "allocationHistory").allocationHistory.edges.map((e) => e.node).reverse();
}

/** "order/seq" keys of a payload's allocations or skipped items, in payload order. */
export const keys = (rows: { orderId: string; seqId: string }[]): string[] => rows.map((r) => `${r.orderId}/${r.seqId}`);
