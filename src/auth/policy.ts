import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { Identity, Role } from "./keys";

/**
 * Who may run what: THE access policy, applied to every operation before it executes (the guard
 * plugin in src/api/guard.ts calls `authorize`). Resolvers do not check roles themselves, so a
 * resolver added later is covered the day it is added:
 *
 * - query fields: support or admin, except the storefront's PDP lookups below, which anyone may run;
 * - `node(id)`: the highest role any Node type needs (NODE_TYPE_ROLES);
 * - introspection (`__schema`, `__type`): support or admin, and only when it is enabled at all
 *   (GRAPHQL_INTROSPECTION). The schema names every admin operation, so it is not for anonymous
 *   callers; tooling without a key can read the committed schema/schema.graphql instead;
 * - mutation fields: admin only;
 * - anything else (subscriptions, an operation type added later): admin only.
 */

/** The storefront's lookups: the only root fields anyone may run, and the only answers a shared cache may keep. */
export const ANONYMOUS_QUERY_FIELDS: ReadonlySet<string> = new Set(["productPromise", "productPromises", "__typename"]);

/** Query fields that need more than support. None today: support may run every query. */
export const ADMIN_QUERY_FIELDS: ReadonlySet<string> = new Set<string>();

/**
 * The least role that may read each type implementing Node, as through its own queries. `node(id)`
 * may answer any of them, so it needs the highest of these roles; a new Node type must be listed
 * here (a test compares this list with the schema).
 */
export const NODE_TYPE_ROLES: Readonly<Record<string, Role>> = {
  Product: "support", PurchaseOrder: "support", PurchaseOrderItem: "support", PreOrderItem: "support",
  AllocationRun: "support", AllocationEvent: "support", PromiseDateChange: "support",
};

const RANK: Record<Role, number> = { anonymous: 0, support: 1, admin: 2 };

const NODE_FIELD_ROLE: Role = Object.values(NODE_TYPE_ROLES).reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "anonymous");

/** The least role that may select `field` at the root of an operation of type `operation`. */
export function requiredRole(operation: string, field: string): Role {
  if (operation !== "query") return "admin";
  if (ANONYMOUS_QUERY_FIELDS.has(field)) return "anonymous";
  if (field === "node") return NODE_FIELD_ROLE;
  return ADMIN_QUERY_FIELDS.has(field) ? "admin" : "support";
}

/**
 * Throws UNAUTHENTICATED (no key, HTTP 401) or FORBIDDEN (a key without the role, HTTP 403) when
 * the caller may not run every root field (src/api/operation.ts: through fragments, aliases and
 * `@skip`) of an operation of type `operation`; names the fields refused.
 */
export function authorize(identity: Identity, operation: string, rootFieldNames: readonly string[]): void {
  const refused = new Map<string, Role>();
  for (const name of rootFieldNames) {
    const needed = requiredRole(operation, name);
    if (RANK[identity.role] < RANK[needed] && !refused.has(name)) refused.set(name, needed);
  }
  if (refused.size === 0) return;
  const names = [...refused.keys()].join(", ");
  const needsAdmin = [...refused.values()].includes("admin");
  if (identity.role === "anonymous") {
    throw accessError("UNAUTHENTICATED", 401, `${names} ${refused.size > 1 ? "need" : "needs"} an API key: send Authorization: Bearer <key>`);
  }
  throw accessError("FORBIDDEN", 403, `${names} ${refused.size > 1 ? "need" : "needs"} ${needsAdmin ? "an admin" : "a support or admin"} key; this ${identity.role} key may not run ${refused.size > 1 ? "them" : "it"}`);
}

/** An access error with its HTTP status; Apollo takes `extensions.http` off the error and applies it. */
export function accessError(code: "UNAUTHENTICATED" | "FORBIDDEN", status: number, message: string): GraphQLError {
  const headers = new HeaderMap(code === "UNAUTHENTICATED" ? [["www-authenticate", 'Bearer realm="graphql"']] : []);
  return new GraphQLError(message, { extensions: { code, http: { status, headers } } });
}
