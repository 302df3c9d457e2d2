import { expect } from "chai";
import { DAY_RANGE, addDays, dayOf, isCalendarDay, isoDay, parseIsoDay } from "../../src/domain";

/** Calendar days (src/domain/core/calendar.ts): real days of 2000-2199, never rolled over. */
describe("Calendar days", () => {
  const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

  it("names the years a day may fall in", () => {
    expect(DAY_RANGE).to.deep.equal({ minYear: 2000, maxYear: 2199 });
  });

  it("makes a real day of the range midnight UTC", () => {
    expect(dayOf(2000, 1, 1)).to.deep.equal(day("2000-01-01"));
    expect(dayOf(2199, 12, 31)).to.deep.equal(day("2199-12-31"));
    expect(dayOf(2028, 2, 29)).to.deep.equal(day("2028-02-29"));
    expect(dayOf(2000, 2, 29), "2000 is a leap year").to.deep.equal(day("2000-02-29"));
    expect(dayOf(2027, 1, 31)).to.deep.equal(day("2027-01-31"));
    expect(dayOf(2027, 12, 1)).to.deep.equal(day("2027-12-01"));
  });

  it("refuses what is not a real day of the range instead of rolling it over", () => {
    const bad: [number, number, number][] = [
      [1999, 12, 31], [2200, 1, 1], [27, 1, 15], [2027, 13, 1], [2027, 0, 10], [2027, 2, 30], [2027, 2, 29], [2100, 2, 29],
      [2027, 4, 31], [2027, 1, 0], [2027, 1, 32], [2027, 1, 366], [2027, 25, 1], [2027, -11, 1], [2027, 14, 1], [2027, 1, 1e9], [2027, -1, 10], [2027, 1, -1], [2027.5, 1, 1], [2027, 1.5, 1], [2027, 1, 1.5], [NaN, 1, 1],
    ];
    for (const [y, m, d] of bad) expect(dayOf(y, m, d), `${y}-${m}-${d}`).to.equal(null);
  });

  it("parses exactly YYYY-MM-DD", () => {
    expect(parseIsoDay("2027-01-15")).to.deep.equal(day("2027-01-15"));
    expect(parseIsoDay("2199-12-31")).to.deep.equal(day("2199-12-31"));
    for (const text of ["2027-1-15", "2027-01-5", "27-01-15", "02027-01-15", "2027-01-15T00:00:00Z", " 2027-01-15", "2027-01-15 ", "2027-01-15junk",
      "x2027-01-15", "2027/01/15", "2027-13-01", "2027-00-10", "2027-02-30", "0027-01-15", "", "2027-01-1٥"]) {
      expect(parseIsoDay(text), text).to.equal(null);
    }
  });

  it("writes a day as YYYY-MM-DD and adds days across months and leap days", () => {
    expect(isoDay(day("2027-01-15"))).to.equal("2027-01-15");
    expect(isoDay(new Date("2027-01-15T23:59:59.999Z"))).to.equal("2027-01-15");
    expect(addDays(day("2028-02-28"), 1)).to.deep.equal(day("2028-02-29"));
    expect(addDays(day("2027-12-31"), 365)).to.deep.equal(day("2028-12-30"));
    expect(addDays(day("2027-01-15"), -15)).to.deep.equal(day("2026-12-31"));
    expect(addDays(day("2027-01-15"), 0)).to.deep.equal(day("2027-01-15"));
  });

  it("tells a calendar day from an instant, an invalid date or a day outside the range", () => {
    expect(isCalendarDay(day("2027-01-15"))).to.equal(true);
    expect(isCalendarDay(day("2000-01-01"))).to.equal(true);
    expect(isCalendarDay(day("2199-12-31"))).to.equal(true);
    expect(isCalendarDay(new Date("2027-01-15T00:00:00.001Z"))).to.equal(false);
    expect(isCalendarDay(new Date("2027-01-15T12:00:00Z"))).to.equal(false);
    expect(isCalendarDay(new Date(NaN))).to.equal(false);
    expect(isCalendarDay(day("1999-12-31"))).to.equal(false);
    expect(isCalendarDay(day("2200-01-01"))).to.equal(false);
    expect(isCalendarDay("2027-01-15")).to.equal(false);
    expect(isCalendarDay(null)).to.equal(false);
  });
});
