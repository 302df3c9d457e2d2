import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import {
  MAX_ACKNOWLEDGE, acknowledgePromiseDateChanges, allocatePreOrderItem, cancelPreOrderItem, cancelPurchaseOrder, cancelPurchaseOrderItem,
  completePurchaseOrder, listAllocationEvents, listPromiseDateChanges, receivePurchaseOrderItem, releaseAllocation, updatePurchaseOrderItem,
} from "../../domain";
import { Context } from "../context";
import { keysOfIds } from "../nodes";
import {
  AllocationEventConnection, PromiseDateChangeConnection, PurchaseOrderItemUpdateInput, ReceivePurchaseOrderItemPayload, toAllocationEvent,
  toPromiseDateChange, toReceivePayload,
} from "../types/lifecycle.type";
import { toConnection } from "../types/page.type";
import { PreOrderItem, toPreOrderItem } from "../types/pre-order.type";
import { PurchaseOrder, PurchaseOrderItem, toPurchaseOrder, toPurchaseOrderItem } from "../types/purchase-order.type";

const PO_ID = { description: "The PO's id" } as const;
const PO_SEQ = { description: "The PO item's seq id, e.g. \"00001\"" } as const;
const ORDER_ID = { description: "The pre-order's order id" } as const;
const ORDER_SEQ = { description: "The pre-order item's seq id, e.g. \"00001\"" } as const;
const FIRST = (size: number) => ({ nullable: true, defaultValue: size, description: `Page size, 0 to ${PAGE_SIZE.max}` }) as const;
const AFTER = { nullable: true, description: "The endCursor of the page before; left out: the first page" } as const;

/** After allocation: PO changes, cancellations, manual ties, the history and the promise-date feed. */
@Resolver()
export class LifecycleResolver {
  @Mutation(() => PurchaseOrderItem, {
    description: "Changes a PO item. A new arrival date or buffer days re-promise every pre-order tied to it (history and feed); " +
      "a quantity or order buffer that leaves less than is allocated releases ties, newest order first",
  })
  async updatePurchaseOrderItem(
    @Arg("purchaseOrderId", () => ID, PO_ID) purchaseOrderId: string,
    @Arg("seqId", PO_SEQ) seqId: string,
    @Arg("input", () => PurchaseOrderItemUpdateInput, { description: "What to change" }) input: PurchaseOrderItemUpdateInput,
    @Ctx() { db, actor }: Context,
  ): Promise<PurchaseOrderItem> {
    return toPurchaseOrderItem(await db.write((m) => updatePurchaseOrderItem(m, purchaseOrderId, seqId, input, actor)));
  }

  @Mutation(() => PurchaseOrder, { description: "Cancels a PO and its open items, and releases every pre-order tied to them (they wait again). A cancelled PO is answered as it is; a completed one is INVALID_STATE" })
  async cancelPurchaseOrder(@Arg("id", () => ID, PO_ID) id: string, @Ctx() { db, actor }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder(await db.write((m) => cancelPurchaseOrder(m, id, actor)));
  }

  @Mutation(() => PurchaseOrderItem, { description: "Cancels one PO item and releases every pre-order tied to it; the PO is cancelled with its last open item. A cancelled item is answered as it is; a completed one is INVALID_STATE" })
  async cancelPurchaseOrderItem(
    @Arg("purchaseOrderId", () => ID, PO_ID) purchaseOrderId: string,
    @Arg("seqId", PO_SEQ) seqId: string,
    @Ctx() { db, actor }: Context,
  ): Promise<PurchaseOrderItem> {
    return toPurchaseOrderItem(await db.write((m) => cancelPurchaseOrderItem(m, purchaseOrderId, seqId, actor)));
  }

  @Mutation(() => PurchaseOrder, { description: "The stock was received: the PO and its open items complete; ties and promise dates stay, and it is no longer allocatable. A completed PO is answered as it is; a cancelled one is INVALID_STATE" })
  async completePurchaseOrder(@Arg("id", () => ID, PO_ID) id: string, @Ctx() { db }: Context): Promise<PurchaseOrder> {
    return toPurchaseOrder(await db.write((m) => completePurchaseOrder(m, id)));
  }

  @Mutation(() => ReceivePurchaseOrderItemPayload, {
    description: "Receives units of a PO item: they go to the pre-orders tied to it, oldest first, each whole, which are released to fulfilment " +
      "(they leave PRE_ORDER_PARKING for the PO's facility and keep PO and promise date); the rest becomes inventoryAvailable, except what the " +
      "still-tied pre-orders need beyond the units still to come. The item completes when all its units arrived, the PO with its last open item",
  })
  async receivePurchaseOrderItem(
    @Arg("purchaseOrderId", () => ID, PO_ID) purchaseOrderId: string,
    @Arg("seqId", PO_SEQ) seqId: string,
    @Arg("quantity", () => Int, { description: "Units that arrived: 1 to the units still to receive (quantity - receivedQuantity)" }) quantity: number,
    @Ctx() { db, actor }: Context,
  ): Promise<ReceivePurchaseOrderItemPayload> {
    return toReceivePayload(await db.write((m) => receivePurchaseOrderItem(m, purchaseOrderId, seqId, quantity, actor)));
  }

  @Mutation(() => PreOrderItem, { description: "Cancels a pre-order item: its tie is released (the PO ATP comes back) and its promise date cleared. A cancelled item is answered as it is and nothing is recorded" })
  async cancelPreOrderItem(@Arg("orderId", () => ID, ORDER_ID) orderId: string, @Arg("seqId", ORDER_SEQ) seqId: string, @Ctx() { db, actor }: Context): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => cancelPreOrderItem(m, orderId, seqId, actor)));
  }

  @Mutation(() => PreOrderItem, { description: '"Remove Allocation": unties one pre-order item; it loses PO and promise date and waits again. An untied item is INVALID_STATE' })
  async releaseAllocation(@Arg("orderId", () => ID, ORDER_ID) orderId: string, @Arg("seqId", ORDER_SEQ) seqId: string, @Ctx() { db, actor }: Context): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => releaseAllocation(m, orderId, seqId, actor)));
  }

  @Mutation(() => PreOrderItem, {
    description: "Ties one waiting pre-order item to a PO item chosen by hand, with the checks of Allocate Sales Orders (allocatable PO item, " +
      "same product, ATP for the whole quantity); it is promised the PO item's arrival date plus buffer days. " +
      "A PO, PO item or pre-order item whose state forbids the tie is INVALID_STATE; too little ATP is INSUFFICIENT_ATP",
  })
  async allocatePreOrderItem(
    @Arg("orderId", () => ID, ORDER_ID) orderId: string,
    @Arg("seqId", ORDER_SEQ) seqId: string,
    @Arg("purchaseOrderId", () => ID, { description: "The PO to tie it to" }) purchaseOrderId: string,
    @Ctx() { db, actor }: Context,
    @Arg("purchaseOrderItemSeqId", () => String, {
      nullable: true, description: "The PO item to tie it to; left out: the PO's item of its product that the preference order offers first (earliest arrival) with enough ATP",
    }) purchaseOrderItemSeqId?: string | null,
  ): Promise<PreOrderItem> {
    return toPreOrderItem(await db.write((m) => allocatePreOrderItem(m, orderId, seqId, purchaseOrderId, purchaseOrderItemSeqId, actor)));
  }

  @Mutation(() => Int, { description: `Marks promise date changes handled; answers how many were newly acknowledged (unknown or already acknowledged ids count 0)` })
  acknowledgePromiseDateChanges(
    @Arg("ids", () => [ID], { description: `PromiseDateChange ids, at most ${MAX_ACKNOWLEDGE}` }) ids: string[],
    @Ctx() { db }: Context,
  ): Promise<number> {
    return db.write((m) => acknowledgePromiseDateChanges(m, keysOfIds("PromiseDateChange", ids).map(String)));
  }

  @Query(() => AllocationEventConnection, { description: "The allocation history: every allocate, release and re-promise, newest first, a page at a time" })
  async allocationHistory(
    @Ctx() { db }: Context,
    @Arg("orderId", () => ID, { nullable: true, description: "Only the events of this pre-order" }) orderId?: string,
    @Arg("seqId", () => String, { nullable: true, description: "Only the events of this item of orderId (needs orderId)" }) seqId?: string,
    @Arg("purchaseOrderId", () => ID, { nullable: true, description: "Only the events of ties to this PO" }) purchaseOrderId?: string,
    @Arg("first", () => Int, FIRST(PAGE_SIZE.history)) first?: number,
    @Arg("after", () => String, AFTER) after?: string,
  ) {
    return toConnection(await db.read((m) => listAllocationEvents(m, { orderId, seqId, purchaseOrderId }, first, after)), toAllocationEvent, db);
  }

  @Query(() => PromiseDateChangeConnection, { description: "The promise-date change feed, oldest first (id order): what the customer-notification worker reads and acknowledges" })
  async promiseDateChanges(
    @Ctx() { db }: Context,
    @Arg("after", () => String, AFTER) after?: string,
    @Arg("first", () => Int, FIRST(PAGE_SIZE.history)) first?: number,
    @Arg("acknowledged", () => Boolean, { nullable: true, description: "false: only rows not acknowledged yet (what a worker wants); true: only acknowledged ones" })
    acknowledged?: boolean,
  ) {
    return toConnection(await db.read((m) => listPromiseDateChanges(m, after, first, acknowledged)), toPromiseDateChange, db);
  }
}
