import { ApolloServerPlugin } from "@apollo/server";
import { FragmentDefinitionNode, Kind } from "graphql";
import { authorize } from "../auth/policy";
import { Context } from "./context";
import { checkCost } from "./limits";

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
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          authorize(contextValue, operation, fragments);
          checkCost(schema, document, operation, request.variables, maxCost);
        },
      };
    },
  };
}
