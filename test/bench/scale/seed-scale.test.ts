import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../../src/auth/scopes";
import {
  checkBic,
  checkBsn,
  checkEmail,
  checkIban,
  checkKvkNummer,
  checkLand,
  checkNummeraanduidingId,
  checkPostcode,
  checkRsin,
  checkTelefoonnummer,
  checkVestigingsnummer,
  type Check,
} from "../../../src/common/validators";
import { zoekadres } from "../../../src/partijen/digitaal-adres.normalisation";
import type { SoortDigitaalAdres } from "../../../src/partijen/enums";
import { SeedScaleKlantbeeldDocument, SeedScaleNieuwePartijDocument, SeedScaleWerkvoorraadDocument } from "../../generated/graphql";
import { TestApp } from "../../support/app";
import { dialect } from "../../support/database";
import { testPrincipal } from "../../support/principals";
import { planFor } from "./generate";
import { SeedRefusedError, seedScale, type SeedScaleSummary } from "./seed-scale";
import { TABLE_NAMES } from "./tables";

/**
 * seed:scale on a small municipality (300 partijen), on the database the tests run on (SQLite, or
 * PostgreSQL with DATABASE_URL), migrated by TestApp exactly as the CLI's openDatabase does: the
 * data passes the application's own checks, reads through the GraphQL API, has the promised
 * spread, and a second seed is refused unless it replaces.
 */

const PARTIJEN = 300;
const SEED = 7;

let app: TestApp;
let summary: SeedScaleSummary;
let catalogueBefore: unknown[];
let settingsBefore: unknown[];
/** Of the rows as the first seed wrote them, before any test adds to them. */
let seededFingerprint: string;

async function rows<T>(sql: string): Promise<T[]> {
  return (await app.orm.em.getConnection().execute(sql)) as T[];
}

async function count(sql: string): Promise<number> {
  const [row] = await rows<{ n: number | string }>(sql);
  return Number(row.n);
}

/** Every index and constraint of the schema, to see that the load put back what it took off. */
function catalogue(): Promise<unknown[]> {
  return dialect === "postgresql"
    ? rows(
        `select 'constraint' as kind, conname as name, pg_get_constraintdef(oid) as definition, convalidated as valid
           from pg_constraint where connamespace = current_schema()::regnamespace
         union all
         select 'index', indexname, indexdef, true from pg_indexes where schemaname = current_schema()
         order by kind, name`,
      )
    : rows("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name");
}

/** The connection settings the load changes for its duration (SQLite; PostgreSQL's are per transaction). */
async function settings(): Promise<unknown[]> {
  if (dialect === "postgresql") return [];
  return Promise.all(["synchronous", "cache_size", "threads", "foreign_keys"].map((name) => rows(`pragma ${name}`)));
}

/** A fingerprint of the rows that a seed decides (uuids and the values drawn), to compare two runs. */
async function fingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const table of ["partij", "partij_identificator", "digitaal_adres", "klantcontact", "interne_taak"]) {
    for (const row of await rows<Record<string, unknown>>(`select * from ${table} order by id`)) {
      hash.update(JSON.stringify(Object.values(row).map((v) => (v instanceof Date ? v.getTime() : v))));
    }
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  app = await TestApp.start();
  catalogueBefore = await catalogue();
  settingsBefore = await settings();
  summary = await seedScale(app.orm, { partijen: PARTIJEN, seed: SEED });
  seededFingerprint = await fingerprint();
});

afterAll(() => app?.stop());

describe("the seeded rows pass the application's own rules", () => {
  it("writes what the summary says, table by table", async () => {
    expect(summary.dialect).toBe(dialect);
    for (const table of TABLE_NAMES) {
      expect(await count(`select count(*) as n from ${table}`), table).toBe(summary.rows[table]);
    }
    expect(summary.rows.partij).toBe(PARTIJEN);
    expect(await count("select count(*) as n from audit_record")).toBe(0);
  });

  it("gives every identificator a valid number under the codes the application accepts", async () => {
    const identificatoren = await rows<{ code_soort_object_id: string; code_objecttype: string; code_register: string; object_id: string }>(
      "select code_soort_object_id, code_objecttype, code_register, object_id from partij_identificator",
    );
    const rules: Record<string, { check: Check; objecttype: string; register: string }> = {
      bsn: { check: checkBsn, objecttype: "natuurlijk_persoon", register: "brp" },
      rsin: { check: checkRsin, objecttype: "niet_natuurlijk_persoon", register: "hr" },
      kvk_nummer: { check: checkKvkNummer, objecttype: "niet_natuurlijk_persoon", register: "hr" },
      vestigingsnummer: { check: checkVestigingsnummer, objecttype: "vestiging", register: "hr" },
    };
    const seen = new Set<string>();
    for (const id of identificatoren) {
      const rule = rules[id.code_soort_object_id];
      expect(rule, id.code_soort_object_id).toBeDefined();
      expect(rule.check(id.object_id), `${id.code_soort_object_id} ${id.object_id}`).toBeNull();
      expect([id.code_objecttype, id.code_register]).toEqual([rule.objecttype, rule.register]);
      seen.add(id.code_soort_object_id);
    }
    expect([...seen].sort()).toEqual(["bsn", "kvk_nummer", "rsin", "vestigingsnummer"]);

    // A vestigingsnummer falls under a KvK-nummer, of its own partij or of the head office's.
    expect(
      await count(
        `select count(*) as n from partij_identificator v left join partij_identificator k on k.id = v.sub_identificator_van_id
          where v.code_soort_object_id = 'vestigingsnummer' and (k.id is null or k.code_soort_object_id <> 'kvk_nummer')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from partij_identificator v join partij_identificator k on k.id = v.sub_identificator_van_id
          where v.code_soort_object_id = 'vestigingsnummer' and v.identificeerde_partij_id <> k.identificeerde_partij_id`,
      ),
    ).toBeGreaterThan(0);
  });

  it("writes e-mail addresses and phone numbers that pass the checks, with the application's zoekadres", async () => {
    const adressen = await rows<{ adres: string; zoekadres: string; soort_digitaal_adres: SoortDigitaalAdres; partij: unknown }>(
      "select adres, zoekadres, soort_digitaal_adres, verstrekt_door_partij_id as partij from digitaal_adres",
    );
    const check: Record<string, Check> = { email: checkEmail, telefoonnummer: checkTelefoonnummer };
    for (const { adres, zoekadres: stored, soort_digitaal_adres: soort } of adressen) {
      expect(check[soort](adres), `${soort} ${adres}`).toBeNull();
      expect(stored, adres).toBe(zoekadres(soort, adres));
    }
    // Written the way people write them: the search form differs from many.
    expect(adressen.filter((a) => a.adres !== a.zoekadres).length).toBeGreaterThan(adressen.length / 10);
    // Given by partijen, and by betrokkenen for a call-back.
    expect(adressen.some((a) => a.partij === null)).toBe(true);

    const actoren = await rows<{ emailadres: string | null; telefoonnummer: string | null }>(
      "select emailadres, telefoonnummer from actor",
    );
    for (const actor of actoren) {
      if (actor.emailadres) expect(checkEmail(actor.emailadres), actor.emailadres).toBeNull();
      if (actor.telefoonnummer) expect(checkTelefoonnummer(actor.telefoonnummer), actor.telefoonnummer).toBeNull();
    }
  });

  it("writes rekeningnummers that pass the checks, and vertegenwoordigingen between two partijen", async () => {
    const rekeningen = await rows<{ iban: string; bic: string }>("select iban, bic from rekeningnummer");
    expect(rekeningen.length).toBeGreaterThan(0);
    for (const { iban, bic } of rekeningen) {
      expect(checkIban(iban), iban).toBeNull();
      if (bic !== "") expect(checkBic(bic), bic).toBeNull();
    }
    expect(await count("select count(*) as n from vertegenwoordiging")).toBeGreaterThan(0);
  });

  it("writes adressen that pass the checks", async () => {
    const adressen = await rows<{
      nummeraanduiding: string | null;
      postcode: string | null;
      land: string | null;
      huisnummer: number | null;
    }>(
      `select bezoekadres_nummeraanduiding_id as nummeraanduiding, bezoekadres_postcode as postcode, bezoekadres_land as land, bezoekadres_huisnummer as huisnummer from partij
       union all
       select correspondentieadres_nummeraanduiding_id, correspondentieadres_postcode, correspondentieadres_land, correspondentieadres_huisnummer from partij`,
    );
    expect(adressen.filter((a) => a.postcode !== null).length).toBeGreaterThan(PARTIJEN / 2);
    for (const a of adressen) {
      if (a.nummeraanduiding !== null) expect(checkNummeraanduidingId(a.nummeraanduiding)).toBeNull();
      if (a.postcode !== null) expect(checkPostcode(a.postcode), a.postcode).toBeNull();
      if (a.land !== null) expect(checkLand(a.land)).toBeNull();
      if (a.huisnummer !== null) expect(a.huisnummer).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives every row a unique lower-case version 4 uuid", async () => {
    for (const table of TABLE_NAMES) {
      const uuids = (await rows<{ uuid: string }>(`select uuid from ${table}`)).map((r) => String(r.uuid));
      expect(new Set(uuids).size, table).toBe(uuids.length);
      for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it("keeps the foreign keys and puts back every index and constraint it took off for the load", async () => {
    expect(await catalogue()).toEqual(catalogueBefore);
    expect(await settings()).toEqual(settingsBefore);
    if (dialect === "sqlite") expect(await rows("pragma foreign_key_check")).toEqual([]);
    // The rules the services keep: a partij's voorkeur is one of its own addresses, every
    // klantcontact has one klant, an answer points at an earlier contact of the same partij.
    expect(
      await count(
        `select count(*) as n from partij p join digitaal_adres d on d.id = p.voorkeurs_digitaal_adres_id where d.verstrekt_door_partij_id <> p.id`,
      ),
    ).toBe(0);
    expect(await count("select count(*) as n from partij where voorkeurs_digitaal_adres_id is not null")).toBeGreaterThan(0);
    expect(
      await count(
        `select count(*) as n from klantcontact k where (select count(*) from betrokkene b where b.had_klantcontact_id = k.id and b.rol = 'klant') <> 1`,
      ),
    ).toBe(0);
    const antwoorden = await rows<{ same: number | boolean; earlier: number | boolean }>(
      `select (qb.was_partij_id = ab.was_partij_id) as same, (q.plaatsgevonden_op <= a.plaatsgevonden_op) as earlier
         from onderwerpobject o
         join klantcontact a on a.id = o.klantcontact_id join betrokkene ab on ab.had_klantcontact_id = a.id and ab.rol = 'klant'
         join klantcontact q on q.id = o.was_klantcontact_id join betrokkene qb on qb.had_klantcontact_id = q.id and qb.rol = 'klant'`,
    );
    expect(antwoorden.length).toBeGreaterThan(0);
    for (const a of antwoorden) expect([Boolean(a.same), Boolean(a.earlier)]).toEqual([true, true]);
  });
});

describe("the spread of the data", () => {
  it("gives a partij about ten klantcontacten on average, with a long tail", async () => {
    const perPartij = (
      await rows<{ n: number | string }>(
        `select count(b.id) as n from partij p left join betrokkene b on b.was_partij_id = p.id and b.rol = 'klant' group by p.id`,
      )
    ).map((r) => Number(r.n));
    expect(perPartij).toHaveLength(PARTIJEN);
    const mean = perPartij.reduce((a, b) => a + b, 0) / perPartij.length;
    const sorted = [...perPartij].sort((a, b) => a - b);
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(12);
    expect(sorted[sorted.length - 1]).toBe(summary.langsteHistorie);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(8 * mean);
    // Skewed: most have fewer than the mean, some none at all.
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(mean);
    expect(sorted[0]).toBe(0);
  });

  it("plans tens of thousands of klantcontacten for a few partijen at municipal scale", () => {
    const plan = planFor(100_000);
    expect(plan.lang.filter((l) => l.klantcontacten >= 20_000).length).toBeGreaterThanOrEqual(3);
    expect(plan.actoren).toBeGreaterThanOrEqual(200);
    const total = plan.lang.reduce((sum, l) => sum + l.klantcontacten, 0) + plan.gewoneGemiddelde * (plan.partijen - plan.lang.length);
    expect(total / plan.partijen).toBeCloseTo(10, 5);
  });

  it("holds what access rules hide: partijen with geheimhouding, vertrouwelijke klantcontacten, open and closed taken", async () => {
    expect(await count("select count(*) as n from partij where indicatie_geheimhouding = true")).toBeGreaterThan(0);
    expect(await count("select count(*) as n from klantcontact where vertrouwelijk = true")).toBeGreaterThan(0);
    const statussen = await rows<{ status: string; n: number | string }>(
      "select status, count(*) as n from interne_taak group by status order by status",
    );
    expect(statussen.map((s) => s.status)).toEqual(["te_verwerken", "verwerkt"]);
    expect(await count("select count(*) as n from interne_taak where status = 'verwerkt' and afgehandeld_op is null")).toBe(0);
    expect(await count("select count(*) as n from interne_taak where status = 'te_verwerken' and afgehandeld_op is not null")).toBe(0);
    expect(
      await count(
        `select count(*) as n from interne_taak t join klantcontact k on k.id = t.aanleidinggevend_klantcontact_id
          where t.toegewezen_op < k.plaatsgevonden_op or t.afgehandeld_op < t.toegewezen_op`,
      ),
    ).toBe(0);
    const soorten = await rows<{ soort_actor: string }>("select distinct soort_actor from actor order by soort_actor");
    expect(soorten.map((s) => s.soort_actor)).toEqual(["geautomatiseerde_actor", "medewerker", "organisatorische_eenheid"]);
    const links = await rows<{ code: string }>(
      "select distinct onderwerpobjectidentificator_code_soort_object_id as code from onderwerpobject order by code",
    );
    expect(links.map((l) => l.code)).toEqual(expect.arrayContaining(["identificatie", "uuid"]));
    const identificaties = await rows<{ id: string }>(
      "select onderwerpobjectidentificator_object_id as id from onderwerpobject where onderwerpobjectidentificator_code_soort_object_id = 'identificatie'",
    );
    for (const { id } of identificaties) expect(id).toMatch(/^ZAAK-20\d\d-\d{7}$/);
  });
});

describe("the seeded data through the GraphQL API", () => {
  async function klantcontactenVan(partijId: number, zonderVertrouwelijk = false): Promise<number> {
    return count(
      `select count(distinct k.id) as n from betrokkene b join klantcontact k on k.id = b.had_klantcontact_id
        where b.was_partij_id = ${partijId}${zonderVertrouwelijk ? " and k.vertrouwelijk = false" : ""}`,
    );
  }

  it("answers the klantbeeld of partijen by BSN, the longest history too, as the rows say", async () => {
    const partijen = await rows<{ id: number; bsn: string; adressen: number | string; open: number | string }>(
      `select p.id, i.object_id as bsn,
              (select count(*) from digitaal_adres d where d.verstrekt_door_partij_id = p.id) as adressen,
              (select count(distinct t.id) from betrokkene b join interne_taak t on t.aanleidinggevend_klantcontact_id = b.had_klantcontact_id
                where b.was_partij_id = p.id and t.status = 'te_verwerken') as open
         from partij p join partij_identificator i on i.identificeerde_partij_id = p.id and i.code_soort_object_id = 'bsn'
        order by (select count(*) from betrokkene b where b.was_partij_id = p.id) desc, p.id
        limit 6`,
    );
    expect(partijen).toHaveLength(6);
    for (const partij of partijen) {
      const result = await app.execute(SeedScaleKlantbeeldDocument, { bsn: partij.bsn });
      expect(result.errors).toBeUndefined();
      const node = result.data!.partijen.edges[0]!.node;
      const total = await klantcontactenVan(partij.id);
      expect(node.bsn).toBe(partij.bsn);
      expect(node.digitaleAdressen).toHaveLength(Number(partij.adressen));
      expect(node.klantcontacten.totalCount).toBe(total);
      expect(node.klantcontacten.edges).toHaveLength(Math.min(20, total));
      expect(node.interneTaken.totalCount).toBe(Number(partij.open));
      for (const { node: contact } of node.klantcontacten.edges) {
        expect(contact.hadBetrokkenActoren.length).toBeGreaterThan(0);
        expect(contact.hadBetrokkenen.filter((b) => b.rol === "KLANT")).toHaveLength(1);
      }
    }
    expect(await klantcontactenVan(partijen[0].id)).toBe(summary.langsteHistorie);
  });

  it("hides partijen with geheimhouding and vertrouwelijke klantcontacten from a client without those scopes", async () => {
    const beperkt = testPrincipal(SCOPES.filter((scope) => scope !== "geheimhouding.lezen" && scope !== "vertrouwelijk.lezen"));
    const [geheim] = await rows<{ bsn: string }>(
      `select i.object_id as bsn from partij p join partij_identificator i on i.identificeerde_partij_id = p.id
        where p.indicatie_geheimhouding = true and i.code_soort_object_id = 'bsn' order by p.id limit 1`,
    );
    expect(geheim).toBeDefined();
    expect((await app.ok(SeedScaleKlantbeeldDocument, { bsn: geheim.bsn })).partijen.edges).toHaveLength(1);
    expect((await app.ok(SeedScaleKlantbeeldDocument, { bsn: geheim.bsn }, { principal: beperkt })).partijen.edges).toHaveLength(0);

    const [vertrouwelijk] = await rows<{ id: number; bsn: string }>(
      `select p.id, i.object_id as bsn from partij p join partij_identificator i on i.identificeerde_partij_id = p.id and i.code_soort_object_id = 'bsn'
        where (p.indicatie_geheimhouding is null or p.indicatie_geheimhouding = false)
          and exists (select 1 from betrokkene b join klantcontact k on k.id = b.had_klantcontact_id where b.was_partij_id = p.id and k.vertrouwelijk = true)
        order by p.id limit 1`,
    );
    expect(vertrouwelijk).toBeDefined();
    const seen = (await app.ok(SeedScaleKlantbeeldDocument, { bsn: vertrouwelijk.bsn }, { principal: beperkt })).partijen.edges[0]!.node;
    expect(seen.klantcontacten.totalCount).toBe(await klantcontactenVan(vertrouwelijk.id, true));
    expect(seen.klantcontacten.totalCount).toBeLessThan(await klantcontactenVan(vertrouwelijk.id));
  });

  it("answers the work queue of the busiest actor, oldest first", async () => {
    const [actor] = await rows<{ uuid: string; open: number | string }>(
      `select a.uuid, count(*) as open from actor a join toewijzing w on w.actor_id = a.id join interne_taak t on t.id = w.interne_taak_id
        where t.status = 'te_verwerken' group by a.id, a.uuid order by count(*) desc, a.id limit 1`,
    );
    const result = await app.ok(SeedScaleWerkvoorraadDocument, { actor: String(actor.uuid) });
    const taken = result.actor!.interneTaken;
    expect(taken.totalCount).toBe(Number(actor.open));
    expect(taken.edges).toHaveLength(Math.min(50, Number(actor.open)));
    const tijden = taken.edges.map((e) => Date.parse(e.node.toegewezenOp));
    expect(tijden).toEqual([...tijden].sort((a, b) => a - b));
  });

  it("lets the application add partijen after the seeded ones (the id sequences continue)", async () => {
    const created = await app.ok(SeedScaleNieuwePartijDocument, {
      input: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        partijIdentificatie: { contactnaam: { voornaam: "Nieuw", achternaam: "Na de seed" } },
      },
    });
    const [row] = await rows<{ id: number }>(`select id from partij where uuid = '${created.createPartij.uuid}'`);
    expect(Number(row.id)).toBe(PARTIJEN + 1);
  });
});

describe("a second seed", () => {
  it("is refused on a database that holds partijen, and writes nothing", async () => {
    const before = await count("select count(*) as n from klantcontact");
    const refused = seedScale(app.orm, { partijen: 10, seed: SEED });
    await expect(refused).rejects.toBeInstanceOf(SeedRefusedError);
    await expect(refused).rejects.toThrow(
      `the database already holds ${PARTIJEN + 1} partijen: run seed:scale with --replace to empty it first`,
    );
    expect(await count("select count(*) as n from klantcontact")).toBe(before);
  });

  it("with replace empties every table first, and writes the same rows for the same seed", async () => {
    expect(await count("select count(*) as n from audit_record")).toBeGreaterThan(0);
    const again = await seedScale(app.orm, { partijen: PARTIJEN, seed: SEED, replace: true });
    expect(again.rows).toEqual(summary.rows);
    expect(await count("select count(*) as n from partij")).toBe(PARTIJEN);
    expect(await count("select count(*) as n from audit_record")).toBe(0);
    expect(await fingerprint()).toBe(seededFingerprint);
    expect(await catalogue()).toEqual(catalogueBefore);

    await seedScale(app.orm, { partijen: PARTIJEN, seed: SEED + 1, replace: true });
    expect(await fingerprint()).not.toBe(seededFingerprint);
  });
});
