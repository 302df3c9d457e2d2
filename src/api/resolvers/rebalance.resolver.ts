import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { rebalancePromises } from "../../domain";
import { Context } from "../context";
import { PreOrderMove, RebalancePromisesPayload } from "../types/allocation.type";
import { PreOrderItem, toPreOrderItem } from "../types/pre-order.type";

@Resolver(() => PreOrderMove)
export class RebalanceResolver {
  @Mutation(() => RebalancePromisesPayload, {
    description: "\"Adjust ATP on early PO\": for the products of one PO (or one SKU), oldest first, each tied pre-order moves whole to a PO item that can be " +
      "promised, has the ATP for it and promises an earlier day (MOVE in the history, one promise-date feed row); the units it frees tie waiting pre-orders " +
      "that now fit. One transaction. Exactly one of sku and purchaseOrderId (else BAD_USER_INPUT); NOT_FOUND when unknown; PO_NOT_ALLOCATABLE for a cancelled " +
      "or completed PO. dryRun previews exactly what a run would do and writes nothing",
  })
  async rebalancePromises(
    @Ctx() { db, actor }: Context,
    @Arg("sku", () => String, { nullable: true, description: "Rebalance this product" }) sku?: string | null,
    @Arg("purchaseOrderId", () => ID, { nullable: true, description: "Rebalance the products of this PO (open)" }) purchaseOrderId?: string | null,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "true: only preview; nothing is written. Must not be null" }) dryRun?: boolean,
  ): Promise<RebalancePromisesPayload> {
    const preview = dryRun !== false;
    return db.write((m) => rebalancePromises(m, { sku, purchaseOrderId }, actor, preview), { rollback: preview, heavy: true });
  }

  @FieldResolver(() => PreOrderItem, { description: "The pre-order item moved, as it is now (after a dry run: unchanged)" })
  async preOrderItem(@Root() move: PreOrderMove, @Ctx() { loaders }: Context): Promise<PreOrderItem> {
    return toPreOrderItem((await loaders.preOrderItem.load(move.salesOrderItemId))!);
  }
}
