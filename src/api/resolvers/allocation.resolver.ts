import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { allocateSalesOrders, listAllocationRuns } from "../../domain";
import { Context } from "../context";
import { AllocateSalesOrdersPayload, AllocationRun, toAllocationRun } from "../types/allocation.type";
import { SkipReason } from "../types/enums";
import { PurchaseOrder, toPurchaseOrder } from "../types/purchase-order.type";

@Resolver(() => AllocateSalesOrdersPayload)
export class AllocationResolver {
  @Mutation(() => AllocateSalesOrdersPayload, { description: "Ties every waiting pre-order of the PO's products to it, oldest first; dryRun previews and writes nothing" })
  async allocateSalesOrders(
    @Arg("purchaseOrderId", () => ID) purchaseOrderId: string,
    @Ctx() { db, actor }: Context,
    @Arg("dryRun", () => Boolean, { nullable: true, defaultValue: false }) dryRun: boolean | null,
  ): Promise<AllocateSalesOrdersPayload> {
    const preview = dryRun ?? false;
    // A dry run takes exactly the path of a run, writes included, and is then rolled back; either is a heavy write.
    const result = await db.write((m) => allocateSalesOrders(m, purchaseOrderId, actor, preview), { rollback: preview, heavy: true });
    return { ...result, skipped: result.skipped.map((s) => ({ ...s, reason: s.reason as SkipReason })), run: result.run && toAllocationRun(result.run) };
  }

  @Query(() => [AllocationRun], { description: "Committed allocation runs, newest first" })
  async allocationRuns(
    @Ctx() { db }: Context,
    @Arg("purchaseOrderId", () => ID, { nullable: true }) purchaseOrderId?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default }) first?: number,
  ): Promise<AllocationRun[]> {
    return (await db.read((m) => listAllocationRuns(m, purchaseOrderId, first))).map(toAllocationRun);
  }

  @FieldResolver(() => PurchaseOrder, { description: "The PO as stored after the run" })
  async purchaseOrder(@Root() payload: AllocateSalesOrdersPayload, @Ctx() { loaders }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder((await loaders.purchaseOrder.load(payload.purchaseOrderId))!);
  }
}
