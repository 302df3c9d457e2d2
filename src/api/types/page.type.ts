import { ClassType, Field, Int, ObjectType } from "type-graphql";

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

/** Builds a connection from a domain page. */
export function toConnection<D, T>(page: { nodes: D[]; cursors: string[]; hasNextPage: boolean; totalCount: number }, map: (node: D) => T) {
  return {
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node: map(node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount,
  };
}
