import { InitialSchema1764220000000 } from "./1764220000000-initial-schema";
import { PromiseDateChange1764300000000 } from "./1764300000000-promise-date-change";
import { IndexesAtScale1764500000000 } from "./1764500000000-indexes-at-scale";

/** Every migration, oldest first. */
export const migrations = [InitialSchema1764220000000, PromiseDateChange1764300000000, IndexesAtScale1764500000000];
