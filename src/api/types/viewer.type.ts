import { Field, ObjectType } from "type-graphql";
import { Role } from "./enums";

@ObjectType({ description: "Who is asking: lets a console show what this key may do before trying it" })
export class Viewer {
  @Field(() => Role, { description: "What the key sent with this request may do" }) role: Role;
  @Field(() => String, { nullable: true, description: "The key's name, recorded as the actor in allocation runs and history; null without a key" })
  actor: string | null;
}
