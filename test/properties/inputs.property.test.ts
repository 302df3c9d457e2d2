import { expect } from "chai";
import fc from "fast-check";
import { snapshot } from "../support/database";
import { RUN_NOON } from "../support/clock";
import { CREATE_PO, IMPORT_CSV, IMPORT_PRE_ORDER, UPDATE_PO_ITEM, UPSERT } from "../support/documents";
import { graphql } from "../support/graphql";
import { products } from "../support/scenario";
import { GqlError, TestServer, startTestServer } from "../support/server";

/**
 * Issue 11's property: every generated input to a mutation this issue touched is either refused
 * with a coded error and every table unchanged, or stored and read back exactly as sent. The
 * generators mix values a careful client sends (ids with inner spaces, accents, emoji and case
 * variants of ids already stored; bounds) with those a careless or hostile one sends (padding,
 * control and invisible characters, lone surrogates, over-long ids, impossible days, numbers past
 * their bounds, CSVs with every line ending and quoting); an oracle written here, apart from the
 * service's own checks, says which must be stored, so a service that refused everything fails too.
 */
const RUNS = 100;
export const PROPERTY_RUNS = { properties: 5, runsEach: RUNS };

const READ_PO = graphql(`
  query PropertyPurchaseOrder($id: ID!) {
    purchaseOrder(id: $id) { id facilityId orderDate items { seqId quantity orderBuffer bufferDays arrivalDate product { sku } } }
  }
`);

/** A value and whether the oracle takes it as valid. */
interface Gen<T> { value: T; ok: boolean }

let counter = 0;
const fresh = () => String(++counter);

/** Characters a valid id may hold inside: both cases, accents (composed and not), CJK, an emoji (a surrogate pair), punctuation, inner spaces. */
const INNER = [..."aAbBzZ09-_./:'\"%\\ ", "É", "é", "E\u0301", "ß", "漢", "😀", "İ", "ı"];
const inner = fc.array(fc.constantFrom(...INNER), { maxLength: 12 }).map((cs) => cs.join(""));

/** A valid id: a prefix, inner characters, then a fresh number (no clash with earlier runs). */
const validId = (prefix: string): fc.Arbitrary<string> => inner.map((mid) => `${prefix}${mid}${fresh()}`);

/** Ids the one rule refuses. */
const BAD_CHARS = ["\u0000", "\u0007", "\n", "\r", "\t", "\u007F", "\u0085", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u2060", "\u202E", "\u2028", "\u2029", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"];
const badId = (prefix: string): fc.Arbitrary<string> => fc.oneof(
  fc.constant(""),
  fc.constantFrom(" ", "\t", "\u00A0", "\u3000", "\n").chain((ws) => fc.boolean().map((lead) => (lead ? `${ws}${prefix}${fresh()}` : `${prefix}${fresh()}${ws}`))),
  fc.tuple(fc.constantFrom(...BAD_CHARS), fc.boolean()).map(([c, end]) => (end ? `${prefix}${fresh()}${c}` : `${prefix}${c}${fresh()}`)),
  fc.integer({ min: 65, max: 80 }).map((n) => `${prefix}${"x".repeat(n)}`.slice(0, n)),
);
const id = (prefix: string): fc.Arbitrary<Gen<string>> => fc.oneof(
  { weight: 6, arbitrary: validId(prefix).map((value) => ({ value, ok: true })) },
  { weight: 1, arbitrary: badId(prefix).map((value) => ({ value, ok: false })) },
);

/** A whole number around [min, max], valid inside. */
const bounded = (min: number, max: number): fc.Arbitrary<Gen<number>> => fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min, max: Math.min(max, min + 1000) }) },
  { weight: 1, arbitrary: fc.constantFrom(min, max) },
  { weight: 2, arbitrary: fc.constantFrom(min - 1, max + 1, max + 1, 2_147_483_647, -2_147_483_648) },
).map((value) => ({ value, ok: value >= min && value <= max }));

/** The oracle's calendar: a real day of a year from 2000 to 2199. */
const realDay = (y: number, m: number, d: number) =>
  y >= 2000 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const ymd = fc.tuple(
  fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1995, max: 2205 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) }),
  fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 13) }),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 28 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 32 }) }),
);
/** A real day of the range, as [y, m, d]. */
const realYmd = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as [number, number, number]);
/** An ISO day "YYYY-MM-DD", or a rolled-over, junk-suffixed or short one. */
const isoDayText: fc.Arbitrary<Gen<string>> = fc.tuple(fc.oneof({ weight: 3, arbitrary: realYmd }, { weight: 1, arbitrary: ymd }), fc.constantFrom("", "", "", "", "", "", "junk", "T", " ")).map(([[y, m, d], tail]) => ({
  value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${tail}`, ok: tail === "" && realDay(y, m, d),
}));
/** An instant: a day, or a date-time in UTC of any year. */
const instantText: fc.Arbitrary<Gen<string>> = fc.oneof(
  isoDayText,
  fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2210-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => ({ value: d.toISOString(), ok: d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2199 })),
);
/** A day as a CSV writes it under MM/dd/yyyy: exact, unpadded, two-digit year, or ISO. */
const csvDay: fc.Arbitrary<Gen<string>> = fc.tuple(fc.oneof({ weight: 3, arbitrary: realYmd }, { weight: 1, arbitrary: ymd }), fc.constantFrom("exact", "exact", "exact", "exact", "exact", "short", "iso", "iso", "empty")).map(([[y, m, d], form]) =>
  form === "empty" ? { value: "", ok: true }
    : form === "iso" ? { value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, ok: realDay(y, m, d) }
    : form === "short" ? { value: `${m}/${d}/${y % 100}`, ok: false }
    : { value: `${pad(m, 2)}/${pad(d, 2)}/${pad(y, 4)}`, ok: realDay(y, m, d) });
const dayOf = (text: string): string => (/^\d{4}-/.test(text) ? text : `${text.slice(6)}-${text.slice(0, 2)}-${text.slice(3, 5)}`);

const SKUS = ["P-A", "p-a", "P-É", "P-E"];
const sku: fc.Arbitrary<Gen<string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SKUS).map((value) => ({ value, ok: true })) },
  { weight: 1, arbitrary: fc.constantFrom("P-A ", " P-A", "P-\u200BA", "NO-SUCH", "P-\uD800").map((value) => ({ value, ok: false })) },
);

/** How many generated inputs were stored and how many refused (PROPERTY_TALLY=1 prints it after each property). */
export const tally = { stored: 0, refused: 0 };
const codeOf = (errors: GqlError[] | undefined) => errors?.[0]?.extensions?.code;

describe("Properties: every generated input is refused with a code and nothing written, or stored exactly (issue 11)", function () {
  this.timeout(600_000);
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, ...SKUS);
  });
  after(() => api.close());
  afterEach(() => {
    if (process.env.PROPERTY_TALLY) console.log(JSON.stringify(tally));
  });

  /** Sends, then checks the property: refused with `code` and no table changed, or stored (then `readBack` checks it). */
  async function storedOrRefused(ok: boolean, send: () => Promise<{ errors?: GqlError[] }>, readBack: () => Promise<void>) {
    const before = await snapshot(api.db);
    const response = await send();
    tally[ok ? "stored" : "refused"]++;
    if (ok) {
      expect(response.errors, "a valid input must be stored").to.equal(undefined);
      await readBack();
    } else {
      expect(codeOf(response.errors), `refused with a code: ${JSON.stringify(response.errors)}`).to.equal("BAD_USER_INPUT");
      expect(await snapshot(api.db), "a refused input writes nothing").to.deep.equal(before);
    }
  }

  /** An order buffer: mostly small (so within most quantities), sometimes at or past the bounds. */
const orderBuffer: fc.Arbitrary<Gen<number>> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(1_000_000, 1_000_001, -1) },
).map((value) => ({ value, ok: value >= 0 && value <= 1_000_000 }));
/**
 * Lists of `item`: in half the runs only items the oracle takes as valid (so that whole inputs are
 * often valid and must be stored), in the other half any.
 */
const halfClean = <T>(item: fc.Arbitrary<T>, ok: (t: T) => boolean, maxLength: number) =>
  fc.oneof(fc.array(item.filter(ok), { minLength: 1, maxLength }), fc.array(item, { minLength: 1, maxLength }));
const itemOk = (i: { sku: Gen<string>; quantity: Gen<number>; orderBuffer: Gen<number>; bufferDays: Gen<number>; arrivalDate?: Gen<string> }) =>
  i.sku.ok && i.quantity.ok && i.orderBuffer.ok && i.bufferDays.ok && (i.arrivalDate?.ok ?? true) && i.orderBuffer.value <= i.quantity.value;
const poItem = fc.record({ sku, quantity: bounded(1, 1_000_000), orderBuffer, bufferDays: bounded(0, 365), arrivalDate: fc.option(isoDayText, { nil: undefined }) });

  it(`createPurchaseOrder: ${RUNS} generated POs`, async () => {
    await fc.assert(fc.asyncProperty(id("PO-"), id("WH-"), fc.option(instantText, { nil: undefined }), halfClean(poItem, itemOk, 3), async (poId, facility, orderDate, items) => {
      const ok = poId.ok && facility.ok && (orderDate?.ok ?? true) && items.every(itemOk);
      const input = {
        id: poId.value, facilityId: facility.value, orderDate: orderDate?.value,
        items: items.map((i) => ({ sku: i.sku.value, quantity: i.quantity.value, orderBuffer: i.orderBuffer.value, bufferDays: i.bufferDays.value, arrivalDate: i.arrivalDate?.value })),
      };
      await storedOrRefused(ok, () => api.gql(CREATE_PO, { input }), async () => {
        const po = (await api.gql(READ_PO, { id: poId.value })).data.purchaseOrder;
        expect(po).to.deep.equal({
          id: poId.value, facilityId: facility.value, orderDate: orderDate ? new Date(orderDate.value).toISOString() : po!.orderDate,
          items: input.items.map((i, n) => ({
            seqId: String(n + 1).padStart(5, "0"), quantity: i.quantity, orderBuffer: i.orderBuffer, bufferDays: i.bufferDays, arrivalDate: i.arrivalDate ?? null, product: { sku: i.sku },
          })),
        });
      });
    }), { numRuns: RUNS });
  });

  it(`importPreOrder: ${RUNS} generated pre-orders`, async () => {
    const line = fc.record({ sku, quantity: bounded(1, 1_000_000), facilityId: fc.option(id("F-"), { nil: undefined }) });
    await fc.assert(fc.asyncProperty(id("SO-"), instantText, halfClean(line, (l) => l.sku.ok && l.quantity.ok && (l.facilityId?.ok ?? true), 2), async (orderId, orderDate, lines) => {
      const ok = orderId.ok && orderDate.ok && lines.every((l) => l.sku.ok && l.quantity.ok && (l.facilityId?.ok ?? true));
      const input = { orderId: orderId.value, orderDate: orderDate.value, items: lines.map((l) => ({ sku: l.sku.value, quantity: l.quantity.value, facilityId: l.facilityId?.value })) };
      await storedOrRefused(ok, () => api.gql(IMPORT_PRE_ORDER, { input }), async () => {
        const rows: Record<string, unknown>[] = await api.db.read((m) => m.query(
          `SELECT s.order_id, s.order_item_seq_id, s.quantity, s.facility_id, p.sku FROM sales_order_item s JOIN product p ON p.product_id = s.product_id
           WHERE s.order_id = ? ORDER BY s.order_item_seq_id`, [orderId.value]));
        expect(rows.map((r) => [r.order_id, r.order_item_seq_id, Number(r.quantity), r.facility_id, r.sku])).to.deep.equal(
          input.items.map((i, n) => [orderId.value, String(n + 1).padStart(5, "0"), i.quantity, i.facilityId ?? "PRE_ORDER_PARKING", i.sku]));
        const again = await api.gql(IMPORT_PRE_ORDER, { input });
        expect(again.data.importPreOrder.created, "the same id again").to.equal(false);
      });
    }), { numRuns: RUNS });
  });

  it(`upsertProducts: ${RUNS} generated products`, async () => {
    const product = fc.record({ sku: id("S-"), name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""), stock: bounded(0, 1_000_000_000) });
    await fc.assert(fc.asyncProperty(fc.array(product, { minLength: 1, maxLength: 3 }), async (list) => {
      const ok = list.every((p) => p.sku.ok && p.stock.ok);
      const input = list.map((p) => ({ sku: p.sku.value, name: p.name, inventoryAvailable: p.stock.value }));
      await storedOrRefused(ok, () => api.gql(UPSERT, { input }), async () => {
        for (const p of input) {
          const rows: Record<string, unknown>[] = await api.db.read((m) => m.query("SELECT sku, name, inventory_available FROM product WHERE sku = ?", [p.sku]));
          expect(rows.map((r) => [r.sku, r.name, Number(r.inventory_available)])).to.deep.equal([[p.sku, p.name, p.inventoryAvailable]]);
        }
      });
    }), { numRuns: RUNS });
  });

  it(`updatePurchaseOrderItem: ${RUNS} generated changes`, async () => {
    const today = RUN_NOON.toISOString().slice(0, 10);
    const change = fc.record({
      quantity: fc.option(bounded(1, 1_000_000), { nil: undefined }), orderBuffer: fc.option(orderBuffer, { nil: undefined }),
      bufferDays: fc.option(bounded(0, 365), { nil: undefined }), arrivalDate: fc.option(isoDayText, { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(change, async (c) => {
      const po = `PO-U${fresh()}`;
      await api.gql(CREATE_PO, { input: { id: po, facilityId: "WH", items: [{ sku: "P-A", quantity: 10, orderBuffer: 1, bufferDays: 2, arrivalDate: "2199-01-01" }] } });
      const after = { quantity: c.quantity?.value ?? 10, orderBuffer: c.orderBuffer?.value ?? 1, bufferDays: c.bufferDays?.value ?? 2, arrivalDate: c.arrivalDate?.value ?? "2199-01-01" };
      const ok = (c.quantity?.ok ?? true) && (c.orderBuffer?.ok ?? true) && (c.bufferDays?.ok ?? true) && after.orderBuffer <= after.quantity &&
        (c.arrivalDate === undefined || (c.arrivalDate.ok && c.arrivalDate.value >= today));
      const input = { quantity: c.quantity?.value, orderBuffer: c.orderBuffer?.value, bufferDays: c.bufferDays?.value, arrivalDate: c.arrivalDate?.value };
      await storedOrRefused(ok, () => api.gql(UPDATE_PO_ITEM, { po, seq: "00001", input }), async () => {
        const item = (await api.gql(READ_PO, { id: po })).data.purchaseOrder!.items[0];
        expect(item).to.deep.equal({ seqId: "00001", ...after, product: { sku: "P-A" } });
      });
    }), { numRuns: RUNS });
  });

  it(`importPurchaseOrders: ${RUNS} generated CSV files (random line endings and quoting)`, async () => {
    const cell = (text: string, quote: boolean) => (quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const digits = (n: Gen<number>, junk: string) => (junk ? { value: `${n.value}${junk}`, ok: false } : { value: String(n.value), ok: n.ok });
    const row = fc.record({
      po: fc.integer({ min: 0, max: 2 }), sku, date: csvDay,
      quantity: fc.tuple(bounded(1, 1_000_000), fc.constantFrom("", "", "", "", "", "", "", "", ".5", " ", "x")).map(([n, junk]) => digits(n, junk)),
      buffer: orderBuffer, days: fc.tuple(bounded(0, 365), fc.constantFrom("", "", "", "", "", "", "", "", "e3")).map(([n, junk]) => digits(n, junk)),
      facility: fc.constantFrom("WH-1", "WH-1", "WH-1", "WH-1", "WH-1", "WH-1", "wh-1", "WH-1 "),
      quotes: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), eol: fc.constantFrom("\r\n", "\n", "\r"),
    });
    const rowOk = (r: { sku: Gen<string>; date: Gen<string>; quantity: Gen<string>; buffer: Gen<number>; days: Gen<string> }) =>
      r.sku.ok && r.date.ok && r.quantity.ok && r.buffer.ok && r.buffer.value <= Number(r.quantity.value) && r.days.ok;
    await fc.assert(fc.asyncProperty(fc.tuple(id("PO-C"), id("PO-C"), id("PO-C")), halfClean(row, (r) => rowOk(r) && r.facility === "WH-1", 5), fc.constantFrom("", "\r\n", "\n", "\r"), async (ids, rows, lastEol) => {
      const facilityOf = new Map<number, string>();
      let ok = true;
      for (const r of rows) {
        ok &&= ids[r.po].ok && rowOk(r) && r.facility !== "WH-1 ";
        if ((facilityOf.get(r.po) ?? r.facility) !== r.facility) ok = false;
        facilityOf.set(r.po, r.facility);
      }
      const lines = rows.map((r) => [ids[r.po].value, r.sku.value, r.date.value, r.quantity.value, r.facility, String(r.buffer.value), r.days.value]
        .map((text, n) => cell(text, r.quotes[n])).join(","));
      const csv = ["orderId,productSku,arrivalDate,quantity,facilityId,orderBuffer,bufferDays", ...lines]
        .map((text, n) => text + (n === lines.length ? lastEol : rows[n]?.eol ?? "\n")).join("");
      const before = await snapshot(api.db);
      const response = await api.gql(IMPORT_CSV, { csv, fmt: "MM/dd/yyyy" });
      tally[ok ? "stored" : "refused"]++;
      expect(response.errors, "answered with a payload").to.equal(undefined);
      const { purchaseOrders, errors } = response.data.importPurchaseOrders;
      if (!ok) {
        expect(purchaseOrders).to.deep.equal([]);
        expect(errors, "every refusal names a row").to.not.deep.equal([]);
        expect(await snapshot(api.db), "a refused upload writes nothing").to.deep.equal(before);
        return;
      }
      expect(errors, csv).to.deep.equal([]);
      const order = [...new Set(rows.map((r) => r.po))];
      expect(purchaseOrders.map((po) => po.id)).to.deep.equal(order.map((n) => ids[n].value));
      for (const n of order) {
        const po = (await api.gql(READ_PO, { id: ids[n].value })).data.purchaseOrder;
        expect(po).to.deep.equal({
          id: ids[n].value, facilityId: facilityOf.get(n), orderDate: po!.orderDate,
          items: rows.filter((r) => r.po === n).map((r, k) => ({
            seqId: String(k + 1).padStart(5, "0"), quantity: Number(r.quantity.value), orderBuffer: r.buffer.value, bufferDays: Number(r.days.value),
            arrivalDate: r.date.value === "" ? null : dayOf(r.date.value), product: { sku: r.sku.value },
          })),
        });
      }
    }), { numRuns: RUNS });
  });
});
