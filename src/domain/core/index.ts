/** The vocabulary every capability shares: calendar days, statuses, the clock, input checks, object ids and the order of ids. */
export * from "./calendar";
export * from "./clock";
export * from "./object-ids";
export * from "./statuses";
export * from "./text-order";
export * from "./validation";
