import { ApolloServerPlugin } from "@apollo/server";
import { ANONYMOUS_QUERY_FIELDS } from "../auth/policy";
import { Context } from "./context";
import { shapeOf } from "./operation";

/**
 * Cache-Control for a CDN in front of the storefront lookups: an anonymous query that selects
 * nothing but the public promise lookups and succeeded is `public, max-age=N`; every other
 * response (any admin or support request, any other field, any error, a mutation) is
 * `no-store`. Replaces Apollo's own cache-control plugin, which must be disabled beside it.
 * N = 0 makes everything `no-store`.
 */
export function cacheControlPlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  const publicHeader = `public, max-age=${maxAgeSeconds}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, document, response }) {
          const cacheable = maxAgeSeconds > 0 &&
            contextValue?.role === "anonymous" &&
            operation?.operation === "query" &&
            document !== undefined &&
            shapeOf(document, operation).rootFieldNames.every((name) => ANONYMOUS_QUERY_FIELDS.has(name)) &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          response.http.headers.set("cache-control", cacheable ? publicHeader : "no-store");
        },
      };
    },
  };
}
