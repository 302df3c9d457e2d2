import { parse as parseCsv } from "csv-parse/sync";
import { format as formatDate, isValid, parse as parseDate } from "date-fns";
import { EntityManager, In } from "typeorm";
import { OrderHeaderEntity, ProductEntity } from "../../entities";
import { badInput } from "../../errors";
import { DAY_RANGE, LIMITS, Problems, dayOf, idProblem, parseIsoDay, reservedIdProblem } from "../core";
import { PurchaseOrderInput, createPurchaseOrders } from "./purchase-orders";

export interface CsvRowError {
  line: number;
  message: string;
}

/** Per upload: bytes of text, data rows, and characters in one row (a row holds 7 short fields). */
export const CSV_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, rowChars: 4096 } as const;

const REQUIRED = ["orderId", "productSku", "arrivalDate", "quantity", "facilityId"] as const;
const OPTIONAL = ["orderBuffer", "bufferDays"] as const;

/** A field of a PO row. */
export type CsvField = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/**
 * The retailer's own header names for the fields, as their ERP exports them (e.g. "Internal ID"
 * for orderId); a field left out keeps its own name. Headers match ignoring case and surrounding spaces.
 */
export type CsvColumns = Partial<Record<CsvField, string | null>>;

/** The header name each field is read from; BAD_USER_INPUT for an empty, too long or repeated name. */
export function headerNames(columns: CsvColumns = {}): Record<CsvField, string> {
  const problems = new Problems();
  const names = {} as Record<CsvField, string>;
  const fieldOf = new Map<string, CsvField>();
  for (const field of [...REQUIRED, ...OPTIONAL]) {
    const given = columns[field];
    if (given != null) problems.text(`columns.${field}`, given, LIMITS.name);
    const name = (given ?? field).trim().toLowerCase();
    const other = fieldOf.get(name);
    if (other && name !== "") problems.add(`columns.${field} and ${other} name the same column "${given ?? field}"`);
    fieldOf.set(name, field);
    names[field] = name;
  }
  problems.throwIfAny("column mapping");
  return names;
}

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

/** Every line ending a file edited anywhere may hold: each one ends a record (outside quotes). */
const LINE_ENDINGS = ["\r\n", "\n", "\r"];

/**
 * A day written in `format` (date-fns tokens), or ISO yyyy-MM-dd, as midnight UTC of that day; null
 * unless the text is exactly that day written that way (formatting the day again gives the same
 * text: "1/5/27" is not "01/05/2027") and the day is a real one of a year in DAY_RANGE.
 */
export function parseArrivalDate(text: string, format: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDay(text);
  let local: Date;
  try {
    local = parseDate(text, format, REFERENCE_DAY);
    if (!isValid(local) || formatDate(local, format) !== text) return null;
  } catch {
    return null;
  }
  return dayOf(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

const REFERENCE_DAY = new Date(2000, 0, 1);

/**
 * A usable dateFormat names a whole day with a four-digit year: formatting a day and parsing it
 * back gives that day, and the year is written 2027, not 27.
 */
function checkDateFormat(dateFormat: string): void {
  try {
    const sample = new Date(2027, 0, 15);
    const text = formatDate(sample, dateFormat);
    const back = parseDate(text, dateFormat, REFERENCE_DAY);
    if (isValid(back) && back.getTime() === sample.getTime() && /(^|\D)2027(\D|$)/.test(text)) return;
  } catch {
    // a RangeError from date-fns: unknown tokens
  }
  throw badInput(`dateFormat "${dateFormat}" is not a date format with a four-digit year, month and day (date-fns tokens, e.g. MM/dd/yyyy)`);
}

/** A whole number written in digits only, from `min` to `max`; else null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * The number of the first line (any line ending) longer than `max` characters, or 0. Checked
 * before parsing: a line of a million commas is one record of a million fields, which no row
 * limit would catch.
 */
function firstLineLongerThan(text: string, max: number): number {
  let line = 1;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char !== "\n" && char !== "\r") continue;
    if (at - start > max) return line;
    if (char === "\r" && text[at + 1] === "\n") at++;
    start = at + 1;
    line++;
  }
  return text.length - start > max ? line : 0;
}

/** The number of the first line holding a lone UTF-16 surrogate, or 0 (the parser would turn it into U+FFFD). */
function firstLineWithLoneSurrogate(text: string): number {
  const at = text.search(/\p{Cs}/u);
  return at < 0 ? 0 : text.slice(0, at).split(/\r\n|\n|\r/).length;
}

/**
 * Reads the retailer's PO export: a header row, then one row per PO item. Pure: returns the
 * purchase orders and every bad row with its line number (the header is line 1). Records end at
 * every line ending (CRLF, LF or CR, mixed in one file); fields are taken exactly as written
 * (ids and SKUs follow the same rule as the API's, `idProblem`); dates must be exactly in
 * `dateFormat` or ISO; numbers are digits within the documented bounds (LIMITS).
 */
export function parsePurchaseOrderCsv(
  csv: string, dateFormat: string, columns: CsvColumns = {},
): { orders: PurchaseOrderInput[]; rows: Row[]; errors: CsvRowError[] } {
  const names = headerNames(columns);
  if (Buffer.byteLength(csv, "utf8") > CSV_LIMITS.bytes) throw badInput(`csv is larger than ${CSV_LIMITS.bytes} bytes`);
  checkDateFormat(dateFormat);
  const longLine = firstLineLongerThan(csv, CSV_LIMITS.rowChars);
  if (longLine) return { orders: [], rows: [], errors: [{ line: longLine, message: `Line is longer than ${CSV_LIMITS.rowChars} characters` }] };
  const badText = firstLineWithLoneSurrogate(csv);
  if (badText) return { orders: [], rows: [], errors: [{ line: badText, message: "Line holds a lone UTF-16 surrogate (not text): ids would not be stored as sent" }] };
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // `to` stops the parser one record past the limit, so a file of millions of tiny rows is
    // refused after reading 20,001 of them instead of holding them all in memory first.
    records = parseCsv(csv, {
      info: true, relax_column_count: true, skip_empty_lines: true, bom: true, record_delimiter: LINE_ENDINGS,
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
  const headerProblems: string[] = [];
  // The mapping renames the retailer's headers to the fields; the rest of the parser reads fields.
  const shown = (name: CsvField) => (columns[name] != null ? `${name} ("${columns[name]}")` : name);
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const at = header.indexOf(names[name]);
    if (at >= 0) column.set(name, at);
    if (at >= 0 && header.lastIndexOf(names[name]) !== at) headerProblems.push(`Column ${shown(name)} appears more than once`);
  }
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length) headerProblems.unshift(`Missing column${missing.length > 1 ? "s" : ""}: ${missing.map(shown).join(", ")}`);
  if (headerProblems.length) return { orders: [], rows: [], errors: [{ line: 1, message: headerProblems.join("; ") }] };
  if (records.length === 1) return { orders: [], rows: [], errors: [{ line: 1, message: "The CSV has a header but no rows" }] };

  const errors: CsvRowError[] = [];
  const rows: Row[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    // The line the row starts on: a quoted field may run over several lines, and blank lines are skipped.
    const before = records[r - 1].info;
    const line = before.lines + 1 + info.empty_lines - before.empty_lines;
    // No field of a PO row may hold a line break (ids refuse them, numbers and dates cannot be
    // written with one); stopping here also keeps every line number exact.
    if (record.some((field) => /[\r\n]/.test(field))) {
      errors.push({ line, message: "A quoted field holds a line break: no field of a PO row may" });
      break;
    }
    const cell = (name: string) => (column.has(name) ? record[column.get(name)!] ?? "" : "");
    const problems: string[] = [];
    const orderId = cell("orderId");
    const sku = cell("productSku");
    const facilityId = cell("facilityId");
    for (const [name, value] of [["orderId", orderId], ["productSku", sku], ["facilityId", facilityId]] as const) {
      const problem = value === "" ? `${name} is missing` : idProblem(name, value);
      if (problem) problems.push(problem);
    }
    const reserved = reservedIdProblem("orderId", orderId);
    if (reserved) problems.push(reserved);
    const dateText = cell("arrivalDate");
    const arrivalDate = dateText ? parseArrivalDate(dateText, dateFormat) : null;
    if (dateText && !arrivalDate) {
      problems.push(`arrivalDate "${dateText}" is not a day written ${dateFormat} (four-digit year) or yyyy-MM-dd, ` +
        `a real day of a year from ${DAY_RANGE.minYear} to ${DAY_RANGE.maxYear}`);
    }
    const quantity = wholeNumber(cell("quantity"), 1, LIMITS.quantity);
    if (quantity === null) problems.push(`quantity "${cell("quantity")}" must be a whole number from 1 to ${LIMITS.quantity}`);
    const orderBuffer = cell("orderBuffer") ? wholeNumber(cell("orderBuffer"), 0, LIMITS.quantity) : 0;
    if (orderBuffer === null) problems.push(`orderBuffer "${cell("orderBuffer")}" must be a whole number from 0 to the quantity`);
    const bufferDays = cell("bufferDays") ? wholeNumber(cell("bufferDays"), 0, LIMITS.bufferDays) : 0;
    if (bufferDays === null) problems.push(`bufferDays "${cell("bufferDays")}" must be a whole number from 0 to ${LIMITS.bufferDays}`);
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
    if (po.items.length === LIMITS.poItems) {
      errors.push({ line: row.line, message: `${row.orderId} has more than ${LIMITS.poItems} rows (a PO holds at most ${LIMITS.poItems} items)` });
      continue;
    }
    po.items.push({ sku: row.sku, quantity: row.quantity, arrivalDate: row.arrivalDate, orderBuffer: row.orderBuffer, bufferDays: row.bufferDays });
    orders.set(row.orderId, po);
  }
  errors.sort((a, b) => a.line - b.line);
  return { orders: [...orders.values()], rows, errors };
}

/**
 * Imports a PO CSV: all of it, or (when any row is bad) none of it, with every bad row
 * reported. Unknown SKUs and order ids already in use are row errors too.
 */
export async function importPurchaseOrders(manager: EntityManager, csv: string, dateFormat = "MM/dd/yyyy", columns: CsvColumns = {}) {
  const parsed = parsePurchaseOrderCsv(csv, dateFormat, columns);
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
