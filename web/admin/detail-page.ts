/** One PO: its items, the pre-orders tied to it, its runs, and Preview / Allocate Sales Orders. */
import { ApiError, request } from "./api.js";
import { Child, day, h, moment, notice, plural, replace, stackable, STATUS_WORDS, statusBadge } from "./dom.js";
import { findPageHash } from "./find-page.js";
import type { PurchaseOrderDetailQuery, TiedPreOrdersQuery } from "./graphql/graphql.js";
import {
  ALLOCATE, AllocatePayload, AllocationRun, PO_DETAIL, PoItem, PurchaseOrder, REBALANCE_PO, RECEIVE, ReceivePayload, TIED_PRE_ORDERS, TiedPreOrder, WaitingPreOrder,
  waitingPreOrders,
} from "./queries.js";

export interface Viewer { role: string; actor: string | null }

const SKIP_WORDS: Record<string, string> = {
  INSUFFICIENT_ATP: "Not enough units left on this PO for this product",
  NO_ARRIVAL_DATE: "This PO has no upcoming arrival date for this product",
};
const ALLOCATABLE = new Set(["CREATED", "APPROVED"]);
/** More SKUs than this and the preview names skipped items by order id only, to keep one request small. */
const MAX_LOOKUP_SKUS = 30;

type DetailData = PurchaseOrderDetailQuery;
type TiedData = TiedPreOrdersQuery;

export function renderDetailPage(root: HTMLElement, id: string, viewer: Viewer): void {
  const flash = h("div", { id: "flash" });
  const body = h("div", { id: "po-detail" }, h("p", { class: "muted" }, "Loading…"));
  replace(root, h("p", {}, h("a", { href: findPageHash(), class: "back" }, "← Purchase orders")), flash, body);

  const reload = async (): Promise<void> => {
    let data: DetailData;
    let tied: TiedData;
    try {
      [data, tied] = await Promise.all([request(PO_DETAIL, { id }), request(TIED_PRE_ORDERS, { id })]);
    } catch (error) {
      replace(body, notice("error", (error as ApiError).message));
      return;
    }
    const po = data.purchaseOrder;
    if (!po) {
      replace(body, notice("error", `There is no purchase order with id ${id}.`));
      return;
    }
    const panel = h("section", { id: "allocation-panel", "aria-live": "polite" });
    replace(body,
      header(po),
      actions(po, viewer, panel, flash, reload),
      panel,
      rebalanceSection(po, viewer, flash, reload),
      h("h2", {}, "Items"), itemsTable(po, viewer, flash, reload),
      h("h2", {}, `Pre-orders tied to this PO (${tied.preOrders.totalCount})`), tiedTable(id, tied),
      h("h2", {}, "Allocation runs"), runsTable(data.allocationRuns.edges.map((e) => e.node)));
  };
  void reload();
}

function header(po: PurchaseOrder): HTMLElement {
  return h("div", { class: "po-header" },
    h("h1", {}, po.id, " ", statusBadge(po.status)),
    h("dl", { class: "facts" },
      h("dt", {}, "Facility"), h("dd", {}, po.facilityId),
      h("dt", {}, "Ordered on"), h("dd", {}, day(po.orderDate)),
      h("dt", {}, "Pending pre-orders"), h("dd", { id: "pending-count" }, plural(po.pendingPreOrderCount, "item"), " waiting for this PO's products"),
      h("dt", {}, "Earlier promises"), h("dd", { id: "rebalance-count" }, plural(po.rebalanceCandidateCount, "tied pre-order"), " of its products could move here and be promised earlier")));
}

function actions(po: PurchaseOrder, viewer: Viewer, panel: HTMLElement, flash: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const reason = viewer.role !== "ADMIN"
    ? "Your support key can look but not change anything: Preview and Allocate Sales Orders need the admin key."
    : !ALLOCATABLE.has(po.status)
      ? `This PO is ${STATUS_WORDS[po.status]?.toLowerCase() ?? po.status}: only created or approved POs can be allocated.`
      : null;
  // Why the buttons cannot be used (or what they do) is visible text next to them, tied to them by aria-describedby.
  const described = { "aria-describedby": "action-reason" };
  const previewButton = h("button", { type: "button", id: "preview", disabled: reason !== null, ...described }, "Preview");
  const allocateButton = h("button", { type: "button", id: "allocate", class: "primary", disabled: reason !== null, ...described }, "Allocate Sales Orders");
  const busy = (label: HTMLButtonElement | null, words?: string) => {
    previewButton.disabled = allocateButton.disabled = label !== null || reason !== null;
    previewButton.textContent = label === previewButton ? "Previewing…" : "Preview";
    allocateButton.textContent = label === allocateButton ? words ?? "Allocating…" : "Allocate Sales Orders";
  };

  /** The PO may have changed under the page (cancelled, raced): show why above it, and show it as it is now. */
  const failed = async (error: unknown) => {
    replace(flash, notice("error", (error as ApiError).message));
    if ((error as ApiError).code === "UNAUTHENTICATED") return; // the page is asking for the key again
    await reload();
  };

  previewButton.addEventListener("click", async () => {
    replace(flash);
    busy(previewButton);
    try {
      const result = await allocate(po.id, true);
      replace(panel, previewPanel(result, po, await lookupWaiting(po)));
      busy(null);
    } catch (error) {
      await failed(error);
    }
  });

  allocateButton.addEventListener("click", async () => {
    replace(flash);
    // The confirmation states what a dry run shows right now (what Preview shows), never a guess from the waiting count.
    busy(allocateButton, "Checking…");
    let preview: AllocatePayload;
    try {
      preview = await allocate(po.id, true);
    } catch (error) {
      await failed(error);
      return;
    }
    busy(null);
    if (!(await confirmAllocation(po, preview))) return;
    busy(allocateButton);
    try {
      const result = await allocate(po.id, false);
      replace(flash, notice("success", resultWords(po.id, result)));
      await reload();
    } catch (error) {
      await failed(error);
    }
  });

  return h("div", { class: "actions" }, previewButton, allocateButton,
    reason ? h("p", { class: "reason", id: "action-reason" }, reason)
      : h("p", { class: "muted", id: "action-reason" }, "Preview changes nothing. Allocate Sales Orders ties the waiting pre-orders of this PO's products to it, oldest first."));
}

async function allocate(id: string, dryRun: boolean): Promise<AllocatePayload> {
  return (await request(ALLOCATE, { id, dryRun })).allocateSalesOrders;
}

function resultWords(id: string, result: AllocatePayload): string {
  const tied = result.allocatedItemCount === 0
    ? `Nothing was allocated to ${id}: no waiting pre-order could be tied to it.`
    : `Allocated ${plural(result.allocatedItemCount, "pre-order item")} (${plural(result.allocatedQuantity, "unit")}) to ${id}; they now have promise dates.`;
  const skipped = result.skipped.length ? ` ${plural(result.skipped.length, "item")} could not be tied and ${result.skipped.length === 1 ? "keeps" : "keep"} waiting for another PO.` : "";
  return tied + skipped;
}

/** A modal asking before the real run, since customers are told the dates it sets. */
function confirmAllocation(po: PurchaseOrder, preview: AllocatePayload): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { id: "confirm-allocate", "aria-labelledby": "confirm-title" },
      h("form", { method: "dialog" },
        h("h2", { id: "confirm-title" }, `Allocate Sales Orders for ${po.id}?`),
        h("p", { id: "confirm-words" }, confirmWords(preview)),
        h("div", { class: "dialog-buttons" },
          h("button", { value: "cancel", type: "submit" }, "Cancel"),
          h("button", { value: "confirm", type: "submit", class: "primary", id: "confirm-allocate-button" }, "Allocate"))));
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "confirm");
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

/** What the dialog promises: the dry run's own counts, tied and kept waiting. */
function confirmWords(preview: AllocatePayload): string {
  const waiting = preview.skipped.length === 0 ? ""
    : ` ${plural(preview.skipped.length, "item")} waiting for this PO's products will keep waiting: this PO cannot cover ${preview.skipped.length === 1 ? "it" : "them"}.`;
  if (preview.allocatedItemCount === 0) return `Nothing will be tied to this PO right now.${waiting}`;
  return `${plural(preview.allocatedItemCount, "pre-order item")} (${plural(preview.allocatedQuantity, "unit")}) will be tied to this PO, oldest first, `
    + `and get their promise dates, as the preview shows.${waiting} Customers may be told these dates.`;
}

/** The waiting pre-orders of the PO's products by "orderId/seqId", to name products and dates in the preview. */
async function lookupWaiting(po: PurchaseOrder): Promise<Map<string, WaitingPreOrder>> {
  const skus = [...new Set(po.items.map((i) => i.product.sku))];
  const found = new Map<string, WaitingPreOrder>();
  if (skus.length === 0 || skus.length > MAX_LOOKUP_SKUS) return found;
  try {
    const data = await request(waitingPreOrders(skus.length), Object.fromEntries(skus.map((s, i) => [`s${i}`, s])));
    for (const list of Object.values(data)) for (const { node } of list.edges) found.set(`${node.orderId}/${node.seqId}`, node);
  } catch {
    // The preview itself succeeded; without these details it still names every item by order id.
  }
  return found;
}

function previewPanel(result: AllocatePayload, po: PurchaseOrder, waiting: Map<string, WaitingPreOrder>): Child[] {
  const lineOf = new Map(po.items.map((i) => [i.seqId, i]));
  const summary = result.allocatedItemCount === 0 && result.skipped.length === 0
    ? "Nothing would change: no pre-order is waiting for this PO's products."
    : `${plural(result.allocatedItemCount, "pre-order item")} (${plural(result.allocatedQuantity, "unit")}) would be tied to this PO, oldest first.`
      + (result.skipped.length ? ` ${plural(result.skipped.length, "item")} would keep waiting.` : "");
  const product = (key: string, fallback?: PoItem) => {
    const p = waiting.get(key)?.product ?? fallback?.product;
    return p ? [h("strong", {}, p.sku), h("br"), h("span", { class: "muted" }, p.name)] : h("span", { class: "muted" }, "—");
  };
  return [
    h("h2", {}, "Preview"),
    notice("info", summary, " Nothing has been changed yet."),
    result.allocations.length === 0 ? null : stackable(h("table", { class: "grid", id: "preview-allocations" },
      h("caption", {}, "Would be tied, in this order"),
      h("thead", {}, h("tr", {}, h("th", { class: "num" }, "#"), h("th", {}, "Order"), h("th", {}, "Item"), h("th", {}, "Ordered on"),
        h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"), h("th", {}, "PO line"), h("th", {}, "Promise date"))),
      h("tbody", {}, result.allocations.map((a, n) => {
        const key = `${a.orderId}/${a.seqId}`;
        return h("tr", { "data-order": key },
          h("td", { class: "num" }, n + 1), h("td", {}, a.orderId), h("td", {}, a.seqId), h("td", {}, day(waiting.get(key)?.orderDate)),
          h("td", {}, product(key, lineOf.get(a.purchaseOrderItemSeqId))), h("td", { class: "num" }, a.quantity),
          h("td", {}, a.purchaseOrderItemSeqId), h("td", {}, day(a.promiseDate)));
      })))),
    result.skipped.length === 0 ? null : stackable(h("table", { class: "grid", id: "preview-skipped" },
      h("caption", {}, "Would keep waiting"),
      h("thead", {}, h("tr", {}, h("th", {}, "Order"), h("th", {}, "Item"), h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"), h("th", {}, "Why"))),
      h("tbody", {}, result.skipped.map((s) => {
        const key = `${s.orderId}/${s.seqId}`;
        return h("tr", { "data-order": key },
          h("td", {}, s.orderId), h("td", {}, s.seqId), h("td", {}, product(key)),
          h("td", { class: "num" }, waiting.get(key)?.quantity ?? "—"), h("td", {}, SKIP_WORDS[s.reason] ?? s.reason));
      })))),
  ];
}

function itemsTable(po: PurchaseOrder, viewer: Viewer, flash: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const items = po.items;
  const total = (pick: (i: PoItem) => number) => items.reduce((sum, item) => sum + pick(item), 0);
  const canReceive = viewer.role === "ADMIN";
  return h("div", {},
    stackable(h("table", { class: "grid", id: "po-items" },
      h("thead", {}, h("tr", {}, h("th", {}, "Line"), h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"), h("th", { class: "num" }, "Order buffer"),
        h("th", { class: "num" }, "Allocated"), h("th", { class: "num" }, "ATP"), h("th", {}, "Arrival date"), h("th", { class: "num" }, "Buffer days"),
        h("th", { title: "Arrival date plus buffer days: the day pre-orders tied to this line are promised, and the product page shows" }, "Promise date"),
        h("th", {}, "Status"), h("th", { class: "num" }, "Received"), h("th", {}, "Receive"))),
      h("tbody", {}, items.map((item) => h("tr", { "data-sku": item.product.sku, "data-line": item.seqId },
        h("td", {}, item.seqId),
        h("td", {}, h("strong", {}, item.product.sku), h("br"), h("span", { class: "muted" }, item.product.name)),
        h("td", { class: "num" }, item.quantity), h("td", { class: "num" }, item.orderBuffer),
        h("td", { class: "num", "data-col": "allocated" }, item.allocatedQuantity),
        h("td", { class: "num", "data-col": "atp" }, item.availableToPromise),
        h("td", {}, day(item.arrivalDate, "not set")), h("td", { class: "num" }, item.bufferDays),
        h("td", { "data-col": "promise" }, day(item.promiseDate, "—")),
        h("td", {}, statusBadge(item.status)),
        h("td", { class: "num", "data-col": "received" }, `${item.receivedQuantity} of ${item.quantity}`),
        h("td", { "data-col": "receive" }, receiveCell(po, item, canReceive, flash, reload))))),
      h("tfoot", {}, h("tr", {}, h("th", { colspan: 2 }, "Total"), h("td", { class: "num" }, total((i) => i.quantity)), h("td", { class: "num" }, total((i) => i.orderBuffer)),
        h("td", { class: "num" }, total((i) => i.allocatedQuantity)), h("td", { class: "num", id: "total-atp" }, total((i) => i.availableToPromise)), h("td", { colspan: 6 }))))),
    canReceive ? null : h("p", { class: "muted", id: "receive-reason" }, "Receiving stock needs the admin key."));
}

const OPEN = new Set(["CREATED", "APPROVED"]);

/**
 * Receive: the units that arrived for one line. They go to the line's tied pre-orders, oldest
 * first, each whole (released to fulfilment); the rest becomes the product's inventory.
 */
function receiveCell(po: PurchaseOrder, item: PoItem, canReceive: boolean, flash: HTMLElement, reload: () => Promise<void>): Child {
  const open = item.quantity - item.receivedQuantity;
  if (!OPEN.has(po.status) || !OPEN.has(item.status) || open <= 0) {
    return h("span", { class: "muted" }, item.receivedQuantity >= item.quantity ? "All received" : `Line ${STATUS_WORDS[item.status]?.toLowerCase() ?? item.status}`);
  }
  if (!canReceive) return h("span", { class: "muted" }, `${plural(open, "unit")} to come`);
  const id = `receive-${item.seqId}`;
  const input = h("input", { type: "number", id, name: "quantity", min: 1, max: open, step: 1, value: open, required: true, inputmode: "numeric", class: "qty" });
  const form = h("form", { class: "inline-form", "data-line": item.seqId },
    h("label", { for: id, class: "sr-only" }, `Units of ${item.product.sku} that arrived on line ${item.seqId} (at most ${open})`), input,
    h("button", { type: "submit" }, "Receive"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button")!;
    button.disabled = true;
    button.textContent = "Receiving…";
    replace(flash);
    try {
      const result = (await request(RECEIVE, { purchaseOrderId: po.id, seqId: item.seqId, quantity: Number(input.value) })).receivePurchaseOrderItem;
      replace(flash, receivedNotice(po.id, item, Number(input.value), result));
    } catch (error) {
      replace(flash, notice("error", (error as ApiError).message));
      if ((error as ApiError).code === "UNAUTHENTICATED") return;
    }
    await reload();
  });
  return form;
}

function receivedNotice(poId: string, item: PoItem, quantity: number, result: ReceivePayload): HTMLElement {
  const line = result.purchaseOrderItem;
  const released = result.released.reduce((sum, r) => sum + r.quantity, 0);
  return notice("success",
    h("p", { id: "receive-summary" },
      `Received ${plural(quantity, "unit")} of ${item.product.sku} on ${poId} line ${item.seqId} (${line.receivedQuantity} of ${line.quantity} now received). `,
      result.released.length === 0 ? "No tied pre-order was released. "
        : `Released ${plural(result.released.length, "pre-order item")} (${plural(released, "unit")}) to fulfilment at ${result.released[0].facilityId}. `,
      `${plural(result.addedToInventory, "unit")} added to inventory (${line.product.inventoryAvailable} available now).`,
      line.status === "COMPLETED" ? " The line is fully received." : ""),
    result.released.length === 0 ? null : h("ul", { id: "released" }, result.released.map((r) =>
      h("li", { "data-order": `${r.orderId}/${r.seqId}` }, `${r.orderId} / ${r.seqId}: ${plural(r.quantity, "unit")}, promised `, day(r.promiseDate)))));
}

function tiedRow(p: TiedPreOrder): HTMLTableRowElement {
  return h("tr", { "data-order": `${p.orderId}/${p.seqId}` },
    h("td", {}, p.orderId), h("td", {}, p.seqId), h("td", {}, day(p.orderDate)),
    h("td", {}, h("strong", {}, p.product.sku), h("br"), h("span", { class: "muted" }, p.product.name)),
    h("td", { class: "num" }, p.quantity), h("td", {}, p.purchaseOrderItemSeqId ?? "—"),
    h("td", { "data-col": "promise" }, day(p.promiseDate, "missing")), h("td", {}, statusBadge(p.status)));
}

function tiedTable(id: string, tied: TiedData): HTMLElement {
  if (tied.preOrders.totalCount === 0) return h("p", { class: "muted", id: "tied-pre-orders" }, "No pre-order is tied to this PO yet.");
  const body = h("tbody", {}, tied.preOrders.edges.map(({ node }) => tiedRow(node)));
  const more = h("button", { type: "button", hidden: !tied.preOrders.pageInfo.hasNextPage }, "Show more");
  let after = tied.preOrders.pageInfo.endCursor;
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const next = await request(TIED_PRE_ORDERS, { id, after });
      for (const { node } of next.preOrders.edges) body.appendChild(tiedRow(node));
      stackable(table);
      after = next.preOrders.pageInfo.endCursor;
      more.hidden = !next.preOrders.pageInfo.hasNextPage;
    } catch (error) {
      more.replaceWith(notice("error", (error as ApiError).message));
    } finally {
      more.disabled = false;
    }
  });
  const table = stackable(h("table", { class: "grid" },
    h("thead", {}, h("tr", {}, h("th", {}, "Order"), h("th", {}, "Item"), h("th", {}, "Ordered on"), h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"),
      h("th", {}, "PO line"), h("th", {}, "Promise date"), h("th", {}, "Status"))),
    body));
  return h("div", { id: "tied-pre-orders" }, table, more);
}

function runsTable(runs: AllocationRun[]): HTMLElement {
  if (runs.length === 0) return h("p", { class: "muted", id: "runs" }, "Allocate Sales Orders has not run on this PO yet.");
  return stackable(h("table", { class: "grid", id: "runs" },
    h("thead", {}, h("tr", {}, h("th", {}, "Run"), h("th", {}, "Started"), h("th", {}, "By"), h("th", { class: "num" }, "Items tied"),
      h("th", { class: "num" }, "Units"), h("th", { class: "num" }, "Kept waiting"))),
    h("tbody", {}, runs.map((run) => h("tr", {},
      h("td", {}, run.id.replace(/^AllocationRun:/, "")), h("td", {}, moment(run.startedAt)), h("td", {}, run.triggeredBy ?? h("span", { class: "muted" }, "—")),
      h("td", { class: "num" }, run.allocatedItemCount), h("td", { class: "num" }, run.allocatedQuantity), h("td", { class: "num" }, run.skippedItemCount))))));
}

type RebalancePayload = Awaited<ReturnType<typeof rebalance>>;

async function rebalance(id: string, dryRun: boolean) {
  return (await request(REBALANCE_PO, { id, dryRun })).rebalancePromises;
}

/**
 * "Adjust ATP on early PO": Preview lists the tied pre-orders that would move to this PO (and the
 * waiting ones the freed units would tie); Rebalance runs it. Admin only, open POs only.
 */
function rebalanceSection(po: PurchaseOrder, viewer: Viewer, flash: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const reason = viewer.role !== "ADMIN"
    ? "Rebalancing needs the admin key."
    : !ALLOCATABLE.has(po.status) ? "Only created or approved POs can take pre-orders." : null;
  const list = h("div", { id: "rebalance-panel", "aria-live": "polite" });
  const described = { "aria-describedby": "rebalance-reason" };
  const previewButton = h("button", { type: "button", id: "rebalance-preview", disabled: reason !== null, ...described }, "Preview moves");
  const runButton = h("button", { type: "button", id: "rebalance-run", disabled: true, ...described }, "Rebalance");
  const failed = async (error: unknown) => {
    replace(flash, notice("error", (error as ApiError).message));
    if ((error as ApiError).code !== "UNAUTHENTICATED") await reload();
  };
  previewButton.addEventListener("click", async () => {
    replace(flash);
    previewButton.disabled = true;
    try {
      const preview = await rebalance(po.id, true);
      replace(list, movesTable(preview));
      runButton.disabled = preview.moves.length === 0 && preview.allocations.length === 0;
    } catch (error) {
      await failed(error);
    }
    previewButton.disabled = reason !== null;
  });
  runButton.addEventListener("click", async () => {
    replace(flash);
    runButton.disabled = previewButton.disabled = true;
    try {
      const result = await rebalance(po.id, false);
      replace(flash, notice("success",
        `Moved ${plural(result.moves.length, "pre-order item")} to ${po.id} with earlier promise dates; tied ${plural(result.allocations.length, "waiting item")}.`));
      await reload();
    } catch (error) {
      await failed(error);
    }
  });
  return h("section", { id: "rebalance" },
    h("h2", {}, "Adjust ATP on early PO"),
    h("div", { class: "actions" }, previewButton, runButton,
      h("p", { class: reason ? "reason" : "muted", id: "rebalance-reason" }, reason ??
        "Preview moves changes nothing. Rebalance moves the oldest tied pre-orders of this PO's products here where it promises earlier, and ties waiting ones that then fit.")),
    list);
}

function movesTable(payload: RebalancePayload): HTMLElement {
  if (payload.moves.length === 0 && payload.allocations.length === 0) return h("p", { id: "rebalance-none" }, "Nothing would move: no tied pre-order can be promised earlier here.");
  return h("table", { id: "rebalance-moves" },
    h("thead", {}, h("tr", {}, h("th", {}, "Pre-order"), h("th", {}, "Units"), h("th", {}, "From"), h("th", {}, "Promised"), h("th", {}, "Now promised"))),
    h("tbody", {},
      ...payload.moves.map((m) => h("tr", { "data-order": m.orderId },
        h("td", {}, `${m.orderId}/${m.seqId}`), h("td", { class: "num" }, String(m.quantity)),
        h("td", {}, `${m.fromPurchaseOrderId}/${m.fromPurchaseOrderItemSeqId}`), h("td", {}, day(m.oldPromiseDate)), h("td", {}, day(m.newPromiseDate)))),
      ...payload.allocations.map((a) => h("tr", { "data-order": a.orderId },
        h("td", {}, `${a.orderId}/${a.seqId}`), h("td", { class: "num" }, String(a.quantity)),
        h("td", {}, "waiting"), h("td", {}, "—"), h("td", {}, day(a.promiseDate))))));
}
