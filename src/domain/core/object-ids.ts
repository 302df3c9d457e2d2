/**
 * How the API names objects (docs/domain.md#object-ids). A purchase order is named by its order id
 * as uploaded ("PO-1001"); every other kind of object by "<Kind>:<number>" ("PreOrderItem:17").
 * So that a PO's id can never equal another object's, no order id may start with one of these
 * prefixes: "PreOrderItem:17" is refused as an order id when a PO or pre-order is created.
 */
export const OBJECT_KINDS = ["Product", "PurchaseOrderItem", "PreOrderItem", "AllocationRun", "AllocationEvent", "PromiseDateChange"] as const;

export type ObjectKind = (typeof OBJECT_KINDS)[number];

const RESERVED = new RegExp(`^(${OBJECT_KINDS.join("|")}):`);

/** The problem with an order id that takes the shape reserved for other objects' ids, or null. */
export function reservedIdProblem(field: string, orderId: unknown): string | null {
  if (typeof orderId !== "string" || !RESERVED.test(orderId)) return null;
  return `${field} must not start with "${orderId.slice(0, orderId.indexOf(":") + 1)}": that prefix names other objects in this API`;
}

/** "<Kind>:<key>" */
export const objectId = (kind: ObjectKind, key: number): string => `${kind}:${key}`;

/** The kind and key of an id of the "<Kind>:<number>" form, or null (then it can only be a PO's order id). */
export function parseObjectId(id: string): { kind: ObjectKind; key: number } | null | "malformed" {
  const match = RESERVED.exec(id);
  if (!match) return null;
  const key = id.slice(match[0].length);
  return /^[1-9]\d{0,14}$/.test(key) ? { kind: match[1] as ObjectKind, key: Number(key) } : "malformed";
}
