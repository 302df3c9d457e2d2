import { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AllocationResolver } from "./resolvers/allocation.resolver";
import { LifecycleResolver } from "./resolvers/lifecycle.resolver";
import { PreOrderResolver } from "./resolvers/pre-order.resolver";
import { ProductResolver } from "./resolvers/product.resolver";
import { ProductPromiseFieldResolver, ProductPromiseResolver } from "./resolvers/product-promise.resolver";
import { PurchaseOrderItemResolver, PurchaseOrderResolver } from "./resolvers/purchase-order.resolver";
import { ViewerResolver } from "./resolvers/viewer.resolver";
import { DateTimeScalar } from "./types/scalars";

export const resolvers = [
  ProductResolver, PurchaseOrderResolver, PurchaseOrderItemResolver, PreOrderResolver, AllocationResolver,
  ProductPromiseResolver, ProductPromiseFieldResolver, LifecycleResolver, ViewerResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return built;
}
