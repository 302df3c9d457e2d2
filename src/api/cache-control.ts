import { ApolloServerPlugin } from "@apollo/server";
import { ANONYMOUS_QUERY_FIELDS } from "../auth/policy";
import { CACHE_TAG_HEADERS, CacheTagHeader } from "../config";
import { cacheTagOf } from "../domain";
import { Context } from "./context";
import { shapeOf } from "./operation";

/**
 * The most bytes the tag headers of one answer carry together (every header of CACHE_TAG_HEADERS
 * repeats the list): Varnish's default limit is 8 KB a header, Fastly's Surrogate-Key and
 * Cloudflare's Cache-Tag about 16 KB, and Node's HTTP client refuses a whole header block over
 * 16 KB. A longer answer (hundreds of long SKUs) is kept by browsers only.
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
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, document, response, request }) {
          const cacheable = request.http?.method === "GET" &&
            contextValue?.role === "anonymous" &&
            operation?.operation === "query" &&
            document !== undefined &&
            isStorefrontLookup(shapeOf(document, operation).rootFieldNames) &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          for (const [name, value] of cacheHeaders(options, cacheable, cacheable ? contextValue.loaders.promiseSkus : [])) response.http.headers.set(name, value);
        },
      };
    },
  };
}

/** An operation whose root fields are all public promise lookups (the only answers a shared cache may keep). */
export const isStorefrontLookup = (rootFieldNames: readonly string[]): boolean => rootFieldNames.every((name) => ANONYMOUS_QUERY_FIELDS.has(name));

/**
 * The cache headers of one answer, in the order they are set: `no-store` unless `cacheable` (a
 * successful anonymous GET of storefront lookups, decided by the caller); then the max-ages, one
 * tag per SKU read (`skus`) in each tag header, or `private` when the headers together would pass
 * MAX_TAG_HEADER_BYTES; and `Vary: Accept`, since the content type follows the Accept header.
 * The empty SKU names no product (ids are never empty) and gets no tag.
 */
export function cacheHeaders(options: CacheControlOptions, cacheable: boolean, skus: Iterable<string>): [string, string][] {
  const { maxAgeSeconds, sharedMaxAgeSeconds, tagHeaders } = options;
  if (!cacheable || maxAgeSeconds <= 0) return [["cache-control", "no-store"]];
  const tags = [...new Set([...skus].filter((sku) => sku !== "").map(cacheTagOf))].sort();
  const tagLines = tags.length ? tagHeaders.map((key) => [CACHE_TAG_HEADERS[key].name.toLowerCase(), tags.join(CACHE_TAG_HEADERS[key].separator)] as [string, string]) : [];
  if (tagLines.reduce((bytes, [name, value]) => bytes + name.length + value.length, 0) > MAX_TAG_HEADER_BYTES) {
    return [["cache-control", `private, max-age=${maxAgeSeconds}`], ["vary", "accept"]];
  }
  return [["cache-control", `public, max-age=${maxAgeSeconds}, s-maxage=${sharedMaxAgeSeconds}`], ...tagLines, ["vary", "accept"]];
}
