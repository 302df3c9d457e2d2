import { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AllocationFieldResolver, AllocationResolver } from "./resolvers/allocation.resolver";
import { LifecycleResolver } from "./resolvers/lifecycle.resolver";
import { NodeResolver } from "./resolvers/node.resolver";
import { PreOrderResolver } from "./resolvers/pre-order.resolver";
import { PreOrderDeskResolver } from "./resolvers/pre-order-desk.resolver";
import { ProductResolver } from "./resolvers/product.resolver";
import { ProductPromiseFieldResolver, ProductPromiseResolver } from "./resolvers/product-promise.resolver";
import { RebalanceResolver } from "./resolvers/rebalance.resolver";
import { PurchaseOrderItemResolver, PurchaseOrderResolver } from "./resolvers/purchase-order.resolver";
import { ViewerResolver } from "./resolvers/viewer.resolver";
import { DateTimeScalar } from "./types/scalars";

export const resolvers = [
  ProductResolver, PurchaseOrderResolver, PurchaseOrderItemResolver, PreOrderResolver, AllocationResolver, AllocationFieldResolver,
  ProductPromiseResolver, ProductPromiseFieldResolver, RebalanceResolver, LifecycleResolver, PreOrderDeskResolver, NodeResolver, ViewerResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

const ROOT_DESCRIPTIONS = {
  Query: "What can be read. The product page lookups (productPromise, productPromises) are open to anyone; every other field needs a support or admin key",
  Mutation: "What can be changed; every mutation needs an admin key, runs in one transaction, and on an error changes nothing",
};

/** The executable schema, built once per process from the decorated classes. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  }).then((schema) => {
    // type-graphql has no option for the root types' descriptions; graphql-js reads the property as it prints and introspects.
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      if (type) (type as { description?: string | null }).description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS];
    }
    return schema;
  });
  return built;
}
