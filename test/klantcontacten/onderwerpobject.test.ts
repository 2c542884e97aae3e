import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BetrokkeneCreateDocument,
  KlantcontactCreateDocument,
  KlantcontactGetDocument,
  OnderwerpobjectCreateDocument,
  OnderwerpobjectDeleteDocument,
  OnderwerpobjectGetDocument,
  OnderwerpobjectListDocument,
  OnderwerpobjectUpdateDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { exists, maakDigitaalAdres, maakPartij, rows } from "../support/fixtures";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function klantcontact(onderwerp = "Vraag") {
  const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
    input: { kanaal: "e-mail", onderwerp, taal: "nld", vertrouwelijk: false },
  });
  return createKlantcontact.uuid;
}

async function onderwerpobject(input: { klantcontact?: string; wasKlantcontact?: string; objectId?: string }) {
  const { createOnderwerpobject } = await app.ok(OnderwerpobjectCreateDocument, {
    input: {
      klantcontact: input.klantcontact,
      wasKlantcontact: input.wasKlantcontact,
      onderwerpobjectidentificator: input.objectId ? { objectId: input.objectId, codeObjecttype: "zaak" } : undefined,
    },
  });
  return createOnderwerpobject.uuid;
}

async function lijst(filter: object) {
  const { onderwerpobjecten } = await app.ok(OnderwerpobjectListDocument, { filter, first: 100 });
  return onderwerpobjecten.edges.map((e) => e.node.uuid);
}

describe("Onderwerpobject", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const vraag = await klantcontact("vraag");
    const antwoord = await klantcontact("antwoord");
    const identificator = {
      objectId: "ZAAK-2026-1",
      codeObjecttype: "zaak",
      codeRegister: "open-zaak",
      codeSoortObjectId: "identificatie",
    };
    const { createOnderwerpobject } = await app.ok(OnderwerpobjectCreateDocument, {
      input: { klantcontact: antwoord, wasKlantcontact: vraag, onderwerpobjectidentificator: identificator },
    });
    expect(createOnderwerpobject).toEqual({
      uuid: createOnderwerpobject.uuid,
      klantcontact: { uuid: antwoord },
      wasKlantcontact: { uuid: vraag },
      onderwerpobjectidentificator: identificator,
    });
    const uuid = createOnderwerpobject.uuid;
    expect((await app.ok(OnderwerpobjectGetDocument, { uuid })).onderwerpobject).toEqual(createOnderwerpobject);

    const { updateOnderwerpobject } = await app.ok(OnderwerpobjectUpdateDocument, {
      uuid,
      input: { wasKlantcontact: null, onderwerpobjectidentificator: { objectId: "ander" } },
    });
    expect(updateOnderwerpobject).toEqual({
      uuid,
      klantcontact: { uuid: antwoord },
      wasKlantcontact: null,
      onderwerpobjectidentificator: { objectId: "ander", codeObjecttype: null, codeRegister: null, codeSoortObjectId: null },
    });
    expect((await app.ok(OnderwerpobjectUpdateDocument, { uuid, input: {} })).updateOnderwerpobject).toEqual(updateOnderwerpobject);
    const cleared = await app.ok(OnderwerpobjectUpdateDocument, { uuid, input: { onderwerpobjectidentificator: null } });
    expect(cleared.updateOnderwerpobject.onderwerpobjectidentificator).toBeNull();

    const { deleteOnderwerpobject } = await app.ok(OnderwerpobjectDeleteDocument, { uuid });
    expect(deleteOnderwerpobject).toEqual({ uuid, behouden: [] });
    expect((await app.ok(OnderwerpobjectGetDocument, { uuid })).onderwerpobject).toBeNull();
    // Without cascade the klantcontacten stay.
    expect(await exists(app, Klantcontact, antwoord)).toBe(true);
    expect(await exists(app, Klantcontact, vraag)).toBe(true);
  });

  it("refuses unknown klantcontacten and too long identificator fields, writing nothing", async () => {
    const count = await rows(app, Onderwerpobject);
    const result = await app.execute(OnderwerpobjectCreateDocument, {
      input: {
        klantcontact: ONBEKEND,
        wasKlantcontact: "geen-uuid",
        onderwerpobjectidentificator: { objectId: "x".repeat(201), codeObjecttype: "y".repeat(201) },
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result).sort()).toEqual(
      [
        ["onderwerpobjectidentificator.objectId", "max_length"],
        ["onderwerpobjectidentificator.codeObjecttype", "max_length"],
        ["klantcontact", "does_not_exist"],
        ["wasKlantcontact", "invalid"],
      ].sort(),
    );
    expect(await rows(app, Onderwerpobject)).toBe(count);
    expect(errorCode(await app.execute(OnderwerpobjectUpdateDocument, { uuid: ONBEKEND, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(OnderwerpobjectDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
  });

  it("filters on klantcontact, wasKlantcontact and identificator", async () => {
    const a = await klantcontact();
    const b = await klantcontact();
    const o1 = await onderwerpobject({ klantcontact: a, objectId: "zaak-f1" });
    const o2 = await onderwerpobject({ klantcontact: b, wasKlantcontact: a, objectId: "zaak-f2" });
    expect(await lijst({ klantcontact: a })).toEqual([o1]);
    expect(await lijst({ wasKlantcontact: a })).toEqual([o2]);
    expect(await lijst({ onderwerpobjectidentificator: { objectId: "zaak-f2", codeObjecttype: "zaak" } })).toEqual([o2]);
    expect(await lijst({ onderwerpobjectidentificator: { objectId: "zaak-f2", codeObjecttype: "document" } })).toEqual([]);
    expect(await lijst({ klantcontact: "geen-uuid" })).toEqual([]);
  });

  it("with cascade deletes unreferenced klantcontacten with their betrokkenen and partij-less adressen, and keeps referenced ones", async () => {
    const vraag = await klantcontact("vraag"); // also referred to by another onderwerpobject: kept
    const antwoord = await klantcontact("antwoord"); // only referred to by this one: deleted
    const partij = (await maakPartij(app)).uuid;
    const { createBetrokkene } = await app.ok(BetrokkeneCreateDocument, {
      input: { hadKlantcontact: antwoord, rol: "KLANT", initiator: true, wasPartij: partij },
    });
    const alleenBetrokkene = await maakDigitaalAdres(app, { adres: "anoniem@example.nl", verstrektDoorBetrokkene: createBetrokkene.uuid });
    const ookPartij = await maakDigitaalAdres(app, {
      adres: "bekend@example.nl",
      verstrektDoorBetrokkene: createBetrokkene.uuid,
      verstrektDoorPartij: partij,
    });

    const doel = await onderwerpobject({ klantcontact: antwoord, wasKlantcontact: vraag });
    const ander = await onderwerpobject({ klantcontact: vraag, objectId: "zaak-c" });

    const { deleteOnderwerpobject } = await app.ok(OnderwerpobjectDeleteDocument, { uuid: doel, cascade: true });
    expect(deleteOnderwerpobject).toEqual({ uuid: doel, behouden: [{ uuid: vraag }] });
    expect(await exists(app, Onderwerpobject, doel)).toBe(false);
    expect(await exists(app, Klantcontact, antwoord)).toBe(false);
    expect(await exists(app, Betrokkene, createBetrokkene.uuid)).toBe(false);
    expect(await exists(app, DigitaalAdres, alleenBetrokkene)).toBe(false);
    expect(await exists(app, DigitaalAdres, ookPartij)).toBe(true);
    expect((await app.ok(KlantcontactGetDocument, { uuid: vraag })).klantcontact?.uuid).toBe(vraag);
    expect(await exists(app, Onderwerpobject, ander)).toBe(true);

    // Now nothing else refers to vraag: deleting its last onderwerpobject with cascade takes it along.
    const laatste = await app.ok(OnderwerpobjectDeleteDocument, { uuid: ander, cascade: true });
    expect(laatste.deleteOnderwerpobject.behouden).toEqual([]);
    expect(await exists(app, Klantcontact, vraag)).toBe(false);
  });
});
