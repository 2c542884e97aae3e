import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeOf, RequestLabels } from "../../src/observability/request-labels";
import { dialect } from "../support/database";
import { TestServer } from "../support/http-server";
import { parseMetrics, metricValue, type Sample } from "./prometheus";

/**
 * GET /metrics in Prometheus' text format: requests and their duration by operation, type and
 * outcome, errors by code, the database pool, the audit backlog and the process's own metrics.
 */

const REQUESTS = "klantinteracties_graphql_requests_total";
const DURATION_COUNT = "klantinteracties_graphql_request_duration_seconds_count";
const ERRORS = "klantinteracties_graphql_errors_total";
const POOL = "klantinteracties_db_pool_connections";
const BACKLOG = "klantinteracties_audit_backlog";

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.stop();
});

async function scrape(): Promise<Sample[]> {
  const response = await server.fetch("/metrics");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(response.text);
}

/** How much each of these samples grew while `act` ran. */
async function growth(act: () => Promise<unknown>, samples: Array<[string, Record<string, string>]>): Promise<number[]> {
  const before = await scrape();
  await act();
  const after = await scrape();
  return samples.map(([name, labels]) => metricValue(after, name, labels) - metricValue(before, name, labels));
}

describe(`metrics (${dialect})`, () => {
  it("count a request and its duration by operation name, type and outcome", async () => {
    const ok = { operation: "Lijst", type: "query", outcome: "ok" };
    const grown = await growth(async () => {
      for (let i = 0; i < 3; i++)
        expect((await server.graphql("query Lijst { partijen(first: 1) { edges { node { uuid } } } }")).status).toBe(200);
      await server.graphql("{ actoren(first: 1) { edges { node { uuid } } } }");
    }, [
      [REQUESTS, ok],
      [DURATION_COUNT, ok],
      [REQUESTS, { operation: "anonymous", type: "query", outcome: "ok" }],
    ]);
    expect(grown).toEqual([3, 3, 1]);
  });

  it("count errors by code, and a refused request as a client error", async () => {
    const grown = await growth(async () => {
      await server.graphql('mutation Fout { createDigitaalAdres(input: { adres: "geen adres", soortDigitaalAdres: EMAIL }) { uuid } }');
      await server.graphql("{ partijen(first: 1) { edges ");
      await server.graphql("query Lijst { partijen(first: 1) { edges { node { uuid } } } }", undefined, { authorization: null });
      await server.graphql("query Onbekend { bestaatNiet }");
    }, [
      [REQUESTS, { operation: "Fout", type: "mutation", outcome: "client_error" }],
      [ERRORS, { code: "BAD_USER_INPUT" }],
      [REQUESTS, { operation: "-", type: "-", outcome: "client_error" }],
      [ERRORS, { code: "GRAPHQL_PARSE_FAILED" }],
      [ERRORS, { code: "UNAUTHENTICATED" }],
      [ERRORS, { code: "GRAPHQL_VALIDATION_FAILED" }],
      [REQUESTS, { operation: "Onbekend", type: "query", outcome: "client_error" }],
      [REQUESTS, { outcome: "server_error" }],
    ]);
    // Neither the document that does not parse nor the request refused before Apollo read it names an operation.
    expect(grown).toEqual([1, 1, 2, 1, 1, 1, 1, 0]);
  });

  it("show the database pool and the audit backlog", async () => {
    const samples = await scrape();
    const pool = samples.filter((sample) => sample.name === POOL);
    expect(pool.map((sample) => sample.labels.state).sort()).toEqual(["free", "pending", "used"]);
    const [used, free, pending] = ["used", "free", "pending"].map((state) => metricValue(samples, POOL, { state }));
    // SQLite: its one connection; PostgreSQL: the connections opened so far.
    if (dialect === "sqlite") expect(used + free).toBe(1);
    else expect(used + free).toBeGreaterThanOrEqual(1);
    expect(pending).toBe(0);
    // Between requests nothing is waiting to be written.
    expect(samples.find((sample) => sample.name === BACKLOG)?.value).toBe(0);
  });

  it("include the process's own metrics", async () => {
    const names = new Set((await scrape()).map((sample) => sample.name));
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("are not served with METRICS_ENABLED=false: /metrics is then an unknown path", async () => {
    const off = await TestServer.start({ METRICS_ENABLED: "false" });
    try {
      const metrics = await off.fetch("/metrics");
      const unknown = await off.fetch("/bestaat-niet");
      expect(metrics.status).toBe(404);
      expect(metrics.body).toEqual(unknown.body);
      expect((await off.graphql("{ partijen(first: 1) { edges { node { uuid } } } }")).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});

describe("metric labels", () => {
  it("keep the operation label bounded: 200 names, then other; no long names, none with a long number", () => {
    const labels = new RequestLabels();
    expect(labels.operation(undefined)).toBe("-");
    expect(labels.operation(null)).toBe("anonymous");
    expect(labels.operation("Klantbeeld")).toBe("Klantbeeld");
    expect(labels.operation("Partij999993653")).toBe("other");
    expect(labels.operation("a".repeat(65))).toBe("other");
    expect(labels.operation("a".repeat(64))).toBe("a".repeat(64));
    for (let i = 0; i < 300; i++) labels.operation(`Operatie${i}`);
    expect(labels.operation("Klantbeeld")).toBe("Klantbeeld");
    expect(labels.operation("Operatie197")).toBe("Operatie197");
    expect(labels.operation("Operatie198")).toBe("other");
    expect(labels.operation("Nieuw")).toBe("other");
  });

  it("keep the code label to the codes' shape and to 50 of them", () => {
    const labels = new RequestLabels();
    expect(labels.errorCode("BAD_USER_INPUT")).toBe("BAD_USER_INPUT");
    expect(labels.errorCode(undefined)).toBe("none");
    expect(labels.errorCode("not a code")).toBe("other");
    for (let i = 0; i < 60; i++) labels.errorCode(`CODE_${i}`);
    expect(labels.errorCode("CODE_48")).toBe("CODE_48");
    expect(labels.errorCode("CODE_49")).toBe("other");
  });

  it("tell the outcome: client_error when every error is the client's, server_error otherwise", () => {
    expect(outcomeOf([], 200)).toBe("ok");
    expect(outcomeOf(["BAD_USER_INPUT", "NOT_WRITTEN"], 200)).toBe("client_error");
    expect(outcomeOf(["UNAUTHENTICATED"], 401)).toBe("client_error");
    expect(outcomeOf(["BAD_USER_INPUT", "INTERNAL_SERVER_ERROR"], 200)).toBe("server_error");
    expect(outcomeOf(["SERVICE_UNAVAILABLE"], 503)).toBe("server_error");
    expect(outcomeOf(["other"], 200)).toBe("server_error");
    expect(outcomeOf([], 503)).toBe("server_error");
  });
});
