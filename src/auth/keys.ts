import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Who may do what: admin everything, support every query and no mutation, anonymous the PDP lookups. */
export type Role = "admin" | "support" | "anonymous";

/** A configured API key. `name` is recorded as the actor of allocation runs and history. */
export interface NamedKey {
  name: string;
  role: "admin" | "support";
  key: string;
}

/** Who is asking. `actor` is the key's name, or its role for an unnamed key; null when anonymous. */
export interface Identity {
  role: Role;
  actor: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({ role: "anonymous", actor: null });

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** Production keys must be long enough not to be guessed; a generated key has 32 characters. */
export const MIN_PRODUCTION_KEY_LENGTH = 16;

/**
 * Parses one role's keys from `<ROLE>_API_KEY` (one unnamed key, actor = the role) and
 * `<ROLE>_API_KEYS` (`name:key,name:key`). Throws a message naming the variable on bad input,
 * never quoting a key.
 */
export function parseKeys(role: "admin" | "support", single: string | undefined, list: string | undefined): NamedKey[] {
  const variable = `${role.toUpperCase()}_API_KEYS`;
  const keys: NamedKey[] = [];
  if (single?.trim()) keys.push({ name: role, role, key: checkedKey(single.trim(), `${role.toUpperCase()}_API_KEY`) });
  for (const [index, entry] of (list ?? "").split(",").map((e) => e.trim()).entries()) {
    if (!entry) continue;
    const colon = entry.indexOf(":");
    if (colon < 1) throw new Error(`${variable}: entry ${index + 1} must be name:key`);
    const name = entry.slice(0, colon).trim();
    if (!NAME.test(name)) throw new Error(`${variable}: entry ${index + 1} has a name that is not 1-64 letters, digits, "_", "." or "-"`);
    keys.push({ name, role, key: checkedKey(entry.slice(colon + 1).trim(), `${variable} (${name})`) });
  }
  return keys;
}

function checkedKey(key: string, where: string): string {
  if (!key) throw new Error(`${where}: the key is empty`);
  if (/\s/.test(key)) throw new Error(`${where}: the key contains whitespace`);
  return key;
}

/** A key for this run only, printed at start-up when no admin key is configured. */
export function generateKey(): string {
  return randomBytes(24).toString("base64url");
}

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * The configured keys, held as SHA-256 digests. A presented key is hashed once and compared with
 * every stored digest by `timingSafeEqual`, without stopping at a match, so neither the length of
 * a key nor which one matched shows in the response time.
 */
export class KeyRing {
  private readonly entries: { digest: Buffer; identity: Identity }[];

  constructor(keys: readonly NamedKey[]) {
    const seenKeys = new Set<string>();
    const seenNames = new Set<string>();
    for (const k of keys) {
      if (seenKeys.has(k.key)) throw new Error(`The key named "${k.name}" is configured twice; every key must be different`);
      if (seenNames.has(k.name)) throw new Error(`Two keys are named "${k.name}"; names are recorded as actors and must be unique`);
      seenKeys.add(k.key);
      seenNames.add(k.name);
    }
    this.entries = keys.map((k) => ({ digest: digest(k.key), identity: Object.freeze({ role: k.role, actor: k.name }) }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The identity for an `Authorization` header: anonymous when absent or blank, null for a wrong key. */
  identify(authorization: string | undefined): Identity | null {
    const value = authorization?.trim();
    if (!value) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    if (!match) return null;
    const presented = digest(match[1]);
    let found: Identity | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, presented)) found = entry.identity;
    }
    return found;
  }
}
