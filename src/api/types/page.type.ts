import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { Database, Page } from "../../db";

@ObjectType({ description: "Where a page of a connection sits in the whole list (Relay cursor connections). Page forward with `first` and `after: endCursor` while `hasNextPage`." })
export class PageInfo {
  @Field({ description: "True when more items follow this page: ask again with `after: endCursor`" }) hasNextPage: boolean;
  @Field({ description: "True when items come before this page (only a page asked for with `after` can have any)" }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: "The cursor of this page's first item; null when the page is empty" }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: "The cursor of this page's last item, to pass as `after` for the next page; null when the page is empty" })
  endCursor: string | null;
}

/**
 * A Relay connection type for `Node` (edges with cursors, pageInfo, totalCount); `what` names the
 * listed things in the descriptions ("purchase orders").
 */
export function Connection<T extends object>(name: string, Node: ClassType<T>, what: string) {
  @ObjectType(`${name}Edge`, { description: `One of the ${what} in a page, with its cursor` })
  class Edge {
    @Field({ description: "Opaque: pass it as `after` to get the items that follow this one" }) cursor: string;
    @Field(() => Node, { description: `One of the ${what}` }) node: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${what}, with the count of the whole filtered list` })
  class ConnectionType {
    @Field(() => [Edge], { description: "This page's items, in the list's order" }) edges: Edge[];
    @Field(() => PageInfo, { description: "Whether more pages follow or precede, and the cursors to get them" }) pageInfo: PageInfo;
    @Field(() => Int, { description: `How many ${what} match the filter in all, whatever page this is` }) totalCount: number;
  }
  return ConnectionType;
}

/**
 * Builds a connection from a domain page. `totalCount` is a getter: the list is counted, on the
 * caller's lane, only when the query selects it (the cost limit prices it).
 */
export function toConnection<D, T>(page: Page<D>, map: (node: D) => T, db: Database) {
  let counted: Promise<number> | undefined;
  return {
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node: map(node) })),
    pageInfo: {
      hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: page.cursors[0] ?? null, endCursor: page.cursors.at(-1) ?? null,
    },
    get totalCount(): Promise<number> {
      return (counted ??= db.read(page.totalCount));
    },
  };
}
