import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { TestApp, type Result } from "../support/app";
import { maakPartij } from "../support/fixtures";
import { FederatedTestApp } from "../support/gateway";

/** `_entities` as a router sends it to this subgraph. */
const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    __typename
    ... on Partij { uuid }
    ... on Klantcontact { uuid onderwerp }
    ... on Onderwerpobject { uuid onderwerpobjectidentificator { objectId } }
  }
}`;

type Entity = { __typename: string; uuid: string } | null;

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

async function klantcontactMetOnderwerpobject(objectId: string): Promise<{ klantcontact: Klantcontact; onderwerpobject: Onderwerpobject }> {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, { kanaal: "telefoon", onderwerp: objectId, taal: "nld", vertrouwelijk: false } as never);
  const onderwerpobject = em.create(Onderwerpobject, {
    klantcontact,
    onderwerpobjectidentificator: { objectId, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
  } as never);
  await em.flush();
  return { klantcontact, onderwerpobject };
}

async function entities(representations: unknown[]): Promise<Result<{ _entities: Entity[] }>> {
  return (await app.execute(ENTITIES, { r: representations })) as Result<{ _entities: Entity[] }>;
}

describe("_entities on the subgraph", () => {
  it("resolves Onderwerpobject references in one batch: the statement count does not grow with their number", async () => {
    const made: Array<{ klantcontact: Klantcontact; onderwerpobject: Onderwerpobject }> = [];
    for (let i = 0; i < 10; i++) made.push(await klantcontactMetOnderwerpobject(randomUUID()));
    const representations = (n: number) => made.slice(0, n).map((m) => ({ __typename: "Onderwerpobject", uuid: m.onderwerpobject.uuid }));
    const two = await app.countStatements(ENTITIES, { r: representations(2) });
    const ten = await app.countStatements(ENTITIES, { r: representations(10) });
    expect((ten.data as { _entities: Entity[] })._entities).toEqual(
      made.map((m) => ({
        __typename: "Onderwerpobject",
        uuid: m.onderwerpobject.uuid,
        onderwerpobjectidentificator: { objectId: m.onderwerpobject.onderwerpobjectidentificator!.objectId },
      })),
    );
    expect(ten.count).toBe(two.count);
  });

  it("refuses only the representations of unknown types, naming the type, and still resolves the others of the batch", async () => {
    const partij = await maakPartij(app);
    const { klantcontact, onderwerpobject } = await klantcontactMetOnderwerpobject(randomUUID());
    const result = await entities([
      { __typename: "Partij", uuid: partij.uuid },
      { __typename: "Zaakdocument", uuid: randomUUID() },
      { __typename: "Klantcontact", uuid: klantcontact.uuid },
      // an object type of this subgraph, but no entity
      { __typename: "Persoon", uuid: randomUUID() },
      { uuid: randomUUID() },
      "Partij",
      { __typename: "Onderwerpobject", uuid: onderwerpobject.uuid },
    ]);

    expect(result.data!._entities.map((e) => e && [e.__typename, e.uuid])).toEqual([
      ["Partij", partij.uuid],
      null,
      ["Klantcontact", klantcontact.uuid],
      null,
      null,
      null,
      ["Onderwerpobject", onderwerpobject.uuid],
    ]);
    const errors = result.errors!.map((e) => ({ path: e.path, code: e.extensions?.code, invalidParams: e.extensions?.invalidParams }));
    expect(errors).toEqual([
      {
        path: ["_entities", 1],
        code: "BAD_USER_INPUT",
        invalidParams: [
          { name: "representations.1.__typename", code: "invalid", reason: '"Zaakdocument" is geen entiteit van deze subgraph.' },
        ],
      },
      {
        path: ["_entities", 3],
        code: "BAD_USER_INPUT",
        invalidParams: [{ name: "representations.3.__typename", code: "invalid", reason: '"Persoon" is geen entiteit van deze subgraph.' }],
      },
      {
        path: ["_entities", 4],
        code: "BAD_USER_INPUT",
        invalidParams: [
          { name: "representations.4.__typename", code: "required", reason: "Een representatie moet een __typename hebben." },
        ],
      },
      {
        path: ["_entities", 5],
        code: "BAD_USER_INPUT",
        invalidParams: [
          { name: "representations.5.__typename", code: "required", reason: "Een representatie moet een __typename hebben." },
        ],
      },
    ]);
    expect(result.errors![0].message).toContain('"Zaakdocument"');
  });

  it("gives null, without an error, for a representation without a uuid, with a malformed one, or with one that matches nothing", async () => {
    const partij = await maakPartij(app);
    const representations = ["Partij", "Klantcontact", "Betrokkene", "Onderwerpobject", "InterneTaak", "Actor", "DigitaalAdres"].flatMap(
      (__typename) => [
        { __typename },
        { __typename, uuid: null },
        { __typename, uuid: 42 },
        { __typename, uuid: { nested: true } },
        { __typename, uuid: "geen-uuid" },
        { __typename, uuid: "" },
        { __typename, uuid: randomUUID() },
      ],
    );
    const result = await entities([...representations, { __typename: "Partij", uuid: partij.uuid.toUpperCase() }]);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([...representations.map(() => null), { __typename: "Partij", uuid: partij.uuid }]);
  });
});

describe("_entities through the router", () => {
  it("is not part of the router's API: a client cannot send representations there, so unknown types reach only the subgraph", async () => {
    const federated = await FederatedTestApp.start();
    try {
      const result = await federated.query(`{ _entities(representations: [{ __typename: "Zaakdocument", uuid: "x" }]) { __typename } }`);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(federated.fetches).toEqual([]);
    } finally {
      await federated.stop();
    }
  });
});
