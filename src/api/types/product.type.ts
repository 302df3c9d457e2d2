import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Node } from "./node.type";

@ObjectType({ implements: Node, description: "A product the shop sells, identified by the shop's SKU" })
export class Product implements Node {
  @Field(() => ID, { description: 'Globally unique id, e.g. "Product:12" (for node(id) and client caches); the shop\'s own key is `sku`' }) id: string;
  @Field({ description: "The shop's SKU: unique, at most 64 characters" }) sku: string;
  @Field({ description: "The product's name as the shop shows it" }) name: string;
  @Field(() => Int, { description: "Units in stock now that can be sold online" }) inventoryAvailable: number;
}

@InputType({ description: "A product to create, or to update when its SKU exists" })
export class ProductInput {
  @Field({ description: "The shop's SKU (the key): at most 64 characters, no whitespace at either end, no control or invisible characters; compared exactly (mug-red is not MUG-RED)" }) sku: string;
  @Field({ description: "The product's name: at most 255 characters" }) name: string;
  @Field(() => Int, { nullable: true, description: "Units in stock now that can be sold online (0 to 1000000000). Left out or null: a new product starts at 0 and an existing product keeps its stock" })
  inventoryAvailable?: number;
}
