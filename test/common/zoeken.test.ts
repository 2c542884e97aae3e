import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInsensitivePattern } from "../../src/common/filters";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { SoortDigitaalAdres } from "../../src/partijen/enums";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";
import { deelIn, maakActor, maakBetrokkene, maakDigitaalAdres, maakInterneTaak, maakKlantcontact, maakPartij } from "../support/fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

type Page<K extends string, T> = Record<K, { edges: Array<{ node: T }> }>;

/** The values of `field` on the rows a list query finds with this filter, sorted. */
async function found<K extends string>(list: K, filterType: string, field: string, filter: Record<string, unknown>): Promise<string[]> {
  const data = await app.ok<Page<K, Record<string, string>>, { filter: Record<string, unknown> }>(
    `query ($filter: ${filterType}) { ${list}(filter: $filter, first: 100) { edges { node { ${field} } } } }`,
    { filter },
  );
  return data[list].edges.map((edge) => edge.node[field]).sort();
}

describe(`"bevat" filters (icontains) on ${dialect}`, () => {
  const naamen = [
    "Émile Zola",
    "émilie",
    "EMIEL",
    "Ärzte zonder grenzen",
    "ärmel",
    "Straße",
    "STRASSE",
    "100% zeker",
    "a_b",
    "axb",
    "back\\slash",
    "punt.naam",
    "ster*naam",
    "haak[1]",
    "dollar$",
    "vraag?",
    "(haakjes)",
    "ΣΟΦΊΑ",
  ];
  beforeAll(async () => {
    for (const naam of naamen) await maakActor(app, naam);
  });
  const actoren = (naam: string) => found("actoren", "ActorFilter", "naam", { naam });

  it("fold non-ASCII case both ways: é finds É, Ä finds ä", async () => {
    expect(await actoren("é")).toEqual(["émilie", "Émile Zola"].sort());
    expect(await actoren("ÉMI")).toEqual(["émilie", "Émile Zola"].sort());
    expect(await actoren("ä")).toEqual(["ärmel", "Ärzte zonder grenzen"].sort());
    expect(await actoren("Är")).toEqual(["ärmel", "Ärzte zonder grenzen"].sort());
    expect(await actoren("σοφία")).toEqual(["ΣΟΦΊΑ"]);
    expect(await actoren("zola")).toEqual(["Émile Zola"]);
  });

  it("keep letters that differ apart: an accent is not its base letter, ß is not SS", async () => {
    expect(await actoren("EMI")).toEqual(["EMIEL"]);
    expect(await actoren("ß")).toEqual(["Straße"]);
    expect(await actoren("ss")).toEqual(["STRASSE"]);
  });

  it.each([
    ["%", "100% zeker"],
    ["_", "a_b"],
    ["\\", "back\\slash"],
    [".", "punt.naam"],
    ["*", "ster*naam"],
    ["[1]", "haak[1]"],
    ["$", "dollar$"],
    ["?", "vraag?"],
    ["(", "(haakjes)"],
  ])("take %j as itself, not as a wildcard or pattern", async (needle, naam) => {
    expect(await actoren(needle)).toEqual([naam]);
  });

  it("find nothing, without an error, for a needle longer than the column can hold", async () => {
    const langste = "a".repeat(200); // Actor.naam holds 200 characters
    await maakActor(app, langste);
    expect(await actoren(langste)).toEqual([langste]);
    expect(await actoren(`${langste}a`)).toEqual([]);
    expect(await actoren("é".repeat(100_000))).toEqual([]);
  });
});

describe(`every text filter on ${dialect}`, () => {
  it("klantcontacten: onderwerp, inhoud, reactie and betrokkeneDigitaalAdres", async () => {
    const em = app.orm.em.fork();
    for (const [onderwerp, inhoud, reactie] of [
      ["Überweisung", "Straße 5%", "Réponse_1"],
      ["uber", "strasse 55", "reponsex1"],
    ]) {
      em.create(Klantcontact, { kanaal: "telefoon", onderwerp, inhoud, reactie, taal: "nld", vertrouwelijk: false } as never);
    }
    await em.flush();
    const klantcontacten = (filter: Record<string, unknown>) => found("klantcontacten", "KlantcontactFilter", "onderwerp", filter);
    expect(await klantcontacten({ onderwerp: "ÜBER" })).toEqual(["Überweisung"]);
    expect(await klantcontacten({ inhoud: "STRASSE" })).toEqual(["uber"]);
    expect(await klantcontacten({ inhoud: "%" })).toEqual(["Überweisung"]);
    expect(await klantcontacten({ reactie: "RÉPONSE_" })).toEqual(["Überweisung"]);

    const betrokkene = await maakBetrokkene(app);
    const { hadKlantcontact: contact } = await em
      .fork()
      .findOneOrFail(Betrokkene, { uuid: betrokkene.uuid }, { populate: ["hadKlantcontact"] });
    await maakDigitaalAdres(app, { adres: "Zoë_de.Vries@example.nl", verstrektDoorBetrokkene: betrokkene.uuid });
    expect(await klantcontacten({ betrokkeneDigitaalAdres: { adres: "ZOË_", zoekwijze: "BEVAT" } })).toEqual([contact.onderwerp]);
    expect(await klantcontacten({ betrokkeneDigitaalAdres: { adres: "zoe", zoekwijze: "BEVAT" } })).toEqual([]);
  });

  it("digitaleAdressen: adresBevat and omschrijving", async () => {
    const partij = await maakPartij(app);
    const em = app.orm.em.fork();
    for (const [adres, omschrijving] of [
      ["info_één@example.nl", "Privé (100%)"],
      ["infoxeen@example.nl", "prive 1000"],
    ]) {
      em.create(DigitaalAdres, {
        adres,
        omschrijving,
        soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
        verstrektDoorPartij: partij.id,
      } as never);
    }
    await em.flush();
    const adressen = (filter: Record<string, unknown>) =>
      found("digitaleAdressen", "DigitaalAdresFilter", "adres", { ...filter, verstrektDoorPartij: partij.uuid });
    expect(await adressen({ adresBevat: "O_ÉÉN" })).toEqual(["info_één@example.nl"]);
    expect(await adressen({ adresBevat: "_" })).toEqual(["info_één@example.nl"]);
    expect(await adressen({ omschrijving: "PRIVÉ" })).toEqual(["info_één@example.nl"]);
    expect(await adressen({ omschrijving: "0%" })).toEqual(["info_één@example.nl"]);
  });

  it("interneTaken: actorNaam", async () => {
    const klantcontact = await maakKlantcontact(app);
    const em = app.orm.em.fork();
    for (const naam of ["Ångström-team", "angstrom_team"]) {
      const taak = await em.findOneOrFail(InterneTaak, { uuid: await maakInterneTaak(app, klantcontact.uuid) });
      const actor = await em.findOneOrFail(Actor, { uuid: await maakActor(app, naam) });
      em.create(Toewijzing, { interneTaak: taak, actor } as never);
    }
    await em.flush();
    const taken = async (actorNaam: string) =>
      (
        await app.ok<Page<"interneTaken", { toegewezenAanActoren: Array<{ naam: string }> }>, Record<string, unknown>>(
          `query ($filter: InterneTaakFilter) { interneTaken(filter: $filter) { edges { node { toegewezenAanActoren { naam } } } } }`,
          { filter: { actorNaam } },
        )
      ).interneTaken.edges.map((edge) => edge.node.toegewezenAanActoren[0].naam);
    expect(await taken("åNGSTRÖM")).toEqual(["Ångström-team"]);
    expect(await taken("m_t")).toEqual(["angstrom_team"]);
  });
});

describe(`"is gelijk aan" filters (iexact) on ${dialect}`, () => {
  let partijInEcole: string;
  beforeAll(async () => {
    partijInEcole = (await maakPartij(app)).uuid;
    await deelIn(app, partijInEcole, "école");
    const anderen = await maakPartij(app);
    for (const naam of ["école primaire", "%", "ecole"]) await deelIn(app, anderen.uuid, naam);
  });

  it("categorieen: the whole naam, case folded, wildcards literal", async () => {
    const categorieen = (naam: string) => found("categorieen", "CategorieFilter", "naam", { naam });
    expect(await categorieen("ÉCOLE")).toEqual(["école"]);
    expect(await categorieen("%")).toEqual(["%"]);
    expect(await categorieen("_cole")).toEqual([]);
    expect(await categorieen("école prim")).toEqual([]);
  });

  it("categorieRelaties and partijen: categorieNaam", async () => {
    const relaties = await app.ok<Page<"categorieRelaties", { partij: { uuid: string } }>, Record<string, unknown>>(
      `query { categorieRelaties(filter: { categorieNaam: "ÉCOLE" }) { edges { node { partij { uuid } } } } }`,
    );
    expect(relaties.categorieRelaties.edges.map((edge) => edge.node.partij.uuid)).toEqual([partijInEcole]);
    expect(await found("partijen", "PartijFilter", "uuid", { categorieNaam: "ÉCOLE" })).toEqual([partijInEcole]);
  });
});

describe.runIf(dialect === "postgresql")("on a PostgreSQL database whose LC_CTYPE is C", () => {
  it("the class pattern still folds non-ASCII case, where ILIKE does not", async () => {
    const server = process.env.DATABASE_URL!;
    const name = `ki_c_locale_${process.pid}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const client = new Client({ connectionString: url.toString() });
    try {
      await client.connect();
      const { rows } = await client.query<{ regex: boolean; ilike: boolean }>(
        "select 'Émile Zola' ~ $1 as regex, 'Émile Zola' ilike $2 as ilike",
        [caseInsensitivePattern("émile"), "%émile%"],
      );
      expect(rows[0]).toEqual({ regex: true, ilike: false });
    } finally {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
