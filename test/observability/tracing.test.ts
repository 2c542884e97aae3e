import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { statementSpanName } from "../../src/observability/tracing";
import { dialect } from "../support/database";
import { TestServer } from "../support/http-server";

/**
 * Traces (OpenTelemetry, here into an in-memory exporter): a request from the router continues the
 * router's trace, its operation span is the child of the router's span, every SQL statement is a
 * child of the operation span, and no span carries a value from the request or the database.
 */

// Passes the elfproef; also an e-mail address: neither may appear in any span.
const BSN = "111222333";
const EMAIL = "geheim.adres@example.nl";

const MAAK = `mutation MaakPartijMetAdres($adres: String!) {
  createPartij(input: {
    soortPartij: PERSOON, indicatieActief: true
    partijIdentificatoren: [{ partijIdentificator: { codeRegister: BRP, codeObjecttype: NATUURLIJK_PERSOON, codeSoortObjectId: BSN, objectId: "${BSN}" } }]
  }) { uuid }
  createDigitaalAdres(input: { adres: $adres, soortDigitaalAdres: EMAIL }) { uuid }
}`;
const ZOEK = `query ZoekPartij($bsn: String!) {
  partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: $bsn } }) { edges { node { uuid bsn } } }
  digitaleAdressen(filter: { adres: "${EMAIL}" }) { edges { node { adres } } }
}`;

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const routerSpan = () => ({ traceId: hex(16), spanId: hex(8) });
const traceparent = ({ traceId, spanId }: { traceId: string; spanId: string }, flags = "01") => `00-${traceId}-${spanId}-${flags}`;

const exporter = new InMemorySpanExporter();
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({}, undefined, { spanExporter: exporter });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => exporter.reset());

const operationSpans = (spans: ReadableSpan[]) => spans.filter((span) => span.attributes["graphql.operation.type"] !== undefined);
const sqlSpans = (spans: ReadableSpan[]) => spans.filter((span) => span.attributes["db.system.name"] !== undefined);

/** The trace ids of the audit records written with this trace id (all of them, then). */
async function auditTraceIds(traceId: string): Promise<string[]> {
  const rows: Array<{ trace_id: string }> = await server.orm.em
    .fork()
    .getConnection()
    .execute("select trace_id from audit_record where trace_id = ?", [traceId]);
  return rows.map((row) => row.trace_id);
}

describe(`traces (${dialect})`, () => {
  it("continue the router's trace: operation span child of the router's span, SQL spans children of the operation span", async () => {
    const router = routerSpan();
    const made = await server.graphql(MAAK, { adres: EMAIL }, { headers: { traceparent: traceparent(router) } });
    expect(made.body.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    expect(spans.every((span) => span.spanContext().traceId === router.traceId)).toBe(true);
    const [operation, ...others] = operationSpans(spans);
    expect(others).toEqual([]);
    expect(operation.name).toBe("mutation MaakPartijMetAdres");
    expect(operation.parentSpanContext?.spanId).toBe(router.spanId);
    expect(operation.attributes).toMatchObject({
      "graphql.operation.type": "mutation",
      "graphql.operation.name": "MaakPartijMetAdres",
      "http.response.status_code": 200,
    });
    expect(operation.resource.attributes["service.name"]).toBe("klantinteracties-subgraph");

    const statements = sqlSpans(spans);
    expect(statements.length).toBeGreaterThanOrEqual(3);
    expect(statements.length).toBe(spans.length - 1);
    for (const statement of statements) {
      expect(statement.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      expect(statement.attributes["db.system.name"]).toBe(dialect);
      expect(typeof statement.attributes["db.query.text"]).toBe("string");
    }
    const names = statements.map((statement) => statement.name);
    expect(names).toContain("insert partij");
    expect(names).toContain("insert partij_identificator");
    expect(names).toContain("insert digitaal_adres");
    // The audit record of the partij, in the same transaction.
    expect(names).toContain("insert audit_record");
    const insert = statements.find((statement) => statement.name === "insert digitaal_adres")!;
    expect(insert.attributes["db.query.text"]).toMatch(/values \(\?(, \?)+\)/);
  });

  it("carry no value of the request or the database: neither a BSN nor an e-mail address, as literal or as variable", async () => {
    const router = routerSpan();
    await server.graphql(MAAK, { adres: EMAIL }, { headers: { traceparent: traceparent(router) } });
    const found = await server.graphql(ZOEK, { bsn: BSN }, { headers: { traceparent: traceparent(router) } });
    expect(found.body.errors).toBeUndefined();
    expect(JSON.stringify(found.body.data)).toContain(BSN);

    const spans = exporter.getFinishedSpans();
    expect(operationSpans(spans).map((span) => span.name)).toEqual(["mutation MaakPartijMetAdres", "query ZoekPartij"]);
    expect(sqlSpans(spans).length).toBeGreaterThan(4);
    const told = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status, links: span.links })),
    );
    expect(told).toContain("db.query.text");
    expect(told).not.toContain(BSN);
    expect(told).not.toContain(EMAIL);
    expect(told.toLowerCase()).not.toContain("geheim");
  });

  it("give the audit records, the request's log line and the spans one trace id: the router's", async () => {
    const router = routerSpan();
    await server.graphql(ZOEK, { bsn: BSN }, { headers: { traceparent: traceparent(router) } });

    expect(operationSpans(exporter.getFinishedSpans())[0].spanContext().traceId).toBe(router.traceId);
    const logged = server.logs.withMessage("graphql request").filter((line) => line.operation === "ZoekPartij");
    expect(logged.at(-1)?.traceId).toBe(router.traceId);
    expect((await auditTraceIds(router.traceId)).length).toBeGreaterThan(0);
  });

  it("start a trace of their own without a (valid) traceparent, with the same one trace id everywhere", async () => {
    for (const header of [undefined, "00-00000000000000000000000000000000-0000000000000000-01"]) {
      exporter.reset();
      await server.graphql(ZOEK, { bsn: BSN }, header ? { headers: { traceparent: header } } : {});
      const [operation] = operationSpans(exporter.getFinishedSpans());
      const traceId = operation.spanContext().traceId;
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toMatch(/^0+$/);
      expect(operation.parentSpanContext).toBeUndefined();
      expect(server.logs.withMessage("graphql request").at(-1)?.traceId).toBe(traceId);
      expect(await auditTraceIds(traceId)).not.toEqual([]);
    }
  });

  it("follow the router's decision not to sample: no spans, the router's trace id in the log line", async () => {
    const router = routerSpan();
    await server.graphql(ZOEK, { bsn: BSN }, { headers: { traceparent: traceparent(router, "00") } });
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(server.logs.withMessage("graphql request").at(-1)?.traceId).toBe(router.traceId);
  });

  it("name a request without a parseable operation after the conventions, with its error", async () => {
    const refused = await server.graphql("{ partijen(first: 1) { edges ", undefined, {
      headers: { traceparent: traceparent(routerSpan()) },
    });
    expect(refused.status).toBe(400);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(["GraphQL Operation"]);
    expect(spans[0].attributes["http.response.status_code"]).toBe(400);
    expect(JSON.stringify(spans[0].attributes)).not.toContain("partijen");
  });
});

describe("tracing configuration", () => {
  it("is off without an OTLP endpoint, and takes the OpenTelemetry variables as the specification reads them", () => {
    expect(loadConfig({}).observability).toEqual({
      tracesEndpoint: undefined,
      serviceName: "klantinteracties-subgraph",
      metricsEnabled: true,
      logRequests: true,
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }).observability.tracesEndpoint).toBe(
      "http://collector:4318/v1/traces",
    );
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example/otlp",
      }).observability.tracesEndpoint,
    ).toBe("https://traces.example/otlp");
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be an http/);
    expect(loadConfig({ OTEL_SERVICE_NAME: "ki-gemeente-a" }).observability.serviceName).toBe("ki-gemeente-a");
  });

  it("names a statement's span after its verb and table", () => {
    expect(statementSpanName('select "p0".* from "partij" as "p0" where "p0"."id" in (?)')).toBe("select partij");
    expect(statementSpanName("insert into `audit_record` (`uuid`) values (?)")).toBe("insert audit_record");
    expect(statementSpanName('update "interne_taak" set "status" = ?')).toBe("update interne_taak");
    expect(statementSpanName('delete from "betrokkene" where "id" = ?')).toBe("delete betrokkene");
    expect(statementSpanName("select pg_advisory_xact_lock(?)")).toBe("select");
    expect(statementSpanName("pragma foreign_keys = on")).toBe("db.query");
  });

  it("exports over OTLP/HTTP to the configured endpoint", async () => {
    const received: Array<{ url: string; type: string; body: string }> = [];
    const collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ url: req.url ?? "", type: String(req.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const { port } = collector.address() as AddressInfo;
    const exporting = await TestServer.start({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_SERVICE_NAME: "ki-test-export",
    });
    const router = routerSpan();
    try {
      await exporting.graphql(ZOEK, { bsn: BSN }, { headers: { traceparent: traceparent(router) } });
    } finally {
      // Stopping sends what the batch still holds.
      await exporting.stop();
      collector.close();
    }
    expect(received.map((request) => request.url)).toEqual(["/v1/traces"]);
    expect(received[0].type).toMatch(/^application\/json/);
    expect(received[0].body).toContain(router.traceId);
    expect(received[0].body).toContain("ki-test-export");
    expect(received[0].body).toContain("query ZoekPartij");
    expect(received[0].body).not.toContain(BSN);
  });
});
