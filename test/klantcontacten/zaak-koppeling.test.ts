import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { TestApp } from "../support/app";
import { maakPartij } from "../support/fixtures";

/** Zaak.klantcontacten as the router asks for it: `_entities` with the zaak's uuid and the identificatie it @requires. */
const ZAAK_ENTITIES = `query ($r: [_Any!]!, $initiatorPartij: ID) {
  _entities(representations: $r) {
    ... on Zaak { uuid klantcontacten(first: 2, initiatorPartij: $initiatorPartij) { edges { node { onderwerp } } pageInfo { hasNextPage } } }
  }
}`;

interface Page {
  uuid: string;
  klantcontacten: { edges: Array<{ node: { onderwerp: string } }>; pageInfo: { hasNextPage: boolean } } | null;
}

type Identificator = { objectId: string; codeObjecttype?: string; codeSoortObjectId?: string };

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

/** A klantcontact about the given objects, `daysAgo` days before 2026-06-01. */
async function contactOver(onderwerp: string, daysAgo: number, ...identificatoren: Identificator[]): Promise<Klantcontact> {
  const em = app.orm.em.fork();
  const plaatsgevondenOp = new Date(Date.UTC(2026, 5, 1 - daysAgo));
  const klantcontact = em.create(Klantcontact, {
    kanaal: "telefoon",
    onderwerp,
    taal: "nld",
    vertrouwelijk: false,
    plaatsgevondenOp,
  } as never);
  for (const onderwerpobjectidentificator of identificatoren)
    em.create(Onderwerpobject, { klantcontact, onderwerpobjectidentificator } as never);
  await em.flush();
  return klantcontact;
}

function zaak(n: number) {
  return { uuid: randomUUID(), identificatie: `ZAAK-2026-${String(n).padStart(7, "0")}-${randomUUID().slice(0, 8)}` };
}

async function pages(representations: unknown[], initiatorPartij?: string): Promise<Array<Page | null>> {
  const result = await app.execute(ZAAK_ENTITIES, { r: representations, initiatorPartij });
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: Array<Page | null> })._entities;
}

const onderwerpen = (page: Page | null) => page?.klantcontacten?.edges.map((e) => e.node.onderwerp);

describe("Zaak.klantcontacten", () => {
  it("finds a zaak's klantcontacten by uuid and by identificatie, newest first, a page per zaak, in constant SQL", async () => {
    const zaken = Array.from({ length: 10 }, (_, i) => zaak(i));
    for (const [i, z] of zaken.entries()) {
      await contactOver(`${i}: op uuid`, 2, { objectId: z.uuid.toUpperCase(), codeObjecttype: "zgw-Zaak", codeSoortObjectId: "UUID" });
      await contactOver(`${i}: op identificatie`, 1, {
        objectId: z.identificatie,
        codeObjecttype: "zaak",
        codeSoortObjectId: "identificatie",
      });
      await contactOver(`${i}: oudste`, 30, { objectId: z.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" });
    }
    const representations = (n: number) => zaken.slice(0, n).map((z) => ({ __typename: "Zaak", ...z }));
    const two = await app.countStatements(ZAAK_ENTITIES, { r: representations(2) });
    const ten = await app.countStatements(ZAAK_ENTITIES, { r: representations(10) });
    const found = (ten.data as { _entities: Page[] })._entities;
    found.forEach((page, i) => {
      expect(page.uuid).toBe(zaken[i].uuid);
      expect(onderwerpen(page)).toEqual([`${i}: op identificatie`, `${i}: op uuid`]);
      expect(page.klantcontacten!.pageInfo.hasNextPage).toBe(true);
    });
    expect(ten.count).toBe(two.count);
  });

  it("matches a uuid link on codeSoortObjectId 'uuid' and an identificatie link on the exact identificatie, whatever codeObjecttype says", async () => {
    const z = zaak(100);
    await contactOver("uuid, ander objecttype", 1, { objectId: z.uuid, codeObjecttype: "formulierinzending", codeSoortObjectId: "uuid" });
    await contactOver("identificatie, andere soort", 2, { objectId: z.identificatie, codeSoortObjectId: "zaaknummer" });
    // Not links: a uuid that does not say it is one, an identificatie in another case, another zaak.
    await contactOver("uuid als identificatie", 3, { objectId: z.uuid, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" });
    await contactOver("identificatie in kleine letters", 4, {
      objectId: z.identificatie.toLowerCase(),
      codeObjecttype: "zaak",
      codeSoortObjectId: "identificatie",
    });
    await contactOver("andere zaak", 5, { objectId: randomUUID(), codeObjecttype: "zaak", codeSoortObjectId: "uuid" });

    const [page] = await pages([{ __typename: "Zaak", ...z }]);
    expect(onderwerpen(page)).toEqual(["uuid, ander objecttype", "identificatie, andere soort"]);
    expect(page!.klantcontacten!.pageInfo.hasNextPage).toBe(false);
  });

  it("lists a klantcontact once however many of its onderwerpobjecten name the zaak, and under every zaak it names", async () => {
    const [a, b] = [zaak(200), zaak(201)];
    await contactOver(
      "over a (tweemaal) en b",
      1,
      { objectId: a.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
      { objectId: a.identificatie, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" },
      { objectId: b.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
    );
    // Two bronorganisaties may use one identificatie: such a link names both zaken.
    const c = { uuid: randomUUID(), identificatie: a.identificatie };
    const found = await pages([a, b, c].map((z) => ({ __typename: "Zaak", ...z })));
    expect(found.map(onderwerpen)).toEqual([["over a (tweemaal) en b"], ["over a (tweemaal) en b"], ["over a (tweemaal) en b"]]);
  });

  it("finds only uuid links when the representation has no identificatie", async () => {
    const z = zaak(300);
    await contactOver("op uuid", 1, { objectId: z.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" });
    await contactOver("op identificatie", 2, { objectId: z.identificatie, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" });
    const [withoutIdentificatie, withNumber] = await pages([
      { __typename: "Zaak", uuid: z.uuid },
      { __typename: "Zaak", uuid: z.uuid.toUpperCase(), identificatie: 42 },
    ]);
    expect(onderwerpen(withoutIdentificatie)).toEqual(["op uuid"]);
    expect(withNumber!.uuid).toBe(z.uuid);
    expect(onderwerpen(withNumber)).toEqual(["op uuid"]);
  });

  it("narrows to the klantcontacten a partij initiated; a malformed partij uuid matches nothing", async () => {
    const z = zaak(400);
    const partij = await maakPartij(app);
    const eigen = await contactOver("van de partij", 1, { objectId: z.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" });
    await contactOver("van een ander", 2, { objectId: z.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" });
    const em = app.orm.em.fork();
    em.create(Betrokkene, { hadKlantcontact: eigen.id, wasPartij: partij.id, rol: Rol.KLANT, initiator: true } as never);
    await em.flush();

    const representation = { __typename: "Zaak", ...z };
    expect((await pages([representation], partij.uuid.toUpperCase())).map(onderwerpen)).toEqual([["van de partij"]]);
    expect((await pages([representation], "geen-uuid")).map(onderwerpen)).toEqual([[]]);
  });

  it("gives null for a representation whose uuid is missing or no uuid: it names no zaak", async () => {
    const z = zaak(500);
    await contactOver("bekend", 1, { objectId: z.identificatie, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" });
    const found = await pages([
      { __typename: "Zaak", identificatie: z.identificatie },
      { __typename: "Zaak", uuid: "ZAAK-2026-1", identificatie: z.identificatie },
      { __typename: "Zaak", uuid: 12, identificatie: z.identificatie },
      { __typename: "Zaak", ...z },
    ]);
    expect(found.map(onderwerpen)).toEqual([undefined, undefined, undefined, ["bekend"]]);
    expect(found.slice(0, 3)).toEqual([null, null, null]);
  });
});
