import { App, AppOptions, createApp } from "../../src/http/app";
import { createLogger } from "../../src/api/request-log";
import { Db } from "../../src/db";
import { openTestDb } from "./database";
import type { TypedDocumentString } from "./graphql/graphql";

/** An error as the API answers it. */
export interface GqlError {
  message: string;
  extensions: { code?: string; requestId?: string; [key: string]: unknown };
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
}

/** One answer: the body, the HTTP status and headers. */
export interface GqlResponse<T> {
  /**
   * The data, typed from the document. Typed as present: when the operation failed it is null or
   * absent, so a test that expects a failure looks at `errors` (and may assert `data` is null).
   */
  data: T;
  errors?: GqlError[];
  status: number;
  headers: Headers;
}

type HeaderMap = Record<string, string>;

/** The data type of a typed document. */
export type ResultOf<D> = D extends TypedDocumentString<infer R, any> ? R : never;
/** Variables are required exactly when the document has a required variable. */
type VariablesAndHeaders<V> = {} extends V ? [variables?: V, headers?: HeaderMap] : [variables: V, headers?: HeaderMap];

/** Sends one operation and answers with its typed data. */
export interface GraphQLClient {
  /** A typed document (test/support/documents.ts or any graphql(`...`) in a test): variables and data typed from it. */
  gql<R, V>(document: TypedDocumentString<R, V>, ...args: VariablesAndHeaders<V>): Promise<GqlResponse<R>>;
  /** Plain text, for documents built at run time and for malformed or hostile ones: untyped. */
  gql(document: string, variables?: Record<string, unknown>, headers?: HeaderMap): Promise<GqlResponse<any>>;
}

/** POSTs one operation as JSON to `url` with exactly these headers (a TypedDocumentString is sent as its text). */
async function postGraphQL(url: string, document: string | String, variables: unknown, headers: HeaderMap): Promise<GqlResponse<any>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { ...body, status: response.status, headers: response.headers } as GqlResponse<any>;
}

/** A client for `url` that sends `authorization` unless a call passes an Authorization header of its own (empty = send none). */
export function graphQLClient(url: string, authorization: string): GraphQLClient["gql"] {
  return ((document: string | String, variables?: unknown, headers: HeaderMap = {}) => {
    const own = Object.keys(headers).find((name) => name.toLowerCase() === "authorization");
    const sent: HeaderMap = own === undefined ? { ...headers, authorization } : { ...headers };
    if (own !== undefined && !headers[own]) delete sent[own];
    return postGraphQL(url, document, variables, sent);
  }) as GraphQLClient["gql"];
}

/** Keys every test server accepts. gql() sends the admin one unless a test passes its own Authorization. */
export const TEST_KEYS = { admin: "test-admin-key-0123456789abcdef", support: "test-support-key-0123456789abcdef" } as const;

/** Headers for calling as `role`; anonymous sends an empty Authorization, which gql() leaves out. */
export const as = (role: "admin" | "support" | "anonymous"): HeaderMap => ({ authorization: role === "anonymous" ? "" : `Bearer ${TEST_KEYS[role]}` });

export interface TestServer extends GraphQLClient {
  db: Db;
  app: App;
  url: string;
  close(): Promise<void>;
}

/**
 * A real Apollo server in this process on a random port over a fresh test database, with the
 * TEST_KEYS (admin unnamed, so the actor is "admin"; support unnamed). It reads the test clock
 * (test/support/clock.ts). Logs are silent unless TEST_LOG_LEVEL is set.
 */
export async function startTestServer(db?: Db, options: AppOptions = {}): Promise<TestServer> {
  const database = db ?? (await openTestDb());
  const app = await createApp(database, {
    keys: [{ name: "admin", role: "admin", key: TEST_KEYS.admin }, { name: "support", role: "support", key: TEST_KEYS.support }],
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    ...options,
  });
  const url = await app.listen(0);
  return {
    db: database,
    app,
    url,
    gql: graphQLClient(url, `Bearer ${TEST_KEYS.admin}`),
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

/** The code of a GraphQL response's first error (undefined when it has none). */
export function errorCode(response: { errors?: GqlError[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
