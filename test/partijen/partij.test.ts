import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreatePartijDocument,
  CreatePartijIdentificatorDocument,
  CreateVertegenwoordigingDocument,
  DeletePartijDocument,
  PartijDocument,
  PartijenDocument,
  PartijenKlantbeeldDocument,
  PartijIdentificatorDocument,
  UpdatePartijDocument,
  type PartijInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp, type Result } from "../support/app";
import {
  deelIn,
  elfproefNummer,
  exists,
  identificator,
  kvkNummer,
  maakBetrokkene,
  maakDigitaalAdres,
  maakRekeningnummer,
  verstrekkers,
  vestigingsnummer,
} from "../support/fixtures";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { Rekeningnummer } from "../../src/partijen/rekeningnummer.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const { bsn, rsin, kvk, vestiging } = identificator;

const persoon = (extra: Partial<PartijInput> = {}): PartijInput => ({ soortPartij: "PERSOON", indicatieActief: true, ...extra });
const organisatie = (extra: Partial<PartijInput> = {}): PartijInput => ({ soortPartij: "ORGANISATIE", indicatieActief: true, ...extra });

async function create(input: PartijInput) {
  return (await app.ok(CreatePartijDocument, { input })).createPartij;
}

async function read(uuid: string) {
  return (await app.ok(PartijDocument, { uuid })).partij!;
}

async function total() {
  const all = await app.ok(PartijenDocument, { first: 100 });
  return all.partijen.edges.length;
}

function reasons(result: Result<unknown>): string[] {
  return ((result.errors?.[0]?.extensions?.invalidParams ?? []) as Array<{ reason: string }>).map((p) => p.reason);
}

/** [name, code] of a createPartij that must fail, after checking that it wrote no partij. */
async function refused(input: PartijInput) {
  const before = await total();
  const result = await app.execute(CreatePartijDocument, { input });
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(await total()).toBe(before);
  return invalidParams(result);
}

describe("Partij", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const created = await create(
      persoon({
        nummer: "42",
        interneNotitie: "belt liever 's ochtends",
        indicatieGeheimhouding: false,
        voorkeurstaal: "nld",
        bezoekadres: {
          nummeraanduidingId: "0363200000123456",
          straatnaam: "Amstel",
          huisnummer: 1,
          postcode: "1011 PN",
          stad: "Amsterdam",
          land: "NL",
        },
        correspondentieadres: { adresregel1: "Postbus 1", land: "BE" },
        partijIdentificatie: { contactnaam: { voorletters: "J.", voornaam: "Jan", voorvoegselAchternaam: "van", achternaam: "Dijk" } },
      }),
    );
    expect(created).toMatchObject({
      nummer: "42",
      soortPartij: "PERSOON",
      indicatieActief: true,
      indicatieGeheimhouding: false,
      voorkeurstaal: "nld",
      interneNotitie: "belt liever 's ochtends",
      bezoekadres: { postcode: "1011 PN", huisnummer: 1, land: "NL", adresregel1: null },
      correspondentieadres: { adresregel1: "Postbus 1", land: "BE", postcode: null },
      partijIdentificatie: { __typename: "Persoon", volledigeNaam: "Jan van Dijk", contactnaam: { voorletters: "J." } },
      partijIdentificatoren: [],
      digitaleAdressen: [],
      rekeningnummers: [],
      vertegenwoordigden: [],
      bsn: null,
    });
    expect(await read(created.uuid)).toEqual(created);

    // PATCH: what is left out stays, null clears
    const { updatePartij } = await app.ok(UpdatePartijDocument, {
      uuid: created.uuid,
      input: { indicatieActief: false, correspondentieadres: null, interneNotitie: null },
    });
    expect(updatePartij).toEqual({ ...created, indicatieActief: false, correspondentieadres: null, interneNotitie: "" });
    expect((await app.ok(UpdatePartijDocument, { uuid: created.uuid, input: {} })).updatePartij).toEqual(updatePartij);

    expect((await app.ok(DeletePartijDocument, { uuid: created.uuid })).deletePartij).toBe(created.uuid);
    expect((await app.ok(PartijDocument, { uuid: created.uuid })).partij).toBeNull();
  });

  it("answers NOT_FOUND for an unknown uuid, and refuses to clear soortPartij or indicatieActief", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(errorCode(await app.execute(UpdatePartijDocument, { uuid, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(DeletePartijDocument, { uuid }))).toBe("NOT_FOUND");
    const p = await create(persoon());
    const result = await app.execute(UpdatePartijDocument, { uuid: p.uuid, input: { soortPartij: null, indicatieActief: null } });
    expect(invalidParams(result)).toEqual([
      ["soortPartij", "required"],
      ["indicatieActief", "required"],
    ]);
  });

  it("checks the adres rules on both adressen", async () => {
    const result = await app.execute(CreatePartijDocument, {
      input: persoon({
        bezoekadres: {
          nummeraanduidingId: "12345",
          huisnummer: 0,
          huisnummertoevoeging: "x".repeat(21),
          postcode: "1234ab",
          straatnaam: "s".repeat(256),
          stad: "s".repeat(256),
          adresregel1: "a".repeat(81),
          land: "nl",
        },
        correspondentieadres: { postcode: "0123 AB", huisnummer: 100000, adresregel3: "a".repeat(81), land: "XX" },
      }),
    });
    expect(invalidParams(result)).toEqual([
      ["bezoekadres.nummeraanduidingId", "invalid"],
      ["bezoekadres.straatnaam", "max_length"],
      ["bezoekadres.huisnummer", "invalid"],
      ["bezoekadres.huisnummertoevoeging", "max_length"],
      ["bezoekadres.postcode", "invalid"],
      ["bezoekadres.stad", "max_length"],
      ["bezoekadres.adresregel1", "max_length"],
      ["bezoekadres.land", "invalid"],
      ["correspondentieadres.huisnummer", "invalid"],
      ["correspondentieadres.postcode", "invalid"],
      ["correspondentieadres.adresregel3", "max_length"],
      ["correspondentieadres.land", "invalid"],
    ]);
    expect(reasons(result)).toContain("Landcode moet in hoofdletters. Bedoelde u NL?");
    expect(await total()).toBeGreaterThanOrEqual(0);
  });

  it("checks nummer, the text fields and the contactnaam", async () => {
    expect(
      await refused(
        persoon({
          nummer: "12a",
          interneNotitie: "x".repeat(1001),
          voorkeurstaal: "nede",
          partijIdentificatie: {
            contactnaam: {
              voorletters: "x".repeat(11),
              voornaam: "x".repeat(201),
              voorvoegselAchternaam: "x".repeat(11),
              achternaam: "x".repeat(201),
            },
          },
        }),
      ),
    ).toEqual([
      ["nummer", "invalid"],
      ["interneNotitie", "max_length"],
      ["voorkeurstaal", "max_length"],
      ["partijIdentificatie.contactnaam.voorletters", "max_length"],
      ["partijIdentificatie.contactnaam.voornaam", "max_length"],
      ["partijIdentificatie.contactnaam.voorvoegselAchternaam", "max_length"],
      ["partijIdentificatie.contactnaam.achternaam", "max_length"],
    ]);
    expect(await refused(persoon({ nummer: "12345678901" }))).toEqual([["nummer", "max_length"]]);
    expect(await refused(organisatie({ partijIdentificatie: { naam: "x".repeat(201) } }))).toEqual([
      ["partijIdentificatie.naam", "max_length"],
    ]);

    await create(persoon({ nummer: "7001" }));
    expect(await refused(persoon({ nummer: "7001" }))).toEqual([["nummer", "unique"]]);
    const ander = await create(persoon({ nummer: "7002" }));
    const result = await app.execute(UpdatePartijDocument, { uuid: ander.uuid, input: { nummer: "7001" } });
    expect(invalidParams(result)).toEqual([["nummer", "unique"]]);
    expect(reasons(result)).toEqual(["Er bestaat al een partij met eenzelfde nummer."]);
    // its own nummer is no conflict
    await app.ok(UpdatePartijDocument, { uuid: ander.uuid, input: { nummer: "7002" } });
  });

  it("has a partijIdentificatie per soortPartij; a contactpersoon works for an organisatie", async () => {
    const org = await create(organisatie({ partijIdentificatie: { naam: "Bakkerij de Korrel" } }));
    expect(org.partijIdentificatie).toEqual({ __typename: "Organisatie", naam: "Bakkerij de Korrel" });

    const cp = await create({
      soortPartij: "CONTACTPERSOON",
      indicatieActief: true,
      partijIdentificatie: { werkteVoorPartij: org.uuid, contactnaam: { voornaam: "Els", achternaam: "Bakker" } },
    });
    expect(cp.partijIdentificatie).toMatchObject({
      __typename: "Contactpersoon",
      volledigeNaam: "Els Bakker",
      werkteVoorPartij: { uuid: org.uuid },
    });
    expect(cp.partijIdentificatie.__typename === "Contactpersoon" && cp.partijIdentificatie.uuid).toMatch(/^[0-9a-f-]{36}$/);

    const p = await create(persoon());
    expect(p.partijIdentificatie).toEqual({ __typename: "Persoon", contactnaam: null, volledigeNaam: "" });
    const notOrganisatie = await app.execute(CreatePartijDocument, {
      input: { soortPartij: "CONTACTPERSOON", indicatieActief: true, partijIdentificatie: { werkteVoorPartij: p.uuid } },
    });
    expect(invalidParams(notOrganisatie)).toEqual([["partijIdentificatie.werkteVoorPartij", "invalid"]]);
    expect(reasons(notOrganisatie)).toEqual(["Partij object moet het soort 'organisatie' hebben."]);
    expect(
      await refused({
        soortPartij: "CONTACTPERSOON",
        indicatieActief: true,
        partijIdentificatie: { werkteVoorPartij: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" },
      }),
    ).toEqual([["partijIdentificatie.werkteVoorPartij", "does_not_exist"]]);
    // fields of another soort are refused
    expect(await refused(persoon({ partijIdentificatie: { naam: "x", werkteVoorPartij: org.uuid } }))).toEqual([
      ["partijIdentificatie.naam", "invalid"],
      ["partijIdentificatie.werkteVoorPartij", "invalid"],
    ]);
    expect(await refused(organisatie({ partijIdentificatie: { contactnaam: { voornaam: "x" } } }))).toEqual([
      ["partijIdentificatie.contactnaam", "invalid"],
    ]);

    // a partijIdentificatie that is sent replaces the stored one as a whole
    const { updatePartij } = await app.ok(UpdatePartijDocument, {
      uuid: cp.uuid,
      input: { partijIdentificatie: { contactnaam: { achternaam: "Visser" } } },
    });
    expect(updatePartij.partijIdentificatie).toMatchObject({ volledigeNaam: "Visser", werkteVoorPartij: null });
    // and the soort decides which form is shown
    const omgezet = await app.ok(UpdatePartijDocument, {
      uuid: p.uuid,
      input: { soortPartij: "ORGANISATIE", partijIdentificatie: { naam: "Eenmanszaak" } },
    });
    expect(omgezet.updatePartij.partijIdentificatie).toEqual({ __typename: "Organisatie", naam: "Eenmanszaak" });
  });

  it("links existing digitale adressen and rekeningnummers, unlinks without deleting, and keeps the voorkeur among them", async () => {
    const a = await maakDigitaalAdres(app, { adres: "a@example.nl" });
    const b = await maakDigitaalAdres(app, { adres: "b@example.nl" });
    const r1 = await maakRekeningnummer(app, "NL91ABNA0417164300");
    const r2 = await maakRekeningnummer(app, "NL69INGB0123456789");
    const p = await create(
      persoon({ digitaleAdressen: [a, b], voorkeursDigitaalAdres: a, rekeningnummers: [r1, r2], voorkeursRekeningnummer: r2 }),
    );
    expect(p.digitaleAdressen.map((d) => d.uuid)).toEqual([a, b]);
    expect(p.voorkeursDigitaalAdres).toEqual({ uuid: a });
    expect(p.rekeningnummers.map((r) => r.uuid)).toEqual([r1, r2]);
    expect(p.voorkeursRekeningnummer).toEqual({ uuid: r2 });

    // a voorkeur outside the linked ones, or with none linked
    const q = await create(persoon());
    const outside = await app.execute(UpdatePartijDocument, {
      uuid: p.uuid,
      input: { digitaleAdressen: [b], voorkeursDigitaalAdres: a, voorkeursRekeningnummer: r1, rekeningnummers: [r2] },
    });
    expect(invalidParams(outside)).toEqual([
      ["voorkeursDigitaalAdres", "invalid"],
      ["voorkeursRekeningnummer", "invalid"],
    ]);
    expect(reasons(outside)[0]).toBe("Het voorkeurs adres moet een gelinkte digitaal adres zijn.");
    const none = await app.execute(UpdatePartijDocument, { uuid: q.uuid, input: { voorkeursDigitaalAdres: a } });
    expect(invalidParams(none)).toEqual([["voorkeursDigitaalAdres", "invalid"]]);
    expect(reasons(none)).toEqual(["voorkeursDigitaalAdres mag niet meegegeven worden als digitaleAdressen leeg is."]);
    expect(await refused(persoon({ digitaleAdressen: [], voorkeursRekeningnummer: r1 }))).toEqual([["voorkeursRekeningnummer", "invalid"]]);
    expect(await read(p.uuid)).toEqual(p); // nothing changed

    // left out = unlinked (still there); the voorkeur that was left out is cleared
    const { updatePartij } = await app.ok(UpdatePartijDocument, { uuid: p.uuid, input: { digitaleAdressen: [b], rekeningnummers: null } });
    expect(updatePartij.digitaleAdressen.map((d) => d.uuid)).toEqual([b]);
    expect(updatePartij.voorkeursDigitaalAdres).toBeNull();
    expect(updatePartij.rekeningnummers).toEqual([]);
    expect(updatePartij.voorkeursRekeningnummer).toBeNull();
    expect((await verstrekkers(app, a)).partij).toBeNull();
    expect(await exists(app, DigitaalAdres, a)).toBe(true);
    expect(await exists(app, Rekeningnummer, r1)).toBe(true);

    // linking takes an address over from another partij; a voorkeur among the current ones is fine
    const taken = await app.ok(UpdatePartijDocument, { uuid: q.uuid, input: { digitaleAdressen: [a, b] } });
    expect(taken.updatePartij.digitaleAdressen.map((d) => d.uuid)).toEqual([a, b]);
    expect((await read(p.uuid)).digitaleAdressen).toEqual([]);
    const voorkeur = await app.ok(UpdatePartijDocument, { uuid: q.uuid, input: { voorkeursDigitaalAdres: b } });
    expect(voorkeur.updatePartij.voorkeursDigitaalAdres).toEqual({ uuid: b });

    const unknown = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(await refused(persoon({ digitaleAdressen: [a, unknown], rekeningnummers: [unknown], voorkeursDigitaalAdres: unknown }))).toEqual(
      [
        ["digitaleAdressen.1", "does_not_exist"],
        ["rekeningnummers.0", "does_not_exist"],
        ["voorkeursDigitaalAdres", "does_not_exist"],
      ],
    );

    // two standaard adressen of one soort cannot end up at one partij
    const s1 = await maakDigitaalAdres(app, { adres: "s1@example.nl", isStandaardAdres: true, verstrektDoorPartij: q.uuid });
    const s2 = await maakDigitaalAdres(app, { adres: "s2@example.nl", isStandaardAdres: true, verstrektDoorPartij: p.uuid });
    expect(await refused(persoon({ digitaleAdressen: [s1, s2] }))).toEqual([["digitaleAdressen", "unique"]]);
  });

  describe("nested partijIdentificatoren", () => {
    it("creates them with the partij and derives bsn, kvkNummer, vestigingsnummer and rsin", async () => {
      const nr = elfproefNummer();
      const p = await create(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn(nr) }] }));
      expect(p.bsn).toBe(nr);
      expect(p.partijIdentificatoren).toHaveLength(1);
      const identificator = await app.ok(PartijIdentificatorDocument, { uuid: p.partijIdentificatoren[0].uuid });
      expect(identificator.partijIdentificator?.identificeerdePartij).toEqual({ uuid: p.uuid });

      // a kvk_nummer and a vestiging under it in one request: the vestiging names it by position
      const k = kvkNummer();
      const v = vestigingsnummer();
      const r = elfproefNummer();
      const org = await create(
        organisatie({
          partijIdentificatoren: [
            { partijIdentificator: vestiging(v), subIdentificatorVanIndex: 1 },
            { partijIdentificator: kvk(k) },
            { partijIdentificator: rsin(r) },
          ],
        }),
      );
      expect(org).toMatchObject({ kvkNummer: k, vestigingsnummer: v, rsin: r, bsn: null });
      const [vest, kvkRij] = org.partijIdentificatoren
        .sort((x, y) => x.partijIdentificator.codeSoortObjectId.localeCompare(y.partijIdentificator.codeSoortObjectId))
        .reverse();
      expect(vest.partijIdentificator.codeSoortObjectId).toBe("VESTIGINGSNUMMER");
      expect(vest.subIdentificatorVan?.partijIdentificator.objectId).toBe(k);
      expect(kvkRij.partijIdentificator.codeSoortObjectId).toBe("RSIN");

      // a vestiging partij under the kvk_nummer of another partij, named by uuid; its kvkNummer is that one
      const kvkUuid = org.partijIdentificatoren.find((i) => i.partijIdentificator.codeSoortObjectId === "KVK_NUMMER")!.uuid;
      const v2 = vestigingsnummer();
      const filiaal = await create(
        organisatie({ partijIdentificatoren: [{ partijIdentificator: vestiging(v2), subIdentificatorVan: kvkUuid }] }),
      );
      expect(filiaal).toMatchObject({ vestigingsnummer: v2, kvkNummer: k, rsin: null });
    });

    it("replaces the list on update: uuid = update and attach, none = create, not listed = deleted", async () => {
      const p = await create(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn() }, { partijIdentificator: rsin() }] }));
      const [first, second] = p.partijIdentificatoren;
      // an identificator without partij is attached by uuid
      const los = (await app.ok(CreatePartijIdentificatorDocument, { input: { partijIdentificator: kvk() } })).createPartijIdentificator;
      const nieuwBsn = elfproefNummer();
      const { updatePartij } = await app.ok(UpdatePartijDocument, {
        uuid: p.uuid,
        input: {
          partijIdentificatoren: [
            { uuid: first.uuid, partijIdentificator: bsn(nieuwBsn), anderePartijIdentificator: "gecorrigeerd" },
            { uuid: los.uuid, partijIdentificator: { ...los.partijIdentificator, objectId: los.partijIdentificator.objectId! } },
          ],
        },
      });
      expect(updatePartij.partijIdentificatoren.map((i) => i.uuid).sort()).toEqual([first.uuid, los.uuid].sort());
      expect(updatePartij.bsn).toBe(nieuwBsn);
      expect(updatePartij.partijIdentificatoren.find((i) => i.uuid === first.uuid)?.anderePartijIdentificator).toBe("gecorrigeerd");
      expect((await app.ok(PartijIdentificatorDocument, { uuid: second.uuid })).partijIdentificator).toBeNull();
      expect((await app.ok(PartijIdentificatorDocument, { uuid: los.uuid })).partijIdentificator?.identificeerdePartij).toEqual({
        uuid: p.uuid,
      });

      // a new bsn in place of the old one in one request (the old one goes first)
      const vervangen = await app.ok(UpdatePartijDocument, {
        uuid: p.uuid,
        input: { partijIdentificatoren: [{ partijIdentificator: bsn() }] },
      });
      expect(vervangen.updatePartij.partijIdentificatoren).toHaveLength(1);
      expect(vervangen.updatePartij.partijIdentificatoren[0].uuid).not.toBe(first.uuid);

      // null = an empty list; leaving the field out keeps them
      const kept = await app.ok(UpdatePartijDocument, { uuid: p.uuid, input: { interneNotitie: "x" } });
      expect(kept.updatePartij.partijIdentificatoren).toHaveLength(1);
      const cleared = await app.ok(UpdatePartijDocument, { uuid: p.uuid, input: { partijIdentificatoren: null } });
      expect(cleared.updatePartij.partijIdentificatoren).toEqual([]);
    });

    it("checks every item, with names below partijIdentificatoren, and writes nothing when one is wrong", async () => {
      const bestaand = await create(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn() }] }));
      const item = bestaand.partijIdentificatoren[0];
      const unknown = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

      expect(
        await refused(
          persoon({
            partijIdentificatoren: [
              { partijIdentificator: { ...bsn(), objectId: "x".repeat(201) } },
              { partijIdentificator: bsn(), anderePartijIdentificator: "y".repeat(201) },
            ],
          }),
        ),
      ).toEqual([
        ["partijIdentificatoren.0.partijIdentificator.objectId", "max_length"],
        ["partijIdentificatoren.1.anderePartijIdentificator", "max_length"],
      ]);
      expect(
        await refused(
          persoon({
            partijIdentificatoren: [
              { uuid: unknown, partijIdentificator: bsn() },
              { partijIdentificator: vestiging(), subIdentificatorVan: unknown },
            ],
          }),
        ),
      ).toEqual([
        ["partijIdentificatoren.0.uuid", "does_not_exist"],
        ["partijIdentificatoren.1.subIdentificatorVan", "does_not_exist"],
      ]);
      expect(
        await refused(
          persoon({
            partijIdentificatoren: [
              { uuid: item.uuid, partijIdentificator: { ...item.partijIdentificator, objectId: item.partijIdentificator.objectId! } },
              { uuid: item.uuid, partijIdentificator: { ...item.partijIdentificator, objectId: item.partijIdentificator.objectId! } },
            ],
          }),
        ),
      ).toEqual([["partijIdentificatoren.1.uuid", "unique"]]);
      expect(
        await refused(
          persoon({
            partijIdentificatoren: [
              { partijIdentificator: bsn("123456789") },
              { partijIdentificator: { ...kvk(), codeRegister: "BRP" } },
              { partijIdentificator: vestiging() },
              { partijIdentificator: vestiging(), subIdentificatorVanIndex: 0 },
              { partijIdentificator: kvk(), subIdentificatorVanIndex: 4 },
              { partijIdentificator: kvk(), subIdentificatorVanIndex: 9 },
            ],
          }),
        ),
      ).toEqual([["partijIdentificatoren.5.subIdentificatorVanIndex", "invalid"]]);
      expect(
        await refused(
          persoon({
            partijIdentificatoren: [
              { partijIdentificator: bsn("123456789") },
              { partijIdentificator: { ...kvk(), codeRegister: "BRP" } },
              { partijIdentificator: vestiging() },
              { partijIdentificator: vestiging(), subIdentificatorVanIndex: 0 },
              { partijIdentificator: kvk(), subIdentificatorVanIndex: 4 },
            ],
          }),
        ),
      ).toEqual([
        ["partijIdentificatoren.0.partijIdentificator.objectId", "invalid"],
        ["partijIdentificatoren.1.partijIdentificator.codeObjecttype", "invalid"],
        ["partijIdentificatoren.2.subIdentificatorVan", "required"],
        ["partijIdentificatoren.3.subIdentificatorVan", "invalid"],
        ["partijIdentificatoren.4.subIdentificatorVan", "invalid"],
        ["partijIdentificatoren.3.nonFieldErrors", "unique"],
        ["partijIdentificatoren.4.nonFieldErrors", "unique"],
      ]);
      // the bsn of another partij, and two of one soort in the list
      const nr = bestaand.bsn!;
      expect(await refused(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn(nr) }] }))).toEqual([
        ["partijIdentificatoren.0.nonFieldErrors", "unique"],
      ]);
      expect(await refused(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn() }, { partijIdentificator: bsn() }] }))).toEqual([
        ["partijIdentificatoren.1.nonFieldErrors", "unique"],
      ]);
      expect(await read(bestaand.uuid)).toEqual(bestaand);
    });

    it("does not delete, by leaving it out, a kvk_nummer that vestigingen fall under", async () => {
      const org = await create(organisatie({ partijIdentificatoren: [{ partijIdentificator: kvk() }] }));
      const kvkUuid = org.partijIdentificatoren[0].uuid;
      await create(organisatie({ partijIdentificatoren: [{ partijIdentificator: vestiging(), subIdentificatorVan: kvkUuid }] }));
      const result = await app.execute(UpdatePartijDocument, { uuid: org.uuid, input: { partijIdentificatoren: [] } });
      expect(invalidParams(result)).toEqual([["partijIdentificatoren", "protected"]]);
      const soort = await app.execute(UpdatePartijDocument, {
        uuid: org.uuid,
        input: { partijIdentificatoren: [{ uuid: kvkUuid, partijIdentificator: rsin() }] },
      });
      expect(invalidParams(soort)).toEqual([["partijIdentificatoren.0.partijIdentificator.codeSoortObjectId", "protected"]]);
      expect(await read(org.uuid)).toEqual(org);

      // its own vestiging under its own kvk may both go at once
      const eigen = await create(
        organisatie({
          partijIdentificatoren: [{ partijIdentificator: kvk() }, { partijIdentificator: vestiging(), subIdentificatorVanIndex: 0 }],
        }),
      );
      const leeg = await app.ok(UpdatePartijDocument, { uuid: eigen.uuid, input: { partijIdentificatoren: [] } });
      expect(leeg.updatePartij.partijIdentificatoren).toEqual([]);
    });
  });

  it("filters on the standard's conditions, newest first", async () => {
    const tag = `${Date.now() % 100000}`;
    const bsnNr = elfproefNummer();
    const rsinNr = elfproefNummer();
    const a = await create(
      persoon({
        nummer: `8${tag}`,
        indicatieGeheimhouding: true,
        bezoekadres: { nummeraanduidingId: "0363200000999999", adresregel1: `Dorpsstraat ${tag}`, land: "DE" },
        correspondentieadres: { adresregel2: `Postbus ${tag}`, land: "FR" },
        partijIdentificatoren: [{ partijIdentificator: bsn(bsnNr) }, { partijIdentificator: rsin(rsinNr) }],
      }),
    );
    const k = kvkNummer();
    const v = vestigingsnummer();
    const org = await create(organisatie({ indicatieActief: false, partijIdentificatoren: [{ partijIdentificator: kvk(k) }] }));
    const kvkUuid = org.partijIdentificatoren[0].uuid;
    const filiaal = await create(
      organisatie({ partijIdentificatoren: [{ partijIdentificator: vestiging(v), subIdentificatorVan: kvkUuid }] }),
    );
    await create(organisatie({ partijIdentificatoren: [{ partijIdentificator: vestiging(), subIdentificatorVan: kvkUuid }] }));
    await deelIn(app, a.uuid, `Cat ${tag}`);
    await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: org.uuid, vertegenwoordigdePartij: a.uuid } });

    const found = async (filter: object) => (await app.ok(PartijenDocument, { filter, first: 100 })).partijen.edges.map((e) => e.node.uuid);

    expect(await found({ nummer: `8${tag}` })).toEqual([a.uuid]);
    expect(await found({ indicatieGeheimhouding: true })).toEqual([a.uuid]);
    expect(await found({ indicatieActief: false })).toEqual([org.uuid]);
    expect(await found({ soortPartij: "PERSOON" })).toContain(a.uuid);
    expect(await found({ soortPartij: "PERSOON" })).not.toContain(org.uuid);
    expect(await found({ bezoekadres: { nummeraanduidingId: "0363200000999999", land: "DE" } })).toEqual([a.uuid]);
    expect(await found({ bezoekadres: { adresregel1: `Dorpsstraat ${tag}` } })).toEqual([a.uuid]);
    expect(await found({ bezoekadres: { land: "FR" } })).toEqual([]);
    expect(await found({ correspondentieadres: { adresregel2: `Postbus ${tag}`, land: "FR" } })).toEqual([a.uuid]);
    expect(await found({ partijIdentificator: { codeSoortObjectId: "BSN", objectId: bsnNr } })).toEqual([a.uuid]);
    expect(
      await found({
        partijIdentificator: { codeRegister: "BRP", codeObjecttype: "NATUURLIJK_PERSOON", codeSoortObjectId: "BSN", objectId: bsnNr },
      }),
    ).toEqual([a.uuid]);
    // all conditions on the same identificator: the rsin number is no bsn
    expect(await found({ partijIdentificator: { codeSoortObjectId: "BSN", objectId: rsinNr } })).toEqual([]);
    expect(await found({ partijIdentificator: { objectId: rsinNr } })).toEqual([a.uuid]);
    // the vestiging with this number under this KvK number
    expect(
      await found({ partijIdentificator: { objectId: v }, subIdentificatorVan: { codeSoortObjectId: "KVK_NUMMER", objectId: k } }),
    ).toEqual([filiaal.uuid]);
    expect((await found({ subIdentificatorVan: { objectId: k } })).length).toBe(2);
    expect(await found({ partijIdentificator: { objectId: v }, subIdentificatorVan: { objectId: kvkNummer() } })).toEqual([]);
    expect(await found({ categorieNaam: `cat ${tag}` })).toEqual([a.uuid]);
    expect(await found({ vertegenwoordigdDoor: org.uuid })).toEqual([a.uuid]);
    expect(await found({ vertegenwoordigdDoor: a.uuid })).toEqual([]);
    expect(await found({ vertegenwoordigdDoor: "geen-uuid" })).toEqual([]);

    // newest first, with keyset paging
    const page1 = await app.ok(PartijenDocument, { first: 2 });
    const page2 = await app.ok(PartijenDocument, { first: 2, after: page1.partijen.pageInfo.endCursor });
    const all = await found({});
    expect([...page1.partijen.edges, ...page2.partijen.edges].map((e) => e.node.uuid)).toEqual(all.slice(0, 4));
    expect(page2.partijen.pageInfo.hasPreviousPage).toBe(true);
  });

  describe("delete", () => {
    it("takes identificatoren, adressen, rekeningnummers, betrokkenen and vertegenwoordigingen with it", async () => {
      const da = await maakDigitaalAdres(app, { adres: "weg@example.nl" });
      const rn = await maakRekeningnummer(app, "NL91ABNA0417164300");
      const andere = await create(persoon());
      const p = await create(
        organisatie({
          digitaleAdressen: [da],
          voorkeursDigitaalAdres: da,
          rekeningnummers: [rn],
          partijIdentificatoren: [{ partijIdentificator: kvk() }, { partijIdentificator: vestiging(), subIdentificatorVanIndex: 0 }],
        }),
      );
      const betrokkene = (await maakBetrokkene(app, { wasPartij: p.uuid })).uuid;
      await app.ok(CreateVertegenwoordigingDocument, {
        input: { vertegenwoordigendePartij: p.uuid, vertegenwoordigdePartij: andere.uuid },
      });

      await app.ok(DeletePartijDocument, { uuid: p.uuid });
      expect(await exists(app, DigitaalAdres, da)).toBe(false);
      expect(await exists(app, Rekeningnummer, rn)).toBe(false);
      expect(await exists(app, Betrokkene, betrokkene)).toBe(false);
      for (const i of p.partijIdentificatoren) {
        expect((await app.ok(PartijIdentificatorDocument, { uuid: i.uuid })).partijIdentificator).toBeNull();
      }
      expect(await read(andere.uuid)).toMatchObject({ uuid: andere.uuid });
      const { partijen } = await app.ok(PartijenDocument, { filter: { vertegenwoordigdDoor: p.uuid } });
      expect(partijen.edges).toEqual([]);
    });

    it("is refused while another partij's vestigingsnummer falls under its kvk_nummer", async () => {
      const org = await create(organisatie({ partijIdentificatoren: [{ partijIdentificator: kvk() }] }));
      const filiaal = await create(
        organisatie({
          partijIdentificatoren: [{ partijIdentificator: vestiging(), subIdentificatorVan: org.partijIdentificatoren[0].uuid }],
        }),
      );
      const result = await app.execute(DeletePartijDocument, { uuid: org.uuid });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(invalidParams(result)).toEqual([["nonFieldErrors", "protected"]]);
      expect(await read(org.uuid)).toEqual(org);
      // once the vestiging is gone, the organisatie can go
      await app.ok(DeletePartijDocument, { uuid: filiaal.uuid });
      await app.ok(DeletePartijDocument, { uuid: org.uuid });
    });
  });

  it("costs the same number of SQL statements for 2 and for 10 partijen with all their relations", async () => {
    const marker = `Telling ${Date.now()}`;
    const org = await create(
      organisatie({ partijIdentificatie: { naam: marker }, partijIdentificatoren: [{ partijIdentificator: kvk() }] }),
    );
    const maak = async () => {
      const da = await maakDigitaalAdres(app, { adres: `${elfproefNummer()}@example.nl` });
      const rn = await maakRekeningnummer(app, "NL91ABNA0417164300");
      const p = await create(
        organisatie({
          partijIdentificatie: { naam: marker },
          digitaleAdressen: [da],
          voorkeursDigitaalAdres: da,
          rekeningnummers: [rn],
          partijIdentificatoren: [
            { partijIdentificator: vestiging(), subIdentificatorVan: org.partijIdentificatoren[0].uuid },
            { partijIdentificator: rsin() },
          ],
        }),
      );
      const vertegenwoordigde = await create(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn() }] }));
      await app.ok(CreateVertegenwoordigingDocument, {
        input: { vertegenwoordigendePartij: p.uuid, vertegenwoordigdePartij: vertegenwoordigde.uuid },
      });
      const cp = await create({ soortPartij: "CONTACTPERSOON", indicatieActief: true, partijIdentificatie: { werkteVoorPartij: p.uuid } });
      return [p.uuid, cp.uuid];
    };
    for (let i = 0; i < 2; i++) await maak();
    // each round makes three partijen: an organisatie with everything, the persoon it represents
    // and a contactpersoon working for it
    const two = await app.countStatements(PartijenKlantbeeldDocument, { first: 6 });
    for (let i = 0; i < 8; i++) await maak();
    const ten = await app.countStatements(PartijenKlantbeeldDocument, { first: 30 });
    expect(two.data.partijen.edges.filter((e) => e.node.vestigingsnummer)).toHaveLength(2);
    const vestigingen = ten.data.partijen.edges.filter((e) => e.node.vestigingsnummer);
    expect(vestigingen).toHaveLength(10);
    expect(vestigingen.every((e) => e.node.digitaleAdressen.length === 1 && e.node.vertegenwoordigden[0].bsn && e.node.kvkNummer)).toBe(
      true,
    );
    expect(ten.count).toBe(two.count);
    // the page, then one batch per relation (identificatoren, their parents, adressen, voorkeur,
    // rekeningnummers, vertegenwoordigingen, represented partijen with their identificatoren, ...)
    expect(ten.count).toBeLessThanOrEqual(12);
  });

  it("resolves federation references in one batch", async () => {
    const nummers = [elfproefNummer(), elfproefNummer(), elfproefNummer()];
    const partijen = [];
    for (const nr of nummers) partijen.push(await create(persoon({ partijIdentificatoren: [{ partijIdentificator: bsn(nr) }] })));
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partij { uuid bsn kvkNummer } } }`;
    const one = await app.countStatements(query, { r: [{ __typename: "Partij", uuid: partijen[0].uuid }] });
    const three = await app.countStatements(query, {
      r: [
        ...partijen.map((p) => ({ __typename: "Partij", uuid: p.uuid })),
        { __typename: "Partij", uuid: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" },
      ],
    });
    expect(three.data).toEqual({
      _entities: [...partijen.map((p, i) => ({ uuid: p.uuid, bsn: nummers[i], kvkNummer: null })), null],
    });
    expect(three.count).toBe(one.count);
  });
});
