import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Who is asking: lets a console show what this key may do before trying it" })
export class Viewer {
  @Field({ description: "admin (everything), support (all queries, no mutations) or anonymous (PDP lookups only)" }) role: string;
  @Field(() => String, { nullable: true, description: "The name recorded as actor in runs and history" }) actor: string | null;
}
