import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { authorize } from "../auth/policy";
import { Context } from "./context";
import { checkCost } from "./limits";
import { shapeOf } from "./operation";

/**
 * Runs before any resolver of every operation: first who may run it (src/auth/policy.ts), then
 * what it costs (src/api/limits.ts). A refused operation executes nothing.
 */
export function guardPlugin(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo has already answered OPERATION_RESOLUTION_FAILURE
          if (operation.operation === "subscription" && !schema.getSubscriptionType()) {
            // graphql 16 does not validate this, and execution would fail as an internal error.
            throw new GraphQLError("This API has no subscriptions: send a query or a mutation", {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
            });
          }
          authorize(contextValue, operation.operation, shapeOf(document, operation).rootFieldNames);
          checkCost(schema, document, operation, request.variables, maxCost);
        },
      };
    },
  };
}
