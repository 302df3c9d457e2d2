import { ObjectKind, checkIds, findAllocationEvent, findAllocationRun, findPromiseDateChange, parseObjectId } from "../domain";
import { badInput } from "../errors";
import { Context } from "./context";
import { toAllocationRun } from "./types/allocation.type";
import { toAllocationEvent, toPromiseDateChange } from "./types/lifecycle.type";
import { Node } from "./types/node.type";
import { toPreOrderItem } from "./types/pre-order.type";
import { toPurchaseOrder, toPurchaseOrderItem } from "./types/purchase-order.type";
import { toProduct } from "./resolvers/product.resolver";

/**
 * The object a global id names (see the Node interface), or null when there is none. Who may
 * read it is decided before this runs, by src/auth/policy.ts (NODE_TYPE_ROLES).
 */
export async function fetchNode({ db, loaders }: Context, id: string): Promise<Node | null> {
  checkIds({ id });
  const parsed = parseObjectId(id);
  if (parsed === "malformed") return null;
  if (parsed === null) {
    const header = await loaders.purchaseOrder.load(id);
    return header ? toPurchaseOrder(header) : null;
  }
  const { key } = parsed;
  const found = await {
    Product: async () => { const p = await loaders.product.load(key); return p && toProduct(p); },
    PurchaseOrderItem: async () => { const item = await loaders.purchaseOrderItem.load(key); return item && toPurchaseOrderItem(item); },
    PreOrderItem: async () => { const item = await loaders.preOrderItem.load(key); return item && toPreOrderItem(item); },
    AllocationRun: async () => { const run = await db.read((m) => findAllocationRun(m, key)); return run && toAllocationRun(run); },
    AllocationEvent: async () => { const e = await db.read((m) => findAllocationEvent(m, key)); return e && toAllocationEvent(e); },
    PromiseDateChange: async () => { const c = await db.read((m) => findPromiseDateChange(m, key)); return c && toPromiseDateChange(c); },
  }[parsed.kind]();
  return found ?? null;
}

/** The numeric keys of ids of one kind ("PromiseDateChange:41" → 41); BAD_USER_INPUT naming the ids of another shape. */
export function keysOfIds(kind: ObjectKind, ids: readonly string[]): number[] {
  const keys = ids.map((id) => {
    const parsed = parseObjectId(id);
    return parsed && parsed !== "malformed" && parsed.kind === kind ? parsed.key : null;
  });
  const bad = ids.filter((_, i) => keys[i] === null);
  if (bad.length) throw badInput(`Not ${kind} ids (expected "${kind}:<number>"): ${bad.slice(0, 5).map((id) => JSON.stringify(id.slice(0, 70))).join(", ")}`);
  return keys as number[];
}
