import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActorKlantcontactCreateDocument,
  BetrokkeneCreateDocument,
  BijlageCreateDocument,
  KlantcontactCreateDocument,
  KlantcontactDeleteDocument,
  KlantcontactGetDocument,
  KlantcontactListDocument,
  KlantcontactRelatiesDocument,
  KlantcontactUpdateDocument,
  OnderwerpobjectCreateDocument,
  type KlantcontactInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { exists, maakActor, maakDigitaalAdres, maakInterneTaak, maakPartij, rows } from "../support/fixtures";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Bijlage } from "../../src/klantcontacten/bijlage.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const basis: KlantcontactInput = { kanaal: "telefoon", onderwerp: "Afvalpas", taal: "nld", vertrouwelijk: false };

async function klantcontact(input: Partial<KlantcontactInput> = {}) {
  return (await app.ok(KlantcontactCreateDocument, { input: { ...basis, ...input } })).createKlantcontact;
}

async function betrokkene(klantcontactUuid: string, extra: { wasPartij?: string } = {}) {
  const { createBetrokkene } = await app.ok(BetrokkeneCreateDocument, {
    input: { hadKlantcontact: klantcontactUuid, rol: "KLANT", initiator: true, ...extra },
  });
  return createBetrokkene.uuid;
}

async function lijst(filter: object, first = 100) {
  const { klantcontacten } = await app.ok(KlantcontactListDocument, { filter, first });
  return klantcontacten.edges.map((e) => e.node.uuid);
}

describe("Klantcontact", () => {
  it("is created with defaults, read, updated (PATCH) and deleted", async () => {
    const before = Date.now();
    const created = await klantcontact({ inhoud: "Pas kwijt", metadata: { bron: "kcc" }, referentienummer: "0012" });
    expect(created).toMatchObject({
      kanaal: "telefoon",
      onderwerp: "Afvalpas",
      inhoud: "Pas kwijt",
      reactie: "",
      indicatieContactGelukt: null,
      hoofdOnderwerpType: "",
      verdereActieOndernomen: false,
      taal: "nld",
      vertrouwelijk: false,
      metadata: { bron: "kcc" },
      referentienummer: "0012",
      nummer: null,
    });
    expect(new Date(created.plaatsgevondenOp).getTime()).toBeGreaterThanOrEqual(before - 1000);

    expect((await app.ok(KlantcontactGetDocument, { uuid: created.uuid })).klantcontact).toEqual(created);

    const { updateKlantcontact } = await app.ok(KlantcontactUpdateDocument, {
      uuid: created.uuid,
      input: {
        reactie: "Nieuwe pas aangevraagd",
        indicatieContactGelukt: true,
        hoofdOnderwerpType: "https://catalogi.example.nl/zaaktypen/1",
        plaatsgevondenOp: "2026-01-02T10:00:00.000Z",
        inhoud: null,
      },
    });
    expect(updateKlantcontact).toMatchObject({
      reactie: "Nieuwe pas aangevraagd",
      indicatieContactGelukt: true,
      hoofdOnderwerpType: "https://catalogi.example.nl/zaaktypen/1",
      inhoud: "",
      onderwerp: "Afvalpas",
      metadata: { bron: "kcc" },
    });
    expect(new Date(updateKlantcontact.plaatsgevondenOp).toISOString()).toBe("2026-01-02T10:00:00.000Z");

    const unchanged = await app.ok(KlantcontactUpdateDocument, { uuid: created.uuid, input: {} });
    expect(unchanged.updateKlantcontact).toEqual(updateKlantcontact);

    expect((await app.ok(KlantcontactDeleteDocument, { uuid: created.uuid })).deleteKlantcontact).toBe(created.uuid);
    expect((await app.ok(KlantcontactGetDocument, { uuid: created.uuid })).klantcontact).toBeNull();
  });

  it("checks every field rule and writes nothing when one fails", async () => {
    const count = await rows(app, Klantcontact);
    const result = await app.execute(KlantcontactCreateDocument, {
      input: {
        kanaal: "k".repeat(51),
        onderwerp: "o".repeat(201),
        inhoud: "i".repeat(1001),
        reactie: "r".repeat(4001),
        taal: "nldx",
        vertrouwelijk: true,
        hoofdOnderwerpType: "geen url",
        referentienummer: "12345678901",
        nummer: "12a",
        metadata: { goed: "ja", lang: "x".repeat(256), getal: 5 as unknown as string },
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result).sort()).toEqual(
      [
        ["kanaal", "max_length"],
        ["onderwerp", "max_length"],
        ["inhoud", "max_length"],
        ["reactie", "max_length"],
        ["taal", "max_length"],
        ["hoofdOnderwerpType", "invalid"],
        ["referentienummer", "max_length"],
        ["nummer", "invalid"],
        ["metadata.lang", "max_length"],
        ["metadata.getal", "invalid"],
      ].sort(),
    );
    expect(invalidParams(await app.execute(KlantcontactCreateDocument, { input: { ...basis, kanaal: " " } }))).toEqual([
      ["kanaal", "blank"],
    ]);
    expect(await rows(app, Klantcontact)).toBe(count);
  });

  it("refuses verdere actie when the contact succeeded, also against the stored values", async () => {
    const result = await app.execute(KlantcontactCreateDocument, {
      input: { ...basis, indicatieContactGelukt: true, verdereActieOndernomen: true },
    });
    expect(invalidParams(result)).toEqual([["nonFieldErrors", "no-further-action-when-contact-succesful"]]);
    expect(result.errors?.[0]?.extensions?.invalidParams).toEqual([
      expect.objectContaining({ reason: "Als het contact gelukt is kan er geen verdere actie zijn ondernomen" }),
    ]);

    const gelukt = await klantcontact({ indicatieContactGelukt: true });
    const update = await app.execute(KlantcontactUpdateDocument, { uuid: gelukt.uuid, input: { verdereActieOndernomen: true } });
    expect(invalidParams(update)).toEqual([["nonFieldErrors", "no-further-action-when-contact-succesful"]]);
    // Both in one change is fine when the contact is no longer marked as gelukt.
    const ok = await app.ok(KlantcontactUpdateDocument, {
      uuid: gelukt.uuid,
      input: { verdereActieOndernomen: true, indicatieContactGelukt: false },
    });
    expect(ok.updateKlantcontact).toMatchObject({ verdereActieOndernomen: true, indicatieContactGelukt: false });
    const terug = await app.execute(KlantcontactUpdateDocument, { uuid: gelukt.uuid, input: { indicatieContactGelukt: true } });
    expect(invalidParams(terug)).toEqual([["nonFieldErrors", "no-further-action-when-contact-succesful"]]);
  });

  it("keeps nummer and referentienummer unique", async () => {
    const eerste = await klantcontact({ nummer: "4711", referentienummer: "4711" });
    const dubbel = await app.execute(KlantcontactCreateDocument, { input: { ...basis, nummer: "4711", referentienummer: "4711" } });
    expect(invalidParams(dubbel)).toEqual([
      ["nummer", "unique"],
      ["referentienummer", "unique"],
    ]);
    expect(dubbel.errors?.[0]?.extensions?.invalidParams).toEqual([
      expect.objectContaining({ reason: "Er bestaat al een klantcontact met eenzelfde nummer." }),
      expect.objectContaining({ reason: "Er bestaat al een klantcontact met eenzelfde referentienummer." }),
    ]);
    // Its own number is no conflict on update; another's is.
    await app.ok(KlantcontactUpdateDocument, { uuid: eerste.uuid, input: { referentienummer: "4711", onderwerp: "x" } });
    const tweede = await klantcontact({ referentienummer: "4712" });
    const update = await app.execute(KlantcontactUpdateDocument, { uuid: tweede.uuid, input: { referentienummer: "4711" } });
    expect(invalidParams(update)).toEqual([["referentienummer", "unique"]]);
  });

  it("refuses to clear required fields on update", async () => {
    const kc = await klantcontact();
    const result = await app.execute(KlantcontactUpdateDocument, {
      uuid: kc.uuid,
      input: { kanaal: null, onderwerp: null, taal: null, vertrouwelijk: null, plaatsgevondenOp: null },
    });
    expect(invalidParams(result).sort()).toEqual(
      [
        ["kanaal", "required"],
        ["onderwerp", "required"],
        ["taal", "required"],
        ["vertrouwelijk", "required"],
        ["plaatsgevondenOp", "required"],
      ].sort(),
    );
    expect((await app.ok(KlantcontactGetDocument, { uuid: kc.uuid })).klantcontact).toEqual(kc);
  });

  it("answers NOT_FOUND for unknown uuids on update and delete", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(errorCode(await app.execute(KlantcontactUpdateDocument, { uuid, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(KlantcontactDeleteDocument, { uuid }))).toBe("NOT_FOUND");
    expect((await app.ok(KlantcontactGetDocument, { uuid: "geen-uuid" })).klantcontact).toBeNull();
  });

  it("lists latest plaatsgevondenOp first, then newest, with keyset paging", async () => {
    const kanaal = "ordening";
    const a = await klantcontact({ kanaal, onderwerp: "a", plaatsgevondenOp: "2026-03-01T09:00:00.000Z" });
    const b = await klantcontact({ kanaal, onderwerp: "b", plaatsgevondenOp: "2026-03-03T09:00:00.000Z" });
    const c = await klantcontact({ kanaal, onderwerp: "c", plaatsgevondenOp: "2026-03-02T09:00:00.000Z" });
    const d = await klantcontact({ kanaal, onderwerp: "d", plaatsgevondenOp: "2026-03-02T09:00:00.000Z" });
    const e = await klantcontact({ kanaal, onderwerp: "e", plaatsgevondenOp: "2026-02-01T09:00:00.000Z" });
    expect(await lijst({ kanaal })).toEqual([b.uuid, d.uuid, c.uuid, a.uuid, e.uuid]);

    const first = await app.ok(KlantcontactListDocument, { filter: { kanaal }, first: 2 });
    expect(first.klantcontacten.edges.map((x) => x.node.onderwerp)).toEqual(["b", "d"]);
    expect(first.klantcontacten.pageInfo.hasNextPage).toBe(true);
    const second = await app.ok(KlantcontactListDocument, { filter: { kanaal }, first: 2, after: first.klantcontacten.pageInfo.endCursor });
    expect(second.klantcontacten.edges.map((x) => x.node.onderwerp)).toEqual(["c", "a"]);
    const third = await app.ok(KlantcontactListDocument, { filter: { kanaal }, first: 2, after: second.klantcontacten.pageInfo.endCursor });
    expect(third.klantcontacten.edges.map((x) => x.node.onderwerp)).toEqual(["e"]);
    expect(third.klantcontacten.pageInfo.hasNextPage).toBe(false);

    expect(await lijst({ kanaal, plaatsgevondenOp: "2026-03-02T09:00:00.000Z" })).toEqual([d.uuid, c.uuid]);
    expect(await lijst({ kanaal, plaatsgevondenVanaf: "2026-03-02T09:00:00.000Z" })).toEqual([b.uuid, d.uuid, c.uuid]);
    expect(await lijst({ kanaal, plaatsgevondenTot: "2026-03-02T09:00:00.000Z" })).toEqual([a.uuid, e.uuid]);
  });

  it("filters on its own fields", async () => {
    const kanaal = "velden";
    const a = await klantcontact({
      kanaal,
      onderwerp: "Parkeervergunning",
      inhoud: "Vraag over BEWONERSvergunning",
      reactie: "Doorverbonden",
      indicatieContactGelukt: true,
      vertrouwelijk: true,
      nummer: "9001",
      referentienummer: "9002",
    });
    const b = await klantcontact({ kanaal, onderwerp: "Paspoort", inhoud: "Verlopen", reactie: "Afspraak", indicatieContactGelukt: false });
    expect(await lijst({ kanaal })).toEqual([b.uuid, a.uuid]);
    expect(await lijst({ kanaal, onderwerp: "parkeer" })).toEqual([a.uuid]);
    expect(await lijst({ kanaal, inhoud: "bewoners" })).toEqual([a.uuid]);
    expect(await lijst({ kanaal, reactie: "AFSPR" })).toEqual([b.uuid]);
    expect(await lijst({ kanaal, indicatieContactGelukt: false })).toEqual([b.uuid]);
    expect(await lijst({ kanaal, vertrouwelijk: true })).toEqual([a.uuid]);
    expect(await lijst({ nummer: "9001" })).toEqual([a.uuid]);
    expect(await lijst({ referentienummer: "9002" })).toEqual([a.uuid]);
    expect(await lijst({ kanaal: "bestaat-niet" })).toEqual([]);
  });

  it("filters on betrokkenen, partijen, digitale adressen and interne taken, without duplicates", async () => {
    const kanaal = "relaties";
    const partij = (await maakPartij(app, { bsn: "111222333" })).uuid;
    const andere = (await maakPartij(app, { bsn: "999993653" })).uuid;
    const a = await klantcontact({ kanaal, onderwerp: "a" });
    const b = await klantcontact({ kanaal, onderwerp: "b" });
    const c = await klantcontact({ kanaal, onderwerp: "c" });
    // a has two betrokkenen of the same partij: it must still be listed once.
    const a1 = await betrokkene(a.uuid, { wasPartij: partij });
    await betrokkene(a.uuid, { wasPartij: partij });
    const b1 = await betrokkene(b.uuid, { wasPartij: andere });
    const b2 = await betrokkene(b.uuid);
    await maakDigitaalAdres(app, { adres: "Jan@Example.nl", verstrektDoorBetrokkene: b2 });
    await maakDigitaalAdres(app, { adres: "jan@example.nl", verstrektDoorBetrokkene: a1 });
    await maakInterneTaak(app, c.uuid);
    await maakInterneTaak(app, c.uuid);

    expect(await lijst({ kanaal, hadBetrokkene: b2 })).toEqual([b.uuid]);
    expect(await lijst({ kanaal, hadBetrokkene: "geen-uuid" })).toEqual([]);
    expect(await lijst({ kanaal, betrokkeneHeeftPartij: true })).toEqual([b.uuid, a.uuid]);
    expect(await lijst({ kanaal, betrokkeneHeeftPartij: false })).toEqual([b.uuid]);
    expect(await lijst({ kanaal, wasPartij: partij })).toEqual([a.uuid]);
    expect(await lijst({ kanaal, wasPartijIdentificator: { objectId: "999993653", codeSoortObjectId: "BSN" } })).toEqual([b.uuid]);
    expect(
      await lijst({
        kanaal,
        wasPartijIdentificator: { objectId: "111222333", codeObjecttype: "NATUURLIJK_PERSOON", codeRegister: "BRP" },
      }),
    ).toEqual([a.uuid]);
    expect(await lijst({ kanaal, wasPartijIdentificator: { objectId: "111222333", codeRegister: "HR" } })).toEqual([]);
    expect(await lijst({ kanaal, betrokkeneDigitaalAdres: { adres: "jan@example", zoekwijze: "BEVAT" } })).toEqual([b.uuid, a.uuid]);
    expect(await lijst({ kanaal, betrokkeneDigitaalAdres: { adres: "piet", zoekwijze: "BEVAT" } })).toEqual([]);
    expect(await lijst({ kanaal, heeftInterneTaak: true })).toEqual([c.uuid]);
    expect(await lijst({ kanaal, heeftInterneTaak: false })).toEqual([b.uuid, a.uuid]);
    expect(await lijst({ kanaal, wasPartij: andere, heeftInterneTaak: false, betrokkeneHeeftPartij: false })).toEqual([b.uuid]);
    void b1;
  });

  it("filters on onderwerpobjecten (ging over and was)", async () => {
    const kanaal = "onderwerp";
    const vraag = await klantcontact({ kanaal, onderwerp: "vraag" });
    const antwoord = await klantcontact({ kanaal, onderwerp: "antwoord" });
    const zaak = { objectId: "zaak-1", codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" };
    const { createOnderwerpobject: overZaak } = await app.ok(OnderwerpobjectCreateDocument, {
      input: { klantcontact: vraag.uuid, onderwerpobjectidentificator: zaak },
    });
    await app.ok(OnderwerpobjectCreateDocument, { input: { klantcontact: vraag.uuid, onderwerpobjectidentificator: zaak } });
    const { createOnderwerpobject: keten } = await app.ok(OnderwerpobjectCreateDocument, {
      input: { klantcontact: antwoord.uuid, wasKlantcontact: vraag.uuid },
    });

    expect(await lijst({ kanaal, onderwerpobject: overZaak.uuid })).toEqual([vraag.uuid]);
    expect(await lijst({ kanaal, onderwerpobjectidentificator: { objectId: "zaak-1" } })).toEqual([vraag.uuid]);
    expect(
      await lijst({
        kanaal,
        onderwerpobjectidentificator: {
          objectId: "zaak-1",
          codeRegister: "openzaak",
          codeObjecttype: "zgw-Zaak",
          codeSoortObjectId: "uuid",
        },
      }),
    ).toEqual([vraag.uuid]);
    expect(await lijst({ kanaal, onderwerpobjectidentificator: { objectId: "zaak-1", codeRegister: "anders" } })).toEqual([]);
    expect(await lijst({ kanaal, wasOnderwerpobject: keten.uuid })).toEqual([vraag.uuid]);
    expect(await lijst({ kanaal, onderwerpobject: keten.uuid })).toEqual([antwoord.uuid]);
  });

  it("exposes its relations, and deleting it cascades to all of them", async () => {
    const partij = (await maakPartij(app)).uuid;
    const actor = await maakActor(app, "Medewerker KCC");
    const kc = await klantcontact({ onderwerp: "relaties" });
    const later = await klantcontact({ onderwerp: "later" });
    const bet = await betrokkene(kc.uuid, { wasPartij: partij });
    const { createOnderwerpobject: ging } = await app.ok(OnderwerpobjectCreateDocument, {
      input: { klantcontact: kc.uuid, onderwerpobjectidentificator: { objectId: "z" } },
    });
    const { createOnderwerpobject: was } = await app.ok(OnderwerpobjectCreateDocument, {
      input: { klantcontact: later.uuid, wasKlantcontact: kc.uuid },
    });
    const { createBijlage } = await app.ok(BijlageCreateDocument, { input: { wasBijlageVanKlantcontact: kc.uuid } });
    const { createActorKlantcontact } = await app.ok(ActorKlantcontactCreateDocument, { input: { actor, klantcontact: kc.uuid } });
    const taak = await maakInterneTaak(app, kc.uuid);

    const { klantcontacten } = await app.ok(KlantcontactRelatiesDocument, { first: 100 });
    const node = klantcontacten.edges.find((e) => e.node.uuid === kc.uuid)!.node;
    expect(node.hadBetrokkenen).toEqual([{ uuid: bet, volledigeNaam: "", wasPartij: { uuid: partij } }]);
    expect(node.gingOverOnderwerpobjecten).toEqual([{ uuid: ging.uuid, onderwerpobjectidentificator: { objectId: "z" } }]);
    expect(node.wasOnderwerpobjecten).toEqual([{ uuid: was.uuid }]);
    expect(node.omvatteBijlagen).toEqual([{ uuid: createBijlage.uuid }]);
    expect(node.hadBetrokkenActoren).toEqual([{ uuid: actor, naam: "Medewerker KCC" }]);

    await app.ok(KlantcontactDeleteDocument, { uuid: kc.uuid });
    expect(await exists(app, Betrokkene, bet)).toBe(false);
    expect(await exists(app, Onderwerpobject, ging.uuid)).toBe(false);
    expect(await exists(app, Onderwerpobject, was.uuid)).toBe(false);
    expect(await exists(app, Bijlage, createBijlage.uuid)).toBe(false);
    expect(await exists(app, ActorKlantcontact, createActorKlantcontact.uuid)).toBe(false);
    expect(await exists(app, InterneTaak, taak)).toBe(false);
    expect(await exists(app, Klantcontact, later.uuid)).toBe(true);
  });

  it("resolves its relations with the same number of statements for 2 and 10 klantcontacten", async () => {
    const fresh = await TestApp.start();
    try {
      const seed = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const kc = (await fresh.ok(KlantcontactCreateDocument, { input: basis })).createKlantcontact.uuid;
          const partij = (await maakPartij(fresh)).uuid;
          const actor = await maakActor(fresh, `actor ${i}`);
          await fresh.ok(BetrokkeneCreateDocument, { input: { hadKlantcontact: kc, rol: "KLANT", initiator: true, wasPartij: partij } });
          await fresh.ok(BetrokkeneCreateDocument, { input: { hadKlantcontact: kc, rol: "VERTEGENWOORDIGER", initiator: false } });
          await fresh.ok(OnderwerpobjectCreateDocument, {
            input: { klantcontact: kc, onderwerpobjectidentificator: { objectId: `${i}` } },
          });
          await fresh.ok(BijlageCreateDocument, { input: { wasBijlageVanKlantcontact: kc } });
          await fresh.ok(ActorKlantcontactCreateDocument, { input: { actor, klantcontact: kc } });
        }
      };
      await seed(10);
      const two = await fresh.countStatements(KlantcontactRelatiesDocument, { first: 2 });
      const ten = await fresh.countStatements(KlantcontactRelatiesDocument, { first: 10 });
      expect(two.data.klantcontacten.edges).toHaveLength(2);
      expect(ten.data.klantcontacten.edges).toHaveLength(10);
      for (const edge of ten.data.klantcontacten.edges) {
        expect(edge.node.hadBetrokkenen).toHaveLength(2);
        expect(edge.node.hadBetrokkenen.filter((b) => b.wasPartij)).toHaveLength(1);
        expect(edge.node.gingOverOnderwerpobjecten).toHaveLength(1);
        expect(edge.node.omvatteBijlagen).toHaveLength(1);
        expect(edge.node.hadBetrokkenActoren).toHaveLength(1);
      }
      expect(ten.count).toBe(two.count);
      // list, betrokkenen, partijen, onderwerpobjecten, wasOnderwerpobjecten, bijlagen, actoren; then
      // the audit: the partijen behind the rows read (those of the klantcontacten, their uuid and BSN), one INSERT
      expect(ten.count).toBe(7 + 2);
    } finally {
      await fresh.stop();
    }
  });

  it("resolves federation references in one statement per type", async () => {
    const a = await klantcontact({ onderwerp: "ref a" });
    const b = await klantcontact({ onderwerp: "ref b" });
    const bet = await betrokkene(a.uuid);
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Klantcontact { uuid onderwerp }
        ... on Betrokkene { uuid rol }
      }
    }`;
    const representations = [
      { __typename: "Klantcontact", uuid: a.uuid },
      { __typename: "Betrokkene", uuid: bet },
      { __typename: "Klantcontact", uuid: b.uuid },
      { __typename: "Klantcontact", uuid: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" },
    ];
    const { count, data } = await app.countStatements<{ _entities: unknown[] }, { representations: unknown[] }>(query, { representations });
    expect(data._entities).toEqual([
      { uuid: a.uuid, onderwerp: "ref a" },
      { uuid: bet, rol: "KLANT" },
      { uuid: b.uuid, onderwerp: "ref b" },
      null,
    ]);
    // one per type, and the audit's look for the partijen of the klantcontacten read (there are none)
    expect(count).toBe(2 + 1);
  });
});
