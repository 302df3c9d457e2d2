import { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { allocateSalesOrders, listAllocationRuns } from "../../domain";
import { Context } from "../context";
import { selectedFieldNames } from "../selection";
import { AllocateSalesOrdersPayload, Allocation, AllocationRunConnection, toAllocationRun } from "../types/allocation.type";
import { SkipReason } from "../types/enums";
import { toConnection } from "../types/page.type";
import { PreOrderItem, toPreOrderItem } from "../types/pre-order.type";
import { PurchaseOrder, toPurchaseOrder } from "../types/purchase-order.type";

@Resolver(() => AllocateSalesOrdersPayload)
export class AllocationResolver {
  @Mutation(() => AllocateSalesOrdersPayload, {
    description: "Allocate Sales Orders: ties every waiting pre-order of the PO's products to it, oldest first, each whole to the PO item " +
      "that can cover it, and promises each its PO item's arrival date plus buffer days. One transaction. NOT_FOUND for an unknown PO, " +
      "PO_NOT_ALLOCATABLE for a cancelled or completed one. dryRun previews exactly what a run would do and writes nothing",
  })
  async allocateSalesOrders(
    @Arg("purchaseOrderId", () => ID, { description: "The PO to allocate" }) purchaseOrderId: string,
    @Ctx() { db, actor }: Context,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "true: only preview (the console's Preview button); nothing is written and no run recorded. Must not be null (null is BAD_USER_INPUT, never a real run)" })
    dryRun: boolean,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AllocateSalesOrdersPayload> {
    const preview = dryRun !== false;
    // Only the lists the document asks for are built: a counts-only caller does not pay for 60,000 allocation objects.
    const selected = selectedFieldNames(info);
    const collect = { allocations: selected.has("allocations"), skipped: selected.has("skipped") };
    // A dry run takes exactly the path of a run, writes included, and is then rolled back; either is a heavy write.
    const result = await db.write((m) => allocateSalesOrders(m, purchaseOrderId, actor, preview, collect), { rollback: preview, heavy: true });
    return { ...result, skipped: result.skipped.map((s) => ({ ...s, reason: s.reason as SkipReason })), run: result.run && toAllocationRun(result.run) };
  }

  @Query(() => AllocationRunConnection, { description: "Committed Allocate Sales Orders runs, newest first, a page at a time" })
  async allocationRuns(
    @Ctx() { db }: Context,
    @Arg("purchaseOrderId", () => ID, { nullable: true, description: "Only the runs of this PO" }) purchaseOrderId?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default, description: `Page size, 0 to ${PAGE_SIZE.max}` }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the page before; left out: the first page" }) after?: string,
  ) {
    return toConnection(await db.read((m) => listAllocationRuns(m, purchaseOrderId, first, after)), toAllocationRun, db);
  }

  @FieldResolver(() => PurchaseOrder, { description: "The PO as stored after the run (on a dry run: unchanged)" })
  async purchaseOrder(@Root() payload: AllocateSalesOrdersPayload, @Ctx() { loaders }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder((await loaders.purchaseOrder.load(payload.purchaseOrderId))!);
  }
}

@Resolver(() => Allocation)
export class AllocationFieldResolver {
  @FieldResolver(() => PreOrderItem, { description: "The pre-order item as stored after the run (on a dry run: unchanged), for a client cache to update it" })
  async preOrderItem(@Root() allocation: Allocation, @Ctx() { loaders }: Context): Promise<PreOrderItem> {
    return toPreOrderItem((await loaders.preOrderItem.load(allocation.salesOrderItemId))!);
  }
}
