import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PAGE_SIZE } from "../../db";
import { createPurchaseOrders, findPurchaseOrder, listPurchaseOrders, uploadPurchaseOrders } from "../../domain";
import { Context } from "../context";
import { primeUpload } from "../loaders";
import { toConnection } from "../types/page.type";
import { Product } from "../types/product.type";
import {
  PurchaseOrder, PurchaseOrderConnection, PurchaseOrderFilter, PurchaseOrderInput, PurchaseOrderItem,
  toPurchaseOrder, toPurchaseOrderItem,
} from "../types/purchase-order.type";
import { ImportPurchaseOrdersPayload, PurchaseOrderCsvColumns, toImportPayload } from "../types/po-upload.type";
import { toProduct } from "./product.resolver";

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Query(() => PurchaseOrderConnection, { description: "The PO find page: purchase orders, newest order date first, a page at a time" })
  async purchaseOrders(
    @Ctx() { db }: Context,
    @Arg("filter", () => PurchaseOrderFilter, { nullable: true, description: "Which POs; left out: all" }) filter?: PurchaseOrderFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: PAGE_SIZE.default, description: `Page size, 0 to ${PAGE_SIZE.max}` }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the page before; left out: the first page" }) after?: string,
  ) {
    return toConnection(await db.read((m) => listPurchaseOrders(m, filter, first, after)), toPurchaseOrder, db);
  }

  @Query(() => PurchaseOrder, { nullable: true, description: "One purchase order by its id; null when there is none (a sales order's id too)" })
  async purchaseOrder(@Arg("id", () => ID, { description: 'The PO\'s id, e.g. "PO-1001"' }) id: string, @Ctx() { db }: Context): Promise<PurchaseOrder | null> {
    const header = await db.read((m) => findPurchaseOrder(m, id));
    return header && toPurchaseOrder(header);
  }

  @Mutation(() => PurchaseOrder, { description: "Creates one purchase order with its lines. It ties nothing by itself: run allocateSalesOrders for the pre-orders already waiting. An id in use is DUPLICATE" })
  async createPurchaseOrder(@Arg("input", () => PurchaseOrderInput, { description: "The PO and its lines" }) input: PurchaseOrderInput, @Ctx() { db }: Context): Promise<PurchaseOrder> {
    const [header] = await db.write((m) => createPurchaseOrders(m, [input]));
    return toPurchaseOrder(header);
  }

  @Mutation(() => ImportPurchaseOrdersPayload, {
    description: "Uploads POs as the retailer exports them (CSV: header row orderId,productSku,arrivalDate,quantity,facilityId[,orderBuffer,bufferDays], " +
      "then a row per PO item; rows with one orderId make one PO; columns maps the retailer's own header names): all rows are stored, or none and every bad row is listed. " +
      "dryRun answers what it would create and what Allocate Sales Orders would then tie on each PO, writing nothing",
  })
  async importPurchaseOrders(
    @Arg("csv", { description: "The CSV text, at most 5 MiB and 20,000 rows" }) csv: string,
    @Ctx() { db, actor, loaders }: Context,
    @Arg("dateFormat", { defaultValue: "MM/dd/yyyy", description: "How arrivalDate is written, in date-fns tokens with a four-digit year (e.g. dd.MM.yyyy); a date must be written exactly so (01/15/27 is refused under MM/dd/yyyy); ISO yyyy-MM-dd is always accepted. Must not be null" }) dateFormat: string,
    @Arg("columns", () => PurchaseOrderCsvColumns, { nullable: true, description: "The retailer's header names for the fields; left out: the fields' own names" }) columns?: PurchaseOrderCsvColumns | null,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "true: answer what the upload would create and what Allocate Sales Orders would then tie on each PO, writing nothing. Must not be null" }) dryRun?: boolean,
  ): Promise<ImportPurchaseOrdersPayload> {
    const preview = dryRun !== false;
    // A concurrent upload that stored one of these ids first makes this one a row error, as a later upload would be.
    const upload = await db.write((m) => uploadPurchaseOrders(m, csv, dateFormat, columns, actor, preview), { rollback: preview, heavy: preview, rerunOnDuplicate: true });
    primeUpload(loaders, upload);
    return toImportPayload(upload);
  }

  @FieldResolver(() => [PurchaseOrderItem], { description: "Its lines, in seq order" })
  async items(@Root() po: PurchaseOrder, @Ctx() { loaders }: Context): Promise<PurchaseOrderItem[]> {
    return (await loaders.purchaseOrderItems.load(po.id)).map(toPurchaseOrderItem);
  }

  @FieldResolver(() => Int, { description: "Pre-order items waiting (in PRE_ORDER_PARKING, open, not promised, not tied) for this PO's products, whether they would fit or not: what Allocate Sales Orders would consider" })
  pendingPreOrderCount(@Root() po: PurchaseOrder, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.pendingPreOrderCount.load(po.id);
  }

  @FieldResolver(() => Int, { description: "How many tied pre-orders of its products rebalancePromises would move to this PO now (the same planning as its dry run): the console's \"Adjust ATP on early PO\" hint" })
  rebalanceCandidateCount(@Root() po: PurchaseOrder, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.rebalanceCandidateCount.load(po.id);
  }
}

@Resolver(() => PurchaseOrderItem)
export class PurchaseOrderItemResolver {
  @FieldResolver(() => Product, { description: "The product ordered" })
  async product(@Root() item: PurchaseOrderItem, @Ctx() { loaders }: Context): Promise<Product> {
    return toProduct((await loaders.product.load(item.productId))!);
  }
}
