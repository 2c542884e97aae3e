import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BetrokkeneCreateDocument,
  BetrokkeneDeleteDocument,
  BetrokkeneGetDocument,
  BetrokkeneListDocument,
  BetrokkenePartijenDocument,
  BetrokkeneUpdateDocument,
  KlantcontactCreateDocument,
  type BetrokkeneInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { exists, maakDigitaalAdres, maakPartij, rows, verstrekkers } from "../support/fixtures";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function klantcontact(onderwerp = "Afvalpas", plaatsgevondenOp?: string) {
  const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
    input: { kanaal: "telefoon", onderwerp, taal: "nld", vertrouwelijk: false, plaatsgevondenOp },
  });
  return createKlantcontact.uuid;
}

async function betrokkene(input: Partial<BetrokkeneInput> & { hadKlantcontact: string }) {
  const { createBetrokkene } = await app.ok(BetrokkeneCreateDocument, { input: { rol: "KLANT", initiator: true, ...input } });
  return createBetrokkene;
}

async function lijst(filter: object) {
  const { betrokkenen } = await app.ok(BetrokkeneListDocument, { filter, first: 100 });
  return betrokkenen.edges.map((e) => e.node.uuid);
}

describe("Betrokkene", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const kc = await klantcontact();
    const partij = (await maakPartij(app)).uuid;
    const created = await betrokkene({
      hadKlantcontact: kc,
      wasPartij: partij,
      rol: "VERTEGENWOORDIGER",
      initiator: false,
      organisatienaam: "Bakkerij Jansen",
      contactnaam: { voorletters: "J.", voornaam: "Jan", voorvoegselAchternaam: "van der", achternaam: "Berg" },
      bezoekadres: {
        nummeraanduidingId: "0363200000123456",
        straatnaam: "Dorpsstraat",
        huisnummer: 12,
        postcode: "1234 AB",
        stad: "Amsterdam",
        land: "NL",
      },
    });
    expect(created).toEqual({
      uuid: created.uuid,
      rol: "VERTEGENWOORDIGER",
      initiator: false,
      organisatienaam: "Bakkerij Jansen",
      volledigeNaam: "Jan van der Berg",
      contactnaam: { voorletters: "J.", voornaam: "Jan", voorvoegselAchternaam: "van der", achternaam: "Berg" },
      bezoekadres: {
        nummeraanduidingId: "0363200000123456",
        straatnaam: "Dorpsstraat",
        huisnummer: 12,
        postcode: "1234 AB",
        stad: "Amsterdam",
        land: "NL",
      },
      correspondentieadres: null,
      wasPartij: { uuid: partij },
      hadKlantcontact: { uuid: kc },
    });
    expect((await app.ok(BetrokkeneGetDocument, { uuid: created.uuid })).betrokkene).toEqual(created);

    const ander = await klantcontact("Ander");
    const { updateBetrokkene } = await app.ok(BetrokkeneUpdateDocument, {
      uuid: created.uuid,
      input: {
        wasPartij: null,
        hadKlantcontact: ander,
        bezoekadres: null,
        correspondentieadres: { adresregel1: "Postbus 1", land: "BE" },
        contactnaam: { achternaam: "Berg" },
        rol: "KLANT",
      },
    });
    expect(updateBetrokkene).toMatchObject({
      wasPartij: null,
      hadKlantcontact: { uuid: ander },
      bezoekadres: null,
      correspondentieadres: { adresregel1: "Postbus 1", land: "BE" },
      volledigeNaam: "Berg",
      rol: "KLANT",
      initiator: false,
      organisatienaam: "Bakkerij Jansen",
    });
    const unchanged = await app.ok(BetrokkeneUpdateDocument, { uuid: created.uuid, input: {} });
    expect(unchanged.updateBetrokkene).toEqual(updateBetrokkene);

    expect((await app.ok(BetrokkeneDeleteDocument, { uuid: created.uuid })).deleteBetrokkene).toBe(created.uuid);
    expect((await app.ok(BetrokkeneGetDocument, { uuid: created.uuid })).betrokkene).toBeNull();
  });

  it("checks nested adres and contactnaam rules with their paths, and writes nothing", async () => {
    const kc = await klantcontact();
    const count = await rows(app, Betrokkene);
    const result = await app.execute(BetrokkeneCreateDocument, {
      input: {
        hadKlantcontact: kc,
        rol: "KLANT",
        initiator: true,
        organisatienaam: "o".repeat(201),
        bezoekadres: {
          nummeraanduidingId: "12345",
          postcode: "1234ab",
          huisnummer: 100000,
          straatnaam: "s".repeat(256),
          huisnummertoevoeging: "t".repeat(21),
          adresregel1: "a".repeat(81),
          land: "nl",
        },
        correspondentieadres: { land: "XX", huisnummer: 0 },
        contactnaam: {
          voorletters: "v".repeat(11),
          voornaam: "n".repeat(201),
          voorvoegselAchternaam: "x".repeat(11),
          achternaam: "a".repeat(201),
        },
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result).sort()).toEqual(
      [
        ["organisatienaam", "max_length"],
        ["bezoekadres.nummeraanduidingId", "invalid"],
        ["bezoekadres.postcode", "invalid"],
        ["bezoekadres.huisnummer", "invalid"],
        ["bezoekadres.straatnaam", "max_length"],
        ["bezoekadres.huisnummertoevoeging", "max_length"],
        ["bezoekadres.adresregel1", "max_length"],
        ["bezoekadres.land", "invalid"],
        ["correspondentieadres.land", "invalid"],
        ["correspondentieadres.huisnummer", "invalid"],
        ["contactnaam.voorletters", "max_length"],
        ["contactnaam.voornaam", "max_length"],
        ["contactnaam.voorvoegselAchternaam", "max_length"],
        ["contactnaam.achternaam", "max_length"],
      ].sort(),
    );
    const land = (result.errors![0].extensions!.invalidParams as Array<{ name: string; reason: string }>).find(
      (p) => p.name === "bezoekadres.land",
    );
    expect(land?.reason).toContain("Bedoelde u NL?");
    expect(await rows(app, Betrokkene)).toBe(count);
  });

  it("refuses unknown references and clearing required fields", async () => {
    const kc = await klantcontact();
    const result = await app.execute(BetrokkeneCreateDocument, {
      input: { hadKlantcontact: ONBEKEND, wasPartij: ONBEKEND, rol: "KLANT", initiator: true },
    });
    expect(invalidParams(result)).toEqual([
      ["wasPartij", "does_not_exist"],
      ["hadKlantcontact", "does_not_exist"],
    ]);
    const created = await betrokkene({ hadKlantcontact: kc });
    const update = await app.execute(BetrokkeneUpdateDocument, {
      uuid: created.uuid,
      input: { hadKlantcontact: null, rol: null, initiator: null },
    });
    expect(invalidParams(update).sort()).toEqual(
      [
        ["hadKlantcontact", "required"],
        ["rol", "required"],
        ["initiator", "required"],
      ].sort(),
    );
    expect(errorCode(await app.execute(BetrokkeneUpdateDocument, { uuid: ONBEKEND, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(BetrokkeneDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
  });

  it("leaves its digitale adressen when deleted", async () => {
    const kc = await klantcontact();
    const created = await betrokkene({ hadKlantcontact: kc });
    const adres = await maakDigitaalAdres(app, { adres: "iemand@example.nl", verstrektDoorBetrokkene: created.uuid });
    await app.ok(BetrokkeneDeleteDocument, { uuid: created.uuid });
    expect(await exists(app, DigitaalAdres, adres)).toBe(true);
    expect((await verstrekkers(app, adres)).betrokkene).toBeNull();
  });

  it("filters on klantcontact, partij, identificator, contactnaam, organisatienaam and digitaal adres", async () => {
    const kc1 = await klantcontact();
    const kc2 = await klantcontact();
    const partij = (await maakPartij(app, { bsn: "123456782" })).uuid;
    const a = (
      await betrokkene({
        hadKlantcontact: kc1,
        wasPartij: partij,
        contactnaam: { voorletters: "A.", voornaam: "Anna", voorvoegselAchternaam: "de", achternaam: "Vries" },
        organisatienaam: "Gemeente",
      })
    ).uuid;
    const b = (await betrokkene({ hadKlantcontact: kc2, contactnaam: { voornaam: "Bert", achternaam: "Vries" } })).uuid;
    await maakDigitaalAdres(app, { adres: "bert@example.nl", verstrektDoorBetrokkene: b });

    expect(await lijst({ hadKlantcontact: kc1 })).toEqual([a]);
    expect(await lijst({ wasPartij: partij })).toEqual([a]);
    expect(await lijst({ wasPartijIdentificator: { objectId: "123456782", codeSoortObjectId: "BSN" } })).toEqual([a]);
    expect(await lijst({ wasPartijIdentificator: { objectId: "123456782", codeSoortObjectId: "RSIN" } })).toEqual([]);
    expect(await lijst({ contactnaamAchternaam: "Vries", hadKlantcontact: kc2 })).toEqual([b]);
    expect(await lijst({ contactnaamVoornaam: "Anna", contactnaamVoorletters: "A.", contactnaamVoorvoegselAchternaam: "de" })).toEqual([a]);
    expect(await lijst({ organisatienaam: "Gemeente" })).toEqual([a]);
    expect(await lijst({ verstrektDigitaalAdres: "bert@example.nl" })).toEqual([b]);
    expect(await lijst({ verstrektDigitaalAdres: "bert@example" })).toEqual([]);
    expect(await lijst({ wasPartij: "geen-uuid" })).toEqual([]);
  });
});

describe("Partij.betrokkenen", () => {
  /** An anchor klantcontact with one betrokkene per partij; each partij has `per` betrokkenen elsewhere. */
  async function seed(target: TestApp, partijen: number, per: number): Promise<string> {
    const create = async (onderwerp: string) =>
      (
        await target.ok(KlantcontactCreateDocument, {
          input: { kanaal: "telefoon", onderwerp, taal: "nld", vertrouwelijk: false },
        })
      ).createKlantcontact.uuid;
    const anker = await create("anker");
    for (let p = 0; p < partijen; p++) {
      const partij = (await maakPartij(target)).uuid;
      for (let i = 0; i < per; i++) {
        const kc = await create(`p${p}-${i}`);
        await target.ok(BetrokkeneCreateDocument, { input: { hadKlantcontact: kc, wasPartij: partij, rol: "KLANT", initiator: true } });
      }
      // The anchor's betrokkene is the partij's newest.
      await target.ok(BetrokkeneCreateDocument, { input: { hadKlantcontact: anker, wasPartij: partij, rol: "KLANT", initiator: true } });
    }
    return anker;
  }

  it("pages per partij, newest first, with after", async () => {
    const anker = await seed(app, 2, 6);
    const first = await app.ok(BetrokkenePartijenDocument, { anker, first: 5 });
    const partijen = first.betrokkenen.edges.map((e) => e.node.wasPartij!);
    expect(partijen).toHaveLength(2);
    for (const [p, partij] of [...partijen].reverse().entries()) {
      expect(partij.betrokkenen.edges.map((e) => e.node.hadKlantcontact.onderwerp)).toEqual([
        "anker",
        `p${p}-5`,
        `p${p}-4`,
        `p${p}-3`,
        `p${p}-2`,
      ]);
      expect(partij.betrokkenen.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    }
    // `after` is one argument for the whole field; the cursor of partij 0's page continues it.
    const partij0 = partijen[partijen.length - 1];
    const next = await app.ok(BetrokkenePartijenDocument, { anker, first: 5, after: partij0.betrokkenen.pageInfo.endCursor });
    const vervolg = next.betrokkenen.edges.map((e) => e.node.wasPartij!).find((p) => p.uuid === partij0.uuid)!;
    expect(vervolg.betrokkenen.edges.map((e) => e.node.hadKlantcontact.onderwerp)).toEqual(["p0-1", "p0-0"]);
    expect(vervolg.betrokkenen.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("costs the same number of statements for 2 and 10 partijen", async () => {
    const fresh = await TestApp.start();
    try {
      const two = await seed(fresh, 2, 6);
      const ten = await seed(fresh, 10, 6);
      const a = await fresh.countStatements(BetrokkenePartijenDocument, { anker: two, first: 5 });
      const b = await fresh.countStatements(BetrokkenePartijenDocument, { anker: ten, first: 5 });
      expect(a.data.betrokkenen.edges).toHaveLength(2);
      expect(b.data.betrokkenen.edges).toHaveLength(10);
      for (const edge of b.data.betrokkenen.edges) expect(edge.node.wasPartij!.betrokkenen.edges).toHaveLength(5);
      expect(b.count).toBe(a.count);
      // betrokkenen list, partijen, their betrokkenen (window function), klantcontacten; then the
      // audit: the partijen behind the rows read (those of the klantcontacten, their uuid and BSN), one INSERT
      expect(b.count).toBe(4 + 2);
    } finally {
      await fresh.stop();
    }
  });
});
