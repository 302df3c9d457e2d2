import type { Role } from "../auth/keys";
import { Db } from "../db";
import { Loaders, createLoaders } from "./loaders";
import { RequestRecord } from "./request-log";

export type { Role };

/** What every resolver gets: the database, this request's loaders, and who is asking. */
export interface Context {
  db: Db;
  loaders: Loaders;
  role: Role;
  /** The name recorded as actor in runs and history. */
  actor: string | null;
  requestId: string;
  /** What the request log will say about this request; the plugins fill it in. */
  record: RequestRecord;
}

export function createContext(db: Db, identity: { role: Role; actor: string | null }, record: RequestRecord): Context {
  return { db, loaders: createLoaders(db), role: identity.role, actor: identity.actor, requestId: record.requestId, record };
}
