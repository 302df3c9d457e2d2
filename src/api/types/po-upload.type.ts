import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PurchaseOrderUpload } from "../../domain";
import { Allocation, SkippedPreOrderItem } from "./allocation.type";
import { SkipReason } from "./enums";
import { CsvRowError, PurchaseOrder, toPurchaseOrder } from "./purchase-order.type";

@InputType({ description: 'The retailer\'s own header names for the CSV\'s fields, as their ERP exports them (e.g. orderId: "Internal ID"); a field left out keeps its own name. Headers match ignoring case and surrounding spaces; each at most 255 characters, no two the same' })
export class PurchaseOrderCsvColumns {
  @Field(() => String, { nullable: true, description: "The header of the arrival date column" }) arrivalDate?: string | null;
  @Field(() => String, { nullable: true, description: "The header of the buffer days column (optional column)" }) bufferDays?: string | null;
  @Field(() => String, { nullable: true, description: "The header of the facility (warehouse) column" }) facilityId?: string | null;
  @Field(() => String, { nullable: true, description: "The header of the order buffer column (optional column)" }) orderBuffer?: string | null;
  @Field(() => String, { nullable: true, description: 'The header of the PO id column, e.g. "Internal ID"' }) orderId?: string | null;
  @Field(() => String, { nullable: true, description: 'The header of the SKU column, e.g. "Item"' }) productSku?: string | null;
  @Field(() => String, { nullable: true, description: "The header of the quantity column" }) quantity?: string | null;
}

@ObjectType({ description: "What Allocate Sales Orders would tie on one uploaded PO right after the upload (and the POs uploaded before it)" })
export class PurchaseOrderAllocationPreview {
  @Field(() => Int, { description: "Pre-order items it would tie" }) allocatedItemCount: number;
  @Field(() => Int, { description: "Units it would tie" }) allocatedQuantity: number;
  @Field(() => [Allocation], { description: "Every tie it would make, first in first out" }) allocations: Allocation[];
  @Field(() => ID, { description: "The uploaded PO" }) purchaseOrderId: string;
  @Field(() => [SkippedPreOrderItem], { description: "The waiting pre-order items of its products it would not tie, and why" }) skipped: SkippedPreOrderItem[];
}

@ObjectType({ description: "The outcome of a PO upload: either every PO was stored (or, on a dry run, would be), or none was and every bad row is listed" })
export class ImportPurchaseOrdersPayload {
  @Field(() => [PurchaseOrderAllocationPreview], {
    description: "On a dry run: for each PO in upload order, what Allocate Sales Orders would tie on it right after the upload (each sees the ties of the POs before it); empty otherwise",
  })
  allocationPreviews: PurchaseOrderAllocationPreview[];
  @Field({ description: "True for a preview: nothing was written" }) dryRun: boolean;
  @Field(() => [CsvRowError], { description: "Every bad row, by line; empty when the upload was (or would be) stored" }) errors: CsvRowError[];
  @Field(() => [PurchaseOrder], { description: "The POs stored (on a dry run: that would be stored), in upload order; empty when any row was bad" }) purchaseOrders: PurchaseOrder[];
}

export const toImportPayload = (upload: PurchaseOrderUpload): ImportPurchaseOrdersPayload => ({
  dryRun: upload.dryRun,
  purchaseOrders: upload.purchaseOrders.map(toPurchaseOrder),
  errors: upload.errors,
  allocationPreviews: upload.allocationPreviews.map((r) => ({
    purchaseOrderId: r.purchaseOrderId, allocatedItemCount: r.allocatedItemCount, allocatedQuantity: r.allocatedQuantity,
    allocations: r.allocations, skipped: r.skipped.map((s) => ({ ...s, reason: s.reason as SkipReason })),
  })),
});
