import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A sellable product" })
export class Product {
  @Field(() => ID) id: string;
  @Field() sku: string;
  @Field() name: string;
  @Field(() => Int, { description: "Units in stock now that can be sold online" }) inventoryAvailable: number;
}

@InputType()
export class ProductInput {
  @Field() sku: string;
  @Field() name: string;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) inventoryAvailable?: number;
}
