import { addDays, clock, isoDay } from "../../src/domain";

/**
 * The tests' clock. The service reads time only through `clock.now()` (src/domain/core/clock.ts);
 * test/support/setup.ts points that at this clock for the whole run, and resets it before every
 * test to RUN_NOON: 12:00 UTC of the day the run started, half a day from either midnight, so
 * "arrives today" and "overdue" mean the same thing at 23:59 and at 00:01. A test may move it
 * (`testClock.set`, `testClock.advanceDays`); the next test starts at RUN_NOON again.
 *
 * Server processes a test starts (test/support/server-process.ts) run on real time: give them
 * dates several days away from today, never "today" or "yesterday".
 */
const DAY_MS = 86_400_000;
const realNow = clock.now;

/** 12:00 UTC of the day this run started. */
export const RUN_NOON: Date = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
})();

let current = RUN_NOON.getTime();

export const testClock = {
  /** The instant the in-process service takes for now. */
  now: (): Date => new Date(current),
  /** Stops the clock at `at` (a Date or an ISO string). */
  set(at: Date | string): void {
    const time = new Date(at).getTime();
    if (Number.isNaN(time)) throw new Error(`testClock.set: not an instant: ${String(at)}`);
    current = time;
  },
  /** Moves the clock by `days` (fractions and negatives allowed). */
  advanceDays(days: number): void {
    current += days * DAY_MS;
  },
  /** Back to RUN_NOON (done before every test). */
  reset(): void {
    current = RUN_NOON.getTime();
  },
  /** Makes the service's clock this one (done for the whole run by test/support/setup.ts). */
  install(): void {
    clock.now = () => new Date(current);
  },
  /** Gives the service its real clock back. */
  uninstall(): void {
    clock.now = realNow;
  },
};

/** Midnight UTC of the test clock's day. */
const startOfToday = (): Date => new Date(Math.floor(current / DAY_MS) * DAY_MS);

/** "YYYY-MM-DD", `n` days from the test clock's today: the form the API takes for a day (midnight UTC). */
export const inDays = (n: number): string => isoDay(addDays(startOfToday(), n));

/** The test clock's today, "YYYY-MM-DD". */
export const today = (): string => inDays(0);

/** A day `n` days from today as the API answers arrival and promise dates (the Date scalar): "YYYY-MM-DD". */
export const day = (n: number): string => inDays(n);

/** The instant `n` days before the test clock's now, as an ISO string (an order date, say). */
export const daysAgo = (n: number): string => new Date(current - n * DAY_MS).toISOString();
