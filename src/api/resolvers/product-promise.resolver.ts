import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { checkPromiseLookup, explainPromise } from "../../domain";
import { Context } from "../context";
import { Product } from "../types/product.type";
import { ProductPromise } from "../types/product-promise.type";
import { PromiseExplanation, toPromiseExplanation } from "../types/promise-explanation.type";

const quantityArg = { nullable: true, description: 'Answers "when could I get this many?"; default 1' } as const;

/**
 * The storefront's lookups. Every promise in a request, however it is asked for (one field,
 * aliases, a list, nested under products), goes through the request's productPromise loader:
 * one SQL statement for all of them.
 */
@Resolver(() => ProductPromise)
export class ProductPromiseResolver {
  @Query(() => ProductPromise, { nullable: true, description: "The PDP promise for one SKU; null for an unknown SKU" })
  productPromise(
    @Arg("sku", { description: "The product's SKU" }) sku: string,
    @Ctx() { loaders }: Context,
    @Arg("quantity", () => Int, quantityArg) quantity?: number,
  ): Promise<ProductPromise | null> {
    checkPromiseLookup([sku], quantity);
    return loaders.productPromise.load({ sku, quantity });
  }

  @Query(() => [ProductPromise], { nullable: "items", description: "The promises of a collection page (at most 250 SKUs), in the order of skus; null for an unknown SKU" })
  productPromises(
    @Arg("skus", () => [String], { description: "The SKUs of the page, at most 250" }) skus: string[],
    @Ctx() { loaders }: Context,
    @Arg("quantity", () => Int, quantityArg) quantity?: number,
  ): Promise<(ProductPromise | null)[]> {
    checkPromiseLookup(skus, quantity);
    return Promise.all(skus.map((sku) => loaders.productPromise.load({ sku, quantity })));
  }

  @Query(() => PromiseExplanation, { nullable: true, description: "Support and admin: why the product page shows what it shows for a SKU and a quantity; null for an unknown SKU" })
  async promiseExplanation(
    @Arg("sku", { description: "The product's SKU" }) sku: string,
    @Ctx() { db }: Context,
    @Arg("quantity", () => Int, { ...quantityArg, defaultValue: 1 }) quantity?: number,
  ): Promise<PromiseExplanation | null> {
    const view = await db.read((m) => explainPromise(m, sku, quantity));
    return view && toPromiseExplanation(view);
  }
}

@Resolver(() => Product)
export class ProductPromiseFieldResolver {
  @FieldResolver(() => ProductPromise, { nullable: true, description: "This product's PDP promise" })
  promise(@Root() product: Product, @Ctx() { loaders }: Context, @Arg("quantity", () => Int, quantityArg) quantity?: number): Promise<ProductPromise | null> {
    checkPromiseLookup([product.sku], quantity);
    return loaders.productPromise.load({ sku: product.sku, quantity });
  }
}
