/** The codes a whole operation can fail with (docs/domain.md#error-codes). Per-item outcomes are payload data instead. */
export type ErrorCode =
  | "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "NOT_FOUND" | "DUPLICATE"
  | "PO_NOT_ALLOCATABLE" | "INVALID_STATE" | "INSUFFICIENT_ATP" | "CONFLICT" | "TIMEOUT" | "INTERNAL_SERVER_ERROR";

/** A failure the caller can act on. Thrown inside a transaction, it rolls everything back. */
export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError("BAD_USER_INPUT", message, details);
export const notFound = (message: string) => new DomainError("NOT_FOUND", message);
/** The object's state forbids the action (release an untied item, tie a tied one, change a cancelled PO). */
export const invalidState = (message: string, details?: Record<string, unknown>) => new DomainError("INVALID_STATE", message, details);
/** A manual tie or move that does not fit the PO item's ATP. */
export const insufficientAtp = (message: string, details?: Record<string, unknown>) => new DomainError("INSUFFICIENT_ATP", message, details);

/**
 * A guarded write found the row changed under it (another transaction won the race). The
 * transaction runner retries the whole unit of work; after the last try it becomes CONFLICT.
 */
export class RetryableConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableConflict";
  }
}
