import pino, { type DestinationStream, type Logger } from "pino";
import { databaseFault } from "./database/faults";
import { failedStatementOf } from "./database/drivers";

/**
 * JSON logs on stdout, one object a line. No line may carry a value from a client's input or from
 * the database (BSN, e-mail, names, texts): errors are logged through `safeError`, SQL only with
 * placeholders.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "klantinteracties-subgraph" },
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    destination,
  );
}

/** What an error may tell the log. */
export interface SafeError {
  type: string;
  /** Driver or system code: SQLITE_FULL, ECONNREFUSED, a PostgreSQL SQLSTATE. */
  code?: string;
  fault?: string;
  /** The failing SQL statement, with placeholders. */
  statement?: string;
  /** Names from the database schema that PostgreSQL reports (never values). */
  table?: string;
  constraint?: string;
  column?: string;
  /** Only the "at ..." frames: the first line of a stack repeats the message. */
  stack?: string;
  cause?: SafeError;
}

const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,128}$/;

function identifier(value: unknown): string | undefined {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : undefined;
}

/**
 * An error without its message. Messages are where drivers and the runtime put data: knex prefixes
 * a failed statement with its SQL, values inlined; PostgreSQL's detail names the duplicate key;
 * JSON.parse quotes its input. The type, the codes and the stack frames point at the cause.
 */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: err === null ? "null" : typeof err };
  const fields = err as Error & Record<string, unknown>;
  const safe: SafeError = {
    type: identifier(err.name) ?? identifier(err.constructor?.name) ?? "Error",
    code: identifier(fields.code),
    fault: databaseFault(err),
    statement: failedStatementOf(err),
    table: identifier(fields.table),
    constraint: identifier(fields.constraint),
    column: identifier(fields.column),
    stack: err.stack
      ?.split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("at "))
      .join("\n"),
  };
  if (err.cause !== undefined && depth < 3) safe.cause = safeError(err.cause, depth + 1);
  for (const key of Object.keys(safe) as Array<keyof SafeError>) if (safe[key] === undefined || safe[key] === "") delete safe[key];
  return safe;
}

/**
 * Apollo Server's own messages put an error's text after a colon ("Unexpected error processing
 * request: ..."); only the part before it is logged.
 */
export function apolloLogger(logger: Logger) {
  const child = logger.child({ component: "apollo-server" });
  const text = (message: unknown) => (message instanceof Error ? safeError(message).type : String(message).split(":")[0]);
  return {
    debug: (message: unknown) => child.debug(text(message)),
    info: (message: unknown) => child.info(text(message)),
    warn: (message: unknown) => child.warn(text(message)),
    error: (message: unknown) => child.error(text(message)),
  };
}

/**
 * Node's process warnings (deprecations such as pg's, experimental features, a listener leak) as
 * JSON warn lines of the logger that `current` returns, instead of Node's text on stderr: Node's
 * own printer is one of the "warning" listeners, and goes. Name, code and message only: a
 * warning's message is the runtime's or a library's text, not data; its stack is not logged.
 */
export function logProcessWarnings(current: () => Logger): void {
  process.removeAllListeners("warning");
  process.on("warning", (warning: Error & { code?: unknown }) => {
    current().warn(
      { component: "node", warning: { type: identifier(warning.name) ?? "Warning", code: identifier(warning.code) } },
      warning.message,
    );
  });
}

export type { Logger };
