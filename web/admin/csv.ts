/**
 * CSV as the upload reads it (API.md "CSV for importPurchaseOrders"): a header row, one row per PO
 * item, comma separated, CRLF line ends. A field is quoted when it holds a comma, a quote, a line
 * break or spaces at its ends (the upload trims unquoted fields), with each quote doubled.
 */
export const UPLOAD_COLUMNS = ["orderId", "productSku", "arrivalDate", "quantity", "facilityId", "orderBuffer", "bufferDays"] as const;
export type UploadColumn = (typeof UPLOAD_COLUMNS)[number];

export function csvField(value: string | number | null | undefined): string {
  const text = value == null ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Reads CSV text into rows of fields (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks; LF or CRLF line ends; a byte order mark at the start is dropped). Blank lines are
 * skipped. For the upload page's column mapping and preview; the service parses the file itself.
 * No DOM here: the tests run this file in Node.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0].trim() !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") { if (c === "\r" && text[i + 1] === "\n") i++; endRow(); }
    else field += c;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}
