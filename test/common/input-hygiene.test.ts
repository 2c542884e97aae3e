import { testPrincipal } from "../support/principals";
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestContext } from "../../src/common/context";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { createApolloServer } from "../../src/server";
import { composeSupergraphForApolloGateway } from "../federation/compose";
import { buildZaakSubgraph } from "../federation/zaak-subgraph";
import { errorCode, invalidParams, TestApp, type Result } from "../support/app";
import { maakPartij, rows } from "../support/fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

const CREATE_ACTOR = `mutation ($naam: String!) { createActor(input: { naam: $naam, soortActor: MEDEWERKER }) { uuid naam } }`;

/**
 * Runs an operation that must be refused before it executes: BAD_USER_INPUT, not one SQL
 * statement sent (so nothing read and nothing written). Returns the result.
 */
async function refusedBeforeSql(query: string, variables?: Record<string, unknown>): Promise<Result<unknown>> {
  const before = app.statements.length;
  const result = await app.execute(query, variables);
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(app.statements.length - before).toBe(0);
  return result;
}

describe("a NUL character or a lone surrogate in a string input", () => {
  it.each([
    ["a NUL character", `Jan${NUL}sen`],
    ["a lone high surrogate", `Jan${LONE_HIGH}sen`],
    ["a lone low surrogate", `Jan${LONE_LOW}sen`],
    ["a lone surrogate at the end", `Jansen${LONE_HIGH}`],
  ])("is refused in a mutation input (%s), naming the field, and nothing is written", async (_what, naam) => {
    const result = await refusedBeforeSql(CREATE_ACTOR, { naam });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ["createActor"],
      extensions: { code: "BAD_USER_INPUT", invalidParams: [{ name: "naam", code: "invalid" }] },
    });
    const [param] = result.errors![0].extensions!.invalidParams as Array<{ reason: string }>;
    expect(param.reason).toMatch(/^Tekst /);
    expect(await rows(app, Actor)).toBe(0);
  });

  it("is checked in the variables of every request, also when the same document came before with clean ones", async () => {
    const clean = await app.execute(CREATE_ACTOR, { naam: "Schoon" });
    expect(clean.errors).toBeUndefined();
    const result = await refusedBeforeSql(CREATE_ACTOR, { naam: `Vuil${NUL}` });
    expect(invalidParams(result)).toEqual([["naam", "invalid"]]);
    expect(await rows(app, Actor, { naam: "Schoon" })).toBe(1);
  });

  it("is refused in a literal of the document as well as in a variable", async () => {
    const result = await refusedBeforeSql(`mutation { createActor(input: { naam: "Jan\\u0000sen", soortActor: MEDEWERKER }) { uuid } }`);
    expect(invalidParams(result)).toEqual([["naam", "invalid"]]);
  });

  it("is named by its path in nested inputs and lists, every bad field at once, and the partij is not stored", async () => {
    const result = await refusedBeforeSql(`mutation ($input: PartijInput!) { createPartij(input: $input) { uuid } }`, {
      input: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        bezoekadres: { straatnaam: `Dorps${NUL}straat`, stad: "Utrecht" },
        partijIdentificatie: { contactnaam: { voornaam: `J${LONE_LOW}`, achternaam: "Vries" } },
        partijIdentificatoren: [
          {
            partijIdentificator: {
              codeRegister: "BRP",
              codeObjecttype: "NATUURLIJK_PERSOON",
              codeSoortObjectId: "BSN",
              objectId: `99999365${NUL}`,
            },
          },
        ],
      },
    });
    expect(invalidParams(result)).toEqual([
      ["bezoekadres.straatnaam", "invalid"],
      ["partijIdentificatie.contactnaam.voornaam", "invalid"],
      ["partijIdentificatoren.0.partijIdentificator.objectId", "invalid"],
    ]);
    expect(await rows(app, Partij)).toBe(0);
  });

  it("is refused in a uuid (ID) argument and in a list of IDs", async () => {
    expect(invalidParams(await refusedBeforeSql(`query ($uuid: ID!) { actor(uuid: $uuid) { naam } }`, { uuid: `x${NUL}` }))).toEqual([
      ["uuid", "invalid"],
    ]);
    const taak = await refusedBeforeSql(`mutation ($input: InterneTaakInput!) { createInterneTaak(input: $input) { uuid } }`, {
      input: {
        gevraagdeHandeling: "Terugbellen",
        aanleidinggevendKlantcontact: "5f6b0d2e-8c1a-4b7e-9a3d-2c4e6f8a0b1c",
        toegewezenAanActoren: ["5f6b0d2e-8c1a-4b7e-9a3d-2c4e6f8a0b1d", `5f6b0d2e${LONE_HIGH}`],
        status: "TE_VERWERKEN",
      },
    });
    expect(invalidParams(taak)).toEqual([["toegewezenAanActoren.1", "invalid"]]);
  });

  it("is refused in a filter (search and exact) before the search runs", async () => {
    const result = await refusedBeforeSql(`query ($filter: ActorFilter) { actoren(filter: $filter) { edges { node { uuid } } } }`, {
      filter: { naam: `Jan${NUL}`, actoridentificator: { objectId: `x${LONE_LOW}` } },
    });
    expect(result.errors![0].path).toEqual(["actoren"]);
    expect(invalidParams(result)).toEqual([
      ["filter.naam", "invalid"],
      ["filter.actoridentificator.objectId", "invalid"],
    ]);
  });

  it("is refused in the keys and values of JSON metadata, at any depth", async () => {
    const before = await rows(app, Klantcontact);
    const result = await refusedBeforeSql(`mutation ($input: KlantcontactInput!) { createKlantcontact(input: $input) { uuid } }`, {
      input: {
        kanaal: "telefoon",
        onderwerp: "Vraag",
        taal: "nld",
        vertrouwelijk: false,
        metadata: { bron: `brief${NUL}`, [`sleutel${LONE_HIGH}`]: "waarde", geneste: { lijst: ["goed", `fout${LONE_LOW}`] } },
      },
    });
    expect(invalidParams(result)).toEqual([
      ["metadata", "invalid"], // the bad key, named by its object
      ["metadata.bron", "invalid"],
      ["metadata.geneste.lijst.1", "invalid"],
    ]);
    expect(await rows(app, Klantcontact)).toBe(before);
  });

  it("is found at any depth of a JSON value, and at most 100 bad values are listed", async () => {
    let diep: Record<string, unknown> = { tekst: NUL };
    for (let level = 0; level < 10_000; level++) diep = { n: diep };
    const deep = await refusedBeforeSql(
      `mutation ($metadata: JSONObject) { createKlantcontact(input: { kanaal: "telefoon", onderwerp: "Vraag", taal: "nld", vertrouwelijk: false, metadata: $metadata }) { uuid } }`,
      { metadata: diep },
    );
    expect(invalidParams(deep)).toEqual([[`metadata.${"n.".repeat(10_000)}tekst`, "invalid"]]);

    const many = await refusedBeforeSql(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: Array.from({ length: 1000 }, () => ({ __typename: "Actor", uuid: NUL })),
    });
    const params = invalidParams(many);
    expect(params).toHaveLength(100);
    expect(params[99]).toEqual(["representations.99.uuid", "invalid"]);
  });

  it("is refused in a nested field's argument, through named and inline fragments, with the root field's response key as path", async () => {
    const partij = await maakPartij(app);
    const direct = await refusedBeforeSql(
      `query ($uuid: ID!, $onderwerp: String) { klant: partij(uuid: $uuid) { klantcontacten(filter: { onderwerp: $onderwerp }) { edges { node { uuid } } } } }`,
      { uuid: partij.uuid, onderwerp: `Parkeren${NUL}` },
    );
    expect(direct.errors![0].path).toEqual(["klant"]);
    expect(invalidParams(direct)).toEqual([["filter.onderwerp", "invalid"]]);

    const viaFragments = await refusedBeforeSql(
      `query ($uuid: ID!, $taak: String) {
        partij(uuid: $uuid) { ...Taken }
      }
      fragment Taken on Partij {
        ... on Partij { interneTaken(filter: { referentienummer: $taak }) { edges { node { uuid } } } }
      }`,
      { uuid: partij.uuid, taak: `${LONE_HIGH}1` },
    );
    expect(viaFragments.errors![0].path).toEqual(["partij"]);
    expect(invalidParams(viaFragments)).toEqual([["filter.referentienummer", "invalid"]]);
  });

  it("refuses the whole operation when several root fields have bad input, listing all of them", async () => {
    const result = await refusedBeforeSql(
      `query ($a: ID!, $b: String) { actor(uuid: $a) { uuid } actoren(filter: { naam: $b }) { edges { node { uuid } } } }`,
      { a: `a${NUL}`, b: `b${NUL}` },
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].path).toBeUndefined();
    expect(invalidParams(result)).toEqual([
      ["uuid", "invalid"],
      ["filter.naam", "invalid"],
    ]);
  });

  it("is refused in an _entities representation (a router's reference)", async () => {
    const result = await refusedBeforeSql(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: [
        { __typename: "Actor", uuid: "5f6b0d2e-8c1a-4b7e-9a3d-2c4e6f8a0b1c" },
        { __typename: "Actor", uuid: `5f6b0d2e${NUL}` },
      ],
    });
    expect(invalidParams(result)).toEqual([["representations.1.uuid", "invalid"]]);
  });

  it("leaves the text people write alone: emoji, accents, tabs, newlines and U+FFFD are stored as given", async () => {
    const naam = "Zoë 😀 Ångström\tvan\nder 𝔘 \uFFFD Straße";
    const { createActor } = await app.ok<{ createActor: { uuid: string; naam: string } }, { naam: string }>(CREATE_ACTOR, { naam });
    expect(createActor.naam).toBe(naam);
    const stored = await app.orm.em.fork().findOneOrFail(Actor, { uuid: createActor.uuid });
    expect(stored.naam).toBe(naam);
  });
});

describe("a refused operation over HTTP and through a router", () => {
  let subgraph: ApolloServer<RequestContext>;
  let router: ApolloServer;
  let url: string;

  beforeAll(async () => {
    subgraph = createApolloServer(await buildKlantinteractiesSchema(), pino({ level: "silent" }));
    ({ url } = await startStandaloneServer(subgraph, {
      listen: { port: 0, host: "127.0.0.1" },
      context: async () => new RequestContext(app.orm, app.config, testPrincipal()),
    }));
    const zaken = buildZaakSubgraph();
    const gateway = new ApolloGateway({
      supergraphSdl: await composeSupergraphForApolloGateway(),
      buildService: ({ name }) => (name === "zaken" ? new LocalGraphQLDataSource(zaken) : new RemoteGraphQLDataSource({ url })),
    });
    router = new ApolloServer({ gateway });
    await router.start();
  });
  afterAll(async () => {
    await router?.stop();
    await subgraph?.stop();
  });

  it("answers HTTP 200 with BAD_USER_INPUT, as a resolver's refusal does (not a 500)", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: CREATE_ACTOR, variables: { naam: `Jan${NUL}` } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Result<unknown>;
    expect(invalidParams(body)).toEqual([["naam", "invalid"]]);
  });

  it("reaches a client through the router as the same BAD_USER_INPUT as any other refused input", async () => {
    const refusedByCheck = await router.executeOperation({ query: CREATE_ACTOR, variables: { naam: `Jan${NUL}` } });
    const refusedByService = await router.executeOperation({ query: CREATE_ACTOR, variables: { naam: "" } });
    for (const response of [refusedByCheck, refusedByService]) {
      expect(response.body.kind).toBe("single");
      const result = (response.body as { singleResult: Result<unknown> }).singleResult;
      expect(result.data).toBeNull();
      expect(result.errors![0]).toMatchObject({
        path: ["createActor"],
        extensions: { code: "BAD_USER_INPUT", serviceName: "klantinteracties" },
      });
    }
    const result = (refusedByCheck.body as { singleResult: Result<unknown> }).singleResult;
    expect(invalidParams(result)).toEqual([["naam", "invalid"]]);
  });
});
