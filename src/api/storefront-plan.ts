import {
  DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLLeafType, GraphQLObjectType, GraphQLSchema, Kind, OperationDefinitionNode, getArgumentValues,
  getNamedType, getNullableType, SelectionSetNode, getVariableValues, isLeafType, isNonNullType, parse, specifiedRules, validate,
} from "graphql";
import { authorize } from "../auth/policy";
import { Limits } from "../config";
import { Database } from "../db";
import { PromiseRequest, checkPromiseLookup, findProductPromises } from "../domain";
import { checkCost, limitRules } from "./limits";
import { fragmentsOf, shapeOf } from "./operation";
import { ProductPromise, toProductPromise } from "./types/product-promise.type";

/**
 * The storefront's lookups as compiled plans: a product page asks the same few documents
 * (`productPromise(sku:)`, `productPromises(skus:)`, with its own aliases and fields) millions of
 * times, and the general GraphQL pipeline spends twice the CPU of the lookup itself on them
 * (bench/pdp.ts). A document is compiled once: parsed and validated with the same rules as the
 * general path, its access and cost checked by the same guard functions; what is left per request
 * is coercing the variables (graphql-js's own functions), ONE read through the same domain
 * function as the `productPromise` resolvers' loader, and writing the JSON.
 *
 * A plan only answers what it can answer exactly as the general path would: a document with
 * anything else (another field, a fragment, a directive, a repeated response key), variables or
 * arguments that do not coerce, a lookup its checks refuse, a cost over the limit, or any failure
 * while running gets `undefined`, and the caller sends the request through the general path,
 * which answers it (and its errors) as always. A lookup is a read, so running it again is harmless.
 * test/api/storefront-fast-path.api.test.ts sends the same requests both ways and compares bytes.
 */

/** What one successful lookup answers: the response body and the SKUs it read (its cache tags). */
export interface PlanAnswer {
  body: string;
  skus: readonly string[];
}

export interface StorefrontPlan {
  /** The operation's name as the request log records it. */
  operationName: string | null;
  /** Its root fields, each once, in order (the request log, and the cache headers' decision). */
  rootFieldNames: readonly string[];
  /** Runs the lookups on the storefront's lane; undefined = leave this request to the general path. */
  run(variables: Record<string, unknown> | undefined, db: Database): Promise<PlanAnswer | undefined>;
}

/** How a root field is answered. */
type RootStep =
  | { kind: "typename"; key: string }
  | { kind: "one" | "list"; key: string; field: GraphQLField<unknown, unknown>; node: FieldNode; leaves: readonly Leaf[] };

/** One selected field of ProductPromise: its response key and how its value is written. */
interface Leaf {
  key: string;
  /** undefined: `__typename`. */
  name: keyof ProductPromise | undefined;
  type: GraphQLLeafType;
  nonNull: boolean;
}

/** How many distinct documents keep a plan (or the verdict "not a plan"); the storefront sends a handful. */
const MAX_PLANS = 500;
/**
 * The longest query text compiled (a storefront's lookup, fragments and all, is a few hundred
 * characters): a longer or unrelated text goes straight to the general path, so a client sending
 * endless new texts costs one parse (Apollo's), not two.
 */
export const MAX_PLANNED_QUERY_CHARS = 4096;

export class StorefrontPlans {
  private readonly plans = new Map<string, StorefrontPlan | null>();
  private readonly rules;

  constructor(private readonly schema: GraphQLSchema, private readonly limits: Pick<Limits, "tokens" | "cost" | "depth" | "aliases" | "rootFields">) {
    this.rules = [...specifiedRules, ...limitRules(limits)];
  }

  /** The plan of a query text, compiled once; undefined when the general path must answer it. */
  planFor(query: string, operationName: string | null | undefined): StorefrontPlan | undefined {
    if (query.length > MAX_PLANNED_QUERY_CHARS) return undefined;
    let plan = this.plans.get(query);
    if (plan === undefined) {
      plan = this.compile(query);
      if (this.plans.size >= MAX_PLANS) this.plans.clear();
      this.plans.set(query, plan);
    }
    if (!plan || (operationName != null && operationName !== plan.operationName)) return undefined;
    return plan;
  }

  private compile(query: string): StorefrontPlan | null {
    if (query.length > MAX_PLANNED_QUERY_CHARS || !query.includes("productPromise")) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.tokens, noLocation: true });
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) return null;
    const [operation] = operations;
    if (operation.operation !== "query" || operation.directives?.length) return null;
    if (operation.variableDefinitions?.some((v) => v.directives?.length)) return null;
    if (validate(this.schema, document, this.rules).length) return null;
    const rootFieldNames = shapeOf(document, operation).rootFieldNames;
    try {
      authorize({ role: "anonymous", actor: null }, "query", rootFieldNames);
    } catch {
      return null;
    }
    const steps = this.rootSteps(operation, fragmentsOf(document));
    if (!steps) return null;
    return this.plan(document, operation, rootFieldNames, steps);
  }

  /** The root fields as steps, or null when one is not a plain storefront lookup. */
  private rootSteps(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): RootStep[] | null {
    const query = this.schema.getQueryType()!;
    const promiseType = this.schema.getType("ProductPromise");
    const steps: RootStep[] = [];
    const keys = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (keys.has(key)) return null; // graphql-js merges repeated keys; leave that to it
      keys.add(key);
      if (selection.name.value === "__typename") {
        steps.push({ kind: "typename", key });
        continue;
      }
      const field = query.getFields()[selection.name.value];
      const kind = field?.name === "productPromise" ? "one" : field?.name === "productPromises" ? "list" : undefined;
      if (!kind || !selection.selectionSet || getNamedType(field.type) !== promiseType) return null;
      const leaves = this.leaves(selection.selectionSet, fragments);
      if (!leaves) return null;
      steps.push({ kind, key, field, node: selection, leaves });
    }
    return steps;
  }

  /**
   * The selected fields of a ProductPromise, through its fragments, in graphql-js's order (a key's
   * first place): plain data fields (the default resolver) and `__typename`. Validation has made
   * sure a repeated key is the same field (a client cache adds `__typename` beside a fragment's own).
   */
  private leaves(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Leaf[] | null {
    const type = this.schema.getType("ProductPromise") as GraphQLObjectType;
    const fields = type.getFields();
    const leaves = new Map<string, Leaf>();
    const walk = (set: SelectionSetNode): boolean => set.selections.every((selection) => {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        return fragment !== undefined && walk(fragment.selectionSet);
      }
      const key = selection.alias?.value ?? selection.name.value;
      if (leaves.has(key)) return true;
      if (selection.name.value === "__typename") {
        leaves.set(key, { key, name: undefined, type: this.schema.getType("String") as GraphQLLeafType, nonNull: true });
        return true;
      }
      const field = fields[selection.name.value];
      const nullable = field && getNullableType(field.type);
      if (!field || field.resolve || selection.arguments?.length || !isLeafType(nullable)) return false;
      leaves.set(key, { key, name: field.name as keyof ProductPromise, type: nullable, nonNull: isNonNullType(field.type) });
      return true;
    });
    return walk(selectionSet) ? [...leaves.values()] : null;
  }

  private plan(document: DocumentNode, operation: OperationDefinitionNode, rootFieldNames: readonly string[], steps: RootStep[]): StorefrontPlan {
    const { schema, limits } = this;
    const variableDefinitions = operation.variableDefinitions ?? [];
    return {
      operationName: operation.name?.value ?? null,
      rootFieldNames,
      async run(variables, db) {
        try {
          const coerced = getVariableValues(schema, variableDefinitions, variables ?? {}, { maxErrors: 1 });
          if (coerced.errors) return undefined;
          checkCost(schema, document, operation, variables, limits.cost);
          // Each root field's lookups, checked as its resolver checks them, then read in one statement as its loader reads them.
          const requests: PromiseRequest[] = [];
          const ranges: [number, number][] = [];
          for (const step of steps) {
            if (step.kind === "typename") continue;
            const args = getArgumentValues(step.field, step.node, coerced.coerced);
            const skus: string[] = step.kind === "one" ? [args.sku as string] : (args.skus as string[]);
            const quantity = args.quantity as number | null | undefined;
            checkPromiseLookup(skus, quantity);
            ranges.push([requests.length, requests.length + skus.length]);
            for (const sku of skus) requests.push({ sku, quantity });
          }
          const views = requests.length ? await db.read((m) => findProductPromises(m, requests)) : [];
          const data: Record<string, unknown> = {};
          let range = 0;
          for (const step of steps) {
            if (step.kind === "typename") {
              data[step.key] = "Query";
              continue;
            }
            const [from, to] = ranges[range++];
            const answers = views.slice(from, to).map((view) => view && write(toProductPromise(view), step.leaves));
            data[step.key] = step.kind === "one" ? answers[0] : answers;
          }
          return { body: `${JSON.stringify({ data })}\n`, skus: requests.map((r) => r.sku) };
        } catch {
          return undefined;
        }
      },
    };
  }
}

/** One ProductPromise as its selection asks, each value serialised by its GraphQL type (Date, enum, Int, ID). */
function write(promise: ProductPromise, leaves: readonly Leaf[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const leaf of leaves) {
    if (leaf.name === undefined) {
      out[leaf.key] = "ProductPromise";
      continue;
    }
    const value = promise[leaf.name];
    if (value == null) {
      if (leaf.nonNull) throw new Error(`ProductPromise.${leaf.name} is null`);
      out[leaf.key] = null;
      continue;
    }
    out[leaf.key] = leaf.type.serialize(value);
  }
  return out;
}
