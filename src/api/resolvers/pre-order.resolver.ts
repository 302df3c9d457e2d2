import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { existingPreOrder, importPreOrder, listPreOrders } from "../../domain";
import { Context } from "../context";
import { toConnection } from "../types/page.type";
import { ImportPreOrderPayload, PreOrderFilter, PreOrderInput, PreOrderItem, PreOrderItemConnection, toPreOrderItem } from "../types/pre-order.type";
import { Product } from "../types/product.type";
import { toProduct } from "./product.resolver";

@Resolver(() => PreOrderItem)
export class PreOrderResolver {
  @Query(() => PreOrderItemConnection, { description: "Sales order items, first in first out" })
  async preOrders(
    @Ctx() { db }: Context,
    @Arg("filter", () => PreOrderFilter, { nullable: true }) filter?: PreOrderFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await db.read((m) => listPreOrders(m, filter, first, after)), toPreOrderItem, db);
  }

  @Mutation(() => ImportPreOrderPayload, { description: "Imports a pre-order and ties it at once where a PO can cover it; same orderId again: created=false, nothing changes" })
  async importPreOrder(@Arg("input", () => PreOrderInput) input: PreOrderInput, @Ctx() { db, actor }: Context): Promise<ImportPreOrderPayload> {
    const result = await db.write((m) => importPreOrder(m, input, actor), { onDuplicate: (m) => existingPreOrder(m, input.orderId) });
    return { created: result.created, items: result.items.map(toPreOrderItem) };
  }

  @FieldResolver(() => Product)
  async product(@Root() item: PreOrderItem, @Ctx() { loaders }: Context): Promise<Product> {
    return toProduct((await loaders.product.load(item.productId))!);
  }
}
