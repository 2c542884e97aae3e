import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialect } from "../support/database";
import { TestServer } from "../support/http-server";
import { SpawnedProcess, processEnv } from "../support/spawned";

/**
 * One JSON line per GraphQL request, holding what an operator needs and nothing of a person; and
 * every line the process writes is JSON, Node's own warnings included.
 */

// Passes the elfproef; with the e-mail address and the name: none of them may reach a line.
const BSN = "111222333";
const EMAIL = "geheim.adres@example.nl";
const ACHTERNAAM = "Geheimhouder";

const MAAK = `mutation MaakPartij($bsn: String!, $achternaam: String) {
  createPartij(input: {
    soortPartij: PERSOON, indicatieActief: true
    partijIdentificatie: { contactnaam: { achternaam: $achternaam } }
    partijIdentificatoren: [{ partijIdentificator: { codeRegister: BRP, codeObjecttype: NATUURLIJK_PERSOON, codeSoortObjectId: BSN, objectId: $bsn } }]
  }) { uuid bsn }
}`;
const FOUT = `mutation { createDigitaalAdres(input: { adres: "${EMAIL}", soortDigitaalAdres: TELEFOONNUMMER }) { uuid } }`;

const FIELDS = [
  "clientId",
  "durationMs",
  "errorCodes",
  "httpStatus",
  "level",
  "msg",
  "operation",
  "outcome",
  "service",
  "time",
  "traceId",
  "type",
];

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.stop();
});

const requestLines = () => server.logs.withMessage("graphql request");

describe(`request log (${dialect})`, () => {
  it("writes one line per request: operation, type, outcome, status, duration, trace id, error codes, client id", async () => {
    const traceId = randomBytes(16).toString("hex");
    const before = requestLines().length;
    const made = await server.graphql(
      MAAK,
      { bsn: BSN, achternaam: ACHTERNAAM },
      { headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` } },
    );
    expect(made.body.data).toMatchObject({ createPartij: { bsn: BSN } });
    const refused = await server.graphql(FOUT);
    expect(refused.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    const lines = requestLines().slice(before);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(FIELDS);
    expect(lines[0]).toMatchObject({
      level: "info",
      operation: "MaakPartij",
      type: "mutation",
      outcome: "ok",
      httpStatus: 200,
      traceId,
      errorCodes: [],
      clientId: "test",
    });
    expect(lines[0].durationMs).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({
      operation: "anonymous",
      type: "mutation",
      outcome: "client_error",
      httpStatus: 200,
      errorCodes: ["BAD_USER_INPUT"],
    });
    expect(lines[1].traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1].traceId).not.toBe(traceId);

    // Neither the variables, nor the document, nor the answer, nor the user.
    const text = JSON.stringify(lines);
    for (const personal of [BSN, EMAIL, ACHTERNAAM, "tester", "Test Medewerker"]) expect(text).not.toContain(personal);
  });

  it("writes a line for a request refused before it ran, without a client", async () => {
    const before = requestLines().length;
    await server.graphql("{ partijen(first: 1) { edges { node { uuid } } } }", undefined, { authorization: null });
    await server.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{ geen json" });
    const lines = requestLines().slice(before);
    expect(lines).toMatchObject([
      { operation: "-", type: "-", outcome: "client_error", httpStatus: 401, errorCodes: ["UNAUTHENTICATED"], clientId: null },
      { operation: "-", type: "-", outcome: "client_error", httpStatus: 400, errorCodes: ["BAD_REQUEST"], clientId: null },
    ]);
  });

  it("writes none for the explorer's page, which is no GraphQL request", async () => {
    const before = requestLines().length;
    const page = await server.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    await server.graphql("query NaDePagina { partijen(first: 1) { edges { node { uuid } } } }");
    expect(requestLines().slice(before)).toMatchObject([{ operation: "NaDePagina" }]);
  });

  it("writes none with LOG_REQUESTS=false", async () => {
    const quiet = await TestServer.start({ LOG_REQUESTS: "false" });
    try {
      expect((await quiet.graphql("{ partijen(first: 1) { edges { node { uuid } } } }")).status).toBe(200);
      expect(quiet.logs.withMessage("graphql request")).toEqual([]);
      expect(quiet.logs.lines.length).toBeGreaterThan(0);
    } finally {
      await quiet.stop();
    }
  });
});

describe("the process's output", () => {
  it("is JSON on stdout only, Node's deprecation warnings (here pg's) included", async () => {
    // Loaded before src/main.ts: on SIGUSR2 it uses a deprecated API of pg, as a library in the server might.
    const subgraph = new SpawnedProcess(
      process.execPath,
      ["--import", "tsx", "--import", "./test/observability/deprecated-pg-call.ts", "src/main.ts"],
      {
        env: processEnv({ DATABASE_FILE: ":memory:" }),
      },
    );
    try {
      await subgraph.url();
      subgraph.signal("SIGUSR2");
      const warning = await subgraph.waitForLine((line) => line.component === "node");
      expect(warning).toMatchObject({
        level: "warn",
        warning: { type: "DeprecationWarning" },
        msg: "Client.activeQuery is deprecated and will be removed in pg@9.0",
      });
      subgraph.signal("SIGTERM");
      expect(await subgraph.exited).toEqual({ code: 0, signal: null });
      expect(subgraph.stderr).toBe("");
      for (const line of subgraph.stdout) expect(() => JSON.parse(line), line).not.toThrow();
    } finally {
      subgraph.kill();
    }
  });
});
