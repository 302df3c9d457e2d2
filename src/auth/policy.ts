import { HeaderMap } from "@apollo/server";
import { FieldNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { Identity, Role } from "./keys";

/**
 * Who may run what: THE access policy, applied to every operation before it executes (the guard
 * plugin in src/api/guard.ts calls `authorize`). Resolvers do not check roles themselves, so a
 * resolver added later is covered the day it is added:
 *
 * - query fields: support or admin, except the storefront's PDP lookups below, which anyone may run;
 * - introspection (`__schema`, `__type`): support or admin, and only when it is enabled at all
 *   (GRAPHQL_INTROSPECTION). The schema names every admin operation, so it is not for anonymous
 *   callers; tooling without a key can read the committed schema/schema.graphql instead;
 * - mutation fields: admin only;
 * - anything else (subscriptions, an operation type added later): admin only.
 */
export const ANONYMOUS_QUERY_FIELDS: ReadonlySet<string> = new Set(["productPromise", "productPromises", "__typename"]);

/** Query fields that need more than support. None today: API.md gives support every query. */
export const ADMIN_QUERY_FIELDS: ReadonlySet<string> = new Set<string>();

const RANK: Record<Role, number> = { anonymous: 0, support: 1, admin: 2 };

/** The least role that may select `field` at the root of an operation of type `operation`. */
export function requiredRole(operation: string, field: string): Role {
  if (operation !== "query") return "admin";
  if (ANONYMOUS_QUERY_FIELDS.has(field)) return "anonymous";
  return ADMIN_QUERY_FIELDS.has(field) ? "admin" : "support";
}

/**
 * The root fields an operation selects, looking through fragment spreads and inline fragments at
 * the root (a field cannot hide in a fragment). `@skip`/`@include` are ignored on purpose: a
 * field is judged by whether it is asked for, not by whether a variable switches it off.
 */
export function rootFields(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}

/**
 * Throws UNAUTHENTICATED (no key, HTTP 401) or FORBIDDEN (a key without the role, HTTP 403) when
 * the caller may not run every root field of the operation; names the fields refused.
 */
export function authorize(identity: Identity, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): void {
  const refused = new Map<string, Role>();
  for (const field of rootFields(operation, fragments)) {
    const needed = requiredRole(operation.operation, field.name.value);
    if (RANK[identity.role] < RANK[needed] && !refused.has(field.name.value)) refused.set(field.name.value, needed);
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
