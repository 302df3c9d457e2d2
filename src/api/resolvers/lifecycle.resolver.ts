import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import {
  acknowledgePromiseDateChanges, allocatePreOrderItem, cancelPreOrderItem, cancelPurchaseOrder, cancelPurchaseOrderItem, completePurchaseOrder,
  listAllocationEvents, listPromiseDateChanges, releaseAllocation, updatePurchaseOrderItem,
} from "../../domain";
import { Context } from "../context";
import {
  AllocationEvent, PromiseDateChangeConnection, PurchaseOrderItemUpdateInput, toAllocationEvent, toPromiseDateChange,
} from "../types/lifecycle.type";
import { toConnection } from "../types/page.type";
import { PreOrderItem, toPreOrderItem } from "../types/pre-order.type";
import { PurchaseOrder, PurchaseOrderItem, toPurchaseOrder, toPurchaseOrderItem } from "../types/purchase-order.type";

/** After allocation: PO changes, cancellations, manual ties, the history and the promise-date feed. */
@Resolver()
export class LifecycleResolver {
  @Mutation(() => PurchaseOrderItem, { description: "Changes a PO item: a new arrival date re-promises its pre-orders; a cut below what is allocated releases the newest" })
  async updatePurchaseOrderItem(
    @Arg("purchaseOrderId", () => ID) purchaseOrderId: string,
    @Arg("seqId") seqId: string,
    @Arg("input", () => PurchaseOrderItemUpdateInput) input: PurchaseOrderItemUpdateInput,
    @Ctx() { db, actor }: Context,
  ): Promise<PurchaseOrderItem> {
    return toPurchaseOrderItem(await db.write((m) => updatePurchaseOrderItem(m, purchaseOrderId, seqId, input, actor)));
  }

  @Mutation(() => PurchaseOrder, { description: "Cancels a PO and releases every pre-order tied to it" })
  async cancelPurchaseOrder(@Arg("id", () => ID) id: string, @Ctx() { db, actor }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder(await db.write((m) => cancelPurchaseOrder(m, id, actor)));
  }

  @Mutation(() => PurchaseOrderItem, { description: "Cancels one PO item and releases every pre-order tied to it" })
  async cancelPurchaseOrderItem(
    @Arg("purchaseOrderId", () => ID) purchaseOrderId: string,
    @Arg("seqId") seqId: string,
    @Ctx() { db, actor }: Context,
  ): Promise<PurchaseOrderItem> {
    return toPurchaseOrderItem(await db.write((m) => cancelPurchaseOrderItem(m, purchaseOrderId, seqId, actor)));
  }

  @Mutation(() => PurchaseOrder, { description: "The stock was received: ties and promise dates stay, the PO is no longer allocatable" })
  async completePurchaseOrder(@Arg("id", () => ID) id: string, @Ctx() { db }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder(await db.write((m) => completePurchaseOrder(m, id)));
  }

  @Mutation(() => PreOrderItem, { description: "Cancels a pre-order item; its tie is released and the PO ATP comes back" })
  async cancelPreOrderItem(@Arg("orderId", () => ID) orderId: string, @Arg("seqId") seqId: string, @Ctx() { db, actor }: Context): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => cancelPreOrderItem(m, orderId, seqId, actor)));
  }

  @Mutation(() => PreOrderItem, { description: '"Remove Allocation": unties one pre-order item, which waits again' })
  async releaseAllocation(@Arg("orderId", () => ID) orderId: string, @Arg("seqId") seqId: string, @Ctx() { db, actor }: Context): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => releaseAllocation(m, orderId, seqId, actor)));
  }

  @Mutation(() => PreOrderItem, { description: "Ties one waiting pre-order item to one chosen PO item, with the guards of Allocate Sales Orders" })
  async allocatePreOrderItem(
    @Arg("orderId", () => ID) orderId: string,
    @Arg("seqId") seqId: string,
    @Arg("purchaseOrderId", () => ID) purchaseOrderId: string,
    @Arg("purchaseOrderItemSeqId") purchaseOrderItemSeqId: string,
    @Ctx() { db, actor }: Context,
  ): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => allocatePreOrderItem(m, orderId, seqId, purchaseOrderId, purchaseOrderItemSeqId, actor)));
  }

  @Mutation(() => Int, { description: "Marks promise date changes done; returns how many were newly acknowledged" })
  acknowledgePromiseDateChanges(@Arg("ids", () => [ID]) ids: string[], @Ctx() { db }: Context): Promise<number> {
    return db.write((m) => acknowledgePromiseDateChanges(m, ids));
  }

  @Query(() => [AllocationEvent], { description: "Every allocate, release and re-promise, newest first" })
  async allocationHistory(
    @Ctx() { db }: Context,
    @Arg("orderId", () => ID, { nullable: true }) orderId?: string,
    @Arg("seqId", () => String, { nullable: true }) seqId?: string,
    @Arg("purchaseOrderId", () => ID, { nullable: true }) purchaseOrderId?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.history }) first?: number,
  ): Promise<AllocationEvent[]> {
    return (await db.read((m) => listAllocationEvents(m, { orderId, seqId, purchaseOrderId }, first))).map(toAllocationEvent);
  }

  @Query(() => PromiseDateChangeConnection, { description: "The promise-date change feed, oldest first (id order)" })
  async promiseDateChanges(
    @Ctx() { db }: Context,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.history }) first?: number,
    @Arg("acknowledged", () => Boolean, { nullable: true }) acknowledged?: boolean,
  ) {
    return toConnection(await db.read((m) => listPromiseDateChanges(m, after, first, acknowledged)), toPromiseDateChange, db);
  }
}
