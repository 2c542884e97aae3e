import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActorCreateDocument,
  ActorOpUuidDocument,
  InterneTaakCreateDocument,
  InterneTaakDeleteDocument,
  InterneTaakKlantcontactTakenDocument,
  InterneTaakLijstDocument,
  InterneTaakOpUuidDocument,
  InterneTaakUpdateDocument,
  InterneTaakVanKlantcontactDocument,
  InterneTaakWerkvoorraadDocument,
  type InterneTaakFilter,
  type InterneTaakInput,
  type InterneTaakUpdateInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp, type Result } from "../support/app";
import { maakKlantcontact, rows, zetToegewezenOp } from "../support/fixtures";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";

let app: TestApp;

/** In-process results carry DateTime values as Date objects; compare them as ISO strings. */
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());
let klantcontact: string;
let jan: string;
let piet: string;
let afdeling: string;

beforeAll(async () => {
  app = await TestApp.start();
  klantcontact = (await maakKlantcontact(app, { onderwerp: "Afvalpas kwijt" })).uuid;
  jan = await maakActor("Jan Jansen");
  piet = await maakActor("Piet Pietersen");
  afdeling = (
    await app.ok(ActorCreateDocument, {
      input: { naam: "Afdeling Afval", soortActor: "ORGANISATORISCHE_EENHEID", actorIdentificatie: { omschrijving: "Afval" } },
    })
  ).createActor.uuid;
});
afterAll(() => app.stop());

async function maakActor(naam: string): Promise<string> {
  const { createActor } = await app.ok(ActorCreateDocument, {
    input: { naam, soortActor: "MEDEWERKER", actorIdentificatie: { functie: "KCM", telefoonnummer: "0201234567" } },
  });
  return createActor.uuid;
}

function taakInput(extra: Partial<InterneTaakInput> = {}): InterneTaakInput {
  return {
    gevraagdeHandeling: "Terugbellen",
    aanleidinggevendKlantcontact: klantcontact,
    toegewezenAanActoren: [jan],
    status: "TE_VERWERKEN",
    ...extra,
  };
}

async function maakTaak(extra: Partial<InterneTaakInput> = {}) {
  return (await app.ok(InterneTaakCreateDocument, { input: taakInput(extra) })).createInterneTaak;
}

const aantalTaken = () => rows(app, InterneTaak);

/** A mutation that must fail and write nothing (no taak, no toewijzing). */
async function weigert(run: () => Promise<Result<unknown>>): Promise<Array<[string, string]>> {
  const [taken, toewijzingen] = [await aantalTaken(), await rows(app, Toewijzing)];
  const result = await run();
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect([await aantalTaken(), await rows(app, Toewijzing)]).toEqual([taken, toewijzingen]);
  return invalidParams(result);
}

const weigertCreate = (input: InterneTaakInput) => weigert(() => app.execute(InterneTaakCreateDocument, { input }));
const weigertUpdate = (uuid: string, input: InterneTaakUpdateInput) =>
  weigert(() => app.execute(InterneTaakUpdateDocument, { uuid, input }));

describe("InterneTaak", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const voor = Date.now();
    const taak = await maakTaak({ referentienummer: "1001", toelichting: "Graag voor 17:00", toegewezenAanActoren: [piet, jan] });
    expect(taak).toMatchObject({
      nummer: null,
      referentienummer: "1001",
      gevraagdeHandeling: "Terugbellen",
      toelichting: "Graag voor 17:00",
      status: "TE_VERWERKEN",
      afgehandeldOp: null,
      aanleidinggevendKlantcontact: { uuid: klantcontact, onderwerp: "Afvalpas kwijt" },
      toegewezenAanActoren: [
        { uuid: piet, naam: "Piet Pietersen" },
        { uuid: jan, naam: "Jan Jansen" },
      ],
      toegewezenAanActor: { uuid: piet },
    });
    expect(Date.parse(iso(taak.toegewezenOp)!)).toBeGreaterThanOrEqual(voor - 1000);
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: taak.uuid })).interneTaak).toEqual(taak);

    const { updateInterneTaak } = await app.ok(InterneTaakUpdateDocument, {
      uuid: taak.uuid,
      input: { gevraagdeHandeling: "Mailen", toelichting: null },
    });
    expect(updateInterneTaak).toEqual({ ...taak, gevraagdeHandeling: "Mailen", toelichting: "" });
    expect((await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: {} })).updateInterneTaak).toEqual(updateInterneTaak);

    expect((await app.ok(InterneTaakDeleteDocument, { uuid: taak.uuid })).deleteInterneTaak).toBe(taak.uuid);
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: taak.uuid })).interneTaak).toBeNull();
    // its actors are still there
    expect((await app.ok(ActorOpUuidDocument, { uuid: piet })).actor?.uuid).toBe(piet);
  });

  it("answers NOT_FOUND for an unknown uuid on update and delete, null on read", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000002";
    expect(errorCode(await app.execute(InterneTaakUpdateDocument, { uuid, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(InterneTaakDeleteDocument, { uuid }))).toBe("NOT_FOUND");
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid })).interneTaak).toBeNull();
  });

  it("needs exactly one of toegewezenAanActoren and toegewezenAanActor on create", async () => {
    const enkel = await maakTaak({ toegewezenAanActoren: undefined, toegewezenAanActor: afdeling });
    expect(enkel.toegewezenAanActoren.map((a) => a.uuid)).toEqual([afdeling]);
    expect(enkel.toegewezenAanActor?.uuid).toBe(afdeling);

    const beide = await app.execute(InterneTaakCreateDocument, { input: taakInput({ toegewezenAanActor: jan }) });
    expect(invalidParams(beide)).toEqual([["nonFieldErrors", "invalid"]]);
    expect((beide.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toBe(
      "`toegewezen_aan_actor` en `toegewezen_aan_actoren` mag niet beiden gebruikt worden.",
    );
    expect(await weigertCreate(taakInput({ toegewezenAanActor: jan }))).toEqual([["nonFieldErrors", "invalid"]]);
    expect(await weigertCreate(taakInput({ toegewezenAanActoren: null }))).toEqual([["toegewezenAanActoren", "required"]]);
    expect(await weigertCreate(taakInput({ toegewezenAanActoren: [] }))).toEqual([["toegewezenAanActoren", "required"]]);
  });

  it("checks the assigned actors", async () => {
    const onbekend = "6a7e7f3c-4d0b-4a8e-9f0e-000000000003";
    expect(await weigertCreate(taakInput({ toegewezenAanActoren: [jan, onbekend, "rommel"] }))).toEqual([
      ["toegewezenAanActoren.1", "does_not_exist"],
      ["toegewezenAanActoren.2", "invalid"],
    ]);
    expect(await weigertCreate(taakInput({ toegewezenAanActoren: [jan, piet, jan.toUpperCase()] }))).toEqual([
      ["toegewezenAanActoren.2", "unique"],
    ]);
    expect(await weigertCreate(taakInput({ toegewezenAanActoren: undefined, toegewezenAanActor: onbekend }))).toEqual([
      ["toegewezenAanActor", "does_not_exist"],
    ]);
  });

  it("checks the other fields and reports every problem at once", async () => {
    expect(
      await weigertCreate(
        taakInput({
          gevraagdeHandeling: "x".repeat(201),
          toelichting: "y".repeat(1001),
          nummer: "12a",
          referentienummer: "12345678901",
          aanleidinggevendKlantcontact: "6a7e7f3c-4d0b-4a8e-9f0e-000000000004",
        }),
      ),
    ).toEqual([
      ["nummer", "invalid"],
      ["referentienummer", "max_length"],
      ["gevraagdeHandeling", "max_length"],
      ["toelichting", "max_length"],
      ["aanleidinggevendKlantcontact", "does_not_exist"],
    ]);
    expect(await weigertCreate(taakInput({ gevraagdeHandeling: "" }))).toEqual([["gevraagdeHandeling", "blank"]]);

    const taak = await maakTaak();
    expect(
      await weigertUpdate(taak.uuid, {
        gevraagdeHandeling: null,
        status: null,
        aanleidinggevendKlantcontact: null,
        toegewezenAanActoren: null,
        toegewezenAanActor: null,
      }),
    ).toEqual([
      ["gevraagdeHandeling", "required"],
      ["aanleidinggevendKlantcontact", "required"],
      ["toegewezenAanActoren", "required"],
      ["toegewezenAanActor", "required"],
      ["status", "required"],
    ]);
  });

  it("keeps nummer and referentienummer unique; an empty one is no number", async () => {
    const taak = await maakTaak({ nummer: "42", referentienummer: "4200" });
    expect(await weigertCreate(taakInput({ nummer: "42", referentienummer: "4200" }))).toEqual([
      ["nummer", "unique"],
      ["referentienummer", "unique"],
    ]);
    const ander = await maakTaak({ referentienummer: "4201" });
    expect(await weigertUpdate(ander.uuid, { referentienummer: "4200" })).toEqual([["referentienummer", "unique"]]);
    // a task keeps its own number
    expect(
      (await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { nummer: "42", referentienummer: "4200" } })).updateInterneTaak,
    ).toMatchObject({ nummer: "42", referentienummer: "4200" });
    // KISS sends nummer: ""
    const zonder1 = await maakTaak({ nummer: "", referentienummer: "" });
    const zonder2 = await maakTaak({ nummer: "" });
    expect([zonder1.nummer, zonder1.referentienummer, zonder2.nummer]).toEqual([null, null, null]);
  });

  it("replaces the assignment on update; PATCH may leave it out", async () => {
    const taak = await maakTaak({ toegewezenAanActoren: [jan, piet] });
    const toegewezenOp = taak.toegewezenOp;

    const zonder = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { toelichting: "x" } });
    expect(zonder.updateInterneTaak.toegewezenAanActoren.map((a) => a.uuid)).toEqual([jan, piet]);

    const omgedraaid = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { toegewezenAanActoren: [afdeling, piet] } });
    expect(omgedraaid.updateInterneTaak.toegewezenAanActoren.map((a) => a.uuid)).toEqual([afdeling, piet]);
    expect(omgedraaid.updateInterneTaak.toegewezenAanActor?.uuid).toBe(afdeling);

    const enkel = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { toegewezenAanActor: jan } });
    expect(enkel.updateInterneTaak.toegewezenAanActoren.map((a) => a.uuid)).toEqual([jan]);
    // toegewezenOp is set at creation and stays
    expect(iso(enkel.updateInterneTaak.toegewezenOp)).toBe(iso(toegewezenOp));

    expect(await weigertUpdate(taak.uuid, { toegewezenAanActoren: [piet], toegewezenAanActor: piet })).toEqual([
      ["nonFieldErrors", "invalid"],
    ]);
    expect(await weigertUpdate(taak.uuid, { toegewezenAanActoren: [piet, "6a7e7f3c-4d0b-4a8e-9f0e-000000000005"] })).toEqual([
      ["toegewezenAanActoren.1", "does_not_exist"],
    ]);
    expect(await weigertUpdate(taak.uuid, { toegewezenAanActoren: [] })).toEqual([["toegewezenAanActoren", "required"]]);
    expect((await app.ok(InterneTaakOpUuidDocument, { uuid: taak.uuid })).interneTaak?.toegewezenAanActoren.map((a) => a.uuid)).toEqual([
      jan,
    ]);
  });

  it("lets afgehandeldOp follow the status", async () => {
    const afgehandeld = "2026-11-20T10:00:00.000Z";
    expect(await weigertCreate(taakInput({ afgehandeldOp: afgehandeld }))).toEqual([["afgehandeldOp", "invalid"]]);
    const fout = await app.execute(InterneTaakCreateDocument, { input: taakInput({ afgehandeldOp: afgehandeld }) });
    expect((fout.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toBe(
      "De Internetaak kan geen afgehandeld op datum bevatten als de status niet op 'verwerkt' staat.",
    );

    // given with verwerkt: kept
    expect(iso((await maakTaak({ status: "VERWERKT", afgehandeldOp: afgehandeld })).afgehandeldOp)).toBe(afgehandeld);
    // verwerkt without one: now
    const voor = Date.now();
    const direct = await maakTaak({ status: "VERWERKT" });
    expect(Date.parse(iso(direct.afgehandeldOp)!)).toBeGreaterThanOrEqual(voor - 1000);

    const taak = await maakTaak();
    expect(await weigertUpdate(taak.uuid, { afgehandeldOp: afgehandeld })).toEqual([["afgehandeldOp", "invalid"]]);
    const verwerkt = (await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { status: "VERWERKT" } })).updateInterneTaak;
    expect(verwerkt.afgehandeldOp).not.toBeNull();

    // later updates do not move it
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { toelichting: "klaar", status: "VERWERKT" } });
    expect(iso(later.updateInterneTaak.afgehandeldOp)).toBe(iso(verwerkt.afgehandeldOp));
    // a client may set it explicitly while verwerkt
    const gezet = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { afgehandeldOp: afgehandeld } });
    expect(iso(gezet.updateInterneTaak.afgehandeldOp)).toBe(afgehandeld);

    // back to te_verwerken clears it, and it may not come along
    expect(await weigertUpdate(taak.uuid, { status: "TE_VERWERKEN", afgehandeldOp: afgehandeld })).toEqual([["afgehandeldOp", "invalid"]]);
    const terug = await app.ok(InterneTaakUpdateDocument, { uuid: taak.uuid, input: { status: "TE_VERWERKEN" } });
    expect(terug.updateInterneTaak).toMatchObject({ status: "TE_VERWERKEN", afgehandeldOp: null });
  });

  it("is listed by its klantcontact as leiddeTotInterneTaken", async () => {
    const eigen = (await maakKlantcontact(app)).uuid;
    const a = await maakTaak({ aanleidinggevendKlantcontact: eigen, gevraagdeHandeling: "Eerste" });
    const b = await maakTaak({ aanleidinggevendKlantcontact: eigen, gevraagdeHandeling: "Tweede" });
    const { interneTaak } = await app.ok(InterneTaakVanKlantcontactDocument, { uuid: a.uuid });
    expect(interneTaak?.aanleidinggevendKlantcontact.uuid).toBe(eigen);
    expect(interneTaak?.aanleidinggevendKlantcontact.leiddeTotInterneTaken).toEqual([
      { uuid: a.uuid, gevraagdeHandeling: "Eerste" },
      { uuid: b.uuid, gevraagdeHandeling: "Tweede" },
    ]);
  });
});

describe("interneTaken", () => {
  let kc1: { uuid: string };
  let kc2: { uuid: string };
  let lijstActor: string;
  let tweede: string;
  const taken: string[] = [];

  beforeAll(async () => {
    kc1 = await maakKlantcontact(app, { nummer: "7001", referentienummer: "8001" });
    kc2 = await maakKlantcontact(app, { nummer: "7002", referentienummer: "8002" });
    lijstActor = await maakActor("Lijstactor Karel");
    tweede = await maakActor("Lijstactor Tweede");
    const inputs: Array<Partial<InterneTaakInput>> = [
      { aanleidinggevendKlantcontact: kc1.uuid, gevraagdeHandeling: "L1", referentienummer: "9001", nummer: "9101" },
      { aanleidinggevendKlantcontact: kc1.uuid, gevraagdeHandeling: "L2", status: "VERWERKT" },
      { aanleidinggevendKlantcontact: kc2.uuid, gevraagdeHandeling: "L3" },
      { aanleidinggevendKlantcontact: kc2.uuid, gevraagdeHandeling: "L4", referentienummer: "9004" },
      { aanleidinggevendKlantcontact: kc2.uuid, gevraagdeHandeling: "L5", status: "VERWERKT" },
    ];
    for (const [i, input] of inputs.entries()) {
      const taak = await maakTaak({ ...input, toegewezenAanActoren: [lijstActor, tweede] });
      taken.push(taak.uuid);
      await zetToegewezenOp(app, taak.uuid, new Date(Date.UTC(2026, 10, 1 + i, 9, 0, 0, 123)));
    }
  });

  async function zoek(filter: InterneTaakFilter): Promise<string[]> {
    const { interneTaken } = await app.ok(InterneTaakLijstDocument, { filter, first: 100 });
    return interneTaken.edges.map((e) => e.node.gevraagdeHandeling);
  }

  it("filters on the assigned actor (each task once) and on the actor's naam", async () => {
    expect(await zoek({ toegewezenAanActor: lijstActor })).toEqual(["L5", "L4", "L3", "L2", "L1"]);
    expect(await zoek({ toegewezenAanActor: tweede })).toEqual(["L5", "L4", "L3", "L2", "L1"]);
    expect(await zoek({ actorNaam: "LIJSTACTOR" })).toEqual(["L5", "L4", "L3", "L2", "L1"]);
    expect(await zoek({ actorNaam: "karel", status: "VERWERKT" })).toEqual(["L5", "L2"]);
    expect(await zoek({ toegewezenAanActor: "6a7e7f3c-4d0b-4a8e-9f0e-000000000006" })).toEqual([]);
    expect(await zoek({ toegewezenAanActor: "geen-uuid" })).toEqual([]);
  });

  it("filters on nummer, referentienummer, status and the klantcontact", async () => {
    expect(await zoek({ referentienummer: "9004" })).toEqual(["L4"]);
    expect(await zoek({ nummer: "9101" })).toEqual(["L1"]);
    expect(await zoek({ status: "TE_VERWERKEN", toegewezenAanActor: lijstActor })).toEqual(["L4", "L3", "L1"]);
    expect(await zoek({ aanleidinggevendKlantcontact: kc1.uuid })).toEqual(["L2", "L1"]);
    expect(await zoek({ klantcontactNummer: "7002" })).toEqual(["L5", "L4", "L3"]);
    expect(await zoek({ klantcontactReferentienummer: "8001", status: "VERWERKT" })).toEqual(["L2"]);
  });

  it("filters on toegewezenOp: exact, after and before", async () => {
    const op = (dag: number) => new Date(Date.UTC(2026, 10, dag, 9, 0, 0, 123)).toISOString();
    expect(await zoek({ toegewezenOp: op(3) })).toEqual(["L3"]);
    expect(await zoek({ toegewezenNa: op(3), toegewezenAanActor: lijstActor })).toEqual(["L5", "L4"]);
    expect(await zoek({ toegewezenVoor: op(3), toegewezenAanActor: lijstActor })).toEqual(["L2", "L1"]);
    expect(await zoek({ toegewezenNa: op(1), toegewezenVoor: op(5) })).toEqual(["L4", "L3", "L2"]);
    const { interneTaken } = await app.ok(InterneTaakLijstDocument, { filter: { referentienummer: "9004" } });
    expect(iso(interneTaken.edges[0].node.toegewezenOp)).toBe(op(4));
  });

  it("pages newest first with keyset cursors", async () => {
    const filter = { toegewezenAanActor: lijstActor };
    const eerste = await app.ok(InterneTaakLijstDocument, { filter, first: 2 });
    expect(eerste.interneTaken.edges.map((e) => e.node.uuid)).toEqual([taken[4], taken[3]]);
    expect(eerste.interneTaken.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tweedePagina = await app.ok(InterneTaakLijstDocument, { filter, first: 2, after: eerste.interneTaken.pageInfo.endCursor });
    expect(tweedePagina.interneTaken.edges.map((e) => e.node.uuid)).toEqual([taken[2], taken[1]]);
    const derde = await app.ok(InterneTaakLijstDocument, { filter, first: 2, after: tweedePagina.interneTaken.pageInfo.endCursor });
    expect(derde.interneTaken.edges.map((e) => e.node.uuid)).toEqual([taken[0]]);
    expect(derde.interneTaken.pageInfo.hasNextPage).toBe(false);
    expect(invalidParams(await app.execute(InterneTaakLijstDocument, { first: 101 }))).toEqual([["first", "max_value"]]);
  });
});

describe("SQL statements", () => {
  let telling: string;
  const uuids: string[] = [];

  beforeAll(async () => {
    telling = await maakActor("Telling Medewerker");
    for (let i = 0; i < 10; i++) {
      const kc = (await maakKlantcontact(app, { onderwerp: `Telling ${i}` })).uuid;
      const eigen = await maakActor(`Telling ${i}`);
      const taak = await maakTaak({ aanleidinggevendKlantcontact: kc, toegewezenAanActoren: [eigen, telling, afdeling] });
      uuids.push(taak.uuid);
    }
  });

  it("are as many for 2 as for 10 interne taken with their actors and klantcontact", async () => {
    const filter = { toegewezenAanActor: telling };
    const twee = await app.countStatements(InterneTaakWerkvoorraadDocument, { filter, first: 2 });
    const tien = await app.countStatements(InterneTaakWerkvoorraadDocument, { filter, first: 10 });
    expect(tien.data.interneTaken.edges).toHaveLength(10);
    expect(twee.count).toBe(tien.count);
    // the page, the klantcontacten, the toewijzingen with their actors, and the audit's look for
    // the partijen of those klantcontacten (they have none: nothing to record)
    expect(tien.count).toBe(3 + 1);
    const node = tien.data.interneTaken.edges[0].node;
    expect(node.aanleidinggevendKlantcontact.onderwerp).toBe("Telling 9");
    expect(node.toegewezenAanActoren.map((a) => a.naam)).toEqual(["Telling 9", "Telling Medewerker", "Afdeling Afval"]);
    expect(node.toegewezenAanActoren[0].actorIdentificatie).toEqual({ functie: "KCM" });
    expect(node.toegewezenAanActoren[2].actorIdentificatie).toEqual({});
    expect(node.toegewezenAanActor?.naam).toBe("Telling 9");
  });

  it("are as many for 2 as for 10 klantcontacten with leiddeTotInterneTaken", async () => {
    const twee = await app.countStatements(InterneTaakKlantcontactTakenDocument, { first: 2 });
    const tien = await app.countStatements(InterneTaakKlantcontactTakenDocument, { first: 10 });
    expect(twee.count).toBe(tien.count);
    expect(tien.data.interneTaken.edges[0].node.aanleidinggevendKlantcontact.leiddeTotInterneTaken).toHaveLength(1);
  });

  it("resolves federation references in one batch", async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on InterneTaak { uuid toegewezenAanActoren { naam } } }
    }`;
    const representations = (list: string[]) => list.map((uuid) => ({ __typename: "InterneTaak", uuid }));
    const twee = await app.countStatements(query, { representations: representations(uuids.slice(0, 2)) });
    const tien = await app.countStatements(query, { representations: representations(uuids) });
    expect(twee.count).toBe(tien.count);
    expect((tien.data as { _entities: Array<{ uuid: string }> })._entities.map((e) => e.uuid)).toEqual(uuids);
  });
});
