/**
 * What the metrics and the request log say about a request, in a bounded set of values: a client
 * chooses operation names and nothing may grow the number of time series (or the log's vocabulary)
 * without bound, nor carry a value of a person through a name.
 */

/** The `outcome` of a request. */
export type Outcome = "ok" | "client_error" | "server_error";

/**
 * Codes of errors that the client caused (and can correct) or that follow from them. NOT_WRITTEN
 * marks the root fields of a mutation left unwritten because another one failed: that other error
 * decides. Every other code (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, one not known here) is
 * the server's.
 */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "EXECUTION_TIMEOUT",
  "METHOD_NOT_ALLOWED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_WRITTEN",
]);

/** ok without errors; client_error when every error has a client code; server_error otherwise. */
export function outcomeOf(errorCodes: readonly string[], httpStatus: number): Outcome {
  if (errorCodes.length === 0) return httpStatus >= 500 ? "server_error" : httpStatus >= 400 ? "client_error" : "ok";
  return errorCodes.every((code) => CLIENT_CODES.has(code)) ? "client_error" : "server_error";
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Six digits in a row could be (part of) a BSN, KvK-nummer or phone number: such a name is not repeated. */
const LONG_NUMBER = /\d{6}/;

/**
 * An operation's name as it may be shown: a GraphQL name of at most 64 characters without a long
 * number in it; `undefined` for any other.
 */
export function showableOperationName(name: string): string | undefined {
  return GRAPHQL_NAME.test(name) && !LONG_NUMBER.test(name) ? name : undefined;
}

const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 50;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The label values of one process (one server): the first 200 distinct showable operation names
 * are themselves, later ones and unshowable ones are `other`; an anonymous operation is
 * `anonymous`, a request without an operation (it did not parse, or named none that exists) `-`.
 * Error codes likewise: the first 50 distinct codes of the GraphQL shape (UPPER_SNAKE), then `other`.
 */
export class RequestLabels {
  private readonly operationNames = new Set<string>();
  private readonly errorCodes = new Set<string>();

  /** `name`: undefined when no operation was resolved, null when it is anonymous. */
  operation(name: string | null | undefined): string {
    if (name === undefined) return "-";
    if (name === null) return "anonymous";
    return this.bounded(this.operationNames, MAX_OPERATION_NAMES, showableOperationName(name));
  }

  errorCode(code: unknown): string {
    if (typeof code !== "string") return "none";
    return this.bounded(this.errorCodes, MAX_ERROR_CODES, ERROR_CODE.test(code) ? code : undefined);
  }

  private bounded(seen: Set<string>, max: number, value: string | undefined): string {
    if (value === undefined) return "other";
    if (seen.has(value)) return value;
    if (seen.size >= max) return "other";
    seen.add(value);
    return value;
  }
}
