/** Time, in one place so tests can move it. All dates are UTC. */
export const clock = {
  now: (): Date => new Date(),
};

/** Midnight UTC of the current day: arrival dates before this are overdue. */
export function startOfTodayUtc(): Date {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
