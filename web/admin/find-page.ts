/** The PO find page: search by PO id or SKU, filter by status and pending pre-orders, cursor pages. */
import { ApiError, request } from "./api.js";
import { Child, day, h, notice, plural, replace, stackable, statusBadge } from "./dom.js";
import type { ExportPurchaseOrdersQuery, OrderStatus, PurchaseOrderFilter } from "./graphql/graphql.js";
import { csvText, UPLOAD_COLUMNS } from "./csv.js";
import { download } from "./download.js";
import { EXPORT_POS, FIND_POS, FindResult, ListPo } from "./queries.js";

const STATUS_CHOICES: [string, string][] = [
  ["", "Any status"], ["OPEN", "Open (created or approved)"], ["CREATED", "Created"], ["APPROVED", "Approved"],
  ["COMPLETED", "Completed"], ["CANCELLED", "Cancelled"],
];
const PAGE_SIZES = ["10", "20", "50"];

/**
 * The cursors of the pages seen so far for one set of filters, kept while the tab lives, so
 * coming back from a PO returns to the same page and "Previous" needs no backward cursor.
 */
let paging: { filters: string; cursors: (string | null)[] } = { filters: "", cursors: [null] };

export function renderFindPage(root: HTMLElement, params: URLSearchParams): void {
  const filters = new URLSearchParams([...params].filter(([name, value]) => value !== "" && name !== "page"));
  if (filters.toString() !== paging.filters) paging = { filters: filters.toString(), cursors: [null] };

  const results = h("section", { id: "results", "aria-live": "polite" });
  replace(root, h("h1", {}, "Purchase orders"), filterForm(params), results);
  // A filter that changed the address re-draws the page: the control that changed keeps the focus.
  if (refocus) document.getElementById(refocus)?.focus();
  refocus = null;
  void loadPage(results, params);
}

/** The id of the control whose change re-draws the page, to focus it again afterwards. */
let refocus: string | null = null;

function filterForm(params: URLSearchParams): HTMLFormElement {
  const search = h("input", { type: "search", name: "q", id: "q", value: params.get("q") ?? "", placeholder: "e.g. PO-1001 or JACKET-NAVY-M", autocomplete: "off" });
  const where = select("in", [["id", "PO id contains"], ["sku", "SKU is"]], params.get("in") ?? "id");
  const status = select("status", STATUS_CHOICES, params.get("status") ?? "");
  const pending = h("input", { type: "checkbox", name: "pending", id: "pending", value: "1", checked: params.get("pending") === "1" });
  const size = select("size", PAGE_SIZES.map((s) => [s, `${s} per page`]), params.get("size") ?? "20");
  const form = h("form", { class: "filters", role: "search" },
    h("label", { for: "in" }, "Find by"), where,
    h("label", { for: "q", class: "sr-only" }, "PO id or SKU to find"), search,
    h("label", { for: "status", class: "sr-only" }, "Status"), status,
    h("label", { class: "check" }, pending, "Only POs with pending pre-orders"),
    h("label", { for: "size", class: "sr-only" }, "Page size"), size,
    h("button", { type: "submit", class: "primary" }, "Find"));
  const apply = (event?: Event, changed?: string) => {
    event?.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") next.set(name, value.trim());
    // "PO id contains" is the default; "SKU is" stays chosen even before anything is typed.
    if (next.get("in") !== "sku") next.delete("in");
    refocus = changed ?? null;
    location.hash = `#/?${next}`;
  };
  form.addEventListener("submit", apply);
  for (const control of [status, pending, size]) control.addEventListener("change", () => apply(undefined, control.id));
  // Choosing what to search in changes the results only when there is something to search for.
  where.addEventListener("change", () => { if (search.value.trim() !== "") apply(undefined, where.id); });
  return form;
}

function select(name: string, choices: [string, string][], current: string): HTMLSelectElement {
  return h("select", { name, id: name }, choices.map(([value, label]) => h("option", { value, selected: value === current }, label)));
}

function filterOf(params: URLSearchParams): PurchaseOrderFilter {
  const filter: PurchaseOrderFilter = {};
  const q = params.get("q")?.trim();
  if (q) filter[params.get("in") === "sku" ? "sku" : "search"] = q;
  const status = params.get("status");
  if (status === "OPEN") filter.status = ["CREATED", "APPROVED"];
  // As the address says; the service refuses a status it does not know, and the page says so.
  else if (status) filter.status = [status as OrderStatus];
  if (params.get("pending") === "1") filter.hasPendingPreOrders = true;
  return filter;
}

/** Counts loads, so an answer that arrives after a newer question was asked is dropped, not shown. */
let latestLoad = 0;

async function loadPage(results: HTMLElement, params: URLSearchParams): Promise<void> {
  const load = ++latestLoad;
  const size = Number(params.get("size") ?? 20);
  const pageIndex = paging.cursors.length - 1;
  results.removeAttribute("data-shows");
  replace(results, h("p", { class: "muted" }, "Loading…"));
  let data: FindResult;
  try {
    data = await request(FIND_POS, { filter: filterOf(params), first: size, after: paging.cursors[pageIndex] });
  } catch (error) {
    if (load === latestLoad) replace(results, notice("error", (error as ApiError).message));
    return;
  }
  if (load !== latestLoad) return;
  // What is on screen, for tests and for anyone reading the DOM: the filters and the page number.
  results.setAttribute("data-shows", `${paging.filters}#${pageIndex + 1}`);
  const { edges, totalCount, pageInfo } = data.purchaseOrders;
  if (edges.length === 0) {
    replace(results, notice("info", totalCount === 0 ? "No purchase orders match these filters." : "No more purchase orders on this page."));
    return;
  }
  const from = pageIndex * size + 1;
  // A page button is there only when it leads somewhere: no disabled button left to explain.
  const previous = pageIndex === 0 ? h("span")
    : h("button", { type: "button", onclick: () => { paging.cursors.pop(); void loadPage(results, params); } }, "← Previous");
  const next = !pageInfo.hasNextPage ? h("span")
    : h("button", { type: "button", onclick: () => { paging.cursors.push(pageInfo.endCursor); void loadPage(results, params); } }, "Next →");
  replace(results,
    exportBar(params, totalCount),
    stackable(h("table", { class: "grid", id: "po-list" },
      h("thead", {}, h("tr", {},
        h("th", {}, "PO"), h("th", {}, "Status"), h("th", {}, "Facility"), h("th", {}, "Ordered on"), h("th", {}, "Arrival"),
        h("th", { class: "num" }, "Ordered"), h("th", { class: "num" }, "Allocated"), h("th", { class: "num" }, "ATP"),
        h("th", { class: "num" }, "Pending pre-orders"))),
      h("tbody", {}, edges.map(({ node }) => poRow(node))))),
    h("nav", { class: "pager", "aria-label": "Pages" }, previous,
      h("span", { class: "muted", id: "page-status" }, `POs ${from}–${from + edges.length - 1} of ${totalCount}`), next));
}

/** POs per request while exporting: the found list is read page by page, as the find page reads it. */
const EXPORT_PAGE = 50;

/** Export CSV: every PO found (all pages), one row per item, in the upload's columns, so the file can be uploaded again. */
function exportBar(params: URLSearchParams, totalCount: number): HTMLElement {
  const status = h("span", { class: "muted", id: "export-status", role: "status" });
  const button = h("button", { type: "button", id: "export-csv", "aria-describedby": "export-status" }, "Export CSV");
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = "Exporting…";
    const rows: (string | number | null)[][] = [[...UPLOAD_COLUMNS]];
    let poCount = 0;
    try {
      let after: string | null = null;
      for (;;) {
        const page: ExportPurchaseOrdersQuery["purchaseOrders"] = (await request(EXPORT_POS, { filter: filterOf(params), first: EXPORT_PAGE, after })).purchaseOrders;
        for (const { node } of page.edges) {
          poCount++;
          for (const item of node.items) {
            rows.push([node.id, item.product.sku, item.arrivalDate, item.quantity, node.facilityId, item.orderBuffer, item.bufferDays]);
          }
        }
        status.textContent = `Read ${plural(poCount, "PO")} of ${totalCount}…`;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      download(`purchase-orders-${new Date().toISOString().slice(0, 10)}.csv`, csvText(rows));
      status.textContent = `Exported ${plural(poCount, "PO")} (${plural(rows.length - 1, "item row")}) in the upload's columns, arrival dates as yyyy-MM-dd.`;
    } catch (error) {
      status.textContent = `Export failed: ${(error as ApiError).message}`;
    } finally {
      button.disabled = false;
      button.textContent = "Export CSV";
    }
  });
  return h("div", { class: "actions" }, button, status);
}

function poRow(po: ListPo): HTMLTableRowElement {
  const sum = (pick: (i: ListPo["items"][number]) => number) => po.items.reduce((total, item) => total + pick(item), 0);
  const href = `#/po/${encodeURIComponent(po.id)}`;
  const row = h("tr", { "data-po": po.id, class: "clickable" },
    h("td", {}, h("a", { href }, po.id)),
    h("td", {}, statusBadge(po.status)),
    h("td", {}, po.facilityId),
    h("td", {}, day(po.orderDate)),
    h("td", {}, arrivals(po.items.map((i) => i.arrivalDate))),
    h("td", { class: "num" }, sum((i) => i.quantity)),
    h("td", { class: "num" }, sum((i) => i.allocatedQuantity)),
    h("td", { class: "num", "data-col": "atp" }, sum((i) => i.availableToPromise)),
    h("td", { class: "num", "data-col": "pending" }, po.pendingPreOrderCount > 0
      ? h("span", { class: "badge waiting" }, plural(po.pendingPreOrderCount, "waiting item"))
      : h("span", { class: "muted" }, "0")));
  // The whole row selects the PO; the link inside keeps it reachable by keyboard.
  row.addEventListener("click", (event) => { if (!(event.target instanceof HTMLAnchorElement)) location.hash = href; });
  return row;
}

function arrivals(dates: (string | null)[]): Child {
  const known = [...new Set(dates.filter((d): d is string => d !== null))].sort();
  if (known.length === 0) return h("span", { class: "muted" }, "not set");
  if (known.length === 1) return day(known[0]);
  return [day(known[0]), " – ", day(known[known.length - 1])];
}

/** The find page with the filters last used, for the detail page's way back. */
export function findPageHash(): string {
  return paging.filters ? `#/?${paging.filters}` : "#/";
}
