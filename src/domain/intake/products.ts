import { EntityManager, In } from "typeorm";
import { chunk, upsertRows } from "../../db";
import { ProductEntity } from "../../entities";
import { badInput } from "../../errors";
import { LIMITS, Problems } from "../core";
import { queuePromisePurge } from "../edge";

export interface ProductInput {
  sku: string;
  name: string;
  /** Left out (null): a new product starts at 0 and an existing one keeps its stock. */
  inventoryAvailable?: number | null;
}

/** Creates products by SKU or updates the ones that exist; returns them in input order. */
export async function upsertProducts(manager: EntityManager, inputs: ProductInput[]): Promise<ProductEntity[]> {
  const problems = new Problems();
  if (inputs.length === 0) problems.add("input must list at least one product");
  if (inputs.length > 1000) problems.add("at most 1000 products per call");
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    problems.id(`input[${i}].sku`, input.sku);
    problems.text(`input[${i}].name`, input.name, LIMITS.name);
    problems.quantity(`input[${i}].inventoryAvailable`, input.inventoryAvailable ?? 0, 0, LIMITS.inventory);
    if (seen.has(input.sku)) problems.add(`input[${i}].sku "${input.sku}" appears twice`);
    seen.add(input.sku);
  });
  problems.throwIfAny("products");

  const columns = ["sku", "name", "inventory_available"];
  const withStock = inputs.filter((p) => p.inventoryAvailable != null);
  const nameOnly = inputs.filter((p) => p.inventoryAvailable == null);
  await upsertRows(manager, "product", columns, withStock.map((p) => [p.sku, p.name, p.inventoryAvailable]), ["sku"], ["name", "inventory_available"]);
  await upsertRows(manager, "product", columns, nameOnly.map((p) => [p.sku, p.name, 0]), ["sku"], ["name"]);
  const bySku = await productsBySku(manager, inputs.map((p) => p.sku));
  // New SKUs (answered null until now) and changed stock both change the promise; a name-only update of an existing product is purged too (cheap, and simpler than telling them apart).
  await queuePromisePurge(manager, [...bySku.values()].map((p) => p.id));
  return inputs.map((p) => bySku.get(p.sku)!);
}

/** Products by SKU; throws BAD_USER_INPUT naming every unknown SKU. */
export async function productsBySku(manager: EntityManager, skus: string[]): Promise<Map<string, ProductEntity>> {
  const unique = [...new Set(skus)];
  const found: ProductEntity[] = [];
  for (const part of chunk(unique, 1000)) found.push(...await manager.getRepository(ProductEntity).findBy({ sku: In(part) }));
  const bySku = new Map(found.map((p) => [p.sku, p]));
  const unknown = unique.filter((sku) => !bySku.has(sku));
  if (unknown.length) throw badInput(`Unknown SKU${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, { unknownSkus: unknown });
  return bySku;
}
