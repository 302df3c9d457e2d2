import { EntityManager } from "typeorm";
import { OrderHeaderEntity, PurchaseOrderItemEntity } from "../../entities";
import { AllocationResult, allocateSalesOrders } from "../allocation";
import { itemsOfPurchaseOrders, pendingPreOrderCounts } from "../orders";
import { CsvColumns, CsvRowError, importPurchaseOrders } from "./po-csv";

/** What a PO upload created (or, on a dry run, would create), and on a dry run what Allocate Sales Orders would then tie. */
export interface PurchaseOrderUpload {
  dryRun: boolean;
  purchaseOrders: OrderHeaderEntity[];
  /** Each PO's items as stored by the upload, in upload order of the POs. */
  items: PurchaseOrderItemEntity[][];
  /** Each PO's pendingPreOrderCount right after the upload. */
  pendingPreOrderCounts: number[];
  /** On a dry run: for each PO in upload order, Allocate Sales Orders run on it right after the upload and the POs before it; else empty. */
  allocationPreviews: AllocationResult[];
  errors: CsvRowError[];
}

/**
 * Uploads POs as the retailer exports them (columns named as in `columns`). On a dry run the
 * caller rolls the unit of work back (db.write's rollback): the upload and then Allocate Sales
 * Orders on each PO in upload order run exactly as they would for real — each preview sees the
 * ties of the POs before it, as pressing the button on each in turn would — and nothing stays.
 * Everything the answer shows is read inside the unit of work, before it is rolled back.
 */
export async function uploadPurchaseOrders(
  manager: EntityManager, csv: string, dateFormat: string, columns: CsvColumns | null | undefined, actor: string | null, dryRun: boolean,
): Promise<PurchaseOrderUpload> {
  const imported = await importPurchaseOrders(manager, csv, dateFormat, columns ?? {});
  const ids = imported.purchaseOrders.map((po) => po.orderId);
  const items = await itemsOfPurchaseOrders(manager, ids);
  const pending = await pendingPreOrderCounts(manager, ids);
  const allocationPreviews: AllocationResult[] = [];
  if (dryRun && imported.errors.length === 0) {
    for (const id of ids) allocationPreviews.push(await allocateSalesOrders(manager, id, actor, true));
  }
  return { dryRun, purchaseOrders: imported.purchaseOrders, items, pendingPreOrderCounts: pending, allocationPreviews, errors: imported.errors };
}
