import { EntityManager, In } from "typeorm";
import { chunk } from "../../db";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { DomainError } from "../../errors";
import { LIMITS, Problems, Status, clock, itemStatusId, orderStatusId } from "../core";
import { queuePromisePurge } from "../edge";
import { productsBySku } from "./products";

export interface PurchaseOrderItemInput {
  sku: string;
  quantity: number;
  arrivalDate?: Date | null;
  orderBuffer?: number | null;
  bufferDays?: number | null;
}

export interface PurchaseOrderInput {
  id: string;
  facilityId: string;
  orderDate?: Date | null;
  status?: Status | null;
  items: PurchaseOrderItemInput[];
}

/** PO item seq ids are "00001", "00002", ... in upload order. */
export const seqId = (index: number): string => String(index + 1).padStart(5, "0");

/** Problems with one PO's fields, without touching the database. */
export function checkPurchaseOrder(input: PurchaseOrderInput, problems: Problems, at = "input"): void {
  problems.orderId(`${at}.id`, input.id);
  problems.id(`${at}.facilityId`, input.facilityId);
  if (input.orderDate != null) problems.date(`${at}.orderDate`, input.orderDate);
  if (input.items.length === 0) problems.add(`${at}.items must list at least one item`);
  if (input.items.length > LIMITS.poItems) problems.add(`${at}.items may list at most ${LIMITS.poItems} items`);
  input.items.forEach((item, i) => {
    const where = `${at}.items[${i}]`;
    problems.id(`${where}.sku`, item.sku);
    problems.quantity(`${where}.quantity`, item.quantity);
    problems.quantity(`${where}.orderBuffer`, item.orderBuffer ?? 0, 0);
    problems.bufferDays(`${where}.bufferDays`, item.bufferDays ?? 0);
    if (item.arrivalDate != null) problems.date(`${where}.arrivalDate`, item.arrivalDate);
    if (Number.isInteger(item.quantity) && (item.orderBuffer ?? 0) > item.quantity) {
      problems.add(`${where}.orderBuffer (${item.orderBuffer}) must not exceed quantity (${item.quantity})`);
    }
  });
}

/**
 * Creates purchase orders with their items, all or none. An id already used by any order is
 * DUPLICATE; an unknown SKU is BAD_USER_INPUT. Raising a PO never ties pre-orders by itself:
 * that is what Allocate Sales Orders is for.
 */
export async function createPurchaseOrders(manager: EntityManager, inputs: PurchaseOrderInput[]): Promise<OrderHeaderEntity[]> {
  const problems = new Problems();
  inputs.forEach((input, i) => checkPurchaseOrder(input, problems, inputs.length > 1 ? `input[${i}]` : "input"));
  problems.throwIfAny("purchase order");
  const ids = inputs.map((po) => po.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) throw new DomainError("DUPLICATE", `Purchase order id given twice: ${[...new Set(repeated)].join(", ")}`);
  const taken: OrderHeaderEntity[] = [];
  for (const part of chunk(ids, 1000)) {
    taken.push(...await manager.getRepository(OrderHeaderEntity).find({ select: { orderId: true }, where: { orderId: In(part) } }));
  }
  if (taken.length) throw new DomainError("DUPLICATE", `An order with id ${taken.map((o) => o.orderId).join(", ")} already exists`);

  const products = await productsBySku(manager, inputs.flatMap((po) => po.items.map((item) => item.sku)));
  const now = clock.now();
  const headers = inputs.map((po) => manager.create(OrderHeaderEntity, {
    orderId: po.id,
    orderTypeId: "PURCHASE_ORDER",
    statusId: orderStatusId(po.status ?? "CREATED"),
    orderDate: po.orderDate ?? now,
    facilityId: po.facilityId,
    createdAt: now,
  }));
  const items = inputs.flatMap((po) => po.items.map((item, i) => manager.create(PurchaseOrderItemEntity, {
    orderId: po.id,
    orderItemSeqId: seqId(i),
    productId: products.get(item.sku)!.id,
    quantity: item.quantity,
    orderBuffer: item.orderBuffer ?? 0,
    bufferDays: item.bufferDays ?? 0,
    allocatedQuantity: 0,
    estimatedDeliveryDate: item.arrivalDate ?? null,
    statusId: itemStatusId(po.status ?? "CREATED"),
  })));
  // Chunks keep each statement's parameters under SQLite's limit (an upload may hold 20,000 POs).
  for (const part of chunk(headers, 500)) await manager.insert(OrderHeaderEntity, part);
  for (const part of chunk(items, 500)) await manager.insert(PurchaseOrderItemEntity, part);
  await queuePromisePurge(manager, items.map((i) => i.productId));
  return headers;
}

