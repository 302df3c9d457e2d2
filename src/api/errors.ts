import { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLFormattedError } from "graphql";
import { DomainError } from "../errors";
import { Context } from "./context";

const PASS_THROUGH_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE", "UNAUTHENTICATED", "FORBIDDEN"]);

/**
 * Turns every error into one of the codes of docs/domain.md#error-codes. Domain errors keep their message; anything
 * unexpected becomes INTERNAL_SERVER_ERROR with no SQL, stack or path in it.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  let code = formatted.extensions?.code as string | undefined;
  // A value written inline that its scalar refused (a Date "2027-02-30") is bad input, as the same value in a variable is.
  if (code === "GRAPHQL_VALIDATION_FAILED" && (error as { originalError?: { extensions?: { code?: unknown } } })?.originalError?.extensions?.code === "BAD_USER_INPUT") {
    code = "BAD_USER_INPUT";
  }
  // Apollo's own refusals of a request that carry only an HTTP 4xx (a persisted query whose hash does not match its text).
  const own = (error as { extensions?: { code?: unknown; http?: { status?: number } } })?.extensions;
  if (code === "INTERNAL_SERVER_ERROR" && own && own.code === undefined && (own.http?.status ?? 0) >= 400 && (own.http?.status ?? 0) < 500) code = "BAD_REQUEST";
  if (code && PASS_THROUGH_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** Apollo's "Did you mean ...?" suggestion at the end of a validation message. */
const HINT = /\s*Did you mean (.+?)\?$/;

/**
 * No "Did you mean ...?" hints for anonymous callers: they would name admin operations and fields
 * (`allocateSalesOrders`) to anyone. Keys (support, admin) keep them where introspection is on.
 */
export function anonymousHintsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || contextValue.role !== "anonymous") return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => (HINT.test(error.message) ? { ...error, message: error.message.replace(HINT, "") } : error));
        },
      };
    },
  };
}

/** Logs unexpected errors in full under the request id, and gives the client that id. */
export function errorLoggingPlugin(log: (requestId: string, error: unknown) => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (!(original instanceof DomainError) && !PASS_THROUGH_CODES.has(String(error.extensions?.code))) log(contextValue.requestId, original);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === "INTERNAL_SERVER_ERROR") (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
