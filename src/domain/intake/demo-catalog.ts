import { EntityManager } from "typeorm";
import { addDays, clock, startOfTodayUtc } from "../core";
import { importPreOrder } from "./import-pre-order";
import { upsertProducts } from "./products";
import { createPurchaseOrders } from "./purchase-orders";

/**
 * A small demo catalog for a brand-new embedded database: three products, pre-orders that
 * came in before their PO, and that PO uploaded afterwards, so Allocate Sales Orders on
 * PO-DEMO-1 has real work to do (ties five items, skips one that does not fit). Runs inside the
 * caller's unit of work.
 */
export async function loadDemoCatalog(m: EntityManager): Promise<void> {
  const today = startOfTodayUtc();
  const daysAgo = (n: number) => addDays(clock.now(), -n);
  await upsertProducts(m, [
    { sku: "JACKET-NAVY-M", name: "Quilted jacket, navy, M", inventoryAvailable: 0 },
    { sku: "JACKET-NAVY-L", name: "Quilted jacket, navy, L", inventoryAvailable: 0 },
    { sku: "BOOT-TAN-42", name: "Chelsea boot, tan, 42", inventoryAvailable: 0 },
    { sku: "SCARF-GREY", name: "Wool scarf, grey", inventoryAvailable: 25 },
  ]);
  const preOrders = [
    { orderId: "SO-DEMO-1001", days: 9, items: [{ sku: "JACKET-NAVY-M", quantity: 2 }] },
    { orderId: "SO-DEMO-1002", days: 8, items: [{ sku: "JACKET-NAVY-L", quantity: 1 }, { sku: "BOOT-TAN-42", quantity: 1 }] },
    { orderId: "SO-DEMO-1003", days: 6, items: [{ sku: "BOOT-TAN-42", quantity: 5 }] },
    { orderId: "SO-DEMO-1004", days: 4, items: [{ sku: "JACKET-NAVY-M", quantity: 3 }] },
    { orderId: "SO-DEMO-1005", days: 2, items: [{ sku: "BOOT-TAN-42", quantity: 2 }] },
    { orderId: "SO-DEMO-1006", days: 1, items: [{ sku: "JACKET-NAVY-L", quantity: 1, facilityId: "BACKORDER_PARKING" }] },
  ];
  for (const order of preOrders) await importPreOrder(m, { orderId: order.orderId, orderDate: daysAgo(order.days), items: order.items }, "demo");
  await createPurchaseOrders(m, [{
    id: "PO-DEMO-1",
    facilityId: "WH-MAIN",
    orderDate: clock.now(),
    status: "APPROVED",
    items: [
      { sku: "JACKET-NAVY-M", quantity: 10, arrivalDate: addDays(today, 21), orderBuffer: 1, bufferDays: 2 },
      { sku: "JACKET-NAVY-L", quantity: 6, arrivalDate: addDays(today, 21), bufferDays: 2 },
      { sku: "BOOT-TAN-42", quantity: 4, arrivalDate: addDays(today, 35) },
    ],
  }]);
}
