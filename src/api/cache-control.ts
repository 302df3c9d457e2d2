import { ApolloServerPlugin } from "@apollo/server";
import { ANONYMOUS_QUERY_FIELDS } from "../auth/policy";
import { CACHE_TAG_HEADERS, CacheTagHeader } from "../config";
import { cacheTagOf } from "../domain";
import { Context } from "./context";
import { shapeOf } from "./operation";

/**
 * The longest tag list sent: Varnish's default response header limit is 8 KB, Fastly's
 * Surrogate-Key 16 KB. A longer answer (hundreds of long SKUs) is kept by browsers only.
 */
export const MAX_TAG_HEADER_BYTES = 7_000;

export interface CacheControlOptions {
  /** Browsers' max-age (PROMISE_CACHE_MAX_AGE); 0 = every answer no-store. */
  maxAgeSeconds: number;
  /** Shared caches' s-maxage (PROMISE_CACHE_S_MAXAGE): they are purged by tag when a promise changes. */
  sharedMaxAgeSeconds: number;
  /** The tag headers to send (CACHE_TAG_HEADERS). */
  tagHeaders: readonly CacheTagHeader[];
}

/**
 * Cache-Control for a cache in front of the storefront lookups: an anonymous GET query that
 * selects nothing but the public promise lookups and succeeded is `public, max-age=N,
 * s-maxage=S` and names the SKUs its answer read in the tag headers (one tag per SKU,
 * cacheTagOf), so the purge worker can drop exactly those answers when a SKU's promise changes.
 * Every other response (any admin or support request, any other field, any error, a mutation,
 * a POST, which no cache stores) is `no-store`. Replaces Apollo's own cache-control plugin,
 * which must be disabled beside it.
 */
export function cacheControlPlugin(options: CacheControlOptions): ApolloServerPlugin<Context> {
  const { maxAgeSeconds, sharedMaxAgeSeconds, tagHeaders } = options;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, document, response, request }) {
          const cacheable = maxAgeSeconds > 0 &&
            request.http?.method === "GET" &&
            contextValue?.role === "anonymous" &&
            operation?.operation === "query" &&
            document !== undefined &&
            shapeOf(document, operation).rootFieldNames.every((name) => ANONYMOUS_QUERY_FIELDS.has(name)) &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          if (!cacheable) {
            response.http.headers.set("cache-control", "no-store");
            return;
          }
          const tags = [...new Set([...contextValue.loaders.promiseSkus].map(cacheTagOf))].sort();
          if (tags.join(" ").length > MAX_TAG_HEADER_BYTES) {
            response.http.headers.set("cache-control", `private, max-age=${maxAgeSeconds}`);
            return;
          }
          response.http.headers.set("cache-control", `public, max-age=${maxAgeSeconds}, s-maxage=${sharedMaxAgeSeconds}`);
          for (const key of tagHeaders) {
            const { name, separator } = CACHE_TAG_HEADERS[key];
            if (tags.length) response.http.headers.set(name.toLowerCase(), tags.join(separator));
          }
        },
      };
    },
  };
}
