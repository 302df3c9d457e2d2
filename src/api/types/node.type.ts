import { Field, ID, InterfaceType } from "type-graphql";
import { parseObjectId } from "../../domain";

/** The schema type of a Node by the shape of its id: "<Kind>:<number>", else a PO's order id. */
export function typeOfNodeId(id: string): string {
  const parsed = parseObjectId(id);
  return parsed && parsed !== "malformed" ? parsed.kind : "PurchaseOrder";
}

@InterfaceType({
  description: "An object with a globally unique id: fetch it again with `node(id)`, and let a client cache (Apollo Client, Relay, urql) " +
    "identify it by `__typename` and `id`. A purchase order's id is its order id as uploaded (\"PO-1001\"); every other id is \"<Type>:<number>\" " +
    "(\"PreOrderItem:17\"), a shape no order id may take, so no two objects share an id.",
  resolveType: (value: { id: string }) => typeOfNodeId(value.id),
})
export abstract class Node {
  @Field(() => ID, { description: "Globally unique and stable: the same object always has this id" }) id: string;
}
