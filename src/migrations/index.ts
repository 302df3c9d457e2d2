import { InitialSchema1764220000000 } from "./1764220000000-initial-schema";

/** Every migration, oldest first. */
export const migrations = [InitialSchema1764220000000];
