/**
 * Recognises the database faults that are no fault of the request: the database cannot be
 * reached, its disk is full, or it only accepts reads, or it ended a transaction to break a deadlock
 * with a concurrent one (the same request succeeds when sent again). A client gets SERVICE_UNAVAILABLE for them
 * (src/error-mapping.ts) and `/ready` answers 503 while they last; anything else a driver throws
 * stays an internal error.
 */
export type DatabaseFault = "unavailable" | "disk_full" | "read_only" | "conflict";

/** Node's socket errors: the database server is not there (any more). */
const SOCKET_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
function postgresqlFault(sqlState: string, severity: unknown): DatabaseFault | undefined {
  if (sqlState === "53100") return "disk_full";
  // read_only_sql_transaction: a standby, or default_transaction_read_only.
  if (sqlState === "25006") return "read_only";
  // deadlock_detected, serialization_failure: PostgreSQL chose this transaction to give way.
  if (sqlState === "40P01" || sqlState === "40001") return "conflict";
  // connection_exception, admin/crash shutdown, cannot_connect_now, too_many_connections.
  // (08P01 is a protocol violation: a bad statement of ours, not a lost connection.)
  if ((sqlState.startsWith("08") && sqlState !== "08P01") || ["57P01", "57P02", "57P03", "53300"].includes(sqlState)) return "unavailable";
  // A FATAL error ends the session: the server refused the connection (database gone, not
  // accepting connections, authentication) or dropped it.
  if (severity === "FATAL" || severity === "PANIC") return "unavailable";
  return undefined;
}

/** SQLite result codes as libsql names them, e.g. SQLITE_FULL or SQLITE_READONLY_DBMOVED. */
function sqliteFault(code: string): DatabaseFault | undefined {
  if (code.startsWith("SQLITE_FULL")) return "disk_full";
  if (code.startsWith("SQLITE_READONLY")) return "read_only";
  if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_BUSY")) return "unavailable";
  return undefined;
}

function faultOf(err: Error & { code?: unknown; severity?: unknown }): DatabaseFault | undefined {
  const code = typeof err.code === "string" ? err.code : "";
  if (code.startsWith("SQLITE_")) return sqliteFault(code);
  if (/^[0-9A-Z]{5}$/.test(code)) {
    const fault = postgresqlFault(code, err.severity);
    if (fault) return fault;
  }
  if (SOCKET_ERRORS.has(code)) return "unavailable";
  // Classified by name or message only where the driver gives no code; the message is read here,
  // never logged.
  if (err.name === "ConnectionException" || err.name === "KnexTimeoutError") return "unavailable";
  // pg's messages for a lost connection, after knex's " - " that follows the statement.
  if (/(^| - )(Connection terminated|Client has encountered a connection error)/.test(err.message)) return "unavailable";
  // libsql's, when it cannot open the file.
  if (/^ConnectionFailed\(/.test(err.message)) return "unavailable";
  return undefined;
}

/** The fault behind an error (MikroORM keeps the driver's code; Node may wrap the cause). */
export function databaseFault(err: unknown): DatabaseFault | undefined {
  for (let current = err, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const fault = faultOf(current);
    if (fault) return fault;
  }
  return undefined;
}
