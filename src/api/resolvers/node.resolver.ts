import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Context } from "../context";
import { fetchNode } from "../nodes";
import { Node } from "../types/node.type";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id (Node.id): what a client cache or a support tool refetches by. Null when no object has that id. Needs a support or admin key" })
  node(@Arg("id", () => ID, { description: 'A Node id, e.g. "PO-1001" or "PreOrderItem:17"' }) id: string, @Ctx() context: Context): Promise<Node | null> {
    return fetchNode(context, id);
  }
}
