import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { objectId, upsertProducts } from "../../domain";
import { Context } from "../context";
import { Product, ProductInput } from "../types/product.type";

export const toProduct = (p: { id: number; sku: string; name: string; inventoryAvailable: number }): Product => ({
  id: objectId("Product", p.id), sku: p.sku, name: p.name, inventoryAvailable: p.inventoryAvailable,
});

@Resolver(() => Product)
export class ProductResolver {
  @Mutation(() => [Product], { description: "Creates products by SKU, or updates those that exist (name, and stock when given); answers them in input order. At most 1000 per call" })
  async upsertProducts(@Arg("input", () => [ProductInput], { description: "The products, each SKU once" }) input: ProductInput[], @Ctx() { db }: Context): Promise<Product[]> {
    return (await db.write((m) => upsertProducts(m, input))).map(toProduct);
  }
}
