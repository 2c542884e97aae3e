import { AsyncLocalStorage } from "node:async_hooks";
import {
  defaultTextMapGetter,
  diag,
  DiagLogLevel,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import type { Logger } from "pino";
import type { ObservabilityConfig } from "../config";

/**
 * OpenTelemetry traces: one span per GraphQL request (the operation), continuing the router's
 * W3C `traceparent`, and one child span per SQL statement it sends (src/database/drivers.ts).
 *
 * Spans are made by hand at those two places rather than by the auto-instrumentations of http and
 * pg: those patch modules, cost on every call, and the pg one can record bound values. The SDK is
 * @opentelemetry/sdk-trace, which reads no environment variable itself (config.ts does); the OTLP
 * exporter does read the standard OTEL_EXPORTER_OTLP_(TRACES_)HEADERS, _TIMEOUT, _COMPRESSION and
 * certificate variables. No tracer provider is registered globally: nothing else in the process
 * makes spans through this one.
 */

/** The span of the operation whose code runs now, and the tracer to make its statements' spans with. */
interface RunningOperation {
  context: Context;
  tracer: Tracer;
}

const runningOperation = new AsyncLocalStorage<RunningOperation>();

/** False until a Tracing exists: a process without tracing does not even look for a running operation. */
let tracingExists = false;

const propagator = new W3CTraceContextPropagator();

/** Span name of an operation not (yet) known: OpenTelemetry's GraphQL conventions call it so. */
const UNKNOWN_OPERATION = "GraphQL Operation";

export interface OperationSpan {
  span: Span;
  /** The caller's context (from `traceparent`) with this span in it. */
  context: Context;
}

export class Tracing {
  private readonly provider: TracerProvider;
  private readonly tracer: Tracer;

  /** Spans go to `exporter`, one at a time when `batch` is false (tests), else in batches (OTLP). */
  constructor(serviceName: string, exporter: SpanExporter, { batch }: { batch: boolean }) {
    this.provider = new TracerProvider({
      resource: defaultResource().merge(resourceFromAttributes({ "service.name": serviceName })),
      spanProcessors: [batch ? new BatchSpanProcessor({ exporter }) : new SimpleSpanProcessor({ exporter })],
    });
    this.tracer = this.provider.getTracer("klantinteracties-subgraph");
    tracingExists = true;
  }

  /** Tracing as configured: OTLP over HTTP when an endpoint is set, else none. */
  static fromConfig(config: ObservabilityConfig, logger: Logger): Tracing | undefined {
    if (!config.tracesEndpoint) return undefined;
    logExportProblems(logger);
    return new Tracing(config.serviceName, new OTLPTraceExporter({ url: config.tracesEndpoint }), { batch: true });
  }

  /**
   * The span of a GraphQL request, child of the caller's span when `headers` carry a valid
   * `traceparent` (same trace id; the caller's sampling decision holds), else the root of a new
   * trace. Named once the operation is known (`nameOperation`).
   */
  startOperation(headers: Readonly<Record<string, unknown>>): OperationSpan {
    const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(UNKNOWN_OPERATION, { kind: SpanKind.SERVER }, parent);
    return { span, context: trace.setSpan(parent, span) };
  }

  /** Runs `work` with `operation` as the parent of the statements it sends. */
  within<T>(operation: OperationSpan, work: () => T): T {
    return runningOperation.run({ context: operation.context, tracer: this.tracer }, work);
  }

  /** Sends what is still buffered and stops. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}

/**
 * Runs one SQL statement, in a span of its own when an operation span is running: named after its
 * verb and table, with `db.query.text` the statement as built, with its placeholders. The bound
 * values are never read here, and a failure is recorded by its code, never by its message (which
 * drivers fill with the SQL and its values).
 */
export function inStatementSpan<T>(system: "postgresql" | "sqlite", sql: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!tracingExists) return run();
  const operation = runningOperation.getStore();
  if (!operation || sql === undefined) return run();
  const span = operation.tracer.startSpan(
    statementSpanName(sql),
    { kind: SpanKind.CLIENT, attributes: { "db.system.name": system, "db.query.text": sql } },
    operation.context,
  );
  return run().then(
    (result) => {
      span.end();
      return result;
    },
    (err: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute("error.type", errorType(err));
      span.end();
      throw err;
    },
  );
}

const VERB = /^\s*(select|insert|update|delete|with)\b/i;
const TABLE = /\b(?:from|into|update)\s+["`]?([A-Za-z_][A-Za-z0-9_]*)/i;

/** "select partij", "insert audit_record", or "db.query" for what is neither of the four. */
export function statementSpanName(sql: string): string {
  const verb = VERB.exec(sql)?.[1];
  if (!verb) return "db.query";
  const table = TABLE.exec(sql)?.[1];
  return table ? `${verb.toLowerCase()} ${table}` : verb.toLowerCase();
}

/** A driver's or the runtime's code (SQLSTATE, SQLITE_BUSY, ECONNREFUSED), else the error's class name. */
export function errorType(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^[A-Za-z0-9_]{1,64}$/.test(code)) return code;
  const name = err instanceof Error ? err.name : "";
  return /^[A-Za-z0-9_]{1,64}$/.test(name) ? name : "Error";
}

let diagnosticsLogged = false;

/**
 * The exporter's own problems (a collector that cannot be reached) as warnings in the JSON log,
 * without the text after the first colon, where error details follow. Once per process: the
 * OpenTelemetry diagnostics logger is global.
 */
function logExportProblems(logger: Logger): void {
  if (diagnosticsLogged) return;
  diagnosticsLogged = true;
  const child = logger.child({ component: "opentelemetry" });
  const text = (message: string) => message.split(":")[0];
  diag.setLogger(
    {
      error: (message) => child.warn(text(message)),
      warn: (message) => child.warn(text(message)),
      info: (message) => child.debug(text(message)),
      debug: () => undefined,
      verbose: () => undefined,
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}
