import {
  DocumentNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext,
  ValidationRule, getNamedType, getNullableType, getVariableValues, isListType,
} from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { Limits } from "../config";
import { PAGE_SIZE } from "../db";
import { LIMITS, MAX_PROMISE_SKUS } from "../domain";
import { fragmentsOf, shapeOf } from "./operation";

/**
 * What one GraphQL request may ask for. Depth, aliases and root fields are validation rules
 * (GRAPHQL_VALIDATION_FAILED, checked for everyone before anything runs); cost and list
 * arguments need the variables, so the guard plugin checks them once the operation is known.
 */

/** Fields under these are introspection: bounded by graphql-js's MaxIntrospectionDepthRule and a key, not by our depth. */
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/** Guessed length of a list field that has no `first` or list argument to say how long it is. */
export const DEFAULT_LIST_SIZE = 10;

/** A connection's `totalCount` reads every matching index entry: priced once per connection, not per `first`. */
export const TOTAL_COUNT_PRICE = 500;

/**
 * Fields that read far more rows than they return, priced instead of their 1: a PO's waiting
 * pre-order items (an index range per product), the rebalance candidates (every PO item and tie of
 * its products, planned), and the pre-order queue's summary (it counts every
 * item its filter selects, as a totalCount does). Served by indexes where a filter narrows them
 * (test/db/query-plans.test.ts), but still the dear part.
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = { pendingPreOrderCount: 50, rebalanceCandidateCount: 100, preOrderQueueSummary: TOTAL_COUNT_PRICE };

/** List filters that probe another table for each row they pass over: `filter: { hasPendingPreOrders }`. */
export const EXPENSIVE_FILTERS: Readonly<Record<string, number>> = { hasPendingPreOrders: 500 };

/** Upper bounds of list-shaping arguments, wherever they appear; larger is BAD_USER_INPUT. */
export const LIST_ARGUMENT_LIMITS: Readonly<Record<string, number>> = { first: PAGE_SIZE.max, skus: MAX_PROMISE_SKUS };

export function limitRules(limits: Pick<Limits, "depth" | "aliases" | "rootFields">): ValidationRule[] {
  return [depthRule(limits.depth), aliasRule(limits.aliases), rootFieldRule(limits.rootFields)];
}

/** The deepest field of each operation (root field = 1), following fragments, each fragment measured once. */
function depthRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    Document(document) {
      const fragments = fragmentsOf(document);
      const measured = new Map<string, number>();
      const visiting = new Set<string>();
      const depth = (set: SelectionSetNode): number => {
        let deepest = 0;
        for (const s of set.selections) {
          if (s.kind === Kind.FIELD) {
            if (INTROSPECTION_ROOTS.has(s.name.value)) continue;
            deepest = Math.max(deepest, 1 + (s.selectionSet ? depth(s.selectionSet) : 0));
          } else if (s.kind === Kind.INLINE_FRAGMENT) {
            deepest = Math.max(deepest, depth(s.selectionSet));
          } else {
            const name = s.name.value;
            const fragment = fragments.get(name);
            if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other rules report it
            if (!measured.has(name)) {
              visiting.add(name);
              measured.set(name, depth(fragment.selectionSet));
              visiting.delete(name);
            }
            deepest = Math.max(deepest, measured.get(name)!);
          }
        }
        return deepest;
      };
      for (const d of document.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        const found = depth(d.selectionSet);
        if (found > max) {
          context.reportError(new GraphQLError(`Query is ${found} levels deep; the limit is ${max}`, { nodes: [d], extensions: { limit: "depth" } }));
        }
      }
      return false;
    },
  });
}

/** Aliased fields in the whole document: an alias flood asks for one field thousands of times. */
function aliasRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(new GraphQLError(`The document has more than ${max} aliases`, { nodes: [node], extensions: { limit: "aliases" } }));
        }
      },
    };
  };
}

/** Root fields per operation, fragments included. */
function rootFieldRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const count = shapeOf(context.getDocument(), operation).rootFields.length;
      if (count > max) context.reportError(new GraphQLError(`The operation selects ${count} root fields; the limit is ${max}`, { nodes: [operation], extensions: { limit: "rootFields" } }));
      return false;
    },
  });
}

/**
 * Cost: every field costs 1 plus its children; a list field's children count once per expected
 * element: `first` when given, else the length of its list argument (`skus`, `input`, `ids`...),
 * else DEFAULT_LIST_SIZE. A connection's `first` counts on the connection field, so its `edges`
 * are not multiplied again. A mutation's list input is not a fan-out (its result echoes what was
 * sent, which the body size bounds), so mutation fields use DEFAULT_LIST_SIZE. EXPENSIVE_FIELDS and
 * EXPENSIVE_FILTERS add their price.
 */
const listEstimator: ComplexityEstimator = ({ type, field, node, args, childComplexity, context }) => {
  // Introspection is answered from memory and bounded by MaxIntrospectionDepthRule: count it flat.
  if (field.name.startsWith("__") || type.name.startsWith("__")) return 1 + childComplexity;
  // Paid by the connection that holds it, once.
  if (field.name === "totalCount" && isConnection(type.name)) return 0;
  const listed = isListType(getNullableType(field.type));
  let size = 1;
  if (typeof args.first === "number") size = Math.max(args.first, 1);
  else if (listed) {
    const lengths = type.name === "Mutation" ? [] : Object.values(args).filter(Array.isArray).map((a) => a.length);
    size = lengths.length ? Math.max(1, ...lengths) : /(Connection|Edge)$/.test(type.name) ? 1 : DEFAULT_LIST_SIZE;
  }
  const filter = (args.filter ?? {}) as Record<string, unknown>;
  const filterPrice = Object.entries(EXPENSIVE_FILTERS).reduce((sum, [name, price]) => sum + (filter[name] != null ? price : 0), 0);
  const counted = isConnection(getNamedType(field.type).name) && node.selectionSet
    && selects(node.selectionSet, "totalCount", (context as CostContext).fragments) ? TOTAL_COUNT_PRICE : 0;
  return (EXPENSIVE_FIELDS[field.name] ?? 1) + filterPrice + counted + size * childComplexity;
};

const isConnection = (typeName: string): boolean => typeName.endsWith("Connection");

interface CostContext { fragments: ReadonlyMap<string, FragmentDefinitionNode> }

/** Whether a selection set asks for field `name` at its own level, through fragments (`@skip` ignored, as everywhere here). */
function selects(set: SelectionSetNode, name: string, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === name;
    if (s.kind === Kind.INLINE_FRAGMENT) return selects(s.selectionSet, name, fragments, seen);
    const fragment = fragments.get(s.name.value);
    if (!fragment || seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    return selects(fragment.selectionSet, name, fragments, seen);
  });
}

/** List-shaping arguments over their limit, anywhere in the operation, and over-long lists in a `filter`, as messages. */
const listArgumentProblems = (problems: string[]): ComplexityEstimator => ({ field, args }) => {
  for (const [name, max] of Object.entries(LIST_ARGUMENT_LIMITS)) {
    const value = args[name];
    const size = Array.isArray(value) ? value.length : typeof value === "number" ? value : 0;
    if (size > max) problems.push(`${field.name}: ${name} must be at most ${max} (got ${size})`);
  }
  const filter = args.filter;
  if (filter && typeof filter === "object") {
    for (const [name, value] of Object.entries(filter)) {
      if (Array.isArray(value) && value.length > LIMITS.filterList) {
        problems.push(`${field.name}: filter.${name} may list at most ${LIMITS.filterList} entries (got ${value.length})`);
      }
    }
  }
  return undefined; // no opinion on cost: the next estimator scores it
};

/** A refusal, kept as data so that every request gets an error object of its own. */
interface Refusal {
  code: "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED";
  message: string;
}

/**
 * Costs already worked out, per parsed document (Apollo reuses the DocumentNode of a query it has
 * seen) and per operation name + variable shape: the hot storefront lookups are costed once, not
 * on every request.
 */
const costs = new WeakMap<DocumentNode, Map<string, number | Refusal>>();
const COSTS_PER_DOCUMENT = 64;

/**
 * What of the variables can change a cost or refuse the operation: list lengths, numbers
 * (`first`), booleans (`@skip`/`@include`) and nulls (null for an argument that must not be null
 * is refused). The text of strings and input objects cannot.
 */
function variableShape(variables: Record<string, unknown> | undefined): string {
  let shape = "";
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (Array.isArray(value)) shape += `${name}[${value.length}]`;
    else if (typeof value === "number" || typeof value === "boolean" || value === null) shape += `${name}=${value}`;
  }
  return shape;
}

/**
 * The estimated cost of the operation, or a coded error: BAD_USER_INPUT for a list argument over
 * its limit, GRAPHQL_VALIDATION_FAILED for a cost over `max`.
 */
export function checkCost(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, max: number,
): number | undefined {
  const key = `${max}|${operation.name?.value ?? ""}|${variableShape(variables)}`;
  let known = costs.get(document);
  let outcome = known?.get(key);
  if (outcome === undefined) {
    outcome = cost(schema, document, operation, variables, max);
    if (outcome === undefined) return undefined;
    // A refusal of an operation with variables may hang on their values (a null, a long list),
    // which the key does not hold: it is worked out again for the next request, never cached.
    if (typeof outcome !== "number" && operation.variableDefinitions?.length) return refuse(outcome);
    if (!known) costs.set(document, (known = new Map()));
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    known.set(key, outcome);
  }
  if (typeof outcome === "number") return outcome;
  return refuse(outcome);
}

function refuse(refusal: Refusal): never {
  throw new GraphQLError(refusal.message, { extensions: { code: refusal.code, http: { status: 400 } } });
}

function cost(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, max: number,
): number | Refusal | undefined {
  // Variables that do not fit their types fail at execution with BAD_USER_INPUT before any
  // resolver runs; leave that error to it rather than call it a cost problem.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 }).errors) return undefined;
  const problems: string[] = [];
  let total: number;
  try {
    total = getComplexity({
      schema, query: document, operationName: operation.name?.value, variables, estimators: [listArgumentProblems(problems), listEstimator],
      context: { fragments: fragmentsOf(document) } satisfies CostContext,
    });
  } catch (error) {
    // With variables, what fails here is their values: null for an argument that must not be null
    // (`dryRun: $d` with $d = null). Without variables, the document itself.
    if (operation.variableDefinitions?.length && error instanceof GraphQLError) {
      return { code: "BAD_USER_INPUT", message: `Invalid arguments: ${error.message}` };
    }
    return { code: "GRAPHQL_VALIDATION_FAILED", message: `The query cannot be costed: ${(error as Error).message}` };
  }
  if (problems.length) return { code: "BAD_USER_INPUT", message: `Invalid list arguments: ${[...new Set(problems)].join("; ")}` };
  if (total > max) {
    return { code: "GRAPHQL_VALIDATION_FAILED", message: `Query cost ${total} exceeds the limit of ${max}; ask for fewer items (smaller first, fewer aliases)` };
  }
  return total;
}
