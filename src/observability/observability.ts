import type { ApolloServerPlugin } from "@apollo/server";
import type { MikroORM } from "@mikro-orm/core";
import type { AbstractSqlConnection } from "@mikro-orm/knex";
import { SpanStatusCode } from "@opentelemetry/api";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import { getOperationAST, type OperationDefinitionNode } from "graphql";
import type { RequestContext } from "../common/context";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { Metrics } from "./metrics";
import { ObservedRequest } from "./observed-request";
import { outcomeOf, RequestLabels, showableOperationName } from "./request-labels";
import { RequestLog } from "./request-log";
import { Tracing } from "./tracing";

export interface ObservabilityOptions {
  /** Spans go here, one at a time, instead of where the configuration says (tests: an in-memory exporter). */
  spanExporter?: SpanExporter;
}

/**
 * Traces, metrics and the request log of one server, each present only when configured:
 * - `observe` wraps a request to /graphql: it starts the request's span (continuing the router's
 *   traceparent) and runs the request inside it, then, once answered, counts it, logs its one line
 *   and ends its span;
 * - `observabilityPlugin` tells it the operation and the errors, from inside Apollo Server.
 * Per request: one small object, the label look-ups, and what the enabled parts cost; nothing per
 * field, and per SQL statement nothing unless tracing is on (src/observability/tracing.ts).
 */
export class Observability {
  private readonly labels = new RequestLabels();
  /** Requests that `observe` runs and has not yet accounted for; `close` waits for them. */
  private underWay = 0;
  private whenIdle: (() => void) | undefined = undefined;

  constructor(
    readonly tracing: Tracing | undefined,
    readonly metrics: Metrics | undefined,
    private readonly requestLog: RequestLog | undefined,
  ) {}

  static create(config: Config, logger: Logger, orm: MikroORM, options: ObservabilityOptions = {}): Observability {
    const settings = config.observability;
    const tracing = options.spanExporter
      ? new Tracing(settings.serviceName, options.spanExporter, { batch: false })
      : Tracing.fromConfig(settings, logger);
    const pool = () => (orm.em.getConnection() as AbstractSqlConnection).getKnex().client.pool;
    return new Observability(
      tracing,
      settings.metricsEnabled ? new Metrics(pool) : undefined,
      settings.logRequests ? new RequestLog(logger) : undefined,
    );
  }

  /** Runs one request (`handle` answers it), inside its span when tracing, and accounts for it once answered. */
  async observe<T>(
    headers: Readonly<Record<string, string | string[] | undefined>>,
    handle: (request: ObservedRequest) => Promise<T>,
  ): Promise<T> {
    const traceparent = headers.traceparent;
    const span = this.tracing?.startOperation(headers);
    const request = new ObservedRequest(typeof traceparent === "string" ? traceparent : undefined, span);
    this.underWay++;
    try {
      return await (span ? this.tracing!.within(span, () => handle(request)) : handle(request));
    } catch (err) {
      request.failed(err);
      throw err;
    } finally {
      this.finish(request);
      if (--this.underWay === 0) this.whenIdle?.();
    }
  }

  private finish(request: ObservedRequest): void {
    // The explorer's page is no GraphQL request: neither counted nor logged as one.
    if (request.servedPage) {
      request.span?.span.end();
      return;
    }
    const durationSeconds = (performance.now() - request.startedAt) / 1000;
    const errorCodes = request.errorCodes().map((code) => this.labels.errorCode(code));
    const operation = this.labels.operation(request.operationName);
    const type = request.operationType ?? "-";
    const outcome = outcomeOf(errorCodes, request.status);
    this.metrics?.count({ operation, type, outcome, durationSeconds, errorCodes });
    this.requestLog?.write({
      operation,
      type,
      outcome,
      httpStatus: request.status,
      durationMs: Math.round(durationSeconds * 1e6) / 1e3,
      traceId: request.traceId,
      errorCodes,
      clientId: request.clientId,
    });
    if (request.span) {
      const { span } = request.span;
      span.setAttribute("http.response.status_code", request.status);
      if (outcome === "server_error") {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute("error.type", errorCodes.find((code) => code !== "NOT_WRITTEN") ?? String(request.status));
      }
      span.end();
    }
  }

  /**
   * After the HTTP server has drained: a request's answer can reach its client (and end the drain)
   * a moment before its line is written and its span ended, so that is waited for, and the last
   * lines of a stopping process are its own.
   */
  async close(): Promise<void> {
    if (this.underWay > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
    await this.tracing?.shutdown();
  }
}

/**
 * Tells the observed request of the context (if any: `Observability.observe` made it) its client,
 * operation and final response. Hooks once per request only; none per field.
 */
export const observabilityPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    const request = contextValue.observed;
    if (!request) return;
    request.clientId = contextValue.principal.clientId;
    return {
      async didResolveOperation({ operation }) {
        if (operation) operationKnown(request, operation);
      },
      // A document that parses and fails validation (a limit, an unknown field) still names its
      // operation. Apollo skips validation for a document it has validated before, but those pass.
      async validationDidStart({ document, request: { operationName } }) {
        return async (errors) => {
          const operation = errors && getOperationAST(document, operationName);
          if (operation) operationKnown(request, operation);
        };
      },
      async willSendResponse({ response }) {
        request.responding(response);
      },
    };
  },
};

function operationKnown(request: ObservedRequest, operation: OperationDefinitionNode): void {
  request.operationType = operation.operation;
  request.operationName = operation.name?.value ?? null;
  if (!request.span) return;
  const name = operation.name ? (showableOperationName(operation.name.value) ?? "other") : null;
  const { span } = request.span;
  span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
  span.setAttribute("graphql.operation.type", operation.operation);
  if (name) span.setAttribute("graphql.operation.name", name);
}
