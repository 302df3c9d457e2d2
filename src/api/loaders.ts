import DataLoader from "dataloader";
import { In } from "typeorm";
import { Database } from "../db";
import {
  PoItemWithHeader, PreOrderItemView, PromiseRequest, PurchaseOrderUpload, findProductPromises, poItemsOfProducts, rebalanceCandidateCounts, findPurchaseOrders, itemsOfPurchaseOrders, pendingPreOrderCounts, preOrderItemsById,
  purchaseOrderItemsById,
} from "../domain";
import { OrderHeaderEntity, ProductEntity, PurchaseOrderItemEntity } from "../entities";
import { ProductPromise, toProductPromise } from "./types/product-promise.type";

/** Per-request DataLoaders: one batched query per kind of lookup, never shared across requests. */
export function createLoaders(db: Database) {
  /** Every SKU whose promise this request read: the cache tags of its answer (src/api/cache-control.ts). */
  const promiseSkus = new Set<string>();
  const loaders = {
    promiseSkus: promiseSkus as ReadonlySet<string>,
    product: new DataLoader<number, ProductEntity | undefined>(async (ids) => {
      const rows = await db.read((m) => m.getRepository(ProductEntity).findBy({ id: In([...ids]) }));
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id));
    }),
    purchaseOrder: new DataLoader<string, OrderHeaderEntity | undefined>(async (ids) => {
      const rows = await db.read((m) => findPurchaseOrders(m, ids));
      const byId = new Map(rows.map((h) => [h.orderId, h]));
      return ids.map((id) => byId.get(id));
    }),
    purchaseOrderItems: new DataLoader<string, PurchaseOrderItemEntity[]>((ids) => db.read((m) => itemsOfPurchaseOrders(m, ids))),
    /** By internal id. Not memoised: a payload resolved after a mutation must show what it wrote. */
    purchaseOrderItem: new DataLoader<number, PurchaseOrderItemEntity | undefined>((ids) => db.read((m) => purchaseOrderItemsById(m, ids)), { cache: false }),
    preOrderItem: new DataLoader<number, PreOrderItemView | undefined>((ids) => db.read((m) => preOrderItemsById(m, ids)), { cache: false }),
    /** Every PO item of a product with its header's status (waiting reasons): one statement per request tick. Not memoised, like the promises. */
    productPoItems: new DataLoader<number, PoItemWithHeader[]>((ids) => db.read((m) => poItemsOfProducts(m, ids)), { cache: false }),
    /** How many tied pre-orders a rebalance would move to each PO: one planning pass for every PO of the request. */
    rebalanceCandidateCount: new DataLoader<string, number>((ids) => db.read((m) => rebalanceCandidateCounts(m, ids))),
    pendingPreOrderCount: new DataLoader<string, number>((ids) => db.read((m) => pendingPreOrderCounts(m, ids))),
    /**
     * PDP promises by (SKU, quantity): every promise asked for in the same tick in one SQL
     * statement. Not memoised: a later mutation field of the same request must see fresh ATP.
     */
    productPromise: new DataLoader<PromiseRequest, ProductPromise | null>(
      async (requests) => {
        for (const request of requests) promiseSkus.add(request.sku);
        return (await db.read((m) => findProductPromises(m, requests))).map((view) => view && toProductPromise(view));
      },
      { cache: false },
    ),
  };
  return {
    ...loaders,
    /** Forgets every memoised answer (after a write: src/api/context.ts). */
    forgetAll(): void {
      for (const loader of [loaders.product, loaders.purchaseOrder, loaders.purchaseOrderItems, loaders.rebalanceCandidateCount, loaders.pendingPreOrderCount]) loader.clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Answers an upload's POs, items and pending counts from what the upload read inside its unit of
 * work: a dry run's POs were rolled back, so a lookup afterwards would find none.
 */
export function primeUpload(loaders: Loaders, upload: PurchaseOrderUpload): void {
  upload.purchaseOrders.forEach((po, i) => {
    loaders.purchaseOrder.prime(po.orderId, po);
    loaders.purchaseOrderItems.prime(po.orderId, upload.items[i]);
    loaders.pendingPreOrderCount.prime(po.orderId, upload.pendingPreOrderCounts[i]);
  });
}
