/**
 * Calendar days (docs/domain.md#calendar-days-and-instants). Arrival and promise dates are days,
 * not instants: inside the service a day is a Date at 00:00 UTC, and its text is "YYYY-MM-DD".
 * Every way a day comes in (the API, a CSV upload) goes through `dayOf`, which refuses what is
 * not a real day of a year in DAY_RANGE instead of rolling it over ("2027-13-01" is not 2028-01-01).
 */

/** The years a calendar day may fall in; anything else is a typo (27 for 2027) or nonsense. */
export const DAY_RANGE = { minYear: 2000, maxYear: 2199 } as const;

/** The day `year-month-day` (month 1–12) as 00:00 UTC, or null unless it is a real day of a year in DAY_RANGE. */
export function dayOf(year: number, month: number, day: number): Date | null {
  if (![year, month, day].every(Number.isInteger) || year < DAY_RANGE.minYear || year > DAY_RANGE.maxYear) return null;
  // A month or day out of range rolls over into another month: the day read back differs.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** "YYYY-MM-DD" exactly (four-digit year, two-digit month and day) as a day, or null. */
export function parseIsoDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** The "YYYY-MM-DD" of a day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a Date that is a calendar day: 00:00 UTC of a real day in DAY_RANGE. */
export function isCalendarDay(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime()) &&
    value.getTime() % 86_400_000 === 0 && dayOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) !== null;
}

/** The day (or instant) `days` later; negative for earlier. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
