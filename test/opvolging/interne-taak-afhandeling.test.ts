import type { EntityClass } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "../../src/auth/scopes";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Bijlage } from "../../src/klantcontacten/bijlage.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import {
  AfhandelingVraagDocument,
  AuditRecordsDocument,
  BetrokkeneCreateDocument,
  HandelInterneTaakAfDocument,
  InterneTaakCreateDocument,
  InterneTaakOpUuidDocument,
  KlantcontactCreateDocument,
  StuurInterneTaakDoorDocument,
  type AntwoordKlantcontactInput,
  type HandelInterneTaakAfInput,
  type StuurInterneTaakDoorInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp, type Result } from "../support/app";
import { elfproefNummer, maakActor, maakPartij, rows, zetToegewezenOp } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * Issue 8 item 4: what ITA does with a contactverzoek, each in one request. handelInterneTaakAf
 * closes a task, optionally with the answer to the customer (C2984, C9708); stuurInterneTaakDoor
 * passes a task that reached the wrong desk on (C6114).
 */

let app: TestApp;
let medewerker: string;
let collega: string;
let afdeling: string;

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());
const LANG_GELEDEN = new Date(Date.UTC(2026, 0, 5, 8, 30));

beforeAll(async () => {
  app = await TestApp.start();
  medewerker = await maakActor(app, "Sanne Jansen");
  collega = await maakActor(app, "Piet de Boer");
  afdeling = await maakActor(app, "Afdeling Vergunningen");
});
afterAll(() => app.stop());

/** A question (klantcontact) with these betrokkenen, as KISS registers a contactverzoek. */
async function vraag(options: { betrokkenen?: number; vertrouwelijk?: boolean } = {}): Promise<{ uuid: string; partij: string }> {
  const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
    input: {
      kanaal: "telefoon",
      onderwerp: "Parkeervergunning",
      inhoud: "Wanneer wordt mijn aanvraag beoordeeld?",
      taal: "nld",
      vertrouwelijk: options.vertrouwelijk ?? false,
    },
  });
  const partij = (await maakPartij(app, { bsn: elfproefNummer() })).uuid;
  for (let i = 0; i < (options.betrokkenen ?? 1); i++) {
    await app.ok(BetrokkeneCreateDocument, {
      input:
        i === 0
          ? {
              hadKlantcontact: createKlantcontact.uuid,
              wasPartij: partij,
              rol: "KLANT",
              initiator: true,
              contactnaam: { voornaam: "Jan", achternaam: "de Vries" },
              bezoekadres: { straatnaam: "Dorpsstraat", huisnummer: 12, postcode: "1234 AB", stad: "Ons Dorp" },
            }
          : { hadKlantcontact: createKlantcontact.uuid, rol: "VERTEGENWOORDIGER", initiator: false, organisatienaam: `Bureau ${i}` },
    });
  }
  return { uuid: createKlantcontact.uuid, partij };
}

/** A task to handle on the question with this uuid, assigned to `actoren` (default: the afdeling). */
async function taak(klantcontact: string, actoren: string[] = [afdeling]) {
  const { createInterneTaak } = await app.ok(InterneTaakCreateDocument, {
    input: {
      gevraagdeHandeling: "Terugbellen",
      aanleidinggevendKlantcontact: klantcontact,
      toegewezenAanActoren: actoren,
      toelichting: "Graag vóór vrijdag; klant is 's middags bereikbaar.",
      status: "TE_VERWERKEN",
    },
  });
  return createInterneTaak;
}

function antwoord(extra: Partial<AntwoordKlantcontactInput> = {}): AntwoordKlantcontactInput {
  return {
    kanaal: "e-mail",
    onderwerp: "Uw aanvraag parkeervergunning",
    inhoud: "Uw aanvraag wordt deze week beoordeeld.",
    taal: "nld",
    vertrouwelijk: false,
    actoren: op(medewerker),
    bijlagen: [
      {
        objectId: "98728a09-daa4-41cb-9d10-b44c0d89ebe8",
        codeObjecttype: "email",
        codeRegister: "bijlagen-register",
        codeSoortObjectId: "uuid",
      },
    ],
    ...extra,
  };
}

const TABELLEN: Array<EntityClass<object>> = [
  Actor,
  Klantcontact,
  Betrokkene,
  Onderwerpobject,
  ActorKlantcontact,
  Bijlage,
  InterneTaak,
  Toewijzing,
];

/** Row counts of every table a workflow writes, and the stored state of the task. */
async function toestand(taakUuid: string) {
  const counts = await Promise.all(TABELLEN.map((tabel) => rows(app, tabel)));
  const stored = await app.orm.em.fork().findOneOrFail(InterneTaak, { uuid: taakUuid }, { populate: ["*"] as never });
  const toewijzingen = await app.orm.em.fork().find(Toewijzing, { interneTaak: stored.id }, { orderBy: { id: "asc" } });
  return {
    counts,
    taak: [stored.status, stored.toelichting, stored.afgehandeldOp?.toISOString() ?? null, stored.toegewezenOp.toISOString()],
    toewijzingen: toewijzingen.map((t) => t.actor.id),
  };
}

/** A mutation that must be refused with `code` and leave every table as it was; returns its invalidParams. */
async function weigert(taakUuid: string, code: string, run: () => Promise<Result<unknown>>): Promise<Array<[string, string]>> {
  const voor = await toestand(taakUuid);
  const result = await run();
  expect(errorCode(result)).toBe(code);
  expect(await toestand(taakUuid)).toEqual(voor);
  return invalidParams(result);
}

/** Actors named by uuid, as ActorVerwijzingInput. */
const op = (...uuids: string[]) => uuids.map((uuid) => ({ uuid }));

/** The identificator of a medewerker in the municipality's directory (as KISS sends it). */
const identificator = (objectId: string) => ({ objectId, codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" });
/** An actor found by its actoridentificator, or made with this naam when absent. */
const vindOfMaak = (naam: string, objectId: string) => ({
  vindOfMaak: { naam, soortActor: "MEDEWERKER" as const, actoridentificator: identificator(objectId) },
});
let volgnummer = 0;
/** An objectId no actor has yet. */
const nieuwId = () => `medewerker-${++volgnummer}@gemeente.nl`;

const handelAf = (uuid: string, input?: HandelInterneTaakAfInput, principal = testPrincipal()) =>
  app.execute(HandelInterneTaakAfDocument, { uuid, input }, { principal });
const stuurDoor = (uuid: string, input: StuurInterneTaakDoorInput, principal = testPrincipal()) =>
  app.execute(StuurInterneTaakDoorDocument, { uuid, input }, { principal });

describe("handelInterneTaakAf", () => {
  it("closes a task: verwerkt, afgehandeldOp now, the toelichting as it was unless given (C2984)", async () => {
    const kc = await vraag();
    const eerste = await taak(kc.uuid);
    const voor = Date.now();
    const { handelInterneTaakAf } = await app.ok(HandelInterneTaakAfDocument, { uuid: eerste.uuid });
    expect(handelInterneTaakAf).toMatchObject({
      interneTaak: { uuid: eerste.uuid, status: "VERWERKT", toelichting: eerste.toelichting, toegewezenAanActoren: [{ uuid: afdeling }] },
      antwoord: null,
      onderwerpobject: null,
      betrokkenen: [],
    });
    expect(Date.parse(iso(handelInterneTaakAf.interneTaak.afgehandeldOp)!)).toBeGreaterThanOrEqual(voor - 1000);
    // what it answered is what is stored
    const { interneTaak } = await app.ok(InterneTaakOpUuidDocument, { uuid: eerste.uuid });
    expect(iso(interneTaak?.afgehandeldOp)).toBe(iso(handelInterneTaakAf.interneTaak.afgehandeldOp));
    expect(interneTaak?.status).toBe("VERWERKT");

    const tweede = await taak(kc.uuid);
    const metToelichting = await app.ok(HandelInterneTaakAfDocument, {
      uuid: tweede.uuid,
      input: { toelichting: "Klant gebeld, vraag beantwoord." },
    });
    expect(metToelichting.handelInterneTaakAf.interneTaak.toelichting).toBe("Klant gebeld, vraag beantwoord.");
    // no answer: no klantcontact was written
    expect((await app.ok(AfhandelingVraagDocument, { uuid: kc.uuid })).klantcontact?.wasOnderwerpobjecten).toEqual([]);
  });

  it("registers the answer as a klantcontact about the question, with its betrokkenen carried over (C9708)", async () => {
    const kc = await vraag({ betrokkenen: 2 });
    const open = await taak(kc.uuid);
    const { handelInterneTaakAf: result } = await app.ok(HandelInterneTaakAfDocument, {
      uuid: open.uuid,
      input: { antwoord: antwoord({ actoren: op(medewerker, collega) }) },
    });
    expect(result.interneTaak.status).toBe("VERWERKT");
    const answer = result.antwoord!;
    expect(answer).toMatchObject({
      kanaal: "e-mail",
      onderwerp: "Uw aanvraag parkeervergunning",
      inhoud: "Uw aanvraag wordt deze week beoordeeld.",
      hadBetrokkenActoren: [{ uuid: medewerker }, { uuid: collega }],
      omvatteBijlagen: [
        {
          bijlageidentificator: {
            objectId: "98728a09-daa4-41cb-9d10-b44c0d89ebe8",
            codeObjecttype: "email",
            codeRegister: "bijlagen-register",
            codeSoortObjectId: "uuid",
          },
        },
      ],
      gingOverOnderwerpobjecten: [{ uuid: result.onderwerpobject!.uuid, wasKlantcontact: { uuid: kc.uuid } }],
    });
    expect(result.onderwerpobject).toMatchObject({ klantcontact: { uuid: answer.uuid }, wasKlantcontact: { uuid: kc.uuid } });
    // the question's betrokkenen, in their order, none of them the initiator of the answer
    expect(result.betrokkenen).toEqual([
      {
        uuid: expect.any(String),
        rol: "KLANT",
        initiator: false,
        organisatienaam: "",
        contactnaam: { voornaam: "Jan", achternaam: "de Vries" },
        bezoekadres: { straatnaam: "Dorpsstraat", huisnummer: 12, postcode: "1234 AB", stad: "Ons Dorp" },
        wasPartij: { uuid: kc.partij },
      },
      {
        uuid: expect.any(String),
        rol: "VERTEGENWOORDIGER",
        initiator: false,
        organisatienaam: "Bureau 1",
        contactnaam: null,
        bezoekadres: null,
        wasPartij: null,
      },
    ]);
    expect(answer.hadBetrokkenen.map((b) => b.uuid)).toEqual(result.betrokkenen.map((b) => b.uuid));

    // the question now shows its answer and its closed task
    const { klantcontact } = await app.ok(AfhandelingVraagDocument, { uuid: kc.uuid });
    expect(klantcontact?.wasOnderwerpobjecten).toEqual([
      { klantcontact: { uuid: answer.uuid, inhoud: "Uw aanvraag wordt deze week beoordeeld." } },
    ]);
    expect(klantcontact?.leiddeTotInterneTaken).toMatchObject([{ uuid: open.uuid, status: "VERWERKT" }]);

    // the partij got a betrokkene more: the audit log says who wrote it
    const { auditRecords } = await app.ok(AuditRecordsDocument, { betrokkene: { partij: kc.partij }, first: 100 });
    expect(auditRecords.edges.map((e) => [e.node.operatie, e.node.soort, e.node.uitkomst])).toContainEqual([
      "HandelInterneTaakAf handelInterneTaakAf",
      "SCHRIJVEN",
      "GELUKT",
    ]);
  });

  it("answers without actors or bijlagen, and for a question without betrokkenen", async () => {
    const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
      input: { kanaal: "balie", onderwerp: "Anonieme vraag", taal: "nld", vertrouwelijk: false },
    });
    const open = await taak(createKlantcontact.uuid);
    const { handelInterneTaakAf: result } = await app.ok(HandelInterneTaakAfDocument, {
      uuid: open.uuid,
      input: { antwoord: antwoord({ actoren: null, bijlagen: [] }) },
    });
    expect(result.antwoord).toMatchObject({ hadBetrokkenActoren: [], omvatteBijlagen: [], hadBetrokkenen: [] });
    expect(result.betrokkenen).toEqual([]);
  });

  it("refuses a task that is already verwerkt on uuid, and an unknown task as NOT_FOUND", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid);
    await app.ok(HandelInterneTaakAfDocument, { uuid: open.uuid });
    expect(await weigert(open.uuid, "BAD_USER_INPUT", () => handelAf(open.uuid, { antwoord: antwoord() }))).toEqual([["uuid", "invalid"]]);
    const fout = await handelAf(open.uuid);
    expect((fout.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toBe("Deze interne taak is al verwerkt.");

    expect(errorCode(await handelAf("6a7e7f3c-4d0b-4a8e-9f0e-00000000a001"))).toBe("NOT_FOUND");
    expect(errorCode(await handelAf("geen-uuid"))).toBe("NOT_FOUND");
  });

  it("reports every problem of the input at once and writes nothing", async () => {
    const kc = await vraag({ betrokkenen: 2 });
    const open = await taak(kc.uuid);
    await app.ok(KlantcontactCreateDocument, {
      input: { kanaal: "telefoon", onderwerp: "Bezet nummer", taal: "nld", vertrouwelijk: false, referentienummer: "555001" },
    });
    const onbekend = "6a7e7f3c-4d0b-4a8e-9f0e-00000000a002";
    const params = await weigert(open.uuid, "BAD_USER_INPUT", () =>
      handelAf(open.uuid, {
        toelichting: "x".repeat(1001),
        antwoord: antwoord({
          kanaal: " ",
          referentienummer: "555001",
          indicatieContactGelukt: true,
          verdereActieOndernomen: true,
          actoren: op(medewerker, onbekend, medewerker.toUpperCase(), "rommel"),
          bijlagen: [{ objectId: "ok" }, { objectId: "y".repeat(201) }],
        }),
      }),
    );
    expect(params).toEqual([
      ["toelichting", "max_length"],
      ["antwoord.bijlagen.1.objectId", "max_length"],
      ["antwoord.kanaal", "blank"],
      ["antwoord.nonFieldErrors", "no-further-action-when-contact-succesful"],
      ["antwoord.referentienummer", "unique"],
      // in list order, the uuid's own problems on its field, the second naming of an actor on the item
      ["antwoord.actoren.1.uuid", "does_not_exist"],
      ["antwoord.actoren.2", "unique"],
      ["antwoord.actoren.3.uuid", "invalid"],
    ]);
    // the task is still open and can be handled
    expect(
      (await app.ok(HandelInterneTaakAfDocument, { uuid: open.uuid, input: { antwoord: antwoord() } })).handelInterneTaakAf.betrokkenen,
    ).toHaveLength(2);
  });
});

describe("stuurInterneTaakDoor", () => {
  it("TOEWIJZEN: the same task to the new actors, toegewezenOp now, the toelichting when given", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid, [afdeling]);
    await zetToegewezenOp(app, open.uuid, LANG_GELEDEN);
    const voor = Date.now();
    const { stuurInterneTaakDoor } = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: op(collega, medewerker), wijze: "TOEWIJZEN" },
    });
    expect(stuurInterneTaakDoor.afgeslotenTaak).toBeNull();
    expect(stuurInterneTaakDoor.interneTaak).toMatchObject({
      uuid: open.uuid,
      status: "TE_VERWERKEN",
      afgehandeldOp: null,
      toelichting: open.toelichting,
      gevraagdeHandeling: "Terugbellen",
      toegewezenAanActoren: [{ uuid: collega }, { uuid: medewerker }],
    });
    expect(Date.parse(iso(stuurInterneTaakDoor.interneTaak.toegewezenOp)!)).toBeGreaterThanOrEqual(voor - 1000);
    const { interneTaak } = await app.ok(InterneTaakOpUuidDocument, { uuid: open.uuid });
    expect(interneTaak?.toegewezenAanActoren.map((a) => a.uuid)).toEqual([collega, medewerker]);
    expect(iso(interneTaak?.toegewezenOp)).toBe(iso(stuurInterneTaakDoor.interneTaak.toegewezenOp));

    const opnieuw = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: op(afdeling), wijze: "TOEWIJZEN", toelichting: "Toch voor Vergunningen." },
    });
    expect(opnieuw.stuurInterneTaakDoor.interneTaak).toMatchObject({
      toelichting: "Toch voor Vergunningen.",
      toegewezenAanActoren: [{ uuid: afdeling }],
    });
    const andereHandeling = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: op(medewerker), wijze: "TOEWIJZEN", gevraagdeHandeling: "Mailen" },
    });
    expect(andereHandeling.stuurInterneTaakDoor.interneTaak).toMatchObject({
      gevraagdeHandeling: "Mailen",
      toelichting: "Toch voor Vergunningen.",
    });
  });

  it("NIEUWE_TAAK: closes this task with the toelichting and opens a new one on the same klantcontact (C6114)", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid, [afdeling]);
    await zetToegewezenOp(app, open.uuid, LANG_GELEDEN);
    const voor = Date.now();
    const { stuurInterneTaakDoor: result } = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: op(collega), wijze: "NIEUWE_TAAK", toelichting: "Verkeerd gerouteerd: dit is voor Piet." },
    });
    expect(result.afgeslotenTaak).toMatchObject({
      uuid: open.uuid,
      status: "VERWERKT",
      toelichting: "Verkeerd gerouteerd: dit is voor Piet.",
      toegewezenAanActoren: [{ uuid: afdeling }],
    });
    expect(Date.parse(iso(result.afgeslotenTaak!.afgehandeldOp)!)).toBeGreaterThanOrEqual(voor - 1000);
    expect(iso(result.afgeslotenTaak!.toegewezenOp)).toBe(LANG_GELEDEN.toISOString());
    expect(result.interneTaak).toMatchObject({
      status: "TE_VERWERKEN",
      afgehandeldOp: null,
      gevraagdeHandeling: "Terugbellen",
      // what the customer asked goes along
      toelichting: open.toelichting,
      aanleidinggevendKlantcontact: { uuid: kc.uuid },
      toegewezenAanActoren: [{ uuid: collega }],
    });
    expect(result.interneTaak.uuid).not.toBe(open.uuid);
    expect(Date.parse(iso(result.interneTaak.toegewezenOp)!)).toBeGreaterThanOrEqual(voor - 1000);

    const { klantcontact } = await app.ok(AfhandelingVraagDocument, { uuid: kc.uuid });
    expect(klantcontact?.leiddeTotInterneTaken).toEqual([
      {
        uuid: open.uuid,
        status: "VERWERKT",
        gevraagdeHandeling: "Terugbellen",
        toelichting: "Verkeerd gerouteerd: dit is voor Piet.",
        toegewezenAanActoren: [{ uuid: afdeling }],
      },
      {
        uuid: result.interneTaak.uuid,
        status: "TE_VERWERKEN",
        gevraagdeHandeling: "Terugbellen",
        toelichting: open.toelichting,
        toegewezenAanActoren: [{ uuid: collega }],
      },
    ]);

    // another gevraagde handeling for the new task
    const anders = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: result.interneTaak.uuid,
      input: { naar: op(medewerker), wijze: "NIEUWE_TAAK", gevraagdeHandeling: "Zaak aanmaken" },
    });
    expect(anders.stuurInterneTaakDoor.interneTaak.gevraagdeHandeling).toBe("Zaak aanmaken");
    // without a toelichting the closed task keeps its own
    expect(anders.stuurInterneTaakDoor.afgeslotenTaak?.toelichting).toBe(open.toelichting);
  });

  it("refuses bad input with every problem at once and writes nothing", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid);
    const onbekend = "6a7e7f3c-4d0b-4a8e-9f0e-00000000a003";
    expect(await weigert(open.uuid, "BAD_USER_INPUT", () => stuurDoor(open.uuid, { naar: [], wijze: "NIEUWE_TAAK" }))).toEqual([
      ["naar", "required"],
    ]);
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        stuurDoor(open.uuid, {
          naar: op(collega, onbekend, collega),
          wijze: "TOEWIJZEN",
          toelichting: "z".repeat(1001),
          gevraagdeHandeling: "h".repeat(201),
        }),
      ),
    ).toEqual([
      ["toelichting", "max_length"],
      ["gevraagdeHandeling", "max_length"],
      ["naar.1.uuid", "does_not_exist"],
      ["naar.2", "unique"],
    ]);
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        stuurDoor(open.uuid, { naar: op(collega), wijze: "NIEUWE_TAAK", gevraagdeHandeling: "  " }),
      ),
    ).toEqual([["gevraagdeHandeling", "blank"]]);

    await app.ok(HandelInterneTaakAfDocument, { uuid: open.uuid });
    expect(await weigert(open.uuid, "BAD_USER_INPUT", () => stuurDoor(open.uuid, { naar: op(collega), wijze: "TOEWIJZEN" }))).toEqual([
      ["uuid", "invalid"],
    ]);
    expect(await weigert(open.uuid, "BAD_USER_INPUT", () => stuurDoor(open.uuid, { naar: op(collega), wijze: "NIEUWE_TAAK" }))).toEqual([
      ["uuid", "invalid"],
    ]);
    expect(errorCode(await stuurDoor(onbekend, { naar: op(collega), wijze: "TOEWIJZEN" }))).toBe("NOT_FOUND");
  });
});

describe("actors by uuid or found or made by actoridentificator (ActorVerwijzingInput)", () => {
  it("stuurInterneTaakDoor: finds the actor with that actoridentificator, makes it when absent, and leaves a found one as it is", async () => {
    const burgerzaken = nieuwId();
    const actorenVoor = await rows(app, Actor);
    const eerste = await taak((await vraag()).uuid);
    const { stuurInterneTaakDoor: gemaakt } = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: eerste.uuid,
      input: { naar: [vindOfMaak("Team Burgerzaken", burgerzaken)], wijze: "TOEWIJZEN" },
    });
    const [nieuw] = gemaakt.interneTaak.toegewezenAanActoren;
    expect(nieuw.naam).toBe("Team Burgerzaken");
    expect([medewerker, collega, afdeling]).not.toContain(nieuw.uuid);
    expect(await rows(app, Actor)).toBe(actorenVoor + 1);

    // the same identificator again: that actor, with its own naam; beside one named by uuid
    const tweede = await taak((await vraag()).uuid);
    const { stuurInterneTaakDoor: gevonden } = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: tweede.uuid,
      input: { naar: [vindOfMaak("Een andere naam", burgerzaken), { uuid: collega }], wijze: "NIEUWE_TAAK" },
    });
    expect(gevonden.interneTaak.toegewezenAanActoren).toEqual([
      { uuid: nieuw.uuid, naam: "Team Burgerzaken" },
      { uuid: collega, naam: "Piet de Boer" },
    ]);
    expect(await rows(app, Actor)).toBe(actorenVoor + 1);
    const { interneTaak } = await app.ok(InterneTaakOpUuidDocument, { uuid: gevonden.interneTaak.uuid });
    expect(interneTaak?.toegewezenAanActoren).toEqual([
      { uuid: nieuw.uuid, naam: "Team Burgerzaken" },
      { uuid: collega, naam: "Piet de Boer" },
    ]);
  });

  it("handelInterneTaakAf: the actors of the answer, found or made the same way", async () => {
    const sanne = nieuwId();
    const actorenVoor = await rows(app, Actor);
    const open = await taak((await vraag()).uuid);
    const { handelInterneTaakAf } = await app.ok(HandelInterneTaakAfDocument, {
      uuid: open.uuid,
      input: { antwoord: antwoord({ actoren: [vindOfMaak("Sanne de Wit", sanne), { uuid: afdeling }] }) },
    });
    const actoren = handelInterneTaakAf.antwoord!.hadBetrokkenActoren;
    expect(actoren.map((a) => a.naam)).toEqual(["Sanne de Wit", "Afdeling Vergunningen"]);
    expect(actoren[1].uuid).toBe(afdeling);
    expect(await rows(app, Actor)).toBe(actorenVoor + 1);

    const volgende = await taak((await vraag()).uuid);
    const opnieuw = await app.ok(HandelInterneTaakAfDocument, {
      uuid: volgende.uuid,
      input: { antwoord: antwoord({ actoren: [vindOfMaak("Sanne de Wit", sanne)] }) },
    });
    expect(opnieuw.handelInterneTaakAf.antwoord!.hadBetrokkenActoren).toEqual([actoren[0]]);
    expect(await rows(app, Actor)).toBe(actorenVoor + 1);
  });

  it("refuses a reference with both or neither of uuid and vindOfMaak, and a vindOfMaak without its whole identificator, with full paths", async () => {
    const open = await taak((await vraag()).uuid);
    const zonderObjectId = {
      vindOfMaak: { naam: " ", soortActor: "MEDEWERKER" as const, actoridentificator: { ...identificator("x"), objectId: null } },
    };
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        stuurDoor(open.uuid, {
          naar: [{ uuid: collega }, zonderObjectId, { uuid: collega, ...vindOfMaak("Jan", nieuwId()) }, {}],
          wijze: "TOEWIJZEN",
        }),
      ),
    ).toEqual([
      ["naar.1.vindOfMaak.naam", "blank"],
      ["naar.1.vindOfMaak.actoridentificator.objectId", "required"],
      ["naar.2", "invalid"],
      ["naar.3", "invalid"],
    ]);
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        handelAf(open.uuid, {
          antwoord: antwoord({
            actoren: [{ vindOfMaak: { naam: "Zonder register", soortActor: "MEDEWERKER", actoridentificator: { objectId: nieuwId() } } }],
          }),
        }),
      ),
    ).toEqual([
      ["antwoord.actoren.0.vindOfMaak.actoridentificator.codeObjecttype", "required"],
      ["antwoord.actoren.0.vindOfMaak.actoridentificator.codeRegister", "required"],
      ["antwoord.actoren.0.vindOfMaak.actoridentificator.codeSoortObjectId", "required"],
    ]);
  });

  it("refuses an actor named twice in the list (code unique on the second), and links once an actor that a uuid and a vindOfMaak both turn out to be", async () => {
    const open = await taak((await vraag()).uuid);
    const dubbel = nieuwId();
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        stuurDoor(open.uuid, { naar: [vindOfMaak("Jan", dubbel), { uuid: collega }, vindOfMaak("Jan", dubbel)], wijze: "NIEUWE_TAAK" }),
      ),
    ).toEqual([["naar.2", "unique"]]);
    expect(
      await weigert(open.uuid, "BAD_USER_INPUT", () =>
        handelAf(open.uuid, { antwoord: antwoord({ actoren: op(collega, medewerker, collega) }) }),
      ),
    ).toEqual([["antwoord.actoren.2", "unique"]]);

    // Only the lookup shows that these two are one actor: it is assigned once, where it was first named.
    const bekend = nieuwId();
    const eerst = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: [vindOfMaak("Kees", bekend)], wijze: "TOEWIJZEN" },
    });
    const kees = eerst.stuurInterneTaakDoor.interneTaak.toegewezenAanActoren[0].uuid;
    const { stuurInterneTaakDoor } = await app.ok(StuurInterneTaakDoorDocument, {
      uuid: open.uuid,
      input: { naar: [{ uuid: kees }, { uuid: collega }, vindOfMaak("Kees", bekend)], wijze: "TOEWIJZEN" },
    });
    expect(stuurInterneTaakDoor.interneTaak.toegewezenAanActoren.map((a) => a.uuid)).toEqual([kees, collega]);
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: open.uuid })).interneTaak?.toegewezenAanActoren.map((a) => a.uuid)).toEqual([
      kees,
      collega,
    ]);

    const koppelingenVoor = await rows(app, ActorKlantcontact);
    const { handelInterneTaakAf } = await app.ok(HandelInterneTaakAfDocument, {
      uuid: open.uuid,
      input: { antwoord: antwoord({ actoren: [vindOfMaak("Kees", bekend), { uuid: medewerker }, { uuid: kees }] }) },
    });
    expect(handelInterneTaakAf.antwoord!.hadBetrokkenActoren.map((a) => a.uuid)).toEqual([kees, medewerker]);
    expect(await rows(app, ActorKlantcontact)).toBe(koppelingenVoor + 2);
  });
});

describe("access", () => {
  const zonder = (...weg: Scope[]) => testPrincipal(SCOPES.filter((s) => !weg.includes(s)));

  it("needs opvolging.schrijven; an answer also klantcontacten.schrijven and klantcontacten.lezen", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid);
    for (const principal of [zonder("opvolging.schrijven"), testPrincipal(["opvolging.lezen", "klantcontacten.schrijven"])]) {
      await weigert(open.uuid, "FORBIDDEN", () => handelAf(open.uuid, {}, principal));
      await weigert(open.uuid, "FORBIDDEN", () => stuurDoor(open.uuid, { naar: op(collega), wijze: "NIEUWE_TAAK" }, principal));
    }
    await weigert(open.uuid, "FORBIDDEN", () => handelAf(open.uuid, { antwoord: antwoord() }, zonder("klantcontacten.schrijven")));
    await weigert(open.uuid, "FORBIDDEN", () => handelAf(open.uuid, { antwoord: antwoord() }, zonder("klantcontacten.lezen")));

    // a back office that only follows up may forward and close, without an answer
    const opvolger = testPrincipal(["opvolging.schrijven"]);
    const doorgestuurd = await app.execute(
      `mutation ($uuid: ID!, $naar: [ActorVerwijzingInput!]!) { stuurInterneTaakDoor(uuid: $uuid, input: { naar: $naar, wijze: TOEWIJZEN }) { interneTaak { uuid } } }`,
      { uuid: open.uuid, naar: op(collega) },
      { principal: opvolger },
    );
    expect(doorgestuurd.errors).toBeUndefined();
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: open.uuid })).interneTaak?.toegewezenAanActoren).toEqual([
      { uuid: collega, naam: "Piet de Boer" },
    ]);
    const afgehandeld = await app.execute(
      `mutation ($uuid: ID!) { handelInterneTaakAf(uuid: $uuid) { interneTaak { uuid } } }`,
      { uuid: open.uuid },
      { principal: opvolger },
    );
    expect(afgehandeld.errors).toBeUndefined();
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: open.uuid })).interneTaak?.status).toBe("VERWERKT");
  });

  it("refuses a citizen's token, and treats a task on a klantcontact the client may not see as unknown", async () => {
    const kc = await vraag();
    const open = await taak(kc.uuid);
    const burger = testPrincipal(SCOPES, { burger: { bsn: "999993653" } });
    await weigert(open.uuid, "FORBIDDEN", () => handelAf(open.uuid, { antwoord: antwoord() }, burger));
    await weigert(open.uuid, "FORBIDDEN", () => stuurDoor(open.uuid, { naar: op(collega), wijze: "TOEWIJZEN" }, burger));

    const geheim = await vraag({ vertrouwelijk: true });
    const geheimeTaak = await taak(geheim.uuid);
    const gewoon = zonder("vertrouwelijk.lezen");
    await weigert(geheimeTaak.uuid, "NOT_FOUND", () => handelAf(geheimeTaak.uuid, {}, gewoon));
    await weigert(geheimeTaak.uuid, "NOT_FOUND", () => stuurDoor(geheimeTaak.uuid, { naar: op(collega), wijze: "NIEUWE_TAAK" }, gewoon));
  });
});

describe("SQL statements", () => {
  type Verwijzing = NonNullable<AntwoordKlantcontactInput["actoren"]>[number];

  /** `n` actors as the client names them: by uuid, by vindOfMaak of actors not there yet, or of actors that are. */
  async function actorVerwijzingen(n: number, soort: "uuid" | "nieuw" | "bestaand"): Promise<Verwijzing[]> {
    if (soort === "uuid") return op(...[medewerker, collega, afdeling, await maakActor(app, `Extra ${n}`)].slice(0, n));
    const verwijzingen = Array.from({ length: n }, (_, i) => vindOfMaak(`Medewerker ${i}`, nieuwId()));
    // made by an earlier request, so that this one finds them
    if (soort === "bestaand") {
      expect((await stuurDoor((await taak((await vraag()).uuid)).uuid, { naar: verwijzingen, wijze: "TOEWIJZEN" })).errors).toBeUndefined();
    }
    return verwijzingen;
  }

  /** A question with `n` betrokkenen and a task on it; the answer with `n` actors and `n` bijlagen. */
  async function meting(n: number, soort: "uuid" | "nieuw" | "bestaand" = "uuid") {
    const kc = await vraag({ betrokkenen: n });
    const open = await taak(kc.uuid);
    const actoren = await actorVerwijzingen(n, soort);
    const bijlagen = Array.from({ length: n }, (_, i) => ({ objectId: `bijlage-${i}`, codeObjecttype: "email" }));
    const { count, data } = await app.countStatements(HandelInterneTaakAfDocument, {
      uuid: open.uuid,
      input: { toelichting: "Beantwoord.", antwoord: antwoord({ actoren, bijlagen }) },
    });
    expect(data.handelInterneTaakAf.betrokkenen).toHaveLength(n);
    expect(data.handelInterneTaakAf.antwoord?.hadBetrokkenActoren).toHaveLength(n);
    expect(data.handelInterneTaakAf.antwoord?.omvatteBijlagen).toHaveLength(n);
    return count;
  }

  it.each(["uuid", "nieuw", "bestaand"] as const)(
    "are as many for an answer with 1 as with 4 betrokkenen, actors (%s) and bijlagen",
    async (soort) => {
      expect(await meting(4, soort)).toBe(await meting(1, soort));
    },
  );

  it.each(["uuid", "nieuw", "bestaand"] as const)("are as many for forwarding to 1 as to 4 actors (%s), both ways", async (soort) => {
    for (const wijze of ["TOEWIJZEN", "NIEUWE_TAAK"] as const) {
      const counts: number[] = [];
      for (const n of [1, 4]) {
        const naar = await actorVerwijzingen(n, soort);
        const open = await taak((await vraag()).uuid, [afdeling, medewerker]);
        const { count, data } = await app.countStatements(StuurInterneTaakDoorDocument, { uuid: open.uuid, input: { naar, wijze } });
        expect(data.stuurInterneTaakDoor.interneTaak.toegewezenAanActoren).toHaveLength(n);
        counts.push(count);
      }
      expect(counts[1]).toBe(counts[0]);
    }
  });
});
