import type { ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { auditBacklog } from "../audit/audit-backlog";
import type { Outcome } from "./request-labels";

/** One finished GraphQL request, as the metrics count it (label values already bounded). */
export interface CountedRequest {
  operation: string;
  type: string;
  outcome: Outcome;
  durationSeconds: number;
  errorCodes: readonly string[];
}

/** The connection pool of the database (knex's tarn pool; on SQLite one connection). */
export interface ConnectionPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Node's and the process's own metrics (CPU, memory, event loop, GC): one set per process, whatever the number of servers in it. */
let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The Prometheus metrics of one server, served on GET /metrics in the text format (prom-client).
 * Counting a request costs two counter increments and a histogram observation; the pool and the
 * audit backlog are read only when scraped.
 */
export class Metrics {
  private readonly registry: Registry;
  private readonly requests: Counter<"operation" | "type" | "outcome">;
  private readonly durations: Histogram<"operation" | "type" | "outcome">;
  private readonly errors: Counter<"code">;

  constructor(pool: () => ConnectionPool | undefined) {
    const own = new Registry();
    this.requests = new Counter({
      name: "klantinteracties_graphql_requests_total",
      help: "GraphQL requests answered, by operation name, operation type and outcome (ok, client_error, server_error).",
      labelNames: ["operation", "type", "outcome"],
      registers: [own],
    });
    this.durations = new Histogram({
      name: "klantinteracties_graphql_request_duration_seconds",
      help: "Time from the request's arrival at /graphql to its answer, by operation name, operation type and outcome.",
      labelNames: ["operation", "type", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [own],
    });
    this.errors = new Counter({
      name: "klantinteracties_graphql_errors_total",
      help: "Errors in GraphQL answers, by extensions.code.",
      labelNames: ["code"],
      registers: [own],
    });
    new Gauge({
      name: "klantinteracties_db_pool_connections",
      help: "Database connections of the pool: used, free, and pending (requests waiting for a connection). SQLite has one connection.",
      labelNames: ["state"],
      registers: [own],
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: "used" }, current.numUsed());
        this.set({ state: "free" }, current.numFree());
        this.set({ state: "pending" }, current.numPendingAcquires());
      },
    });
    new Gauge({
      name: "klantinteracties_audit_backlog",
      help: "Data subjects that requests under way reported for the audit log and whose records are not yet written; 0 between requests.",
      registers: [own],
      collect() {
        this.set(auditBacklog.size);
      },
    });
    this.registry = Registry.merge([processMetrics(), own]);
  }

  count(request: CountedRequest): void {
    const labels = { operation: request.operation, type: request.type, outcome: request.outcome };
    this.requests.inc(labels);
    this.durations.observe(labels, request.durationSeconds);
    for (const code of request.errorCodes) this.errors.inc({ code });
  }

  /** The answer to GET /metrics. */
  async respond(res: ServerResponse): Promise<void> {
    const text = await this.registry.metrics();
    res.writeHead(200, { "content-type": this.registry.contentType, "content-length": Buffer.byteLength(text) });
    res.end(text);
  }
}
