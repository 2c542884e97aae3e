import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { TestApp } from "../support/app";

const ZAAK_ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Zaak { uuid klantcontacten(first: 2) { edges { node { onderwerp } } pageInfo { hasNextPage } } } }
}`;
const ONDERWERPOBJECTEN = `{ onderwerpobjecten(first: 100) { edges { node { onderwerpobjectidentificator { objectId } zaak { uuid } } } } }`;

async function contactOver(app: TestApp, onderwerp: string, plaatsgevondenOp: Date, identificator: Record<string, string>) {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, { kanaal: "telefoon", onderwerp, taal: "nld", vertrouwelijk: false, plaatsgevondenOp } as never);
  em.create(Onderwerpobject, { klantcontact, onderwerpobjectidentificator: identificator } as never);
  await em.flush();
}

describe("links between klantcontacten and zaken", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  it("finds a zaak's klantcontacten by uuid and by identificatie, newest first, a page per zaak, in constant SQL", async () => {
    const zaken = Array.from({ length: 10 }, (_, i) => ({ uuid: randomUUID(), identificatie: `ZAAK-2026-${String(i).padStart(7, "0")}` }));
    for (const [i, zaak] of zaken.entries()) {
      await contactOver(app, `${i}: op uuid`, new Date(Date.UTC(2026, 0, 1)), { objectId: zaak.uuid.toUpperCase(), codeObjecttype: "zgw-Zaak", codeSoortObjectId: "uuid" });
      await contactOver(app, `${i}: op identificatie`, new Date(Date.UTC(2026, 0, 2)), { objectId: zaak.identificatie, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" });
      await contactOver(app, `${i}: oudste`, new Date(Date.UTC(2025, 0, 1)), { objectId: zaak.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" });
      // not a zaak: another objecttype with the same objectId
      await contactOver(app, `${i}: formulier`, new Date(Date.UTC(2026, 0, 3)), { objectId: zaak.uuid, codeObjecttype: "formulierinzending", codeSoortObjectId: "uuid" });
    }
    const representations = (n: number) => zaken.slice(0, n).map((z) => ({ __typename: "Zaak", ...z }));
    const two = await app.countStatements(ZAAK_ENTITIES, { r: representations(2) });
    const ten = await app.countStatements(ZAAK_ENTITIES, { r: representations(10) });
    const pages = (ten.data as { _entities: Array<{ klantcontacten: { edges: Array<{ node: { onderwerp: string } }>; pageInfo: { hasNextPage: boolean } } }> })._entities;
    pages.forEach((page, i) => {
      expect(page.klantcontacten.edges.map((e) => e.node.onderwerp)).toEqual([`${i}: op identificatie`, `${i}: op uuid`]);
      expect(page.klantcontacten.pageInfo.hasNextPage).toBe(true);
    });
    expect(ten.count).toBe(two.count);
  });
});

describe("which onderwerpobjecten are zaken", () => {
  it("are those with codeObjecttype zaak or zgw-Zaak", async () => {
    const zaakUuid = randomUUID();
    const zaken = async (env: NodeJS.ProcessEnv) => {
      const app = await TestApp.start(env);
      try {
        await contactOver(app, "a", new Date(), { objectId: zaakUuid, codeObjecttype: "zgw-Zaak", codeSoortObjectId: "uuid" });
        await contactOver(app, "b", new Date(), { objectId: "ZAAK-1", codeObjecttype: "zaak", codeSoortObjectId: "identificatie" });
        const data = (await app.ok(ONDERWERPOBJECTEN)) as { onderwerpobjecten: { edges: Array<{ node: { zaak: { uuid: string } | null } }> } };
        return data.onderwerpobjecten.edges.map((e) => e.node.zaak);
      } finally {
        await app.stop();
      }
    };
    // newest first: the identificatie link (never a reference from this side), then the uuid link
    expect(await zaken({})).toEqual([null, { uuid: zaakUuid }]);
  });
});
