import type { Role } from "../auth/keys";
import { Db } from "../domain/db";
import { Loaders, createLoaders } from "./loaders";

export type { Role };

/** What every resolver gets: the database, this request's loaders, and who is asking. */
export interface Context {
  db: Db;
  loaders: Loaders;
  role: Role;
  /** The name recorded as actor in runs and history. */
  actor: string | null;
  requestId: string;
}

export function createContext(db: Db, identity: { role: Role; actor: string | null }, requestId: string): Context {
  return { db, loaders: createLoaders(db), role: identity.role, actor: identity.actor, requestId };
}
