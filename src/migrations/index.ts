import { InitialSchema1764220000000 } from "./1764220000000-initial-schema";
import { PromiseDateChange1764300000000 } from "./1764300000000-promise-date-change";
import { CalendarDays1764400000000 } from "./1764400000000-calendar-days";
import { IndexesAtScale1764500000000 } from "./1764500000000-indexes-at-scale";
import { ExactKeys1764600000000 } from "./1764600000000-exact-keys";
import { Receiving1764700000000 } from "./1764700000000-receiving";
import { PromisePurge1764900000000 } from "./1764900000000-promise-purge";

/** Every migration, oldest first. */
export const migrations = [
  InitialSchema1764220000000, PromiseDateChange1764300000000, CalendarDays1764400000000, IndexesAtScale1764500000000, ExactKeys1764600000000,
  Receiving1764700000000, PromisePurge1764900000000,
];
