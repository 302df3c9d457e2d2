import { parse as parseCsv } from "csv-parse/sync";
import { format as formatDate, isValid, parse as parseDate } from "date-fns";
import { EntityManager, In } from "typeorm";
import { OrderHeaderEntity, ProductEntity } from "../../entities";
import { badInput } from "../../errors";
import { LIMITS, reservedIdProblem } from "../core";
import { PurchaseOrderInput, createPurchaseOrders } from "./purchase-orders";

export interface CsvRowError {
  line: number;
  message: string;
}

/** Per upload: bytes of text, data rows, and characters in one row (a row holds 7 short fields). */
export const CSV_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, rowChars: 4096 } as const;

const REQUIRED = ["orderId", "productSku", "arrivalDate", "quantity", "facilityId"] as const;
const OPTIONAL = ["orderBuffer", "bufferDays"] as const;

interface Row {
  line: number;
  orderId: string;
  sku: string;
  arrivalDate: Date | null;
  quantity: number;
  facilityId: string;
  orderBuffer: number;
  bufferDays: number;
}

/** Parses a date in `format` (date-fns tokens) or ISO yyyy-MM-dd, as midnight UTC of that day. */
export function parseArrivalDate(text: string, format: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return utcDay(new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])), Number(iso[3]));
  const local = parseDate(text, format, new Date(2000, 0, 1));
  return isValid(local) ? utcDay(local, local.getDate()) : null;
}

/** A usable dateFormat names a whole day: formatting a date and parsing it back gives that day. */
function checkDateFormat(dateFormat: string): void {
  try {
    const sample = new Date(2027, 0, 15);
    const back = parseDate(formatDate(sample, dateFormat), dateFormat, new Date(2000, 0, 1));
    if (isValid(back) && back.getTime() === sample.getTime()) return;
  } catch {
    // a RangeError from date-fns: unknown tokens
  }
  throw badInput(`dateFormat "${dateFormat}" is not a date format with year, month and day (date-fns tokens, e.g. MM/dd/yyyy)`);
}

function utcDay(local: Date, day: number): Date | null {
  if (!isValid(local) || local.getDate() !== day) return null;
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

function wholeNumber(text: string, min: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= 1_000_000_000 ? value : null;
}

/**
 * The number of the first line longer than `max` characters, or 0. Checked before parsing: a
 * line of a million commas is one record of a million fields, which no row limit would catch.
 */
function firstLineLongerThan(text: string, max: number): number {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start > max) return line;
    if (end < 0) return 0;
    start = end + 1;
  }
  return 0;
}

/**
 * Reads the retailer's PO export: a header row, then one row per PO item. Pure: returns the
 * purchase orders and every bad row with its line number (the header is line 1).
 */
export function parsePurchaseOrderCsv(csv: string, dateFormat: string): { orders: PurchaseOrderInput[]; rows: Row[]; errors: CsvRowError[] } {
  if (Buffer.byteLength(csv, "utf8") > CSV_LIMITS.bytes) throw badInput(`csv is larger than ${CSV_LIMITS.bytes} bytes`);
  checkDateFormat(dateFormat);
  const longLine = firstLineLongerThan(csv, CSV_LIMITS.rowChars);
  if (longLine) return { orders: [], rows: [], errors: [{ line: longLine, message: `Line is longer than ${CSV_LIMITS.rowChars} characters` }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `to` stops the parser one record past the limit, so a file of millions of tiny rows is
    // refused after reading 20,001 of them instead of holding them all in memory first.
    records = parseCsv(csv, {
      info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true,
      to: CSV_LIMITS.rows + 2, max_record_size: CSV_LIMITS.rowChars,
    });
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 1);
    return { orders: [], rows: [], errors: [{ line, message: `Malformed CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { orders: [], rows: [], errors: [{ line: 1, message: "The CSV is empty: expected a header row" }] };
  if (records.length - 1 > CSV_LIMITS.rows) throw badInput(`csv has more than ${CSV_LIMITS.rows} rows`);

  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const column = new Map<string, number>();
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const at = header.indexOf(name.toLowerCase());
    if (at >= 0) column.set(name, at);
  }
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length) return { orders: [], rows: [], errors: [{ line: 1, message: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` }] };
  if (records.length === 1) return { orders: [], rows: [], errors: [{ line: 1, message: "The CSV has a header but no rows" }] };

  const errors: CsvRowError[] = [];
  const rows: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (name: string) => (column.has(name) ? (record[column.get(name)!] ?? "").trim() : "");
    const problems: string[] = [];
    const orderId = cell("orderId");
    const sku = cell("productSku");
    const facilityId = cell("facilityId");
    for (const [name, value] of [["orderId", orderId], ["productSku", sku], ["facilityId", facilityId]] as const) {
      if (!value) problems.push(`${name} is missing`);
      else if (value.length > LIMITS.id) problems.push(`${name} is longer than ${LIMITS.id} characters`);
    }
    const reserved = reservedIdProblem("orderId", orderId);
    if (reserved) problems.push(reserved);
    const dateText = cell("arrivalDate");
    const arrivalDate = dateText ? parseArrivalDate(dateText, dateFormat) : null;
    if (dateText && !arrivalDate) problems.push(`arrivalDate "${dateText}" is not a date in ${dateFormat} or yyyy-MM-dd`);
    const quantity = wholeNumber(cell("quantity"), 1);
    if (quantity === null) problems.push(`quantity "${cell("quantity")}" must be a whole number >= 1`);
    const orderBuffer = cell("orderBuffer") ? wholeNumber(cell("orderBuffer"), 0) : 0;
    if (orderBuffer === null) problems.push(`orderBuffer "${cell("orderBuffer")}" must be a whole number >= 0`);
    const bufferDays = cell("bufferDays") ? wholeNumber(cell("bufferDays"), 0) : 0;
    if (bufferDays === null) problems.push(`bufferDays "${cell("bufferDays")}" must be a whole number >= 0`);
    if (quantity !== null && orderBuffer !== null && orderBuffer > quantity) problems.push(`orderBuffer ${orderBuffer} exceeds quantity ${quantity}`);
    if (problems.length) errors.push({ line, message: problems.join("; ") });
    else rows.push({ line, orderId, sku, arrivalDate, quantity: quantity!, facilityId, orderBuffer: orderBuffer!, bufferDays: bufferDays! });
  }

  const orders = new Map<string, PurchaseOrderInput>();
  for (const row of rows) {
    const po = orders.get(row.orderId) ?? { id: row.orderId, facilityId: row.facilityId, items: [] };
    if (po.facilityId !== row.facilityId) {
      errors.push({ line: row.line, message: `facilityId ${row.facilityId} differs from ${po.facilityId} on earlier rows of ${row.orderId}` });
      continue;
    }
    po.items.push({ sku: row.sku, quantity: row.quantity, arrivalDate: row.arrivalDate, orderBuffer: row.orderBuffer, bufferDays: row.bufferDays });
    orders.set(row.orderId, po);
  }
  return { orders: [...orders.values()], rows, errors };
}

/**
 * Imports a PO CSV: all of it, or (when any row is bad) none of it, with every bad row
 * reported. Unknown SKUs and order ids already in use are row errors too.
 */
export async function importPurchaseOrders(manager: EntityManager, csv: string, dateFormat = "MM/dd/yyyy") {
  const parsed = parsePurchaseOrderCsv(csv, dateFormat);
  const errors = [...parsed.errors];
  const skus = [...new Set(parsed.rows.map((r) => r.sku))];
  const ids = [...new Set(parsed.rows.map((r) => r.orderId))];
  const known = new Set<string>();
  for (let i = 0; i < skus.length; i += 500) {
    const found = await manager.getRepository(ProductEntity).find({ select: { sku: true }, where: { sku: In(skus.slice(i, i + 500)) } });
    found.forEach((p) => known.add(p.sku));
  }
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await manager.getRepository(OrderHeaderEntity).find({ select: { orderId: true }, where: { orderId: In(ids.slice(i, i + 500)) } });
    found.forEach((o) => taken.add(o.orderId));
  }
  for (const row of parsed.rows) {
    if (!known.has(row.sku)) errors.push({ line: row.line, message: `Unknown SKU ${row.sku}` });
    if (taken.has(row.orderId)) errors.push({ line: row.line, message: `An order with id ${row.orderId} already exists` });
  }
  if (errors.length) return { purchaseOrders: [], errors: mergeByLine(errors) };
  return { purchaseOrders: await createPurchaseOrders(manager, parsed.orders), errors: [] };
}

function mergeByLine(errors: CsvRowError[]): CsvRowError[] {
  const byLine = new Map<number, string[]>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, message: messages.join("; ") }));
}
