import { ApolloServerPlugin } from "@apollo/server";
import pino, { DestinationStream, Logger } from "pino";
import type { Context } from "./context";
import { shapeOf } from "./operation";

export type { Logger } from "pino";

/**
 * Structured logs: one JSON line per request and one per unexpected error, joined by requestId.
 * What a line may carry is chosen here, field by field, so that no API key, Authorization header,
 * query text or variable (customer data) can reach the log by accident.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorDetail },
    // Belt and braces: nothing logs these fields, and if someone ever does they are censored.
    redact: { paths: ["authorization", "headers.authorization", "*.authorization", "key", "*.key", "variables", "*.variables"], censor: "[redacted]" },
  }, destination);
}

/** The longest string a log line carries from a request (operation name, path, field names). */
export const MAX_LOGGED_CHARS = 200;
/** The longest error text (message, stack, SQL) a log line carries. */
const MAX_LOGGED_ERROR_CHARS = 4000;

/** `text` cut to `max` characters, saying how long it was: a request's strings are the client's to choose. */
export function bounded(text: string, max = MAX_LOGGED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[${text.length} chars]`;
}

/**
 * The one place where values are taken out of error texts before they are logged: every quoted
 * string becomes '?'. Driver messages carry bound values ("Duplicate entry 'PO-C0' for key
 * 'PRIMARY'", "Data too long for column ..."), and so do stacks, whose first line is the message.
 */
export function blankValues(text: string): string {
  return bounded(text.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'").replace(/"(?:[^"\\]|\\.)*"/g, '"?"'), MAX_LOGGED_ERROR_CHARS);
}

/**
 * An error in full for the server log (type, message, stack, the SQL with its placeholders and
 * the driver's codes), but without the bound parameters, which hold customer data (TypeORM's
 * `parameters`, and mysql2's `sql`, which is the statement with the values filled in), and
 * without the values driver messages quote (blankValues).
 */
function errorDetail(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: blankValues(String(error)) };
  const detail: Record<string, unknown> = { type: bounded(error.name), message: blankValues(error.message), stack: error.stack && blankValues(error.stack) };
  const extra = error as unknown as Record<string, unknown>;
  for (const key of ["code", "errno", "sqlState"]) if (extra[key] !== undefined) detail[key] = typeof extra[key] === "string" ? bounded(extra[key]) : extra[key];
  if (typeof extra.sqlMessage === "string") detail.sqlMessage = blankValues(extra.sqlMessage);
  // The statement with its placeholders: its literals are the code's, never a client's.
  if (typeof extra.query === "string") detail.query = bounded(extra.query, MAX_LOGGED_ERROR_CHARS);
  if (extra.driverError instanceof Error && extra.driverError !== error) detail.driverError = errorDetail(extra.driverError);
  if (extra.cause instanceof Error) detail.cause = errorDetail(extra.cause);
  return detail;
}

/** What is known about one request by the time it is answered. */
export interface RequestRecord {
  requestId: string;
  started: bigint;
  method: string;
  path: string;
  role: string;
  actor: string | null;
  operationName?: string | null;
  operation?: string;
  fields?: string[];
  /** Error codes of the response, in order, without repeats. */
  codes: string[];
}

export function newRequestRecord(requestId: string, method: string, path: string): RequestRecord {
  return { requestId, started: process.hrtime.bigint(), method, path, role: "anonymous", actor: null, codes: [] };
}

export function addCode(record: RequestRecord, code: string): void {
  if (!record.codes.includes(code)) record.codes.push(code);
}

/** The one line per request: request id, operation, role, duration, outcome ("ok" or the error codes). */
export function logRequest(logger: Logger, record: RequestRecord, status: number): void {
  const durationMs = Math.round(Number(process.hrtime.bigint() - record.started) / 1e4) / 100;
  const line = {
    requestId: record.requestId,
    // Every string that comes from the request is bounded: a client may send a 5 MB operation name.
    method: bounded(record.method),
    path: bounded(record.path),
    status,
    operationName: record.operationName == null ? null : bounded(String(record.operationName)),
    operation: record.operation,
    fields: record.fields?.slice(0, 20).map((f) => bounded(f)),
    role: record.role,
    actor: record.actor,
    durationMs,
    outcome: record.codes.length ? record.codes.join(",") : status < 400 ? "ok" : `HTTP_${status}`,
  };
  if (status >= 500 || record.codes.includes("INTERNAL_SERVER_ERROR")) logger.error(line, "request");
  else if (record.path === "/healthz") logger.debug(line, "request");
  else logger.info(line, "request");
}

/** Fills the request's record (in the context) from Apollo: operation name, type, root fields and error codes. */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      const record = contextValue.record;
      record.operationName = request.operationName ?? null;
      return {
        async didResolveOperation({ operation, document, operationName }) {
          if (!operation) return;
          record.operationName = operationName;
          record.operation = operation.operation;
          record.fields = [...shapeOf(document, operation).rootFieldNames];
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) addCode(record, String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
        },
      };
    },
  };
}
