import { parse as parseCsv } from "csv-parse/sync";
import { format as formatDate, parse as parseDate } from "date-fns";
import { EntityManager } from "typeorm";
import { presentKeys } from "../../db";
import { badInput } from "../../errors";
import { DAY_RANGE, LIMITS, Problems, dayOf, idProblem, parseIsoDay, reservedIdProblem } from "../core";
import { PurchaseOrderInput, createPurchaseOrders } from "./purchase-orders";

export interface CsvRowError {
  line: number;
  message: string;
}

/** Per upload: bytes of text, data rows, and characters in one row (a row holds 7 short fields). */
export const CSV_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, rowChars: 4096 } as const;

/** The fields of a PO row, the required five first. */
const FIELDS = ["orderId", "productSku", "arrivalDate", "quantity", "facilityId", "orderBuffer", "bufferDays"] as const;

/** A field of a PO row. */
export type CsvField = (typeof FIELDS)[number];

/**
 * The retailer's own header names for the fields, as their ERP exports them (e.g. "Internal ID"
 * for orderId); a field left out keeps its own name. Headers match ignoring case and surrounding spaces.
 */
export type CsvColumns = Partial<Record<CsvField, string | null>>;

/** The header name (trimmed, lower case) each field is read from; BAD_USER_INPUT for an empty, too long or repeated name. */
export function headerNames(columns: CsvColumns = {}): Record<CsvField, string> {
  const problems = new Problems();
  const names = {} as Record<CsvField, string>;
  const fieldOf = new Map<string, CsvField>();
  for (const field of FIELDS) {
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

/**
 * The mapping as a renaming step in front of the parser: each header the mapping names becomes its
 * field's own name, and a header that only carries the own name of a field mapped elsewhere is
 * ignored. `header` is trimmed and lower case.
 */
function renameHeader(header: string[], columns: CsvColumns): string[] {
  const names = headerNames(columns);
  const renamed = new Map<string, string>();
  for (const field of FIELDS) {
    if (columns[field] == null) continue;
    if (!Object.values(names).includes(field.toLowerCase())) renamed.set(field.toLowerCase(), "");
  }
  for (const field of FIELDS) if (columns[field] != null) renamed.set(names[field], field.toLowerCase());
  return header.map((h) => (renamed.has(h) ? renamed.get(h)! : h));
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

/** What parsePurchaseOrderCsv answers: the POs, the good rows, and every bad row. */
export interface ParsedPurchaseOrderCsv {
  orders: PurchaseOrderInput[];
  rows: Row[];
  errors: CsvRowError[];
}

/**
 * A day written in `format` (date-fns tokens), or ISO yyyy-MM-dd, as midnight UTC of that day; null
 * unless the text is exactly that day written that way (formatting the day again gives the same
 * text: "1/5/27" is not "01/05/2027") and the day is a real one of a year in DAY_RANGE.
 */
export function parseArrivalDate(text: string, format: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDay(text);
  try {
    const local = parseDate(text, format, new Date(2000, 0, 1));
    return formatDate(local, format) === text ? dayOf(local.getFullYear(), local.getMonth() + 1, local.getDate()) : null;
  } catch {
    return null; // an invalid date: date-fns cannot format it
  }
}

/**
 * A usable dateFormat names a whole day with a four-digit year: formatting a day and parsing it
 * back gives that day, and the year is written whole (2027 and 2127 are written differently, so
 * not "27") and with four digits (not "02027").
 */
function checkDateFormat(dateFormat: string): void {
  try {
    const sample = new Date(2027, 0, 15);
    const text = formatDate(sample, dateFormat);
    const back = parseDate(text, dateFormat, new Date(2000, 0, 1));
    const wholeYear = formatDate(new Date(2127, 0, 15), dateFormat) !== text && !text.includes("02027");
    if (back.getTime() === sample.getTime() && wholeYear) return;
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
  const lines = text.split(/\r\n|\n|\r/);
  return lines.findIndex((line) => line.length > max) + 1;
}

/** The number of the first line holding a lone UTF-16 surrogate, or 0 (the CSV reader would turn it into U+FFFD). */
function firstLineWithLoneSurrogate(text: string): number {
  return text.split(/\r\n|\n|\r/).findIndex((line) => /\p{Cs}/u.test(line)) + 1;
}

/** The whole file refused with one error. */
function refused(line: number, message: string): ParsedPurchaseOrderCsv {
  return { orders: [], rows: [], errors: [{ line, message }] };
}

/**
 * Reads the retailer's PO export: a header row, then one row per PO item. Pure: returns the
 * purchase orders and every bad row with its line number (the header is line 1). Records end at
 * every line ending (CRLF, LF or CR, mixed in one file); fields are taken exactly as written
 * (ids and SKUs follow the same rule as the API's, `idProblem`); dates must be exactly in
 * `dateFormat` or ISO; numbers are digits within the documented bounds (LIMITS). Throws
 * BAD_USER_INPUT for a file over CSV_LIMITS and for a dateFormat without a four-digit year.
 */
export function parsePurchaseOrderCsv(csv: string, dateFormat: string, mapping: CsvColumns = {}): ParsedPurchaseOrderCsv {
  headerNames(mapping);
  if (Buffer.byteLength(csv) > CSV_LIMITS.bytes) throw badInput(`csv is larger than ${CSV_LIMITS.bytes} bytes`);
  checkDateFormat(dateFormat);
  const longLine = firstLineLongerThan(csv, CSV_LIMITS.rowChars);
  if (longLine) return refused(longLine, `Line is longer than ${CSV_LIMITS.rowChars} characters`);
  const badText = firstLineWithLoneSurrogate(csv);
  if (badText) return refused(badText, "Line holds a lone UTF-16 surrogate (not text): ids would not be stored as sent");
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // Every line ending a file edited anywhere may hold ends a record (outside quotes). `to`
    // stops the parser one record past the limit, so a file of millions of tiny rows is refused
    // after reading 20,001 of them instead of holding them all in memory first.
    records = parseCsv(csv, {
      info: true, relax_column_count: true, skip_empty_lines: true, bom: true, record_delimiter: ["\r\n", "\n", "\r"],
      to: CSV_LIMITS.rows + 2, max_record_size: CSV_LIMITS.rowChars,
    });
  } catch (error) {
    return refused(Number((error as { lines?: number }).lines), `Malformed CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) return refused(1, "The CSV is empty: expected a header row");
  if (records.length > CSV_LIMITS.rows + 1) throw badInput(`csv has more than ${CSV_LIMITS.rows} rows`);

  const header = renameHeader(records[0].record.map((h) => h.trim().toLowerCase()), mapping);
  const columns: readonly CsvField[] = FIELDS;
  // A mapped field is named as the retailer's file names it, with the field for reference.
  const shown = (name: CsvField) => (mapping[name] != null ? `${name} ("${mapping[name]}")` : name);
  const missing = columns.slice(0, 5).filter((name) => !header.includes(name.toLowerCase()));
  const repeated = columns.filter((name) => header.indexOf(name.toLowerCase()) !== header.lastIndexOf(name.toLowerCase()));
  const headerProblems = [
    ...(missing.length ? [`Missing column${missing.length > 1 ? "s" : ""}: ${missing.map(shown).join(", ")}`] : []),
    ...repeated.map((name) => `Column ${shown(name)} appears more than once`),
  ];
  if (headerProblems.length) return refused(1, headerProblems.join("; "));
  if (records.length === 1) return refused(1, "The CSV has a header but no rows");

  const errors: CsvRowError[] = [];
  const rows: Row[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    // The line the row starts on: blank lines are skipped, and no row may run over several (below).
    const before = records[r - 1].info;
    const line = before.lines + 1 + info.empty_lines - before.empty_lines;
    // No field of a PO row may hold a line break (ids refuse them, numbers and dates cannot be
    // written with one); stopping here also keeps every line number exact.
    if (record.some((field) => /[\r\n]/.test(field))) {
      errors.push({ line, message: "A quoted field holds a line break: no field of a PO row may" });
      break;
    }
    const cell = (name: string) => record[header.indexOf(name.toLowerCase())] ?? "";
    const problems: string[] = [];
    const orderId = cell("orderId");
    const sku = cell("productSku");
    const facilityId = cell("facilityId");
    for (const [name, value] of [["orderId", orderId], ["productSku", sku], ["facilityId", facilityId]]) {
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
    if (quantity !== null && (orderBuffer ?? 0) > quantity) problems.push(`orderBuffer ${orderBuffer} exceeds quantity ${quantity}`);
    if (problems.length) errors.push({ line, message: problems.join("; ") });
    else rows.push({ line, orderId, sku, arrivalDate, quantity: quantity!, facilityId, orderBuffer: orderBuffer!, bufferDays: bufferDays! });
  }

  const orders = new Map<string, PurchaseOrderInput>();
  for (const row of rows) {
    const po = orders.get(row.orderId) ?? { id: row.orderId, facilityId: row.facilityId, items: [] };
    if (po.facilityId !== row.facilityId) {
      errors.push({ line: row.line, message: `facilityId ${row.facilityId} differs from ${po.facilityId} on earlier rows of ${row.orderId}` });
    } else if (po.items.length === LIMITS.poItems) {
      errors.push({ line: row.line, message: `${row.orderId} has more than ${LIMITS.poItems} rows (a PO holds at most ${LIMITS.poItems} items)` });
    } else {
      po.items.push({ sku: row.sku, quantity: row.quantity, arrivalDate: row.arrivalDate, orderBuffer: row.orderBuffer, bufferDays: row.bufferDays });
      orders.set(row.orderId, po);
    }
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
  const known = await presentKeys(manager, "product", "sku", parsed.rows.map((r) => r.sku));
  const taken = await presentKeys(manager, "order_header", "order_id", parsed.rows.map((r) => r.orderId));
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
