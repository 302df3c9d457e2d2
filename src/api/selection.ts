import { GraphQLResolveInfo, Kind, SelectionSetNode } from "graphql";

/**
 * The names of the fields a query selects directly under the field being resolved, through
 * fragments and inline fragments (aliases do not matter). A field under @skip or @include counts as
 * selected: the resolver may build something nobody reads, never leave out something asked for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
