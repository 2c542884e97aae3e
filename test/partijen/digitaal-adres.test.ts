import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DigitaalAdresCreateDocument,
  DigitaalAdresDeleteDocument,
  DigitaalAdresDocument,
  DigitaalAdresLijstDocument,
  DigitaalAdresLijstMetRelatiesDocument,
  DigitaalAdresUpdateDocument,
  VoorkeurUpdatePartijDocument,
  VoorkeurVanPartijDocument,
  type DigitaalAdresFilter,
  type DigitaalAdresInput,
} from "../generated/graphql";
import { Rol } from "../../src/klantcontacten/enums";
import { SoortPartij } from "../../src/partijen/enums";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakBetrokkene, maakPartij, rows } from "../support/fixtures";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function maak(input: DigitaalAdresInput) {
  return (await app.ok(DigitaalAdresCreateDocument, { input })).createDigitaalAdres;
}

async function lijst(filter: DigitaalAdresFilter, first = 100) {
  const { digitaleAdressen } = await app.ok(DigitaalAdresLijstDocument, { filter, first });
  return digitaleAdressen.edges.map((e) => e.node);
}

const aantal = () => rows(app, DigitaalAdres);

describe("DigitaalAdres", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const partij = await maakPartij(app);
    const betrokkene = await maakBetrokkene(app);
    const created = await maak({
      verstrektDoorPartij: partij.uuid,
      verstrektDoorBetrokkene: betrokkene.uuid,
      adres: "jan@example.nl",
      soortDigitaalAdres: "EMAIL",
      isStandaardAdres: true,
      omschrijving: "Privé",
      referentie: "portaal_voorkeur-1",
      verificatieDatum: "2026-03-01",
    });
    expect(created).toMatchObject({
      adres: "jan@example.nl",
      soortDigitaalAdres: "EMAIL",
      isStandaardAdres: true,
      omschrijving: "Privé",
      referentie: "portaal_voorkeur-1",
      verificatieDatum: "2026-03-01",
      verstrektDoorPartij: { uuid: partij.uuid },
      verstrektDoorBetrokkene: { uuid: betrokkene.uuid },
    });

    expect((await app.ok(DigitaalAdresDocument, { uuid: created.uuid })).digitaalAdres).toEqual(created);

    const { updateDigitaalAdres } = await app.ok(DigitaalAdresUpdateDocument, {
      uuid: created.uuid,
      input: { omschrijving: "Werk", verstrektDoorBetrokkene: null, verificatieDatum: null },
    });
    expect(updateDigitaalAdres).toEqual({
      ...created,
      omschrijving: "Werk",
      verstrektDoorBetrokkene: null,
      verificatieDatum: null,
    });

    // PATCH: an empty input changes nothing; null clears the optional texts
    expect((await app.ok(DigitaalAdresUpdateDocument, { uuid: created.uuid, input: {} })).updateDigitaalAdres).toEqual(updateDigitaalAdres);
    const cleared = await app.ok(DigitaalAdresUpdateDocument, {
      uuid: created.uuid,
      input: { omschrijving: null, referentie: null, isStandaardAdres: null },
    });
    expect(cleared.updateDigitaalAdres).toMatchObject({ omschrijving: "", referentie: "", isStandaardAdres: false });

    expect((await app.ok(DigitaalAdresDeleteDocument, { uuid: created.uuid })).deleteDigitaalAdres).toBe(created.uuid);
    expect((await app.ok(DigitaalAdresDocument, { uuid: created.uuid })).digitaalAdres).toBeNull();
  });

  it("needs no owner, and gives defaults for the optional fields", async () => {
    const created = await maak({ adres: "iets://anders", soortDigitaalAdres: "OVERIG" });
    expect(created).toMatchObject({
      isStandaardAdres: false,
      omschrijving: "",
      referentie: "",
      verificatieDatum: null,
      verstrektDoorPartij: null,
      verstrektDoorBetrokkene: null,
    });
  });

  it("answers NOT_FOUND when updating or deleting an unknown uuid, and null when reading one", async () => {
    expect(errorCode(await app.execute(DigitaalAdresUpdateDocument, { uuid: ONBEKEND, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(DigitaalAdresDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
    expect((await app.ok(DigitaalAdresDocument, { uuid: ONBEKEND })).digitaalAdres).toBeNull();
    expect((await app.ok(DigitaalAdresDocument, { uuid: "geen-uuid" })).digitaalAdres).toBeNull();
  });

  describe("field rules", () => {
    it("refuses too long, blank and badly formed fields, all at once, and writes nothing", async () => {
      const before = await aantal();
      const result = await app.execute(DigitaalAdresCreateDocument, {
        input: {
          adres: "x".repeat(81),
          soortDigitaalAdres: "OVERIG",
          omschrijving: "o".repeat(41),
          referentie: "met spatie",
        },
      });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(invalidParams(result)).toEqual([
        ["adres", "max_length"],
        ["omschrijving", "max_length"],
        ["referentie", "invalid"],
      ]);
      expect(
        invalidParams(await app.execute(DigitaalAdresCreateDocument, { input: { adres: " ", soortDigitaalAdres: "OVERIG" } })),
      ).toEqual([["adres", "blank"]]);
      expect(
        invalidParams(
          await app.execute(DigitaalAdresCreateDocument, {
            input: { adres: "a", soortDigitaalAdres: "OVERIG", referentie: "r".repeat(51) },
          }),
        ),
      ).toEqual([["referentie", "max_length"]]);
      expect(await aantal()).toBe(before);
    });

    it("refuses clearing adres or soortDigitaalAdres on update (required)", async () => {
      const { uuid } = await maak({ adres: "a@b.nl", soortDigitaalAdres: "EMAIL" });
      const result = await app.execute(DigitaalAdresUpdateDocument, { uuid, input: { adres: null, soortDigitaalAdres: null } });
      expect(invalidParams(result)).toEqual([
        ["adres", "required"],
        ["soortDigitaalAdres", "required"],
      ]);
    });

    it("refuses unknown or malformed references to partij and betrokkene", async () => {
      const before = await aantal();
      const result = await app.execute(DigitaalAdresCreateDocument, {
        input: { adres: "a@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: ONBEKEND, verstrektDoorBetrokkene: "rommel" },
      });
      expect(invalidParams(result)).toEqual([
        ["verstrektDoorPartij", "does_not_exist"],
        ["verstrektDoorBetrokkene", "invalid"],
      ]);
      expect(
        invalidParams(
          await app.execute(DigitaalAdresCreateDocument, {
            input: { adres: "a@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorBetrokkene: ONBEKEND },
          }),
        ),
      ).toEqual([["verstrektDoorBetrokkene", "does_not_exist"]]);
      expect(await aantal()).toBe(before);
    });
  });

  describe("adres is checked by its soort", () => {
    it.each([
      ["jan@example.nl", "EMAIL"],
      ["j.de.vries+post@sub.gemeente.nl", "EMAIL"],
      ["0612345678", "TELEFOONNUMMER"],
      ["06-12345678", "TELEFOONNUMMER"],
      ["+31 6 12345678", "TELEFOONNUMMER"],
      ["0031 6 12345678", "TELEFOONNUMMER"],
      ["0201234567", "TELEFOONNUMMER"],
      ["(020) 123 4567", "TELEFOONNUMMER"],
      ["+31201234567", "TELEFOONNUMMER"],
      ["0031201234567", "TELEFOONNUMMER"],
      ["0881234567", "TELEFOONNUMMER"],
      // free numbers reach the partij at no cost to the caller: allowed, unlike in Open Klant
      ["0800123456", "TELEFOONNUMMER"],
      ["0800-1234", "TELEFOONNUMMER"],
      ["+32 470 12 34 56", "TELEFOONNUMMER"],
      ["+44 20 7946 0000", "TELEFOONNUMMER"],
      ["wat dan ook, 0900 of @@", "OVERIG"],
    ] as const)("accepts %s as %s", async (adres, soortDigitaalAdres) => {
      expect((await maak({ adres, soortDigitaalAdres })).adres).toBe(adres);
    });

    it.each([
      ["geen-email", "EMAIL", "Voer een geldig e-mailadres in."],
      ["jan@", "EMAIL", "Voer een geldig e-mailadres in."],
      ["0612345678", "EMAIL", "Voer een geldig e-mailadres in."],
      ["jan@example.nl", "TELEFOONNUMMER", "bestaat uit cijfers"],
      ["06 1234 5678 toestel 12", "TELEFOONNUMMER", "bestaat uit cijfers"],
      ["06+12345678", "TELEFOONNUMMER", "bestaat uit cijfers"],
      // premium and shared-cost numbers in every notation
      ["0900123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["+31900123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["0031900123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["0900-123 456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["+31 (0)900 123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["0906123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["0909-123456", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      ["+32 70 22 22 22", "TELEFOONNUMMER", "Betaalnummers en informatienummers"],
      // lengths and ranges per country
      ["+316123456789012", "TELEFOONNUMMER", "te lang voor Nederland"],
      ["+3120", "TELEFOONNUMMER", "te kort voor Nederland"],
      ["061234567", "TELEFOONNUMMER", "bestaat niet in Nederland"],
      ["0601234567", "TELEFOONNUMMER", "bestaat niet in Nederland"],
      ["12345678", "TELEFOONNUMMER", "bestaat niet in Nederland"],
      ["+32 20 12 34 56", "TELEFOONNUMMER", "bestaat niet in België"],
      ["+9991234567", "TELEFOONNUMMER", "onbekende landcode"],
      ["+31", "TELEFOONNUMMER", "te weinig cijfers"],
      ["14020", "TELEFOONNUMMER", "Verkorte nummers van de overheid"],
      ["1400", "TELEFOONNUMMER", "Verkorte nummers van de overheid"],
    ] as const)("refuses %s as %s", async (adres, soortDigitaalAdres, reason) => {
      const before = await aantal();
      const result = await app.execute(DigitaalAdresCreateDocument, { input: { adres, soortDigitaalAdres } });
      expect(invalidParams(result)).toEqual([["adres", "invalid"]]);
      const params = result.errors?.[0]?.extensions?.invalidParams as Array<{ reason: string }>;
      expect(params[0].reason).toContain(reason);
      expect(await aantal()).toBe(before);
    });

    it("on update takes the soort from the input or else from the stored row", async () => {
      const { uuid } = await maak({ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" });

      // a new adres is checked against the stored soort
      expect(invalidParams(await app.execute(DigitaalAdresUpdateDocument, { uuid, input: { adres: "jan@example.nl" } }))).toEqual([
        ["adres", "invalid"],
      ]);
      // changing only the soort re-checks the stored adres
      expect(invalidParams(await app.execute(DigitaalAdresUpdateDocument, { uuid, input: { soortDigitaalAdres: "EMAIL" } }))).toEqual([
        ["adres", "invalid"],
      ]);
      expect((await app.ok(DigitaalAdresDocument, { uuid })).digitaalAdres).toMatchObject({
        adres: "0612345678",
        soortDigitaalAdres: "TELEFOONNUMMER",
      });

      // both together, or a soort that fits the stored adres, pass
      const samen = await app.ok(DigitaalAdresUpdateDocument, { uuid, input: { adres: "jan@example.nl", soortDigitaalAdres: "EMAIL" } });
      expect(samen.updateDigitaalAdres).toMatchObject({ adres: "jan@example.nl", soortDigitaalAdres: "EMAIL" });
      const overig = await app.ok(DigitaalAdresUpdateDocument, { uuid, input: { soortDigitaalAdres: "OVERIG" } });
      expect(overig.updateDigitaalAdres.soortDigitaalAdres).toBe("OVERIG");
      const vrij = await app.ok(DigitaalAdresUpdateDocument, { uuid, input: { adres: "@vrij" } });
      expect(vrij.updateDigitaalAdres.adres).toBe("@vrij");
    });
  });

  describe("isStandaardAdres", () => {
    it("is only allowed with a verstrektDoorPartij", async () => {
      const betrokkene = await maakBetrokkene(app);
      const before = await aantal();
      const result = await app.execute(DigitaalAdresCreateDocument, {
        input: { adres: "a@b.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true, verstrektDoorBetrokkene: betrokkene.uuid },
      });
      expect(invalidParams(result)).toEqual([["isStandaardAdres", "invalid"]]);
      expect(await aantal()).toBe(before);

      // nor may the partij be taken away from a standaard adres
      const partij = await maakPartij(app);
      const { uuid } = await maak({
        adres: "a@b.nl",
        soortDigitaalAdres: "EMAIL",
        isStandaardAdres: true,
        verstrektDoorPartij: partij.uuid,
      });
      expect(invalidParams(await app.execute(DigitaalAdresUpdateDocument, { uuid, input: { verstrektDoorPartij: null } }))).toEqual([
        ["isStandaardAdres", "invalid"],
      ]);
      // but both together is fine
      const los = await app.ok(DigitaalAdresUpdateDocument, { uuid, input: { verstrektDoorPartij: null, isStandaardAdres: false } });
      expect(los.updateDigitaalAdres).toMatchObject({ verstrektDoorPartij: null, isStandaardAdres: false });
    });

    it("set to true switches the others of the same partij and soort off, without an error", async () => {
      const partij = await maakPartij(app);
      const ander = await maakPartij(app);
      const standaard = async (uuid: string) => (await app.ok(DigitaalAdresDocument, { uuid })).digitaalAdres?.isStandaardAdres;

      const a = await maak({ adres: "a@b.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true, verstrektDoorPartij: partij.uuid });
      const tel = await maak({
        adres: "0612345678",
        soortDigitaalAdres: "TELEFOONNUMMER",
        isStandaardAdres: true,
        verstrektDoorPartij: partij.uuid,
      });
      const vanAnder = await maak({
        adres: "x@b.nl",
        soortDigitaalAdres: "EMAIL",
        isStandaardAdres: true,
        verstrektDoorPartij: ander.uuid,
      });

      const b = await maak({ adres: "b@b.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true, verstrektDoorPartij: partij.uuid });
      expect(b.isStandaardAdres).toBe(true);
      expect(await standaard(a.uuid)).toBe(false);
      expect(await standaard(tel.uuid)).toBe(true); // another soort
      expect(await standaard(vanAnder.uuid)).toBe(true); // another partij

      // by update, too
      await app.ok(DigitaalAdresUpdateDocument, { uuid: a.uuid, input: { isStandaardAdres: true } });
      expect(await standaard(a.uuid)).toBe(true);
      expect(await standaard(b.uuid)).toBe(false);

      // a standaard adres that changes soort takes over in its new soort
      await app.ok(DigitaalAdresUpdateDocument, { uuid: tel.uuid, input: { adres: "tel@b.nl", soortDigitaalAdres: "EMAIL" } });
      expect(await standaard(tel.uuid)).toBe(true);
      expect(await standaard(a.uuid)).toBe(false);

      // ... and one that moves to another partij takes over there
      await app.ok(DigitaalAdresUpdateDocument, { uuid: tel.uuid, input: { verstrektDoorPartij: ander.uuid } });
      expect(await standaard(vanAnder.uuid)).toBe(false);

      const standaardAdressen = await lijst({ verstrektDoorPartij: ander.uuid, isStandaardAdres: true });
      expect(standaardAdressen.map((x) => x.uuid)).toEqual([tel.uuid]);
    });

    it("switches nothing off when the mutation fails", async () => {
      const partij = await maakPartij(app);
      const a = await maak({
        adres: "a@b.nl",
        soortDigitaalAdres: "EMAIL",
        isStandaardAdres: true,
        verstrektDoorPartij: partij.uuid,
        referentie: "bezet",
      });
      const result = await app.execute(DigitaalAdresCreateDocument, {
        input: {
          adres: "b@b.nl",
          soortDigitaalAdres: "EMAIL",
          isStandaardAdres: true,
          verstrektDoorPartij: partij.uuid,
          referentie: "bezet",
        },
      });
      expect(invalidParams(result)).toEqual([["referentie", "unique"]]);
      expect((await app.ok(DigitaalAdresDocument, { uuid: a.uuid })).digitaalAdres?.isStandaardAdres).toBe(true);
      expect(await lijst({ verstrektDoorPartij: partij.uuid })).toHaveLength(1);
    });
  });

  describe("referentie", () => {
    it("is unique per partij and soort when not empty", async () => {
      const partij = await maakPartij(app);
      const ander = await maakPartij(app);
      const eerste = await maak({ adres: "a@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid, referentie: "portaal" });

      const before = await aantal();
      const dubbel = await app.execute(DigitaalAdresCreateDocument, {
        input: { adres: "b@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid, referentie: "portaal" },
      });
      expect(invalidParams(dubbel)).toEqual([["referentie", "unique"]]);
      expect(await aantal()).toBe(before);

      // another soort, another partij, no partij and an empty referentie are all free
      await maak({ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER", verstrektDoorPartij: partij.uuid, referentie: "portaal" });
      await maak({ adres: "b@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: ander.uuid, referentie: "portaal" });
      await maak({ adres: "c@b.nl", soortDigitaalAdres: "EMAIL", referentie: "portaal" });
      await maak({ adres: "d@b.nl", soortDigitaalAdres: "EMAIL", referentie: "portaal" });
      await maak({ adres: "e@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid });
      const leeg = await maak({ adres: "f@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid, referentie: "" });

      // an update may keep its own referentie, but not take another's
      await app.ok(DigitaalAdresUpdateDocument, { uuid: eerste.uuid, input: { referentie: "portaal", omschrijving: "zelfde" } });
      expect(invalidParams(await app.execute(DigitaalAdresUpdateDocument, { uuid: leeg.uuid, input: { referentie: "portaal" } }))).toEqual([
        ["referentie", "unique"],
      ]);
      // nor move into a clash by changing partij
      const elders = await maak({ adres: "g@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: ander.uuid, referentie: "uniek" });
      await app.ok(DigitaalAdresUpdateDocument, { uuid: elders.uuid, input: { referentie: "nieuw" } });
      const zelfdePartij = await maak({ adres: "h@b.nl", soortDigitaalAdres: "EMAIL", referentie: "nieuw" });
      expect(
        invalidParams(
          await app.execute(DigitaalAdresUpdateDocument, { uuid: zelfdePartij.uuid, input: { verstrektDoorPartij: ander.uuid } }),
        ),
      ).toEqual([["referentie", "unique"]]);
    });
  });

  describe("delete", () => {
    it("never deletes the partij; its voorkeursDigitaalAdres becomes null", async () => {
      const partij = await maakPartij(app);
      const adres = await maak({ adres: "a@b.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid });
      const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
        uuid: partij.uuid,
        input: { voorkeursDigitaalAdres: adres.uuid },
      });
      expect(updatePartij.voorkeursDigitaalAdres).toEqual({ uuid: adres.uuid });

      await app.ok(DigitaalAdresDeleteDocument, { uuid: adres.uuid });
      const after = (await app.ok(VoorkeurVanPartijDocument, { uuid: partij.uuid })).partij;
      expect(after).toMatchObject({ uuid: partij.uuid, digitaleAdressen: [], voorkeursDigitaalAdres: null });
    });
  });

  describe("list", () => {
    it("pages newest first with keyset cursors", async () => {
      const partij = await maakPartij(app);
      for (const n of [1, 2, 3, 4, 5]) {
        await maak({ adres: `${n}@paging.nl`, soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid });
      }
      const first = await app.ok(DigitaalAdresLijstDocument, { filter: { verstrektDoorPartij: partij.uuid }, first: 2 });
      expect(first.digitaleAdressen.edges.map((e) => e.node.adres)).toEqual(["5@paging.nl", "4@paging.nl"]);
      expect(first.digitaleAdressen.pageInfo.hasNextPage).toBe(true);
      const second = await app.ok(DigitaalAdresLijstDocument, {
        filter: { verstrektDoorPartij: partij.uuid },
        first: 3,
        after: first.digitaleAdressen.pageInfo.endCursor,
      });
      expect(second.digitaleAdressen.edges.map((e) => e.node.adres)).toEqual(["3@paging.nl", "2@paging.nl", "1@paging.nl"]);
      expect(second.digitaleAdressen.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(invalidParams(await app.execute(DigitaalAdresLijstDocument, { first: 101 }))).toEqual([["first", "max_value"]]);
    });

    it("filters on every field of DigitaalAdresFilter", async () => {
      const persoon = await maakPartij(app, { soortPartij: SoortPartij.PERSOON, bsn: "111222333" });
      const organisatie = await maakPartij(app, { soortPartij: SoortPartij.ORGANISATIE });
      const klant = await maakBetrokkene(app, { rol: Rol.KLANT });
      const vertegenwoordiger = await maakBetrokkene(app, { rol: Rol.VERTEGENWOORDIGER });

      const email = await maak({
        adres: "Filter.Jan@Example.nl",
        soortDigitaalAdres: "EMAIL",
        verstrektDoorPartij: persoon.uuid,
        verstrektDoorBetrokkene: klant.uuid,
        isStandaardAdres: true,
        omschrijving: "Privé Mail",
        referentie: "filterref",
        verificatieDatum: "2026-01-15",
      });
      const tel = await maak({
        adres: "0687654321",
        soortDigitaalAdres: "TELEFOONNUMMER",
        verstrektDoorPartij: organisatie.uuid,
        verstrektDoorBetrokkene: vertegenwoordiger.uuid,
        omschrijving: "Kantoor",
        verificatieDatum: "2026-02-20",
      });
      const overig = await maak({ adres: "filter-overig", soortDigitaalAdres: "OVERIG", verstrektDoorBetrokkene: klant.uuid });
      const mine = new Set([email.uuid, tel.uuid, overig.uuid]);
      const uuids = async (filter: DigitaalAdresFilter) => (await lijst(filter)).map((a) => a.uuid).filter((u) => mine.has(u));

      expect(await uuids({ adres: "Filter.Jan@Example.nl" })).toEqual([email.uuid]);
      expect(await uuids({ adres: "filter.jan@example.nl" })).toEqual([email.uuid]); // e-mail: any case
      expect(await uuids({ adres: "filter.jan@example" })).toEqual([]); // exact
      expect(await uuids({ adres: "FILTER-OVERIG" })).toEqual([]); // overig: as given
      // a phone number in every notation, exact and by its digits
      for (const notatie of ["0687654321", "06-87654321", "+31 6 87654321", "0031687654321", "(06) 8765 4321"]) {
        expect(await uuids({ adres: notatie })).toEqual([tel.uuid]);
      }
      expect(await uuids({ adres: "0687654321", soortDigitaalAdres: "EMAIL" })).toEqual([]);
      expect(await uuids({ adres: "068765432" })).toEqual([]);
      expect(await uuids({ adresBevat: "06-8765" })).toEqual([tel.uuid]);
      expect(await uuids({ adresBevat: "+31687" })).toEqual([tel.uuid]);
      expect(await uuids({ adresBevat: "654 321" })).toEqual([tel.uuid]);
      expect(await uuids({ adresBevat: "0787" })).toEqual([]);
      expect(await uuids({ adresBevat: "JAN@EXAMPLE" })).toEqual([email.uuid]);
      expect(await uuids({ adresBevat: "filter" })).toEqual([overig.uuid, email.uuid]);
      expect(await uuids({ soortDigitaalAdres: "TELEFOONNUMMER" })).toEqual([tel.uuid]);
      expect(await uuids({ isStandaardAdres: true })).toEqual([email.uuid]);
      expect(await uuids({ isStandaardAdres: false })).toEqual([overig.uuid, tel.uuid]);
      expect(await uuids({ omschrijving: "privé" })).toEqual([email.uuid]);
      expect(await uuids({ referentie: "filterref" })).toEqual([email.uuid]);
      expect(await uuids({ verificatieDatum: "2026-01-15" })).toEqual([email.uuid]);
      expect(await uuids({ verificatieDatumVanaf: "2026-01-16" })).toEqual([tel.uuid]);
      expect(await uuids({ verificatieDatumVanaf: "2026-01-15" })).toEqual([tel.uuid, email.uuid]);
      expect(await uuids({ verificatieDatumTot: "2026-02-19" })).toEqual([email.uuid]);
      expect(await uuids({ verificatieDatumVanaf: "2026-01-01", verificatieDatumTot: "2026-02-20" })).toEqual([tel.uuid, email.uuid]);
      expect(await uuids({ isGeverifieerd: true })).toEqual([tel.uuid, email.uuid]);
      expect(await uuids({ isGeverifieerd: false })).toEqual([overig.uuid]);
      expect(await uuids({ verstrektDoorBetrokkene: klant.uuid })).toEqual([overig.uuid, email.uuid]);
      expect(await uuids({ verstrektDoorBetrokkene: klant.uuid.toUpperCase() })).toEqual([overig.uuid, email.uuid]);
      expect(await uuids({ verstrektDoorBetrokkene: "geen-uuid" })).toEqual([]);
      expect(await uuids({ verstrektDoorBetrokkeneRol: "VERTEGENWOORDIGER" })).toEqual([tel.uuid]);
      expect(await uuids({ verstrektDoorPartij: organisatie.uuid })).toEqual([tel.uuid]);
      expect(await uuids({ verstrektDoorPartij: "geen-uuid" })).toEqual([]);
      expect(await uuids({ verstrektDoorPartijSoort: "PERSOON" })).toEqual([email.uuid]);
      expect(await uuids({ verstrektDoorPartij: persoon.uuid, verstrektDoorPartijSoort: "PERSOON" })).toEqual([email.uuid]);
      expect(await uuids({ verstrektDoorPartij: persoon.uuid, verstrektDoorPartijSoort: "ORGANISATIE" })).toEqual([]);
      expect(await uuids({ verstrektDoorPartijSoort: "ORGANISATIE", soortDigitaalAdres: "EMAIL" })).toEqual([]);

      const bsn = {
        codeObjecttype: "NATUURLIJK_PERSOON",
        codeSoortObjectId: "BSN",
        objectId: "111222333",
        codeRegister: "BRP",
      } as const;
      expect(await uuids({ verstrektDoorPartijIdentificator: bsn })).toEqual([email.uuid]);
      expect(await uuids({ verstrektDoorPartijIdentificator: { objectId: "111222333" } })).toEqual([email.uuid]);
      expect(await uuids({ verstrektDoorPartijIdentificator: {} })).toEqual([overig.uuid, tel.uuid, email.uuid]); // no condition
      // all codes must hold on the same identificator
      expect(await uuids({ verstrektDoorPartijIdentificator: { ...bsn, codeRegister: "HR" } })).toEqual([]);
      expect(await uuids({ verstrektDoorPartijIdentificator: { ...bsn, objectId: "999999999" } })).toEqual([]);
      expect(await uuids({ verstrektDoorPartijIdentificator: bsn, soortDigitaalAdres: "TELEFOONNUMMER" })).toEqual([]);
    });

    it("filters with the identificator without repeating an adres when its partij has several identificatoren", async () => {
      const partij = await maakPartij(app, { soortPartij: SoortPartij.PERSOON, bsn: "444555666" });
      const em = app.orm.em.fork();
      em.create(PartijIdentificator, {
        identificeerdePartij: partij.id,
        codeObjecttype: "niet_natuurlijk_persoon",
        codeSoortObjectId: "rsin",
        objectId: "444555666",
        codeRegister: "hr",
      } as never);
      await em.flush();
      const adres = await maak({ adres: "twee@ids.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid });
      const found = await lijst({ verstrektDoorPartijIdentificator: { objectId: "444555666" } });
      expect(found.map((a) => a.uuid)).toEqual([adres.uuid]);
    });
  });

  describe("relations", () => {
    it("resolves verstrektDoorPartij, verstrektDoorBetrokkene and Betrokkene.digitaleAdressen", async () => {
      const partij = await maakPartij(app, { soortPartij: SoortPartij.ORGANISATIE });
      const betrokkene = await maakBetrokkene(app, { rol: Rol.VERTEGENWOORDIGER });
      const a = await maak({
        adres: "rel-a@b.nl",
        soortDigitaalAdres: "EMAIL",
        verstrektDoorPartij: partij.uuid,
        verstrektDoorBetrokkene: betrokkene.uuid,
      });
      const b = await maak({ adres: "0611111111", soortDigitaalAdres: "TELEFOONNUMMER", verstrektDoorBetrokkene: betrokkene.uuid });
      const { digitaleAdressen } = await app.ok(DigitaalAdresLijstMetRelatiesDocument, {
        filter: { verstrektDoorBetrokkene: betrokkene.uuid },
      });
      expect(digitaleAdressen.edges.map((e) => e.node)).toEqual([
        {
          uuid: b.uuid,
          verstrektDoorPartij: null,
          verstrektDoorBetrokkene: {
            uuid: betrokkene.uuid,
            rol: "VERTEGENWOORDIGER",
            digitaleAdressen: [
              { uuid: a.uuid, adres: "rel-a@b.nl" },
              { uuid: b.uuid, adres: "0611111111" },
            ],
          },
        },
        {
          uuid: a.uuid,
          verstrektDoorPartij: { uuid: partij.uuid, soortPartij: "ORGANISATIE" },
          verstrektDoorBetrokkene: {
            uuid: betrokkene.uuid,
            rol: "VERTEGENWOORDIGER",
            digitaleAdressen: [
              { uuid: a.uuid, adres: "rel-a@b.nl" },
              { uuid: b.uuid, adres: "0611111111" },
            ],
          },
        },
      ]);
    });

    it("costs the same number of SQL statements for 2 and for 10 adressen", async () => {
      async function tel(n: number) {
        const omschrijving = `telling-${n}`;
        for (let i = 0; i < n; i++) {
          const partij = await maakPartij(app);
          const betrokkene = await maakBetrokkene(app);
          await maak({
            adres: `${n}-${i}@telling.nl`,
            soortDigitaalAdres: "EMAIL",
            omschrijving,
            verstrektDoorPartij: partij.uuid,
            verstrektDoorBetrokkene: betrokkene.uuid,
          });
        }
        const { count, data } = await app.countStatements(DigitaalAdresLijstMetRelatiesDocument, { filter: { omschrijving } });
        expect(data.digitaleAdressen.edges).toHaveLength(n);
        for (const { node } of data.digitaleAdressen.edges) {
          expect(node.verstrektDoorPartij).not.toBeNull();
          expect(node.verstrektDoorBetrokkene?.digitaleAdressen.map((a) => a.uuid)).toEqual([node.uuid]);
        }
        return count;
      }
      const two = await tel(2);
      const ten = await tel(10);
      expect(ten).toBe(two);
      // the list, partijen, betrokkenen, their adressen; the audit log's lookup of BSNs and its INSERT
      expect(two).toBeLessThanOrEqual(6);
    });
  });

  describe("federation", () => {
    const ENTITIES = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on DigitaalAdres { uuid adres verstrektDoorPartij { uuid } } }
    }`;

    it("resolves DigitaalAdres references, batched, null for unknown ones", async () => {
      const partij = await maakPartij(app);
      const made: Array<{ uuid: string; adres: string }> = [];
      for (let i = 0; i < 6; i++) {
        made.push(await maak({ adres: `fed-${i}@b.nl`, soortDigitaalAdres: "EMAIL", verstrektDoorPartij: partij.uuid }));
      }
      const refs = (n: number) => made.slice(0, n).map((a) => ({ __typename: "DigitaalAdres", uuid: a.uuid }));
      const two = await app.countStatements<{ _entities: unknown[] }, Record<string, unknown>>(ENTITIES, { representations: refs(2) });
      const six = await app.countStatements<{ _entities: unknown[] }, Record<string, unknown>>(ENTITIES, { representations: refs(6) });
      expect(six.data._entities).toEqual(made.map((a) => ({ uuid: a.uuid, adres: a.adres, verstrektDoorPartij: { uuid: partij.uuid } })));
      expect(six.count).toBe(two.count);

      const unknown = await app.ok<{ _entities: unknown[] }, Record<string, unknown>>(ENTITIES, {
        representations: [{ __typename: "DigitaalAdres", uuid: ONBEKEND }],
      });
      expect(unknown._entities).toEqual([null]);
    });
  });
});
