/**
 * The upload page (#/upload): paste a PO export or choose its file, map the retailer's column
 * names to the upload's fields (read from the file's header row), Preview (a dry run: the POs
 * the upload would create and what Allocate Sales Orders would tie right after each, nothing
 * written), then Upload the same text with the same mapping.
 */
import { ApiError, request } from "./api.js";
import { Child, day, h, notice, plural, replace, stackable } from "./dom.js";
import { parseCsv, UPLOAD_COLUMNS, UploadColumn } from "./csv.js";
import type { PurchaseOrderCsvColumns } from "./graphql/graphql.js";
import { IMPORT_POS, ImportPayload } from "./queries.js";
import type { Viewer } from "./detail-page.js";

const FIELD_WORDS: Record<UploadColumn, string> = {
  orderId: "PO id", productSku: "SKU", arrivalDate: "Arrival date", quantity: "Quantity", facilityId: "Facility",
  orderBuffer: "Order buffer (optional)", bufferDays: "Buffer days (optional)",
};
const REQUIRED = new Set<UploadColumn>(["orderId", "productSku", "arrivalDate", "quantity", "facilityId"]);
const DATE_FORMATS = ["MM/dd/yyyy", "dd/MM/yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "M/d/yyyy", "d.M.yyyy"];
/** The mapping last used in this browser, so a retailer's export maps itself the next time. */
const MAPPING_STORAGE = "oms.console.csvColumns";

export function renderUploadPage(root: HTMLElement, viewer: Viewer): void {
  if (viewer.role !== "ADMIN") {
    replace(root, h("h1", {}, "Upload POs"), h("p", { class: "reason", id: "upload-reason" }, "Your support key can look but not change anything: uploading POs needs the admin key."));
    return;
  }
  const text = h("textarea", { id: "upload-csv", name: "csv", rows: 8, spellcheck: "false", placeholder: "Internal ID,Item,Expected Receipt Date,Qty,Location\nPO-1001,JACKET-NAVY-M,01/15/2027,40,WH-MAIN" });
  const file = h("input", { type: "file", id: "upload-file", accept: ".csv,text/csv,text/plain" });
  const dateFormat = h("input", { type: "text", id: "upload-date-format", name: "dateFormat", value: "MM/dd/yyyy", list: "date-formats", autocomplete: "off", "aria-describedby": "date-format-help" });
  const mapping = h("section", { id: "mapping", "aria-live": "polite" });
  const result = h("section", { id: "upload-result-area", "aria-live": "polite" });
  const status = h("p", { id: "upload-status", class: "muted" });
  const previewButton = h("button", { type: "button", id: "upload-preview", "aria-describedby": "upload-status" }, "Preview");
  const uploadButton = h("button", { type: "button", id: "upload-submit", class: "primary", "aria-describedby": "upload-status" }, "Upload");
  const selects = new Map<UploadColumn, HTMLSelectElement>();
  /** The exact request the last successful preview answered; Upload sends only that. */
  let previewed: string | null = null;

  const request_ = (): { csv: string; dateFormat: string; columns: PurchaseOrderCsvColumns } => {
    const columns: PurchaseOrderCsvColumns = {};
    for (const [field, select] of selects) if (select.value !== "") columns[field] = select.value;
    return { csv: text.value, dateFormat: dateFormat.value.trim() || "MM/dd/yyyy", columns };
  };
  const refresh = () => {
    const header = parseCsv(text.value)[0] ?? [];
    const missing = [...REQUIRED].filter((f) => !selects.get(f)?.value);
    const current = JSON.stringify(request_());
    previewButton.disabled = text.value.trim() === "" || missing.length > 0;
    uploadButton.disabled = previewed !== current;
    status.textContent = text.value.trim() === "" ? "Paste a CSV or choose a file: its first row names the columns."
      : header.length === 0 ? "The first row should name the columns."
        : missing.length ? `Choose the column for: ${missing.map((f) => FIELD_WORDS[f]).join(", ")}.`
          : previewed !== current ? "Preview first: Upload sends exactly what was previewed."
            : "Previewed: Upload stores these POs.";
  };

  const drawMapping = () => {
    const header = (parseCsv(text.value)[0] ?? []).map((name) => name.trim()).filter((name) => name !== "");
    const remembered = rememberedMapping();
    const previous = new Map([...selects].map(([f, s]) => [f, s.value]));
    selects.clear();
    if (header.length === 0) {
      replace(mapping);
      return;
    }
    const rows = UPLOAD_COLUMNS.map((field) => {
      const guess = [previous.get(field), remembered[field], field, FIELD_WORDS[field]]
        .find((name) => name && header.some((h) => h.toLowerCase() === name.toLowerCase()));
      const chosen = guess ? header.find((h) => h.toLowerCase() === guess.toLowerCase())! : "";
      const select = h("select", { id: `map-${field}`, name: field, "data-field": field },
        h("option", { value: "" }, REQUIRED.has(field) ? "— choose a column —" : "— not in the file —"),
        header.map((name) => h("option", { value: name, selected: name === chosen }, name)));
      select.addEventListener("change", refresh);
      selects.set(field, select);
      return h("tr", {}, h("th", { scope: "row" }, h("label", { for: `map-${field}` }, FIELD_WORDS[field])), h("td", {}, select));
    });
    replace(mapping, h("h2", {}, "Columns"),
      h("p", { class: "muted" }, "Which column of your file holds each field. The names come from the file's first row; the choice is remembered in this browser."),
      h("table", { class: "grid mapping", id: "column-map" }, h("tbody", {}, rows)));
  };

  const changed = () => {
    drawMapping();
    refresh();
  };
  text.addEventListener("input", changed);
  dateFormat.addEventListener("input", refresh);
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    text.value = await chosen.text();
    changed();
  });

  const run = async (dryRun: boolean) => {
    const sent = request_();
    for (const b of [previewButton, uploadButton]) b.disabled = true;
    (dryRun ? previewButton : uploadButton).textContent = dryRun ? "Previewing…" : "Uploading…";
    replace(result);
    try {
      const payload = (await request(IMPORT_POS, { ...sent, dryRun })).importPurchaseOrders;
      if (payload.errors.length === 0) {
        if (dryRun) previewed = JSON.stringify(sent);
        else previewed = null;
        rememberMapping(sent.columns);
      } else previewed = null;
      replace(result, resultView(payload, dryRun));
    } catch (error) {
      previewed = null;
      replace(result, notice("error", (error as ApiError).message));
    }
    previewButton.textContent = "Preview";
    uploadButton.textContent = "Upload";
    refresh();
  };
  previewButton.addEventListener("click", () => void run(true));
  uploadButton.addEventListener("click", () => void run(false));

  replace(root,
    h("h1", {}, "Upload POs"),
    h("p", { class: "muted" }, "One row per PO item; rows with the same PO id make one PO. Preview shows what would be created and tied, and changes nothing."),
    h("div", { class: "upload-source" },
      h("div", { class: "field" }, h("label", { for: "upload-csv" }, "Paste the CSV"), text),
      h("div", { class: "field" }, h("label", { for: "upload-file" }, "or choose a CSV file"), file),
      h("div", { class: "field" }, h("label", { for: "upload-date-format" }, "Dates are written as"), dateFormat,
        h("datalist", { id: "date-formats" }, DATE_FORMATS.map((f) => h("option", { value: f }))),
        h("p", { class: "muted help", id: "date-format-help" }, "MM month, dd day, yyyy year, e.g. dd.MM.yyyy for 15.01.2027. yyyy-MM-dd is always understood."))),
    mapping,
    h("div", { class: "actions" }, previewButton, uploadButton, status),
    result);
  refresh();
}

function rememberedMapping(): Partial<Record<UploadColumn, string>> {
  try {
    return JSON.parse(localStorage.getItem(MAPPING_STORAGE) ?? "{}") as Partial<Record<UploadColumn, string>>;
  } catch {
    return {};
  }
}

function rememberMapping(columns: PurchaseOrderCsvColumns): void {
  try {
    localStorage.setItem(MAPPING_STORAGE, JSON.stringify(columns));
  } catch {
    // Storage may be off; the mapping is then chosen again next time.
  }
}

function resultView(payload: ImportPayload, dryRun: boolean): Child[] {
  if (payload.errors.length > 0) {
    return [notice("error", h("p", {}, `Nothing was ${dryRun ? "previewed" : "uploaded"}: ${plural(payload.errors.length, "row")} ${payload.errors.length === 1 ? "needs" : "need"} fixing first.`),
      h("ul", { id: "upload-errors" }, payload.errors.map((e) => h("li", { "data-line": e.line }, `Line ${e.line}: ${e.message}`))))];
  }
  const items = payload.purchaseOrders.reduce((n, po) => n + po.items.length, 0);
  const previewOf = new Map(payload.allocationPreviews.map((p) => [p.purchaseOrderId, p]));
  const tied = payload.allocationPreviews.reduce((n, p) => n + p.allocatedItemCount, 0);
  const units = payload.allocationPreviews.reduce((n, p) => n + p.allocatedQuantity, 0);
  return [
    notice(dryRun ? "info" : "success", h("p", { id: "upload-summary" }, dryRun
      ? `The upload would create ${plural(payload.purchaseOrders.length, "PO")} (${plural(items, "item")}). Allocate Sales Orders run on each right after would tie `
        + `${plural(tied, "waiting pre-order item")} (${plural(units, "unit")}). Nothing has been changed yet.`
      : `Uploaded ${plural(payload.purchaseOrders.length, "PO")} (${plural(items, "item")}). Open each to run Allocate Sales Orders on it.`)),
    h("div", { id: "upload-result" }, payload.purchaseOrders.map((po) => {
      const preview = previewOf.get(po.id);
      return h("section", { class: "upload-po", "data-po": po.id },
        h("h2", {}, dryRun ? po.id : h("a", { href: `#/po/${encodeURIComponent(po.id)}` }, po.id), " ", h("span", { class: "muted" }, `at ${po.facilityId}`)),
        stackable(h("table", { class: "grid" },
          h("thead", {}, h("tr", {}, h("th", {}, "Line"), h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"), h("th", {}, "Arrival date"), h("th", {}, "Promise date"))),
          h("tbody", {}, po.items.map((item) => h("tr", { "data-line": item.seqId },
            h("td", {}, item.seqId), h("td", {}, h("strong", {}, item.product.sku), h("br"), h("span", { class: "muted" }, item.product.name)),
            h("td", { class: "num" }, item.quantity), h("td", {}, day(item.arrivalDate, "not set")), h("td", {}, day(item.promiseDate))))))),
        preview ? previewList(preview) : null);
    })),
  ];
}

type AllocationPreview = ImportPayload["allocationPreviews"][number];

/** What Allocate Sales Orders would tie on one uploaded PO right after the upload, and what would keep waiting. */
function previewList(preview: AllocationPreview): Child {
  return h("div", { class: "would-tie", "data-preview": preview.purchaseOrderId },
    h("p", {}, preview.allocatedItemCount === 0 ? "Allocate Sales Orders would tie nothing to it."
      : `Allocate Sales Orders would tie ${plural(preview.allocatedItemCount, "pre-order item")} (${plural(preview.allocatedQuantity, "unit")}), oldest first:`),
    preview.allocations.length === 0 ? null : h("ul", {}, preview.allocations.map((a) => h("li", { "data-order": `${a.orderId}/${a.seqId}` },
      `${a.orderId} / ${a.seqId}: ${plural(a.quantity, "unit")} on line ${a.purchaseOrderItemSeqId}, promised `, day(a.promiseDate)))),
    preview.skipped.length === 0 ? null : h("p", { class: "muted" },
      `${plural(preview.skipped.length, "item")} would keep waiting: ${preview.skipped.map((s) => `${s.orderId} / ${s.seqId} (${SKIP_WORDS[s.reason] ?? s.reason})`).join(", ")}.`));
}

const SKIP_WORDS: Record<string, string> = { INSUFFICIENT_ATP: "not enough units", NO_ARRIVAL_DATE: "no arrival date" };
