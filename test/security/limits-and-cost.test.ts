import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, seedDemoData } from "../../src/database/demo-data";
import {
  aliasedMutations,
  aliasesOfNestedList,
  captureRouterFetches,
  directiveBomb,
  DRIE_NIVEAUS,
  tokenBomb,
  vertegenwoordigdenDeep,
  type RouterFetch,
  type RouterFetches,
} from "../limits/operations";
import { TestApp } from "../support/app";
import { partijenMetKlantcontact } from "../support/fixtures";
import { TestServer } from "../support/http-server";

/**
 * The limits and the statement counts through the real server, with authentication and the audit
 * plugin on: an abusive operation is refused before any SQL; the router's own operations pass, and
 * cost the same number of statements as without authentication (a TestApp, which skips it) and
 * whatever the number of references.
 */

let server: TestServer;
let router: RouterFetches;
let partijen: string[];

beforeAll(async () => {
  server = await TestServer.start({ LOG_LEVEL: "debug", LOG_SQL: "true", SEED_DEMO_DATA: "true" });
  router = await captureRouterFetches();
  partijen = await partijenMetKlantcontact(server.orm, 100);
}, 60_000);
afterAll(() => server?.stop());

/** One operation over HTTP with the test client's token, and the SQL statements the server sent for it. */
async function send({ query, variables }: RouterFetch) {
  const mark = server.logs.withMessage("sql").length;
  const response = await server.graphql(query, variables);
  return { response, statements: server.logs.withMessage("sql").length - mark };
}

describe("abusive operations are refused over HTTP before any SQL", () => {
  const abusive: Array<[string, () => RouterFetch, string]> = [
    ["issue 7's query three levels down", () => ({ query: DRIE_NIVEAUS, variables: {} }), "maxDepth"],
    ["3,000 aliases of a nested list", () => ({ query: aliasesOfNestedList(3000), variables: {} }), "maxTokens"],
    ["50 aliased mutations", () => ({ query: aliasedMutations(50), variables: {} }), "maxAliases"],
    ["20 levels of vertegenwoordigden", () => ({ query: vertegenwoordigdenDeep(20), variables: {} }), "maxDepth"],
    ["a document of 3,000 tokens", () => ({ query: tokenBomb(3000), variables: {} }), "maxTokens"],
    ["900 directives", () => ({ query: directiveBomb(900), variables: {} }), "maxDirectives"],
    [
      "the klantbeeld's fields for 10,000 Partij references",
      () => router.klantbeeldVan100Partijen(Array.from({ length: 10_000 }, () => randomUUID())),
      "maxCost",
    ],
  ];
  for (const [what, operation, limit] of abusive) {
    it(`${what}: 400, refused by ${limit}`, async () => {
      const { response, statements } = await send(operation());
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      // graphql-js's parser stops at the token limit with its own error, which names no limit.
      const refusals = response.body.errors?.map((error) => (limit === "maxTokens" ? error.extensions?.code : error.extensions?.limit));
      expect(refusals).toContain(limit === "maxTokens" ? "GRAPHQL_PARSE_FAILED" : limit);
      expect(statements).toBe(0);
    });
  }
});

describe("the router's operations pass, at the statement count they have without authentication", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await seedDemoData(app.orm.em.fork());
  });
  afterAll(() => app?.stop());

  it("the klantbeeld as the router asks it", async () => {
    const { response, statements } = await send(router.klantbeeld);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body.data)).toContain(DEMO.bsn);
    const before = app.statements.length;
    await app.ok(router.klantbeeld.query, router.klantbeeld.variables);
    expect(statements).toBe(app.statements.length - before);
  });

  it("the klantbeeld's fields for 100 Partij references cost what those for 10 cost", async () => {
    const ten = await send(router.klantbeeldVan100Partijen(partijen.slice(0, 10)));
    const hundred = await send(router.klantbeeldVan100Partijen(partijen));
    expect(hundred.response.status).toBe(200);
    expect(hundred.response.body.errors).toBeUndefined();
    expect(hundred.response.body.data?._entities).toHaveLength(100);
    expect(hundred.statements).toBe(ten.statements);
  });
});
