import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { WaitingCheck, existingPreOrder, importPreOrder, listPreOrders, preOrderQueueSummary, startOfTodayUtc, whyWaiting } from "../../domain";
import { Context } from "../context";
import { toConnection } from "../types/page.type";
import {
  ImportPreOrderPayload, PreOrderFilter, PreOrderInput, PreOrderItem, PreOrderItemConnection, PreOrderQueueSummary, toPreOrderItem,
} from "../types/pre-order.type";
import { Product } from "../types/product.type";
import { WaitingReason } from "../types/enums";
import { toProduct } from "./product.resolver";

@Resolver(() => PreOrderItem)
export class PreOrderResolver {
  @Query(() => PreOrderItemConnection, { description: "Sales order items (pre-orders and others), first in first out (order date, order id, item seq id), a page at a time" })
  async preOrders(
    @Ctx() { db }: Context,
    @Arg("filter", () => PreOrderFilter, { nullable: true, description: "Which items; left out: all" }) filter?: PreOrderFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default, description: `Page size, 0 to ${PAGE_SIZE.max}` }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the page before; left out: the first page" }) after?: string,
  ) {
    return toConnection(await db.read((m) => listPreOrders(m, filter, first, after)), toPreOrderItem, db);
  }

  @Query(() => PreOrderQueueSummary, { description: "The pre-order queue's counts (orders, items, units, waiting and tied items) for the same filter as preOrders" })
  preOrderQueueSummary(
    @Ctx() { db }: Context,
    @Arg("filter", () => PreOrderFilter, { nullable: true, description: "Which items; left out: all" }) filter?: PreOrderFilter,
  ): Promise<PreOrderQueueSummary> {
    return db.read((m) => preOrderQueueSummary(m, filter));
  }

  @Mutation(() => ImportPreOrderPayload, {
    description: "Imports a sales order from the shop. Each line entering PRE_ORDER_PARKING is tied at once to the PO item the preference order offers first " +
      "with enough ATP (earliest arrival), and promised its arrival date plus buffer days; else it waits. The same orderId again: created=false, nothing changes",
  })
  async importPreOrder(@Arg("input", () => PreOrderInput, { description: "The order and its lines" }) input: PreOrderInput, @Ctx() { db, actor }: Context): Promise<ImportPreOrderPayload> {
    const result = await db.write((m) => importPreOrder(m, input, actor), { onDuplicate: (m) => existingPreOrder(m, input.orderId) });
    return { created: result.created, items: result.items.map(toPreOrderItem) };
  }

  @FieldResolver(() => Product, { description: "The product ordered" })
  async product(@Root() item: PreOrderItem, @Ctx() { loaders }: Context): Promise<Product> {
    return toProduct((await loaders.product.load(item.productId))!);
  }

  @FieldResolver(() => WaitingReason, { nullable: true, description: "Why it is not tied to a PO, as the allocation rules decide; null when tied, or when a PO item could take it now (Allocate Sales Orders has not run since)" })
  async waitingReason(@Root() item: PreOrderItem, @Ctx() { loaders }: Context): Promise<WaitingReason | null> {
    return (await waitingCheck(item, loaders)).reason as WaitingReason | null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "When waitingReason is INSUFFICIENT_ATP: the largest ATP on an allocatable PO item of its product (it needs quantity, the best PO has this); else null" })
  async largestAvailableToPromise(@Root() item: PreOrderItem, @Ctx() { loaders }: Context): Promise<number | null> {
    return (await waitingCheck(item, loaders)).largestAvailableToPromise;
  }
}

const waitingCheck = async (item: PreOrderItem, loaders: Context["loaders"]): Promise<WaitingCheck> =>
  whyWaiting({ tied: item.purchaseOrderId !== null, facilityId: item.facilityId, status: item.status, promiseDate: item.promiseDate, quantity: item.quantity },
    await loaders.productPoItems.load(item.productId), startOfTodayUtc());
