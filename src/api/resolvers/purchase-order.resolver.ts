import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { createPurchaseOrders, findPurchaseOrder, importPurchaseOrders, listPurchaseOrders } from "../../domain";
import { Context } from "../context";
import { toConnection } from "../types/page.type";
import { Product } from "../types/product.type";
import {
  ImportPurchaseOrdersPayload, PurchaseOrder, PurchaseOrderConnection, PurchaseOrderFilter, PurchaseOrderInput, PurchaseOrderItem,
  toPurchaseOrder, toPurchaseOrderItem,
} from "../types/purchase-order.type";
import { toProduct } from "./product.resolver";

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Query(() => PurchaseOrderConnection, { description: "The PO find page: newest first" })
  async purchaseOrders(
    @Ctx() { db }: Context,
    @Arg("filter", () => PurchaseOrderFilter, { nullable: true }) filter?: PurchaseOrderFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await db.read((m) => listPurchaseOrders(m, filter, first, after)), toPurchaseOrder, db);
  }

  @Query(() => PurchaseOrder, { nullable: true })
  async purchaseOrder(@Arg("id", () => ID) id: string, @Ctx() { db }: Context): Promise<PurchaseOrder | null> {
    const header = await db.read((m) => findPurchaseOrder(m, id));
    return header && toPurchaseOrder(header);
  }

  @Mutation(() => PurchaseOrder)
  async createPurchaseOrder(@Arg("input", () => PurchaseOrderInput) input: PurchaseOrderInput, @Ctx() { db }: Context): Promise<PurchaseOrder> {
    const [header] = await db.write((m) => createPurchaseOrders(m, [input]));
    return toPurchaseOrder(header);
  }

  @Mutation(() => ImportPurchaseOrdersPayload, { description: "Uploads POs from CSV: all rows, or none with every bad row listed" })
  async importPurchaseOrders(
    @Arg("csv") csv: string,
    @Ctx() { db }: Context,
    @Arg("dateFormat", { defaultValue: "MM/dd/yyyy" }) dateFormat: string,
  ): Promise<ImportPurchaseOrdersPayload> {
    const result = await db.write((m) => importPurchaseOrders(m, csv, dateFormat));
    return { purchaseOrders: result.purchaseOrders.map(toPurchaseOrder), errors: result.errors };
  }

  @FieldResolver(() => [PurchaseOrderItem])
  async items(@Root() po: PurchaseOrder, @Ctx() { loaders }: Context): Promise<PurchaseOrderItem[]> {
    return (await loaders.purchaseOrderItems.load(po.id)).map(toPurchaseOrderItem);
  }

  @FieldResolver(() => Int, { description: "Waiting pre-order items (not promised, not tied) for this PO's products, fit or not" })
  pendingPreOrderCount(@Root() po: PurchaseOrder, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.pendingPreOrderCount.load(po.id);
  }
}

@Resolver(() => PurchaseOrderItem)
export class PurchaseOrderItemResolver {
  @FieldResolver(() => Product)
  async product(@Root() item: PurchaseOrderItem, @Ctx() { loaders }: Context): Promise<Product> {
    return toProduct((await loaders.product.load(item.productId))!);
  }
}
