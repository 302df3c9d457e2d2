/** Talks to the service's own /graphql with the key from this browser tab, and turns failures into retailer words. */
import type { TypedDocumentString } from "./graphql/graphql.js";

const KEY_STORAGE = "oms.console.key";

export const key = {
  // sessionStorage: the key lives as long as this tab, never on disk beyond the session.
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (value: string): void => sessionStorage.setItem(KEY_STORAGE, value),
  clear: (): void => sessionStorage.removeItem(KEY_STORAGE),
};

/** A failed call: `code` from the API (or HTTP/NETWORK), `message` already in words for the retailer. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

interface GraphQLError {
  message?: string;
  extensions?: { code?: string; requestId?: string };
}

/** The sentence a retailer sees for an error code; `message` is the server's own, used where it is written for people. */
export function inWords(code: string, message = "", requestId?: string): string {
  switch (code) {
    case "UNAUTHENTICATED": return "That key was not accepted. Enter your admin or support key again.";
    case "FORBIDDEN": return "Your key lets you look, not change anything. Ask someone with the admin key to do this.";
    case "CONFLICT": return "Someone else changed this PO at the same moment; try again.";
    case "PO_NOT_ALLOCATABLE":
    case "INVALID_STATE":
    case "INSUFFICIENT_ATP":
    case "NOT_FOUND":
    case "BAD_USER_INPUT":
    case "DUPLICATE": return message || "The service refused this request.";
    case "TIMEOUT": return "The service took too long and changed nothing. Try again in a moment.";
    case "TOO_MANY_REQUESTS": return "Too many requests just now. Wait a moment and try again.";
    case "GRAPHQL_PARSE_FAILED":
    case "GRAPHQL_VALIDATION_FAILED": return "This page does not match the service's version. Reload the page; if that does not help, tell support.";
    case "NETWORK": return "The service could not be reached. Check the connection and try again.";
    case "INTERNAL_SERVER_ERROR":
      return `Something went wrong on the service's side. Try again; if it keeps happening, tell support${requestId ? ` and quote reference ${requestId}` : ""}.`;
    default: return `Something went wrong (${code}). Try again; if it keeps happening, tell support.`;
  }
}

let onUnauthenticated: () => void = () => undefined;
/** Called when the service rejects the key, so the page can ask for it again. */
export function whenKeyRejected(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Variables are required exactly when the document has a required variable. */
type VariablesOf<V> = {} extends V ? [variables?: V] : [variables: V];

/**
 * Runs one operation (a typed document from queries.ts); resolves with its data, typed from the
 * document, or throws an ApiError in words.
 */
export async function request<T, V>(document: TypedDocumentString<T, V>, ...[variables]: VariablesOf<V>): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key.get() ?? ""}` },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("NETWORK", inWords("NETWORK"));
  }
  let body: { data?: T; errors?: GraphQLError[] } | undefined;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = body?.errors?.[0];
  if (error || !body?.data) {
    const code = error?.extensions?.code ?? httpCode(response.status);
    if (code === "UNAUTHENTICATED") onUnauthenticated();
    throw new ApiError(code, inWords(code, error?.message, error?.extensions?.requestId ?? response.headers.get("x-request-id") ?? undefined));
  }
  return body.data;
}

function httpCode(status: number): string {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 429) return "TOO_MANY_REQUESTS";
  if (status >= 500) return "INTERNAL_SERVER_ERROR";
  return `HTTP ${status}`;
}
