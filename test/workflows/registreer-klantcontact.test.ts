import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegistreerKlantcontactDocument, type RegistreerBetrokkeneInput, type RegistreerKlantcontactInput } from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { dialect } from "../support/database";
import { maakPartij } from "../support/fixtures";
import { testPrincipal } from "../support/principals";
import { betrokkeneHash } from "../../src/audit/audit-hash";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditSoort } from "../../src/audit/enums";
import { SCOPES } from "../../src/auth/scopes";
import { entities } from "../../src/database/entities";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

/** Rows of every table (but the audit log, which records refused writes by design). */
async function allRows(): Promise<Record<string, number>> {
  const em = app.orm.em.fork();
  const counts: Record<string, number> = {};
  for (const entity of entities) {
    const meta = app.orm.getMetadata().find(entity.name);
    if (!meta || meta.embeddable || entity === AuditRecord) continue;
    counts[entity.name] = await em.count(entity as never, {});
  }
  return counts;
}

/** A BSN that passes the elfproef, different every call. */
let bsnSeed = 100000000;
function nieuwBsn(): string {
  for (;;) {
    const value = String(++bsnSeed);
    const sum = [...value.slice(0, 8)].reduce((s, d, i) => s + (9 - i) * Number(d), 0) - Number(value[8]);
    if (sum % 11 === 0) return value;
  }
}

const medewerker = {
  naam: "Sanne Jansen",
  soortActor: "MEDEWERKER" as const,
  actoridentificator: { objectId: "sanne@gemeente.nl", codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
};
const afdeling = {
  naam: "Afdeling Vergunningen",
  soortActor: "ORGANISATORISCHE_EENHEID" as const,
  actoridentificator: { objectId: "vergunningen", codeObjecttype: "afd", codeRegister: "obj", codeSoortObjectId: "idf" },
};

/** The KISS contactmoment with contactverzoek, with `n` betrokkenen, addresses and zaken. */
function contactverzoek(n = 1, bsn = nieuwBsn()): RegistreerKlantcontactInput {
  const klant: RegistreerBetrokkeneInput = {
    rol: "KLANT",
    initiator: true,
    contactnaam: { voornaam: "Jan", achternaam: "Vries", voorvoegselAchternaam: "de" },
    vindOfMaakPartij: {
      identificator: { codeRegister: "BRP", codeObjecttype: "NATUURLIJK_PERSOON", codeSoortObjectId: "BSN", objectId: bsn },
    },
    nieuweDigitaleAdressen: [
      { adres: "jan@example.nl", soortDigitaalAdres: "EMAIL" },
      { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" },
      ...Array.from({ length: n - 1 }, (_, i) => ({ adres: `jan${i}@example.nl`, soortDigitaalAdres: "EMAIL" as const })),
    ],
  };
  const anderen = Array.from(
    { length: n - 1 },
    (_, i): RegistreerBetrokkeneInput => ({
      rol: "KLANT",
      initiator: false,
      organisatienaam: `Buurvereniging ${i}`,
      nieuweDigitaleAdressen: [{ adres: `buren${i}@example.nl`, soortDigitaalAdres: "EMAIL" }],
    }),
  );
  return {
    klantcontact: {
      kanaal: "telefoon",
      onderwerp: "Parkeervergunning",
      inhoud: "Wanneer wordt mijn aanvraag beoordeeld?",
      taal: "nld",
      vertrouwelijk: false,
      indicatieContactGelukt: true,
    },
    actoren: [{ vindOfMaak: medewerker }],
    betrokkenen: [klant, ...anderen],
    onderwerpobjecten: [
      { zaak: { uuid: "D3C5E6A1-7B8F-4C2D-9E0A-1B2C3D4E5F60" } },
      { zaak: { identificatie: "ZAAK-2026-0000007" } },
      ...Array.from({ length: n - 1 }, (_, i) => ({ zaak: { identificatie: `ZAAK-2026-10000${i}` } })),
    ],
    interneTaak: {
      gevraagdeHandeling: "Terugbellen",
      toelichting: "Graag vóór vrijdag.",
      toegewezenAanActoren: [{ vindOfMaak: afdeling }],
    },
  };
}

const zonder = (...weg: string[]) => testPrincipal(SCOPES.filter((s) => !weg.includes(s)));

describe("registreerKlantcontact", () => {
  it("registers the KISS contactverzoek in one request: partij by BSN, actor, betrokkene with two addresses, task for an afdeling, two zaken", async () => {
    const bsn = nieuwBsn();
    const { registreerKlantcontact: r } = await app.ok(RegistreerKlantcontactDocument, { input: contactverzoek(1, bsn) });
    expect(r.herhaald).toBe(false);
    expect(r.partijen).toEqual([{ aangemaakt: true, partij: { uuid: expect.any(String), bsn } }]);
    expect(r.actoren.map((a) => a.naam)).toEqual(["Sanne Jansen"]);
    expect(r.klantcontact.hadBetrokkenActoren).toEqual([{ uuid: r.actoren[0].uuid }]);
    expect(r.actorKlantcontacten).toHaveLength(1);
    expect(r.betrokkenen).toEqual([
      {
        uuid: expect.any(String),
        rol: "KLANT",
        initiator: true,
        volledigeNaam: "Jan de Vries",
        wasPartij: { uuid: r.partijen[0].partij.uuid },
        digitaleAdressen: r.digitaleAdressen.map(({ uuid, adres }) => ({ uuid, adres })),
      },
    ]);
    expect(r.digitaleAdressen.map((a) => [a.adres, a.soortDigitaalAdres])).toEqual([
      ["jan@example.nl", "EMAIL"],
      ["0612345678", "TELEFOONNUMMER"],
    ]);
    expect(r.onderwerpobjecten.map((o) => o.onderwerpobjectidentificator)).toEqual([
      { objectId: "d3c5e6a1-7b8f-4c2d-9e0a-1b2c3d4e5f60", codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" },
      { objectId: "ZAAK-2026-0000007", codeObjecttype: "zaak", codeRegister: "openzaak", codeSoortObjectId: "identificatie" },
    ]);
    expect(r.klantcontact.gingOverOnderwerpobjecten).toEqual(r.onderwerpobjecten.map(({ uuid }) => ({ uuid })));
    expect(r.interneTaak).toMatchObject({
      gevraagdeHandeling: "Terugbellen",
      status: "TE_VERWERKEN",
      toegewezenAanActoren: [{ naam: "Afdeling Vergunningen" }],
    });

    // the next contact of the same klant finds partij and actors instead of making them
    const { registreerKlantcontact: next } = await app.ok(RegistreerKlantcontactDocument, { input: contactverzoek(1, bsn) });
    expect(next.partijen).toEqual([{ aangemaakt: false, partij: r.partijen[0].partij }]);
    expect(next.actoren).toEqual(r.actoren);
    expect(next.interneTaak!.toegewezenAanActoren).toEqual(r.interneTaak!.toegewezenAanActoren);
  });

  it("sends the same number of SQL statements for 1 and for 5 betrokkenen, addresses and zaken", async () => {
    // warm: the actors exist, so both runs find them
    await app.ok(RegistreerKlantcontactDocument, { input: contactverzoek(1) });
    const one = await app.countStatements(RegistreerKlantcontactDocument, { input: contactverzoek(1) });
    const five = await app.countStatements(RegistreerKlantcontactDocument, { input: contactverzoek(5) });
    expect(five.data.registreerKlantcontact.betrokkenen).toHaveLength(5);
    expect(five.data.registreerKlantcontact.digitaleAdressen).toHaveLength(10);
    expect(five.data.registreerKlantcontact.onderwerpobjecten).toHaveLength(6);
    expect(five.count).toBe(one.count);
  });

  it("refuses an invalid e-mail address on the third betrokkene with its full path, and leaves nothing behind", async () => {
    const input = contactverzoek(3);
    input.betrokkenen![2].nieuweDigitaleAdressen![0].adres = "geen-e-mail";
    input.onderwerpobjecten!.push({ zaak: { uuid: "geen-uuid" } }, { wasKlantcontact: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" });
    const before = await allRows();
    const result = await app.execute(RegistreerKlantcontactDocument, { input, sleutel: "mislukt-1" });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([
      ["betrokkenen.2.nieuweDigitaleAdressen.0.adres", "invalid"],
      ["onderwerpobjecten.4.zaak.uuid", "invalid"],
      ["onderwerpobjecten.5.wasKlantcontact", "does_not_exist"],
    ]);
    expect(await allRows()).toEqual(before);
    // the key of a refused call is not used up
    expect(
      (await app.ok(RegistreerKlantcontactDocument, { input: contactverzoek(1), sleutel: "mislukt-1" })).registreerKlantcontact.herhaald,
    ).toBe(false);
  });

  it("answers a retry with the same key with the first result, writing nothing; another input with that key is a conflict", async () => {
    const input = contactverzoek(2);
    const sleutel = `kiss-${randomBytes(4).toString("hex")}`;
    const first = (await app.ok(RegistreerKlantcontactDocument, { input, sleutel })).registreerKlantcontact;
    const before = await allRows();
    const retry = (await app.ok(RegistreerKlantcontactDocument, { input, sleutel })).registreerKlantcontact;
    expect(retry).toEqual({ ...first, herhaald: true });
    expect(await allRows()).toEqual(before);

    const other = await app.execute(RegistreerKlantcontactDocument, {
      input: { ...input, klantcontact: { ...input.klantcontact, onderwerp: "Iets anders" } },
      sleutel,
    });
    expect(invalidParams(other)).toEqual([["idempotentieSleutel", "conflict"]]);
    // keys are per client: another client may use the same one
    const elders = await app.ok(
      RegistreerKlantcontactDocument,
      { input, sleutel },
      { principal: testPrincipal(SCOPES, { clientId: "ander" }) },
    );
    expect(elders.registreerKlantcontact.herhaald).toBe(false);
    expect(await allRows()).not.toEqual(before);
  });

  it("answers a retry whose first klantcontact has been deleted since with NOT_FOUND, writing nothing", async () => {
    const input = contactverzoek(1);
    const sleutel = `verwijderd-${randomBytes(4).toString("hex")}`;
    const first = (await app.ok(RegistreerKlantcontactDocument, { input, sleutel })).registreerKlantcontact;
    const deleted = await app.execute("mutation ($uuid: ID!) { deleteKlantcontact(uuid: $uuid) }", { uuid: first.klantcontact.uuid });
    expect(deleted.errors).toBeUndefined();
    const before = await allRows();
    const retry = await app.execute(RegistreerKlantcontactDocument, { input, sleutel });
    expect(retry.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(await allRows()).toEqual(before);
  });

  it(`writes once for two concurrent calls with one key (${dialect})`, async () => {
    const input = contactverzoek(1);
    const sleutel = `gelijktijdig-${randomBytes(4).toString("hex")}`;
    const before = await allRows();
    const [a, b] = await Promise.all([
      app.ok(RegistreerKlantcontactDocument, { input, sleutel }),
      app.ok(RegistreerKlantcontactDocument, { input, sleutel }),
    ]);
    expect(a.registreerKlantcontact.klantcontact.uuid).toBe(b.registreerKlantcontact.klantcontact.uuid);
    expect([a, b].map((r) => r.registreerKlantcontact.herhaald).sort()).toEqual([false, true]);
    const after = await allRows();
    expect(after.Klantcontact).toBe(before.Klantcontact + 1);
    expect(after.IdempotencyKey).toBe(before.IdempotencyKey + 1);
  });

  it("refuses missing scopes before writing anything", async () => {
    const before = await allRows();
    const input = contactverzoek(1);
    for (const scope of ["klantcontacten.schrijven", "partijen.schrijven", "identificatoren.lezen", "opvolging.schrijven"]) {
      expect([scope, errorCode(await app.execute(RegistreerKlantcontactDocument, { input }, { principal: zonder(scope) }))]).toEqual([
        scope,
        "FORBIDDEN",
      ]);
    }
    expect(await allRows()).toEqual(before);
  });

  it("lets a citizen register only its own question, without actors or a task", async () => {
    const bsn = nieuwBsn();
    const burger = testPrincipal(SCOPES, { burger: { bsn } });
    const eigen = await maakPartij(app, { bsn });
    const vraag: RegistreerKlantcontactInput = {
      klantcontact: { kanaal: "Mijn Omgeving", onderwerp: "Vraag over mijn aanslag", taal: "nld", vertrouwelijk: false },
      betrokkenen: [
        {
          rol: "KLANT",
          initiator: true,
          wasPartij: eigen.uuid,
          nieuweDigitaleAdressen: [{ adres: "ik@example.nl", soortDigitaalAdres: "EMAIL" }],
        },
      ],
    };
    const { registreerKlantcontact } = await app.ok(RegistreerKlantcontactDocument, { input: vraag }, { principal: burger });
    expect(registreerKlantcontact.betrokkenen[0].wasPartij).toEqual({ uuid: eigen.uuid });

    const before = await allRows();
    const ander = await maakPartij(app, { bsn: nieuwBsn() });
    const refused = [
      { ...vraag, actoren: [{ vindOfMaak: medewerker }] },
      { ...vraag, interneTaak: { gevraagdeHandeling: "Terugbellen", toegewezenAanActoren: [{ vindOfMaak: afdeling }] } },
      { ...vraag, betrokkenen: [{ ...vraag.betrokkenen![0], initiator: false }] },
    ];
    for (const input of refused)
      expect(errorCode(await app.execute(RegistreerKlantcontactDocument, { input }, { principal: burger }))).toBe("FORBIDDEN");
    const anderman = await app.execute(
      RegistreerKlantcontactDocument,
      { input: { ...vraag, betrokkenen: [{ ...vraag.betrokkenen![0], wasPartij: ander.uuid }] } },
      { principal: burger },
    );
    expect(invalidParams(anderman)).toEqual([["betrokkenen.0.wasPartij", "does_not_exist"]]);
    expect({ ...(await allRows()), Partij: before.Partij }).toEqual({ ...before, PartijIdentificator: before.PartijIdentificator + 1 });
  });

  it("reports the partijen it wrote to the audit log, as maakKlantcontact does", async () => {
    const bsn = nieuwBsn();
    const traceId = randomBytes(16).toString("hex");
    const headers = { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` };
    await app.ok(RegistreerKlantcontactDocument, { input: contactverzoek(1, bsn) }, { headers });
    const records = await app.orm.em.fork().find(AuditRecord, { traceId, soort: AuditSoort.SCHRIJVEN });
    expect(records.map((r) => r.betrokkeneHash)).toContain(betrokkeneHash({ bsn }, app.config.audit.hashKey));
  });
});
