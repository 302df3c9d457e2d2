/** The vocabulary every capability shares: statuses, the clock, and input checks. */
export * from "./clock";
export * from "./statuses";
export * from "./validation";
