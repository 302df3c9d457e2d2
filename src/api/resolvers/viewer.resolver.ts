import { Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../context";
import { Role } from "../types/enums";
import { Viewer } from "../types/viewer.type";

/** Open to every key, and to none: it only tells the caller what the server already decided about it. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: "The role and actor of the key this request carries" })
  viewer(@Ctx() { role, actor }: Context): Viewer {
    return { role: role as Role, actor };
  }
}
