import type { EntityManager } from "@mikro-orm/knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestContext } from "../../src/common/context";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { DigitaalAdresService } from "../../src/partijen/digitaal-adres.service";
import { SoortDigitaalAdres, Zoekwijze } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { SCOPES } from "../../src/auth/scopes";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";
import { maakBetrokkene, maakDigitaalAdres, maakInterneTaak, maakPartij } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * KISS's contactverzoeken: the taken whose klantcontact had a betrokkene who left a phone number
 * or e-mail address, found by that address in any notation; and the order a klantbeeld shows a
 * partij's adressen in.
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

type Zoek = { adres: string; zoekwijze?: "EXACT" | "BEVAT"; soortDigitaalAdres?: string; alleenZonderPartij?: boolean };

const TAKEN = `query ($zoek: DigitaalAdresZoekInput) {
  interneTaken(filter: { betrokkeneDigitaalAdres: $zoek }, first: 100) { edges { node { uuid aanleidinggevendKlantcontact { uuid } } } }
}`;
const KLANTCONTACTEN = `query ($zoek: DigitaalAdresZoekInput) {
  klantcontacten(filter: { betrokkeneDigitaalAdres: $zoek }, first: 100) { edges { node { uuid } } }
}`;

async function taken(zoek: Zoek, principal = testPrincipal()): Promise<string[]> {
  const data = await app.ok<{ interneTaken: { edges: Array<{ node: { uuid: string } }> } }, { zoek: Zoek }>(TAKEN, { zoek }, { principal });
  return data.interneTaken.edges.map((e) => e.node.uuid).sort();
}

async function klantcontacten(zoek: Zoek): Promise<string[]> {
  const data = await app.ok<{ klantcontacten: { edges: Array<{ node: { uuid: string } }> } }, { zoek: Zoek }>(KLANTCONTACTEN, { zoek });
  return data.klantcontacten.edges.map((e) => e.node.uuid).sort();
}

/** A contactverzoek: a klantcontact whose betrokkene left these adressen, and a taak on it. */
async function contactverzoek(adressen: Array<[string, SoortDigitaalAdres]>, wasPartij?: string) {
  const betrokkene = await maakBetrokkene(app, { wasPartij });
  for (const [adres, soortDigitaalAdres] of adressen) {
    await maakDigitaalAdres(app, { adres, soortDigitaalAdres, verstrektDoorBetrokkene: betrokkene.uuid });
  }
  const klantcontact = await app.orm.em.fork().findOneOrFail(Klantcontact, { id: betrokkene.hadKlantcontact.id });
  return { klantcontact: klantcontact.uuid, taak: await maakInterneTaak(app, klantcontact.uuid) };
}

const { TELEFOONNUMMER, EMAIL, OVERIG } = SoortDigitaalAdres;

describe(`contactverzoeken by a betrokkene's digitaal adres (${dialect})`, () => {
  it("finds a phone number in every notation, exact and by its digits, and e-mail in any case", async () => {
    const zonderPartij = await contactverzoek([
      ["06-41234567", TELEFOONNUMMER],
      ["Zoë.Visser@Example.nl", EMAIL],
    ]);
    const partij = await maakPartij(app);
    const metPartij = await contactverzoek([["+31 6 41234567", TELEFOONNUMMER]], partij.uuid);
    await contactverzoek([
      ["0641234568", TELEFOONNUMMER],
      ["tel. 06-41234567", OVERIG],
    ]);
    const beide = [zonderPartij.taak, metPartij.taak].sort();

    for (const adres of ["+31641234567", "0641234567", "0031 6 41234567", "06-41234567", "(06) 4123 4567"]) {
      expect(await taken({ adres }), adres).toEqual(beide);
    }
    expect(await taken({ adres: "0641234567", soortDigitaalAdres: "TELEFOONNUMMER" })).toEqual(beide);
    expect(await taken({ adres: "0641234567", soortDigitaalAdres: "EMAIL" })).toEqual([]);
    expect(await taken({ adres: "0641234567", alleenZonderPartij: true })).toEqual([zonderPartij.taak]);
    expect(await taken({ adres: "0641234567", alleenZonderPartij: false })).toEqual(beide);
    expect(await taken({ adres: "064123456" })).toEqual([]);

    expect(await taken({ adres: "zoë.visser@example.nl" })).toEqual([zonderPartij.taak]);
    expect(await taken({ adres: "ZOË.VISSER@EXAMPLE.NL", soortDigitaalAdres: "EMAIL" })).toEqual([zonderPartij.taak]);
    expect(await taken({ adres: "zoe.visser@example.nl" })).toEqual([]);
    expect(await taken({ adres: "visser@example", zoekwijze: "BEVAT" })).toEqual([zonderPartij.taak]);

    // BEVAT on phones compares the digits in E.164: a leading 0 is +31
    expect(await taken({ adres: "06-4123", zoekwijze: "BEVAT", soortDigitaalAdres: "TELEFOONNUMMER" })).toHaveLength(3);
    expect(await taken({ adres: "1234567", zoekwijze: "BEVAT", soortDigitaalAdres: "TELEFOONNUMMER" })).toEqual(beide);
    expect(await taken({ adres: "+31 6 4123 4567", zoekwijze: "BEVAT" })).toEqual(beide);
    expect(await taken({ adres: "0031741234567", zoekwijze: "BEVAT" })).toEqual([]);
    // an OVERIG adres is compared as written, not as a phone number
    expect(await taken({ adres: " tel. 06-41234567 ", soortDigitaalAdres: "OVERIG" })).toHaveLength(1);
    expect(await taken({ adres: "TEL. 06-41234567", soortDigitaalAdres: "OVERIG" })).toEqual([]);
    expect(await taken({ adres: "0641234567", soortDigitaalAdres: "OVERIG" })).toEqual([]);
    expect(await taken({ adres: "TEL. 06-4123", zoekwijze: "BEVAT", soortDigitaalAdres: "OVERIG" })).toHaveLength(1);
    // a blank search finds nothing rather than everything
    expect(await taken({ adres: "  " })).toEqual([]);
    expect(await taken({ adres: "", zoekwijze: "BEVAT" })).toEqual([]);

    // the same filter on klantcontacten
    expect(await klantcontacten({ adres: "+31641234567" })).toEqual([zonderPartij.klantcontact, metPartij.klantcontact].sort());
    expect(await klantcontacten({ adres: "0641234567", alleenZonderPartij: true })).toEqual([zonderPartij.klantcontact]);
  });

  it("sends the same number of SQL statements for 2 and for 12 matching taken", async () => {
    async function count(n: number, adres: string): Promise<number> {
      for (let i = 0; i < n; i++) await contactverzoek([[adres, TELEFOONNUMMER]]);
      const { count, data } = await app.countStatements<{ interneTaken: { edges: unknown[] } }, { zoek: Zoek }>(TAKEN, {
        zoek: { adres: adres.replace(/^0/, "+31") },
      });
      expect(data.interneTaken.edges).toHaveLength(n);
      return count;
    }
    const two = await count(2, "0201111111");
    expect(await count(12, "0202222222")).toBe(two);
  });

  it("finds nothing a restricted client may not see: a vertrouwelijk klantcontact's contactverzoek", async () => {
    const { klantcontact, taak } = await contactverzoek([["0651234567", TELEFOONNUMMER]]);
    const em = app.orm.em.fork();
    await em.nativeUpdate(Klantcontact, { uuid: klantcontact }, { vertrouwelijk: true });
    const zonderVertrouwelijk = testPrincipal(SCOPES.filter((scope) => scope !== "vertrouwelijk.lezen"));
    expect(await taken({ adres: "0651234567" })).toEqual([taak]);
    expect(await taken({ adres: "0651234567" }, zonderVertrouwelijk)).toEqual([]);
  });

  it("refuses the search to a client that may read taken but not klantcontacten: whose number it is stays hidden", async () => {
    const { taak } = await contactverzoek([["0651234599", TELEFOONNUMMER]]);
    const alleenOpvolging = testPrincipal(["opvolging.lezen"]);
    const refused = await app.execute(TAKEN, { zoek: { adres: "0651234599" } }, { principal: alleenOpvolging });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await taken({ adres: "0651234599" }, testPrincipal(["opvolging.lezen", "klantcontacten.lezen"]))).toEqual([taak]);
  });

  it("keeps the search form in step when an adres or its soort changes", async () => {
    const partij = await maakPartij(app);
    const created = await app.ok<{ createDigitaalAdres: { uuid: string } }, Record<string, unknown>>(
      `mutation ($partij: ID) { createDigitaalAdres(input: { adres: "06 12 34 56 78", soortDigitaalAdres: TELEFOONNUMMER, verstrektDoorPartij: $partij }) { uuid } }`,
      { partij: partij.uuid },
    );
    const uuid = created.createDigitaalAdres.uuid;
    const zoek = async (adres: string) => {
      const data = await app.ok<{ digitaleAdressen: { edges: Array<{ node: { uuid: string } }> } }, Record<string, unknown>>(
        `query ($adres: String, $partij: ID) { digitaleAdressen(filter: { adres: $adres, verstrektDoorPartij: $partij }) { edges { node { uuid } } } }`,
        { adres, partij: partij.uuid },
      );
      return data.digitaleAdressen.edges.map((e) => e.node.uuid);
    };
    expect(await zoek("+31612345678")).toEqual([uuid]);

    const update = (input: Record<string, unknown>) =>
      app.ok(`mutation ($uuid: ID!, $input: DigitaalAdresUpdateInput!) { updateDigitaalAdres(uuid: $uuid, input: $input) { uuid } }`, {
        uuid,
        input,
      });
    await update({ adres: "020-765 43 21" });
    expect(await zoek("+31612345678")).toEqual([]);
    expect(await zoek("0207654321")).toEqual([uuid]);
    await update({ adres: "Info@Example.NL", soortDigitaalAdres: "EMAIL" });
    expect(await zoek("info@example.nl")).toEqual([uuid]);
    // a change of other fields leaves it as it was
    await update({ omschrijving: "Werk" });
    expect(await zoek("INFO@example.nl")).toEqual([uuid]);
    const row = await app.orm.em.fork().findOneOrFail(DigitaalAdres, { uuid });
    expect([row.adres, row.zoekadres]).toEqual(["Info@Example.NL", "info@example.nl"]);
  });

  it("answers EXACT from the zoekadres index", async () => {
    const em = app.orm.em.fork() as EntityManager;
    const ctx = new RequestContext(app.orm, app.config, testPrincipal());
    const adressen = ctx.service(DigitaalAdresService);
    for (const zoek of [
      { adres: "06-12345678" },
      { adres: "06-12345678", soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER },
      { adres: "Jan@Example.nl", zoekwijze: Zoekwijze.EXACT },
    ]) {
      // With placeholders, as the subgraph sends it: the statement's text is logged (the values are not).
      const query = em
        .createQueryBuilder(DigitaalAdres)
        .select("id")
        .where(adressen.adresCondition(zoek) as never);
      const { sql, bindings: params } = query.getKnexQuery().toSQL();
      const plan =
        dialect === "postgresql"
          ? await em.transactional(async (tx) => {
              // the test table is tiny: without this the planner rightly prefers a scan
              const run = (statement: string, values: readonly unknown[] = []) =>
                tx.getConnection().execute(statement, [...values], "all", tx.getTransactionContext());
              await run("set local enable_seqscan = off");
              return ((await run(`explain ${sql}`, params)) as Array<{ "QUERY PLAN": string }>).map((r) => r["QUERY PLAN"]);
            })
          : ((await em.getConnection().execute(`explain query plan ${sql}`, [...params])) as Array<{ detail: string }>).map(
              (r) => r.detail,
            );
      expect(plan.join("\n"), JSON.stringify(zoek)).toContain("digitaal_adres_zoekadres_index");
      expect(plan.join("\n")).not.toMatch(/Seq Scan on digitaal_adres|SCAN digitaal_adres\b(?! USING)/);
    }
  });
});

describe(`the order of a partij's digitale adressen (${dialect})`, () => {
  const QUERY = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Partij { uuid digitaleAdressen { adres } } } }`;

  /** A partij with: a plain e-mail, a standaard phone, another plain one, a standaard e-mail and (the voorkeur) an overig adres. */
  async function partijMetAdressen(i: number): Promise<string> {
    const partij = await maakPartij(app);
    const maak = (adres: string, soortDigitaalAdres: SoortDigitaalAdres, isStandaardAdres = false) =>
      maakDigitaalAdres(app, { adres, soortDigitaalAdres, isStandaardAdres, verstrektDoorPartij: partij.uuid });
    await maak(`oud${i}@example.nl`, EMAIL);
    await maak(`06123456${String(i).padStart(2, "0")}`, TELEFOONNUMMER, true);
    await maak(`ander${i}@example.nl`, EMAIL);
    await maak(`standaard${i}@example.nl`, EMAIL, true);
    const voorkeur = await maak(`portaal-${i}`, OVERIG);
    const em = app.orm.em.fork();
    await em.nativeUpdate(
      Partij,
      { id: partij.id },
      { voorkeursDigitaalAdres: (await em.findOneOrFail(DigitaalAdres, { uuid: voorkeur })).id },
    );
    return partij.uuid;
  }

  it("voorkeursDigitaalAdres first, then the standaard adressen, then the rest, each oldest first; constant SQL for many partijen", async () => {
    async function read(n: number) {
      const uuids: string[] = [];
      for (let i = 0; i < n; i++) uuids.push(await partijMetAdressen(i));
      const { count, data } = await app.countStatements<
        { _entities: Array<{ uuid: string; digitaleAdressen: Array<{ adres: string }> }> },
        { representations: unknown[] }
      >(QUERY, { representations: uuids.map((uuid) => ({ __typename: "Partij", uuid })) });
      expect(data._entities).toHaveLength(n);
      for (const node of data._entities) {
        const i = uuids.indexOf(node.uuid);
        expect(node.digitaleAdressen.map((a) => a.adres)).toEqual([
          `portaal-${i}`,
          `06123456${String(i).padStart(2, "0")}`,
          `standaard${i}@example.nl`,
          `oud${i}@example.nl`,
          `ander${i}@example.nl`,
        ]);
      }
      return count;
    }
    const two = await read(2);
    expect(await read(8)).toBe(two);
  });
});
