import { ApolloServerPlugin } from "@apollo/server";
import { DocumentNode, FragmentDefinitionNode, Kind, SelectionSetNode } from "graphql";
import { Context } from "./context";

/** The only root fields a CDN may cache: the storefront's promise lookups. */
const CACHEABLE_ROOT_FIELDS = new Set(["productPromise", "productPromises", "__typename"]);

/**
 * Cache-Control for a CDN in front of the storefront lookups: an anonymous query that selects
 * nothing but productPromise/productPromises and succeeded is `public, max-age=N`; every other
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
            selectsOnlyPromises(operation.selectionSet, document) &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          response.http.headers.set("cache-control", cacheable ? publicHeader : "no-store");
        },
      };
    },
  };
}

/** True when every root field of the operation, through fragments, is a promise lookup. */
function selectsOnlyPromises(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return CACHEABLE_ROOT_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsOnlyPromises(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return fragment !== undefined && selectsOnlyPromises(fragment.selectionSet, document, seen);
  });
}
