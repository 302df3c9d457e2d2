import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { Database, Page } from "../../db";

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** A Relay connection type for `Node` (edges with cursors, pageInfo, totalCount). */
export function Connection<T extends object>(name: string, Node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => Node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
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
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    get totalCount(): Promise<number> {
      return (counted ??= db.read(page.totalCount));
    },
  };
}
