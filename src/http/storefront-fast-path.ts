import Negotiator from "negotiator";
import { IncomingMessage } from "node:http";
import { CacheControlOptions, cacheHeaders } from "../api/cache-control";
import { RequestRecord } from "../api/request-log";
import { StorefrontPlans } from "../api/storefront-plan";
import { Database } from "../db";

/**
 * The product page's lookups without Apollo (bench/pdp.ts: the general pipeline cost twice the CPU
 * of a bare server running the same SQL). An anonymous request that is a plain GraphQL-over-HTTP
 * query, as a storefront sends it, whose document has a compiled plan (src/api/storefront-plan.ts),
 * is answered here with the same body, status and headers (cache headers, content type) as the
 * general path, and the same request-log record. Anything else, and anything the plan leaves
 * (`undefined`), goes to the general path, which answers it as always: Apollo's request checks
 * (CSRF, GET rules, `extensions`), errors and their masking are never re-implemented here.
 */

export interface FastAnswer {
  /** In the order the general path sets them. */
  headers: [string, string][];
  body: string;
}

/** The media types Apollo offers for a single result (its MEDIA_TYPES, in its order); the third is for subscription callbacks. */
const JSON_TYPES = ["application/json; charset=utf-8", "application/graphql-response+json; charset=utf-8", "application/json; callbackSpec=1.0; charset=utf-8"];
/** Distinct Accept headers remembered; clients send a handful. */
const MAX_ACCEPTS = 64;

export interface StorefrontFastPath {
  /** The answer, or undefined: the general path answers this request. `body` is the parsed JSON of a POST. */
  answer(req: IncomingMessage, url: URL, body: unknown, record: RequestRecord): Promise<FastAnswer | undefined>;
  /** How many requests it has answered (diagnostics, and the tests that prove it is taken). */
  readonly answered: number;
}

export function storefrontFastPath(plans: StorefrontPlans, db: Database, cache: CacheControlOptions): StorefrontFastPath {
  let answered = 0;
  const contentTypes = new Map<string, string | null>();
  /** The response content type as Apollo negotiates it (chooseContentTypeForSingleResultResponse); null = not a plain JSON answer. */
  const contentTypeFor = (accept: string | undefined): string | null => {
    if (!accept) return JSON_TYPES[0];
    let type = contentTypes.get(accept);
    if (type === undefined) {
      const chosen = new Negotiator({ headers: { accept } }).mediaType(JSON_TYPES);
      type = chosen === JSON_TYPES[0] || chosen === JSON_TYPES[1] ? chosen : null;
      if (contentTypes.size >= MAX_ACCEPTS) contentTypes.clear();
      contentTypes.set(accept, type);
    }
    return type;
  };

  async function answer(req: IncomingMessage, url: URL, body: unknown, record: RequestRecord): Promise<FastAnswer | undefined> {
    const request = req.method === "POST" ? postRequest(req, body) : req.method === "GET" ? getRequest(req, url) : undefined;
    if (!request) return undefined;
    const contentType = contentTypeFor(single(req.headers.accept));
    if (!contentType) return undefined;
    const plan = plans.planFor(request.query, request.operationName);
    if (!plan) return undefined;
    // Recorded before running, as the general path records them once the operation is known: a
    // client that hangs up meanwhile still gets its operation logged. Put back if Apollo takes over.
    const { operationName, operation, fields } = record;
    Object.assign(record, { operationName: plan.operationName, operation: "query", fields: [...plan.rootFieldNames] });
    const result = await plan.run(request.variables, db);
    if (!result) {
      Object.assign(record, { operationName, operation, fields });
      return undefined;
    }
    // Every plan is a storefront lookup by anonymous: a GET of one may be kept by caches.
    const headers = cacheHeaders(cache, req.method === "GET", result.skus);
    headers.push(["content-type", contentType]);
    answered++;
    return { headers, body: result.body };
  }
  return { answer, get answered() { return answered; } };
}

interface PlainRequest {
  query: string;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `extensions` Apollo only passes on (Apollo Client 4 names itself in `clientLibrary`): absent,
 * null or an object without `persistedQuery`, the one extension the pipeline acts on.
 */
const plainExtensions = (extensions: unknown): boolean => extensions == null || (isRecord(extensions) && !("persistedQuery" in extensions));

/** A JSON POST with a query text and nothing Apollo would refuse or treat otherwise. */
function postRequest(req: IncomingMessage, body: unknown): PlainRequest | undefined {
  if (!isRecord(body) || essence(req.headers["content-type"]) !== "application/json" || !plainExtensions(body.extensions)) return undefined;
  const { query, operationName, variables } = body;
  if (typeof query !== "string") return undefined;
  if (operationName != null && typeof operationName !== "string") return undefined;
  if (variables != null && !isRecord(variables)) return undefined;
  return { query, operationName, variables: variables ?? undefined };
}

/**
 * A GET that passes Apollo's CSRF prevention (a JSON content type, which Apollo Client sends, or
 * else a preflight header) with each parameter once; `variables` and `extensions` as JSON objects.
 */
function getRequest(req: IncomingMessage, url: URL): PlainRequest | undefined {
  const contentType = req.headers["content-type"];
  if (contentType !== undefined && essence(contentType) !== "application/json") return undefined;
  if (contentType === undefined && !single(req.headers["apollo-require-preflight"]) && !single(req.headers["x-apollo-operation-name"])) return undefined;
  const params = url.searchParams;
  const query = params.getAll("query");
  const operationName = params.getAll("operationName");
  const variables = params.getAll("variables");
  const extensions = params.getAll("extensions");
  if (query.length !== 1 || operationName.length > 1 || variables.length > 1 || extensions.length > 1) return undefined;
  // Unlike a POST body's, a GET's `variables` and `extensions` must be JSON objects: Apollo refuses `variables=null`.
  const parsed = jsonObject(variables[0]);
  const parsedExtensions = jsonObject(extensions[0]);
  if (parsed === null || parsedExtensions === null || !plainExtensions(parsedExtensions)) return undefined;
  return { query: query[0], operationName: operationName[0], variables: parsed };
}

/** A search parameter's JSON object; undefined when the parameter is absent, null when it is not a JSON object. */
function jsonObject(text: string | undefined): Record<string, unknown> | undefined | null {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A content type's type/subtype, lower-cased, without parameters. */
function essence(contentType: string | undefined): string | undefined {
  return contentType?.split(";", 1)[0].trim().toLowerCase();
}
