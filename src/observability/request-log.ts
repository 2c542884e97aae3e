import type { Logger } from "pino";
import type { Outcome } from "./request-labels";

/** One finished GraphQL request as its log line tells it. */
export interface LoggedRequest {
  /** The bounded operation label of the metrics (request-labels.ts), never the document. */
  operation: string;
  type: string;
  outcome: Outcome;
  httpStatus: number;
  durationMs: number;
  traceId: string;
  errorCodes: readonly string[];
  /** The application's client id from its token (configuration, not a person); null when it was refused. */
  clientId: string | null;
}

/**
 * One JSON line per GraphQL request, at info level (LOG_REQUESTS). What it holds is chosen so that
 * it can never carry personal data: no variables, no document, no answer, no user id, no message
 * of an error (only codes). The trace id finds the same request in the traces and the audit log.
 */
export class RequestLog {
  constructor(private readonly logger: Logger) {}

  write(request: LoggedRequest): void {
    this.logger.info(request, "graphql request");
  }
}
