/**
 * How a storefront or admin developer uses the generated types, compiled under `--strict` by
 * codegen-strict.test.ts (this file is not a test itself). Each @ts-expect-error marks a mistake
 * the types must catch: if the generated types got looser, the compiler would report the unused
 * directive and the test fails.
 */
import type { CachedPoArrivalsQuery, CachedWaitingQuery, ProductPromiseQuery, ViewerRoleQuery } from "../support/graphql/graphql";

type PoItem = NonNullable<CachedPoArrivalsQuery["purchaseOrder"]>["items"][number];
type WaitingItem = CachedWaitingQuery["preOrders"]["edges"][number]["node"];

/** A calendar day is a plain "YYYY-MM-DD" string, shown as it is. */
export function arrival(item: PoItem): string {
  // @ts-expect-error arrivalDate is null until the supplier names a day
  const day: string = item.arrivalDate;
  return item.arrivalDate ?? day ?? "not known yet";
}

export function cacheKey(item: PoItem | WaitingItem): string {
  // Every item has an id a cache can key on.
  return item.id;
}

export function promiseText(promise: ProductPromiseQuery["productPromise"]): string {
  // @ts-expect-error productPromise is null for an unknown SKU
  const status: string = promise.status;
  if (!promise) return status;
  switch (promise.status) {
    case "IN_STOCK": return "In stock";
    case "PRE_ORDER": return `Pre-order: ships ${promise.promiseDate ?? "soon"}`;
    case "OUT_OF_STOCK": return "Sold out";
    // @ts-expect-error the enum is closed: no other status exists
    case "BACKORDER": return "never";
  }
  return "never";
}

export function isAdmin(viewer: ViewerRoleQuery["viewer"]): boolean {
  // @ts-expect-error roles are the enum's names, upper case
  if (viewer.role === "admin") return true;
  return viewer.role === "ADMIN";
}
