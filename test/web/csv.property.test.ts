import { expect } from "chai";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { csvField, csvText, parseCsv } from "../../web/admin/csv";

/**
 * The console's CSV (Export CSV writes it, the upload page reads its header row): any fields a PO
 * can hold, commas, quotes, line breaks, padding, accents and emoji included, are written so that
 * the service's own CSV reader (csv-parse with the upload's options) and the console's reader both
 * read back exactly the fields written.
 */
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", ",", '"', "\r", "\n", "\t", "é", "😀", "-", "'") , maxLength: 12 }),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
);
/** Rows as the export writes them: the same number of fields on every row, at least two. */
const table = fc.integer({ min: 2, max: 7 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));

describe("The console's CSV writer and reader (fast-check)", () => {
  it("the service's reader (csv-parse, the upload's options) reads back every field exactly", () => {
    fc.assert(fc.property(table, (rows) => {
      const read = parse(csvText(rows), { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
      expect(read).to.deep.equal(rows);
    }), { numRuns: 300 });
  });

  it("the console's own reader reads back every field exactly, with LF or CRLF line ends", () => {
    fc.assert(fc.property(table, fc.boolean(), (rows, lf) => {
      const text = csvText(rows);
      // A text box turns every CRLF into LF, inside quoted fields too.
      expect(parseCsv(lf ? text.replaceAll("\r\n", "\n") : text)).to.deep.equal(lf ? rows.map((r) => r.map((f) => f.replaceAll("\r\n", "\n"))) : rows);
    }), { numRuns: 300 });
  });

  it("quotes exactly the fields that need it, doubling their quotes", () => {
    expect(csvField("WH-MAIN")).to.equal("WH-MAIN");
    expect(csvField('WH "North", dock 2')).to.equal('"WH ""North"", dock 2"');
    expect(csvField(" padded")).to.equal('" padded"');
    expect(csvField("two\nlines")).to.equal('"two\nlines"');
    expect(csvField(null)).to.equal("");
    expect(csvField(12)).to.equal("12");
  });
});
