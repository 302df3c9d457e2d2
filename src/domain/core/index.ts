/** The vocabulary every capability shares: calendar days, statuses, the clock, and input checks. */
export * from "./calendar";
export * from "./clock";
export * from "./statuses";
export * from "./validation";
