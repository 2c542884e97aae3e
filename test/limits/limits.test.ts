import { randomUUID } from "node:crypto";
import { getOperationAST, Lexer, parse, Source, TokenKind } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, seedDemoData } from "../../src/database/demo-data";
import { estimateCost } from "../../src/limits/cost";
import { DEFAULT_LIMITS } from "../../src/limits/limits-config";
import { Actor } from "../../src/opvolging/actor.entity";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { partijenMetKlantcontact, rows } from "../support/fixtures";
import { LimitedApp, refusedBy, type Sent } from "./limited-app";
import {
  aliasedMutations,
  aliasesOfNestedList,
  captureRouterFetches,
  directiveBomb,
  DRIE_NIVEAUS,
  tokenBomb,
  vertegenwoordigdenDeep,
  type RouterFetch,
} from "./operations";

describe("the limits of one operation", async () => {
  // The figures in the test names are computed here, so the margins of the defaults stay visible
  // and true: the cost (src/limits/cost.ts) and the tokens of each operation, against the limit.
  const schema = await buildKlantinteractiesSchema();
  const router = await captureRouterFetches();
  const { maxCost, maxTokens } = DEFAULT_LIMITS;

  function costOf(query: string, variables: Record<string, unknown> = {}): number {
    const document = parse(query);
    const estimate = estimateCost(schema, document, getOperationAST(document)!, variables);
    if (estimate.kind !== "estimated") throw new Error("variables do not fit");
    return estimate.cost;
  }

  function tokensOf(query: string): number {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count++;
    return count;
  }

  const n = (value: number) => value.toLocaleString("en");
  const measured = (fetch: RouterFetch) =>
    `cost ${n(costOf(fetch.query, fetch.variables))} of ${n(maxCost)}, ${tokensOf(fetch.query)} tokens of ${n(maxTokens)}`;
  const placeholders = (count: number) => Array.from({ length: count }, () => randomUUID());

  let limited: LimitedApp;
  let partijen: string[];

  beforeAll(async () => {
    limited = await LimitedApp.start();
    await seedDemoData(limited.app.orm.em.fork());
    partijen = await partijenMetKlantcontact(limited.app.orm, 100, DEMO.zaken.parkeervergunning.uuid);
  });
  afterAll(() => limited?.stop());

  function expectAnswered(sent: Sent) {
    expect(sent.errors).toEqual([]);
    expect(sent.status).toBeUndefined(); // 200
    expect(sent.statements).toBeGreaterThan(0);
  }

  function expectRefusedBeforeSql(sent: Sent) {
    expect(sent.data).toBeUndefined();
    expect(sent.status).toBe(400);
    expect(sent.statements).toBe(0);
  }

  describe("what real clients send passes the default limits", () => {
    it(`the README's klantbeeld, as the router asks it (${measured(router.readmeKlantbeeld)})`, async () => {
      const sent = await limited.send(router.readmeKlantbeeld.query);
      expectAnswered(sent);
      expect(JSON.stringify(sent.data)).toContain("Jan de Vries");
    });

    it(`the klantbeeld of test/federation/klantbeeld.graphql, as the router asks it (${measured(router.klantbeeld)})`, async () => {
      const sent = await limited.send(router.klantbeeld.query, router.klantbeeld.variables);
      expectAnswered(sent);
      expect(JSON.stringify(sent.data)).toContain("Parkeervergunning");
    });

    it(`the klantbeeld's fields for 100 Partij references (${measured(router.klantbeeldVan100Partijen(placeholders(100)))})`, async () => {
      const fetch = router.klantbeeldVan100Partijen(partijen);
      const sent = await limited.send(fetch.query, fetch.variables);
      expectAnswered(sent);
      const entities = sent.data!._entities as Array<{ klantcontacten: { edges: unknown[] } }>;
      expect(entities).toHaveLength(100);
      expect(entities.every((partij) => partij.klantcontacten.edges.length === 1)).toBe(true);
    });

    it(`Zaak.klantcontacten for 20 zaken (${measured(router.klantcontactenVan20Zaken)})`, async () => {
      const sent = await limited.send(router.klantcontactenVan20Zaken.query, router.klantcontactenVan20Zaken.variables);
      expectAnswered(sent);
      const entities = sent.data!._entities as Array<{ klantcontacten: { edges: Array<{ node: { onderwerp: string } }> } }>;
      expect(entities).toHaveLength(20);
      expect(entities[0].klantcontacten.edges.map((edge) => edge.node.onderwerp)).toContain("Parkeervergunning");
    });
  });

  describe("the abusive operations of issue 7 are refused before any SQL", () => {
    it(`the ${Buffer.byteLength(DRIE_NIVEAUS)}-byte query three levels deep (cost ${n(costOf(DRIE_NIVEAUS))}): too deep`, async () => {
      const sent = await limited.send(DRIE_NIVEAUS);
      expectRefusedBeforeSql(sent);
      expect(sent.errors).toEqual([
        {
          message: `Query depth limit of ${DEFAULT_LIMITS.maxDepth} exceeded, found 19.`,
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "maxDepth" },
        },
      ]);
    });

    it(`the same query with a depth limit of 100 (cost ${n(costOf(DRIE_NIVEAUS))} of ${n(maxCost)}): too costly`, async () => {
      const sent = await (await limited.server({ LIMIT_MAX_DEPTH: "100" })).send(DRIE_NIVEAUS);
      expectRefusedBeforeSql(sent);
      expect(sent.errors).toEqual([
        {
          message: `Query cost limit of ${maxCost} exceeded, found ${costOf(DRIE_NIVEAUS)}.`,
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "maxCost" },
        },
      ]);
    });

    it(`3,000 aliases of a nested list (${n(tokensOf(aliasesOfNestedList(3000)))} tokens of ${n(maxTokens)}): not even parsed`, async () => {
      const sent = await limited.send(aliasesOfNestedList(3000));
      expectRefusedBeforeSql(sent);
      expect(sent.errors).toEqual([
        expect.objectContaining({
          message: `Syntax Error: Document contains more that ${maxTokens} tokens. Parsing aborted.`,
          extensions: { code: "GRAPHQL_PARSE_FAILED" },
        }),
      ]);
    });

    it(`2,000 aliased mutations (${n(tokensOf(aliasedMutations(2000)))} tokens): not even parsed, nothing written`, async () => {
      const sent = await limited.send(aliasedMutations(2000));
      expectRefusedBeforeSql(sent);
      expect(sent.errors.map((error) => error.extensions?.code)).toEqual(["GRAPHQL_PARSE_FAILED"]);
      expect(await rows(limited.app, Actor, { naam: { $like: "Actor %" } })).toBe(0);
    });

    it(`a cheap query deeper than the maximum (cost ${costOf(vertegenwoordigdenDeep(10))}, depth 14 of ${DEFAULT_LIMITS.maxDepth})`, async () => {
      const sent = await limited.send(vertegenwoordigdenDeep(10));
      expectRefusedBeforeSql(sent);
      expect(refusedBy(sent)).toEqual(["maxDepth"]);
      expect(sent.errors[0].message).toBe(`Query depth limit of ${DEFAULT_LIMITS.maxDepth} exceeded, found 14.`);
    });

    it(`a token bomb (${n(tokensOf(tokenBomb(100_000)))} tokens of ${n(maxTokens)})`, async () => {
      const sent = await limited.send(tokenBomb(100_000));
      expectRefusedBeforeSql(sent);
      expect(sent.errors.map((error) => error.extensions?.code)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    });

    it(`a directive bomb (900 directives of ${DEFAULT_LIMITS.maxDirectives}, ${n(tokensOf(directiveBomb(900)))} tokens)`, async () => {
      const sent = await limited.send(directiveBomb(900));
      expectRefusedBeforeSql(sent);
      expect(refusedBy(sent)).toEqual(["maxDirectives"]);
      expect(sent.errors[0].message).toBe(`Directives limit of ${DEFAULT_LIMITS.maxDirectives} exceeded, found 900.`);
    });

    it(`the klantbeeld's fields for 10,000 Partij references (${measured(router.klantbeeldVan100Partijen(placeholders(10_000)))})`, async () => {
      const flood = router.klantbeeldVan100Partijen(placeholders(10_000));
      const sent = await limited.send(flood.query, flood.variables);
      expectRefusedBeforeSql(sent);
      expect(refusedBy(sent)).toEqual(["maxCost"]);
    });
  });

  describe("the cost multiplies by `first`, from a literal or a variable, 20 when absent", () => {
    const nested = (first: "" | "(first: 10)" | "(first: $n)") => `query Genest${first === "(first: $n)" ? "($n: Int)" : ""} {
      klantcontacten${first} { edges { node { uuid hadBetrokkenen { wasPartij {
        klantcontacten${first} { edges { node { uuid kanaal onderwerp inhoud reactie taal vertrouwelijk plaatsgevondenOp
          indicatieContactGelukt hoofdOnderwerpType verdereActieOndernomen
          hadBetrokkenen { uuid rol initiator } gingOverOnderwerpobjecten { uuid } } } }
      } } } } }
    }`;

    it(`passes 10 × 10 contacts (cost ${n(costOf(nested("(first: 10)")))})`, async () => {
      expectAnswered(await limited.send(nested("(first: 10)")));
    });

    it(`passes 20 × 20 contacts when no first is given (cost ${n(costOf(nested("")))})`, async () => {
      expectAnswered(await limited.send(nested("")));
    });

    it(`refuses 100 × 100 contacts asked through a variable (cost ${n(costOf(nested("(first: $n)"), { n: 100 }))} of ${n(maxCost)})`, async () => {
      const sent = await limited.send(nested("(first: $n)"), { n: 100 });
      expectRefusedBeforeSql(sent);
      expect(refusedBy(sent)).toEqual(["maxCost"]);
    });

    it("leaves variables that do not fit to execution, which refuses them before any SQL", async () => {
      const sent = await limited.send(nested("(first: $n)"), { n: "veel" });
      expect(sent.errors.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(sent.statements).toBe(0);
    });
  });

  describe("each limit is configurable and refuses exactly above its value, before any SQL", () => {
    const twoDirectives = "{ partijen(first: 1) @include(if: true) { edges @skip(if: false) { node { uuid } } } }";
    const twoRootFields = "{ partijen(first: 1) { edges { node { uuid } } } actoren(first: 1) { edges { node { uuid } } } }";
    const twoRootFieldsThroughAFragment =
      "{ ...Beide } fragment Beide on Query { a: partijen(first: 1) { edges { node { uuid } } } b: partijen(first: 2) { edges { node { uuid } } } }";
    const klantbeeld = router.klantbeeld;
    const cases = [
      { variable: "LIMIT_MAX_DEPTH", limit: "maxDepth", name: "vertegenwoordigden 2 deep", query: vertegenwoordigdenDeep(2), value: 6 },
      { variable: "LIMIT_MAX_DEPTH", limit: "maxDepth", name: "the klantbeeld", query: klantbeeld.query, value: 9 },
      { variable: "LIMIT_MAX_ALIASES", limit: "maxAliases", name: "3 aliases", query: aliasesOfNestedList(3), value: 3 },
      { variable: "LIMIT_MAX_DIRECTIVES", limit: "maxDirectives", name: "@include and @skip", query: twoDirectives, value: 2 },
      { variable: "LIMIT_MAX_ROOT_FIELDS", limit: "maxRootFields", name: "partijen and actoren", query: twoRootFields, value: 2 },
      {
        variable: "LIMIT_MAX_ROOT_FIELDS",
        limit: "maxRootFields",
        name: "two through a fragment",
        query: twoRootFieldsThroughAFragment,
        value: 2,
      },
      {
        variable: "LIMIT_MAX_COST",
        limit: "maxCost",
        name: "the klantbeeld",
        query: klantbeeld.query,
        value: costOf(klantbeeld.query, klantbeeld.variables),
      },
    ];

    for (const { variable, limit, name, query, value } of cases) {
      it(`${variable}: ${name} passes at ${n(value)}, and is refused at one less`, async () => {
        const variables = query === klantbeeld.query ? klantbeeld.variables : undefined;
        expectAnswered(await (await limited.server({ [variable]: String(value) })).send(query, variables));

        const refused = await (await limited.server({ [variable]: String(value - 1) })).send(query, variables);
        expectRefusedBeforeSql(refused);
        expect(refusedBy(refused)).toEqual([limit]);
      });
    }

    it(`LIMIT_MAX_TOKENS: the klantbeeld passes at ${tokensOf(router.klantbeeld.query)}, its number of tokens, and is refused at one less`, async () => {
      const tokens = tokensOf(router.klantbeeld.query);
      expectAnswered(
        await (await limited.server({ LIMIT_MAX_TOKENS: String(tokens) })).send(router.klantbeeld.query, router.klantbeeld.variables),
      );

      const refused = await (await limited.server({ LIMIT_MAX_TOKENS: String(tokens - 1) })).send(
        router.klantbeeld.query,
        router.klantbeeld.variables,
      );
      expectRefusedBeforeSql(refused);
      expect(refused.errors.map((error) => error.extensions?.code)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    });

    it("LIMIT_MAX_ROOT_FIELDS refuses 11 different mutations in one request, nothing written", async () => {
      const mutations = Array.from(
        { length: 11 },
        (_, i) => `m${i}: createActor(input: { naam: "Ronde ${i}", soortActor: ORGANISATORISCHE_EENHEID }) { uuid }`,
      );
      const sent = await limited.send(`mutation { ${mutations.join(" ")} }`);
      expectRefusedBeforeSql(sent);
      expect(refusedBy(sent)).toEqual(["maxRootFields"]);
      expect(sent.errors[0].message).toBe("Root fields limit of 10 exceeded, found 11.");
      expect(await rows(limited.app, Actor, { naam: { $like: "Ronde %" } })).toBe(0);
    });
  });

  describe("the execution time limit", () => {
    /**
     * A clock on which the time limit runs out as soon as the operation has sent one SQL statement
     * (no test waits for real time): the limit is then seen at the next field that would resolve.
     */
    async function serverWhoseTimeRunsOutAfterOneStatement() {
      let mark = Number.POSITIVE_INFINITY;
      const server = await limited.server({}, { clock: () => (limited.app.statements.length > mark ? Number.POSITIVE_INFINITY : 0) });
      return {
        send: (query: string) => {
          mark = limited.app.statements.length;
          return server.send(query);
        },
      };
    }

    const partijenMetContacten =
      "{ partijen(first: 20) { edges { node { uuid klantcontacten { edges { node { uuid hadBetrokkenen { uuid } } } } } } } }";

    it("stops a query at the first field after the limit: one error, no data, no further SQL", async () => {
      const inTime = await limited.send(partijenMetContacten);
      expectAnswered(inTime);
      expect(inTime.statements).toBeGreaterThan(1);

      const sent = await (await serverWhoseTimeRunsOutAfterOneStatement()).send(partijenMetContacten);
      expect(sent).toEqual({
        status: 503,
        data: undefined,
        errors: [
          {
            message: `Execution time limit of ${DEFAULT_LIMITS.executionMs} ms exceeded.`,
            extensions: { code: "EXECUTION_TIMEOUT", limit: "executionMs" },
          },
        ],
        // the one read, then the audit log of the partijen it read (their BSNs, one INSERT)
        statements: 3,
      });
    });

    it("lets a started root field finish, starts no further one, and rolls the whole operation back", async () => {
      const server = await serverWhoseTimeRunsOutAfterOneStatement();
      const sent = await server.send(`mutation {
        eerste: createActor(input: { naam: "Eerste op tijd", soortActor: ORGANISATORISCHE_EENHEID }) { uuid naam }
        tweede: createActor(input: { naam: "Tweede te laat", soortActor: ORGANISATORISCHE_EENHEID }) { uuid naam }
      }`);
      expect(sent.data).toBeNull();
      expect(sent.errors).toEqual([
        expect.objectContaining({ path: ["tweede"], extensions: { code: "EXECUTION_TIMEOUT", limit: "executionMs" } }),
        expect.objectContaining({ path: ["eerste"], extensions: { code: "NOT_WRITTEN", failedField: "tweede" } }),
      ]);
      // One operation, one transaction: the first actor was written, then rolled back with it.
      expect(await rows(limited.app, Actor, { naam: "Eerste op tijd" })).toBe(0);
      expect(await rows(limited.app, Actor, { naam: "Tweede te laat" })).toBe(0);
    });
  });

  describe("what the schema gives away", () => {
    it("never suggests field names, in validation nor in variable coercion", async () => {
      const typo = "{ partijen { edges { node { uuidd } } } }";
      const enumTypo = "query ($status: Taakstatus) { interneTaken(filter: { status: $status }) { edges { node { uuid } } } }";
      // Without the limits graphql-js suggests; with them neither message does.
      const unlimited = await limited.unlimited();
      expect((await unlimited.send(typo)).errors[0].message).toMatch(/Did you mean "uuid"\?/);
      expect((await unlimited.send(enumTypo, { status: "TE_VERWERKN" })).errors[0].message).toMatch(
        /Did you mean the enum value "TE_VERWERKEN"/,
      );

      const misspelled = await limited.send(typo);
      expect(misspelled.errors.map((error) => error.message)).toEqual(['Cannot query field "uuidd" on type "Partij".']);
      const badEnum = await limited.send(enumTypo, { status: "TE_VERWERKN" });
      expect(badEnum.errors.map((error) => error.message)).toEqual([
        'Variable "$status" got invalid value "TE_VERWERKN"; Value "TE_VERWERKN" does not exist in "Taakstatus" enum.',
      ]);
    });

    it("refuses introspection in production, but not the router's _service { sdl }", async () => {
      const introspection = "{ __schema { queryType { name } } }";
      expect((await limited.send(introspection)).data).toEqual({ __schema: { queryType: { name: "Query" } } });

      const production = await limited.server({}, { production: true });
      const refused = await production.send(introspection);
      expectRefusedBeforeSql(refused);
      expect(refused.errors[0].message).toMatch(/introspection is not allowed/i);
      const sdl = await production.send("{ _service { sdl } }");
      expect(sdl.errors).toEqual([]);
      expect((sdl.data!._service as { sdl: string }).sdl).toContain("type Partij");
    });

    it("shows no landing page in production", async () => {
      const browser = { accept: "text/html" };
      const development = await (await limited.server({})).http("GET", browser);
      expect(development.contentType).toMatch(/^text\/html/);

      const production = await (await limited.server({}, { production: true })).http("GET", browser);
      expect(production.contentType).not.toMatch(/^text\/html/);
      expect(production.status).toBe(400);
    });

    it("refuses several operations batched in one HTTP request", async () => {
      const batch = [{ query: "{ __typename }" }, { query: "{ __typename }" }];
      const response = await (await limited.server({})).http("POST", { "content-type": "application/json" }, batch);
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/batch/i);
    });
  });
});
