import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { MAX_RELEASE, releasePreOrderItems, updatePreOrderPromiseDate } from "../../domain";
import { Context } from "../context";
import { PreOrderItem, PreOrderItemRef, toPreOrderItem } from "../types/pre-order.type";
import { DateScalar } from "../types/scalars";

/** The pre-order desk: release to a warehouse and promise dates by hand. */
@Resolver()
export class PreOrderDeskResolver {
  @Mutation(() => [PreOrderItem], {
    description: "Releases pre-order items to fulfilment by hand (\"release to warehouse\"): each leaves PRE_ORDER_PARKING for facilityId, tied or waiting. " +
      "A tied one keeps its PO and promise date for the record and gives its units back to the PO item (ATP rises). History for each; all or nothing",
  })
  async releasePreOrderItems(
    @Arg("items", () => [PreOrderItemRef], { description: `The items, 1 to ${MAX_RELEASE}, each once; each must be open and in PRE_ORDER_PARKING` }) items: PreOrderItemRef[],
    @Arg("facilityId", { description: "The warehouse they go to (not PRE_ORDER_PARKING)" }) facilityId: string,
    @Ctx() { db, actor }: Context,
  ): Promise<PreOrderItem[]> {
    return (await db.write((m) => releasePreOrderItems(m, items, facilityId, actor))).map(toPreOrderItem);
  }

  @Mutation(() => PreOrderItem, {
    description: "Sets or clears a waiting pre-order item's promise date by hand, with a reason (history and one promise-date feed row). A waiting item with " +
      "a promise date is no longer picked by Allocate Sales Orders; clearing it puts the item back in line. A tied item is INVALID_STATE: its promise follows its PO item",
  })
  async updatePreOrderPromiseDate(
    @Arg("orderId", () => ID, { description: "The pre-order's order id" }) orderId: string,
    @Arg("seqId", { description: "The pre-order item's seq id" }) seqId: string,
    @Arg("promiseDate", () => DateScalar, { nullable: true, description: "The day promised, today or later; null clears it" }) promiseDate: Date | null,
    @Arg("reason", { description: "Why, in words: required, at most 255 characters; kept in the history and the feed" }) reason: string,
    @Ctx() { db, actor }: Context,
  ): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => updatePreOrderPromiseDate(m, orderId, seqId, promiseDate ?? null, reason, actor)));
  }
}
