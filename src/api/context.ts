import type { Role } from "../auth/keys";
import { Database, Db, Lane } from "../db";
import { Loaders, createLoaders } from "./loaders";
import { RequestRecord } from "./request-log";

export type { Role };

/** What every resolver gets: the database as the caller's lane sees it, this request's loaders, and who is asking. */
export interface Context {
  db: Database;
  loaders: Loaders;
  role: Role;
  /** The name recorded as actor in runs and history. */
  actor: string | null;
  requestId: string;
  /** What the request log will say about this request; the plugins fill it in. */
  record: RequestRecord;
}

/**
 * Which lane a caller's reads take (src/db/db.ts): the storefront's anonymous lookups never
 * wait behind writes; support reads may go to a replica; an admin reads what it just wrote.
 */
const LANES: Readonly<Record<Role, Lane>> = { anonymous: "storefront", support: "support", admin: "admin" };

export function createContext(db: Db, identity: { role: Role; actor: string | null }, record: RequestRecord): Context {
  const lane = laneOf(db, identity.role);
  const loaders = createLoaders(lane);
  // A memoised answer never outlives a write of the same request: a later field (the payload's PO
  // after Allocate Sales Orders, a second mutation's) must read what was written, not what an earlier field read.
  const database: Database = {
    dialect: lane.dialect,
    read: (work) => lane.read(work),
    write: async (work, options) => {
      try {
        return await lane.write(work, options);
      } finally {
        loaders.forgetAll();
      }
    },
  };
  return { db: database, loaders, role: identity.role, actor: identity.actor, requestId: record.requestId, record };
}

/** The database as a caller of this role sees it. */
export function laneOf(db: Db, role: Role): Database {
  return db.lane(LANES[role]);
}
