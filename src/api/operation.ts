import { DocumentNode, FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";

/**
 * What the edge needs to know about an operation before running it — its fragments and its root
 * fields — worked out once per parsed document and shared by the access guard, the limits, the
 * cache-control plugin and the request log. Apollo reuses the DocumentNode of a query text it has
 * seen, so a storefront's repeated lookup is described once, not on every request.
 */
export interface OperationShape {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The fields at the root, looking through fragments; a field selected twice appears twice. */
  rootFields: readonly FieldNode[];
  /** Their names, each once, in order. */
  rootFieldNames: readonly string[];
}

const fragmentMaps = new WeakMap<DocumentNode, ReadonlyMap<string, FragmentDefinitionNode>>();
const shapes = new WeakMap<OperationDefinitionNode, OperationShape>();

export function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  let fragments = fragmentMaps.get(document);
  if (!fragments) {
    const map = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
    fragmentMaps.set(document, (fragments = map));
  }
  return fragments;
}

export function shapeOf(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  let shape = shapes.get(operation);
  if (!shape) {
    const fragments = fragmentsOf(document);
    const rootFields = rootFieldsOf(operation.selectionSet, fragments);
    shape = { fragments, rootFields, rootFieldNames: [...new Set(rootFields.map((f) => f.name.value))] };
    shapes.set(operation, shape);
  }
  return shape;
}

/**
 * The root fields, looking through fragment spreads and inline fragments (a field cannot hide in
 * a fragment). `@skip`/`@include` are ignored on purpose: a field is judged by whether it is
 * asked for, not by whether a variable switches it off. Unknown fragments are left to validation.
 */
function rootFieldsOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
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
  walk(selectionSet);
  return fields;
}
