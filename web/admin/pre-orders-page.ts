/**
 * The pre-order queue (#/pre-orders): every pre-order item, first in first out, with the counts
 * for the filters; cursor pages; select items to release to a facility, re-date with a reason,
 * or cancel. Every action says what it did and refreshes the list and the counts.
 */
import { ApiError, request } from "./api.js";
import { Child, day, h, notice, plural, replace, stackable } from "./dom.js";
import type { PreOrderFilter, PreOrderQueueQuery } from "./graphql/graphql.js";
import { CANCEL_PRE_ORDER, PRE_ORDER_QUEUE, QueueItem, QueueSummary, RELEASE_PRE_ORDERS, SET_PROMISE_DATE } from "./queries.js";
import type { Viewer } from "./detail-page.js";

const PARKING = "PRE_ORDER_PARKING";
const PAGE_SIZES = ["20", "50", "100"];
/** The address's filter names (short, so a filtered queue can be bookmarked) and their labels. */
const DATE_FIELDS: [string, string][] = [["of", "Ordered from"], ["ot", "Ordered to"], ["pf", "Promised from"], ["pt", "Promised to"]];

/** Cursors of the pages seen for one set of filters, so "Previous" needs no backward cursor. */
let paging: { filters: string; cursors: (string | null)[] } = { filters: "", cursors: [null] };

export function renderPreOrdersPage(root: HTMLElement, params: URLSearchParams, viewer: Viewer): void {
  const filters = new URLSearchParams([...params].filter(([, value]) => value !== ""));
  if (filters.toString() !== paging.filters) paging = { filters: filters.toString(), cursors: [null] };
  const summary = h("section", { id: "queue-summary", "aria-label": "Counts for these filters", "aria-live": "polite" });
  const result = h("div", { id: "desk-result", "aria-live": "polite" });
  const list = h("section", { id: "queue" });
  let filter: PreOrderFilter;
  try {
    filter = filterOf(params);
  } catch (error) {
    replace(root, h("h1", {}, "Pre-orders"), filterForm(params), notice("error", (error as Error).message));
    return;
  }
  const page = { filter, size: Number(params.get("size") ?? 20), selected: new Map<string, QueueItem>(), canAct: viewer.role === "ADMIN" };
  const load = (): Promise<void> => loadQueue(page, summary, list, actions.update);
  const actions = viewer.role === "ADMIN" ? deskActions(page, result, load) : readOnlyNote();
  replace(root, h("h1", {}, "Pre-orders"), filterForm(params), summary, actions.element, result, list);
  void load();
}

function filterForm(params: URLSearchParams): HTMLFormElement {
  const field = (name: string, label: string, input: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: `f-${name}` }, label), input);
  const text = (name: string, placeholder: string) =>
    h("input", { type: "search", id: `f-${name}`, name, value: params.get(name) ?? "", placeholder, autocomplete: "off" });
  const form = h("form", { class: "filters queue-filters", role: "search", id: "queue-filters" },
    field("q", "Order id, SKU or product name", text("q", "e.g. SO-1001 or jacket")),
    field("state", "State", h("select", { id: "f-state", name: "state" },
      ([["", "Any state"], ["waiting", "Waiting for stock"], ["tied", "Tied to a PO"]] as const).map(([value, label]) =>
        h("option", { value, selected: (params.get("state") ?? "") === value }, label)))),
    DATE_FIELDS.map(([name, label]) => field(name, label, h("input", { type: "date", id: `f-${name}`, name, value: params.get(name) ?? "" }))),
    field("facility", "Facility", text("facility", PARKING)),
    field("po", "PO id", text("po", "e.g. PO-1001")),
    field("size", "Per page", h("select", { id: "f-size", name: "size" },
      PAGE_SIZES.map((s) => h("option", { value: s, selected: (params.get("size") ?? "20") === s }, s)))),
    h("div", { class: "field buttons" }, h("button", { type: "submit", class: "primary" }, "Apply filters"), h("a", { href: "#/pre-orders" }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") next.set(name, value.trim());
    if (next.get("size") === "20") next.delete("size");
    location.hash = `#/pre-orders?${next}`;
  });
  return form;
}

/** The filter the address asks for; a bad day in the address is said in words, never sent. */
function filterOf(params: URLSearchParams): PreOrderFilter {
  const filter: PreOrderFilter = {};
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const dayOf = (name: string, label: string) => {
    const value = text(name);
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${label}: "${value}" is not a day (yyyy-mm-dd).`);
    return value;
  };
  filter.search = text("q");
  const state = params.get("state");
  if (state === "waiting") filter.waiting = true;
  else if (state === "tied") filter.waiting = false;
  const orderedFrom = dayOf("of", "Ordered from");
  const orderedTo = dayOf("ot", "Ordered to");
  // Order dates are instants: "ordered from" a day is from its first moment (UTC), "to" a day up to its last.
  if (orderedFrom) filter.orderDateFrom = `${orderedFrom}T00:00:00.000Z`;
  if (orderedTo) filter.orderDateTo = `${orderedTo}T23:59:59.999Z`;
  filter.promiseDateFrom = dayOf("pf", "Promised from");
  filter.promiseDateTo = dayOf("pt", "Promised to");
  filter.facilityId = text("facility");
  filter.purchaseOrderId = text("po");
  for (const key of Object.keys(filter) as (keyof PreOrderFilter)[]) if (filter[key] === undefined) delete filter[key];
  return filter;
}

interface QueuePage { filter: PreOrderFilter; size: number; selected: Map<string, QueueItem>; canAct: boolean }

/** Counts loads, so an answer that arrives after a newer question is dropped. */
let latestLoad = 0;

async function loadQueue(page: QueuePage, summary: HTMLElement, list: HTMLElement, selectionChanged: () => void): Promise<void> {
  const load = ++latestLoad;
  const pageIndex = paging.cursors.length - 1;
  list.removeAttribute("data-shows");
  let data: PreOrderQueueQuery;
  try {
    data = await request(PRE_ORDER_QUEUE, { filter: page.filter, first: page.size, after: paging.cursors[pageIndex] });
  } catch (error) {
    if (load === latestLoad) replace(list, notice("error", (error as ApiError).message));
    return;
  }
  if (load !== latestLoad) return;
  page.selected.clear();
  selectionChanged();
  replace(summary, summaryFacts(data.preOrderQueueSummary));
  const { edges, totalCount, pageInfo } = data.preOrders;
  list.setAttribute("data-shows", `${paging.filters}#${pageIndex + 1}`);
  if (edges.length === 0) {
    replace(list, notice("info", totalCount === 0 ? "No pre-order items match these filters." : "No more items on this page."));
    return;
  }
  const from = pageIndex * page.size + 1;
  const boxes: HTMLInputElement[] = [];
  const all = h("input", { type: "checkbox", id: "select-page", "aria-label": "Select every item on this page" });
  const rows = edges.map(({ node }) => {
    const key = `${node.orderId}/${node.seqId}`;
    const box = h("input", { type: "checkbox", class: "pick", "aria-label": `Select ${node.orderId} / ${node.seqId}` });
    box.addEventListener("change", () => {
      if (box.checked) page.selected.set(key, node); else page.selected.delete(key);
      all.checked = boxes.every((b) => b.checked);
      selectionChanged();
    });
    boxes.push(box);
    return h("tr", { "data-order": key },
      page.canAct ? h("td", { class: "pick-cell" }, box) : null,
      h("td", {}, h("strong", {}, node.orderId), " / ", node.seqId),
      h("td", {}, day(node.orderDate)),
      h("td", {}, h("strong", {}, node.product.sku), h("br"), h("span", { class: "muted" }, node.product.name)),
      h("td", { class: "num" }, node.quantity),
      h("td", { "data-col": "state" }, stateOf(node)),
      h("td", { "data-col": "promise" }, day(node.promiseDate, "none")),
      h("td", { "data-col": "reason" }, reasonWords(node.waitingReason, node.quantity, node.largestAvailableToPromise)));
  });
  all.addEventListener("change", () => {
    for (const [i, box] of boxes.entries()) {
      box.checked = all.checked;
      const node = edges[i].node;
      if (all.checked) page.selected.set(`${node.orderId}/${node.seqId}`, node); else page.selected.delete(`${node.orderId}/${node.seqId}`);
    }
    selectionChanged();
  });
  const reload = () => void loadQueue(page, summary, list, selectionChanged);
  const previous = pageIndex === 0 ? h("span") : h("button", { type: "button", onclick: () => { paging.cursors.pop(); reload(); } }, "← Previous");
  const next = !pageInfo.hasNextPage ? h("span") : h("button", { type: "button", onclick: () => { paging.cursors.push(pageInfo.endCursor); reload(); } }, "Next →");
  replace(list,
    stackable(h("table", { class: "grid", id: "queue-list" },
      h("caption", { class: "sr-only" }, "Pre-order items, oldest first"),
      h("thead", {}, h("tr", {}, page.canAct ? h("th", {}, all) : null, h("th", {}, "Order / item"), h("th", {}, "Ordered on"), h("th", {}, "Product"),
        h("th", { class: "num" }, "Quantity"), h("th", {}, "State"), h("th", {}, "Promise date"), h("th", {}, "Why waiting"))),
      h("tbody", {}, rows))),
    h("nav", { class: "pager", "aria-label": "Pages" }, previous,
      h("span", { class: "muted", id: "queue-page-status" }, `Items ${from}–${from + edges.length - 1} of ${totalCount}, oldest first`), next));
}

function summaryFacts(s: QueueSummary): HTMLElement {
  const fact = (name: string, label: string, value: number) => h("div", { class: "fact", "data-count": name }, h("dt", {}, label), h("dd", {}, value));
  return h("dl", { class: "summary" },
    fact("orders", "Orders", s.orderCount), fact("items", "Items", s.itemCount), fact("units", "Units", s.unitCount),
    fact("waiting", "Waiting for stock", s.waitingItemCount), fact("tied", "Tied to a PO", s.tiedItemCount));
}

/** Where an item stands, in words. */
function stateOf(item: QueueItem): Child {
  if (item.status === "CANCELLED") return h("span", { class: "badge status-cancelled" }, "Cancelled");
  if (item.status === "COMPLETED") return h("span", { class: "badge status-completed" }, `Completed at ${item.facilityId}`);
  if (item.facilityId === PARKING && item.purchaseOrderId) {
    return [h("span", { class: "badge status-approved" }, "Tied"), " ", h("a", { href: `#/po/${encodeURIComponent(item.purchaseOrderId)}` }, item.purchaseOrderId),
      ` line ${item.purchaseOrderItemSeqId ?? "—"}`];
  }
  if (item.facilityId === PARKING) return [h("span", { class: "badge waiting" }, "Waiting"), item.promiseDate ? h("span", { class: "muted" }, " (date set by hand)") : null];
  if (item.facilityId === "BACKORDER_PARKING") return h("span", { class: "badge" }, "Back order");
  return [h("span", { class: "badge" }, "Released"), ` to ${item.facilityId}`, item.purchaseOrderId ? h("span", { class: "muted" }, ` (from ${item.purchaseOrderId})`) : null];
}

function readOnlyNote(): { element: HTMLElement; update: () => void } {
  return { element: h("p", { class: "muted", id: "desk-reason" }, "Your support key can look but not change anything: releasing, re-dating and cancelling need the admin key."), update: () => undefined };
}

/** The action bar: what is selected, and release / re-date / cancel for it. */
function deskActions(page: QueuePage, result: HTMLElement, reload: () => Promise<void>): { element: HTMLElement; update: () => void } {
  const status = h("p", { id: "selection-status", role: "status" });
  const describedBy = { "aria-describedby": "selection-status" };
  const facility = h("input", { type: "text", id: "release-facility", name: "facility", required: true, autocomplete: "off", placeholder: "e.g. WH-MAIN", maxlength: 64 });
  const releaseButton = h("button", { type: "submit", id: "release", ...describedBy }, "Release selected");
  const releaseForm = h("form", { class: "desk-form", id: "release-form" },
    h("label", { for: "release-facility" }, "Release to facility"), facility, releaseButton);
  const date = h("input", { type: "date", id: "redate-date", name: "promiseDate" });
  const reason = h("input", { type: "text", id: "redate-reason", name: "reason", required: true, maxlength: 255, autocomplete: "off", placeholder: "e.g. supplier delay" });
  const redateButton = h("button", { type: "submit", id: "redate", ...describedBy }, "Set promise date");
  const redateForm = h("form", { class: "desk-form", id: "redate-form" },
    h("label", { for: "redate-date" }, "New promise date (empty clears it)"), date,
    h("label", { for: "redate-reason" }, "Reason"), reason, redateButton);
  const cancelButton = h("button", { type: "button", id: "cancel-items", class: "danger", ...describedBy }, "Cancel selected");

  const buttons = [releaseButton, redateButton, cancelButton];
  const update = () => {
    const items = [...page.selected.values()];
    const units = items.reduce((sum, i) => sum + i.quantity, 0);
    status.textContent = items.length === 0
      ? "Nothing selected: tick items in the list to release, re-date or cancel them."
      : `${plural(items.length, "item")} selected (${plural(units, "unit")}).`;
    for (const b of buttons) b.disabled = items.length === 0;
  };
  const busy = async (button: HTMLButtonElement, words: string, work: () => Promise<Child[]>) => {
    const label = button.textContent;
    for (const b of buttons) b.disabled = true;
    button.textContent = words;
    replace(result);
    try {
      replace(result, ...(await work()));
    } catch (error) {
      replace(result, notice("error", (error as ApiError).message));
    }
    button.textContent = label;
    await reload();
  };
  const refs = () => [...page.selected.values()].map((i) => ({ orderId: i.orderId, seqId: i.seqId }));

  releaseForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const to = facility.value.trim();
    void busy(releaseButton, "Releasing…", async () => {
      const released = (await request(RELEASE_PRE_ORDERS, { items: refs(), facilityId: to })).releasePreOrderItems;
      return [notice("success", h("p", { id: "desk-summary" }, `Released ${plural(released.length, "item")} (${plural(released.reduce((s, r) => s + r.quantity, 0), "unit")}) to ${to}.`),
        h("ul", {}, released.map((r) => h("li", { "data-order": `${r.orderId}/${r.seqId}` }, `${r.orderId} / ${r.seqId}`,
          r.purchaseOrderId ? ` (was tied to ${r.purchaseOrderId}; its units went back to the PO)` : ""))))];
    });
  });

  redateForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const promiseDate = date.value || null;
    const why = reason.value.trim();
    void busy(redateButton, "Saving…", () => eachItem(refs(), "re-dated",
      (ref) => request(SET_PROMISE_DATE, { ...ref, promiseDate, reason: why }).then(() => undefined),
      (n) => promiseDate ? [`Promise date set to `, day(promiseDate), ` on ${plural(n, "item")} (reason: ${why}).`] : [`Promise date cleared on ${plural(n, "item")}: back in line for Allocate Sales Orders.`]));
  });

  cancelButton.addEventListener("click", async () => {
    const items = refs();
    if (!(await confirmCancel(items.length))) return;
    void busy(cancelButton, "Cancelling…", () => eachItem(items, "cancelled",
      (ref) => request(CANCEL_PRE_ORDER, ref).then(() => undefined),
      (n) => [`Cancelled ${plural(n, "item")}; tied ones gave their units back to their PO.`]));
  });

  update();
  return {
    element: h("section", { class: "desk", id: "desk", "aria-label": "Act on the selected items" }, status, releaseForm, redateForm, h("div", { class: "desk-form" }, cancelButton)),
    update,
  };
}

/**
 * One mutation per item, in order: each is its own change on the service. Says how many went
 * through and names each one refused, with the service's reason.
 */
async function eachItem(items: { orderId: string; seqId: string }[], verb: string, act: (ref: { orderId: string; seqId: string }) => Promise<void>,
  done: (n: number) => Child[]): Promise<Child[]> {
  const refused: [string, string][] = [];
  let ok = 0;
  for (const ref of items) {
    try {
      await act(ref);
      ok++;
    } catch (error) {
      refused.push([`${ref.orderId}/${ref.seqId}`, (error as ApiError).message]);
    }
  }
  return [
    ok > 0 ? notice("success", h("p", { id: "desk-summary" }, ...done(ok))) : null,
    refused.length === 0 ? null : notice("error", h("p", {}, `${plural(refused.length, "item was", "items were")} not ${verb}:`),
      h("ul", { id: "desk-refused" }, refused.map(([key, why]) => h("li", { "data-order": key }, `${key.replace("/", " / ")}: ${why}`)))),
  ];
}

function confirmCancel(count: number): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { id: "confirm-cancel", "aria-labelledby": "confirm-cancel-title" },
      h("form", { method: "dialog" },
        h("h2", { id: "confirm-cancel-title" }, `Cancel ${plural(count, "pre-order item")}?`),
        h("p", {}, "Cancelled items leave the queue for good; a tied item gives its units back to its PO."),
        h("div", { class: "dialog-buttons" },
          h("button", { value: "keep", type: "submit" }, "Keep them"),
          h("button", { value: "confirm", type: "submit", class: "danger", id: "confirm-cancel-button" }, "Cancel items"))));
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "confirm");
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

/** PreOrderItem.waitingReason in words for the merchandiser; empty when tied (or a PO could take it now). */
function reasonWords(reason: string | null | undefined, quantity: number, largest: number | null | undefined): string {
  switch (reason) {
    case "NOT_IN_PARKING": return "Not in pre-order parking";
    case "CANCELLED": return "Cancelled";
    case "HAS_PROMISE_DATE": return "Promise date set by hand";
    case "NO_OPEN_PO_ITEM": return "No open PO for this product";
    case "NO_FUTURE_ARRIVAL": return "No PO arriving today or later";
    case "INSUFFICIENT_ATP": return `Needs ${quantity}, the best PO has ${largest ?? 0}`;
    default: return "";
  }
}
