import { badInput } from "./errors";

/** Opaque keyset cursors: base64url of the sort key of the last row seen. */
export type Cursor = string[];

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export const encodeCursor = (key: Cursor): string => Buffer.from(JSON.stringify(key)).toString("base64url");

export function decodeCursor(cursor: string, parts: number): Cursor {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === "string")) return key;
  } catch {
    // fall through to the coded error
  }
  throw badInput("after is not a cursor this list gave out");
}
