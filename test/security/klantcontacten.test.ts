import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { betrokkeneHash } from "../../src/audit/audit-hash";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditUitkomst } from "../../src/audit/enums";
import { SCOPES, type Scope } from "../../src/auth/scopes";
import { RequestContext } from "../../src/common/context";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { KlantcontactService } from "../../src/klantcontacten/klantcontact.service";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { TestApp, errorCode, invalidParams, type Result } from "../support/app";
import { maakPartij } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * Issue 7 for klantcontacten and opvolging: area scopes, vertrouwelijke klantcontacten,
 * partijen with geheimhouding and citizen-bound tokens, each through the root field, `_entities`
 * and a nested path.
 */

const ZAAK = randomUUID();
const BSN_A = "111222333";
const BSN_B = "999993653";

let app: TestApp;
let partijA: Partij, partijB: Partij, partijG: Partij;
/** A's question, the answer to it, B's contact, a vertrouwelijk contact of B, and one with the geheimhouding partij G. */
let vraagA: Klantcontact, antwoordA: Klantcontact, contactB: Klantcontact, vertrouwelijkB: Klantcontact, contactG: Klantcontact;
let betrokkeneB: Betrokkene, betrokkeneG: Betrokkene;
let taakA: InterneTaak, taakG: InterneTaak;
let actor: Actor;

function without(...left: Scope[]): Scope[] {
  return SCOPES.filter((scope) => !left.includes(scope));
}

const staffWithout = (...left: Scope[]) => ({ principal: testPrincipal(without(...left)) });
const burger = (bsn: string) => ({ principal: testPrincipal(SCOPES, { burger: { bsn } }) });

async function contact(partij: Partij | null, onderwerp: string, extra: Partial<Klantcontact> = {}) {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, { kanaal: "telefoon", onderwerp, taal: "nld", vertrouwelijk: false, ...extra } as never);
  const betrokkene = partij
    ? em.create(Betrokkene, {
        hadKlantcontact: klantcontact,
        wasPartij: em.getReference(Partij, partij.id),
        rol: Rol.KLANT,
        initiator: true,
      } as never)
    : null;
  await em.flush();
  return { klantcontact, betrokkene: betrokkene! };
}

async function zaakLink(klantcontact: Klantcontact, wasKlantcontact?: Klantcontact) {
  const em = app.orm.em.fork();
  em.create(Onderwerpobject, {
    klantcontact: em.getReference(Klantcontact, klantcontact.id),
    wasKlantcontact: wasKlantcontact ? em.getReference(Klantcontact, wasKlantcontact.id) : null,
    onderwerpobjectidentificator: wasKlantcontact
      ? { objectId: wasKlantcontact.uuid, codeObjecttype: "klantcontact", codeSoortObjectId: "uuid", codeRegister: "openklant" }
      : { objectId: ZAAK, codeObjecttype: "zaak", codeSoortObjectId: "uuid", codeRegister: "openzaak" },
  } as never);
  await em.flush();
}

async function taak(klantcontact: Klantcontact) {
  const em = app.orm.em.fork();
  const row = em.create(InterneTaak, {
    aanleidinggevendKlantcontact: em.getReference(Klantcontact, klantcontact.id),
    gevraagdeHandeling: "Terugbellen",
    status: Taakstatus.TE_VERWERKEN,
  } as never);
  await em.flush();
  return row;
}

beforeAll(async () => {
  app = await TestApp.start();
  partijA = await maakPartij(app, { bsn: BSN_A });
  partijB = await maakPartij(app, { bsn: BSN_B });
  partijG = await maakPartij(app);
  {
    const em = app.orm.em.fork();
    await em.nativeUpdate(Partij, { id: partijG.id }, { indicatieGeheimhouding: true });
  }
  vraagA = (await contact(partijA, "Vraag van A")).klantcontact;
  antwoordA = (await contact(null, "Antwoord aan A")).klantcontact;
  await zaakLink(antwoordA, vraagA);
  await zaakLink(vraagA);
  ({ klantcontact: contactB, betrokkene: betrokkeneB } = await contact(partijB, "Contact van B"));
  await zaakLink(contactB);
  vertrouwelijkB = (await contact(partijB, "Vertrouwelijk van B", { vertrouwelijk: true })).klantcontact;
  await zaakLink(vertrouwelijkB);
  ({ klantcontact: contactG, betrokkene: betrokkeneG } = await contact(partijG, "Contact van G"));
  await zaakLink(contactG);
  taakA = await taak(vraagA);
  taakG = await taak(contactG);
  const em = app.orm.em.fork();
  actor = em.create(Actor, { naam: "Sanne Jansen", soortActor: SoortActor.MEDEWERKER, indicatieActief: true } as never);
  em.create(ActorKlantcontact, { actor, klantcontact: em.getReference(Klantcontact, vraagA.id) } as never);
  await em.flush();
});
afterAll(() => app.stop());

const KLANTCONTACT = `query ($uuid: ID!) { klantcontact(uuid: $uuid) { uuid } }`;
const KLANTCONTACTEN = `query ($filter: KlantcontactFilter) { klantcontacten(filter: $filter, first: 100) { edges { node { uuid } } } }`;
const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    __typename
    ... on Klantcontact { uuid }
    ... on Betrokkene { uuid }
    ... on InterneTaak { uuid }
    ... on Zaak { klantcontacten(first: 100) { edges { node { uuid } } } }
  }
}`;
const PARTIJ_KLANTCONTACTEN = `query ($uuid: ID!) {
  partij(uuid: $uuid) { uuid klantcontacten(first: 100) { edges { node { uuid } } } interneTaken { edges { node { uuid } } } }
}`;

type Uuids = { edges: Array<{ node: { uuid: string } }> };
const uuids = (connection: Uuids | null | undefined) => (connection?.edges ?? []).map((edge) => edge.node.uuid).sort();
const sorted = (...rows: Array<{ uuid: string }>) => rows.map((row) => row.uuid).sort();

async function klantcontacten(options: { principal: ReturnType<typeof testPrincipal> }, filter?: object): Promise<string[]> {
  const data = await app.ok<{ klantcontacten: Uuids }, Record<string, unknown>>(KLANTCONTACTEN, { filter }, options);
  return uuids(data.klantcontacten);
}

async function entities(representations: unknown[], options: { principal: ReturnType<typeof testPrincipal> }) {
  return (await app.execute(ENTITIES, { r: representations }, options)) as Result<{
    _entities: Array<{ uuid?: string; klantcontacten?: Uuids } | null>;
  }>;
}

/** Runs an operation and returns its result and the number of SQL statements it sent. */
async function counted(document: string, variables: Record<string, unknown>, options: { principal: ReturnType<typeof testPrincipal> }) {
  const before = app.statements.length;
  const result = await app.execute(document, variables, options);
  return { result, statements: app.statements.length - before };
}

describe("area scopes", () => {
  it("reading klantcontacten needs klantcontacten.lezen: root field, _entities and Partij.klantcontacten are FORBIDDEN, before any SQL", async () => {
    const options = staffWithout("klantcontacten.lezen");
    const root = await counted(KLANTCONTACT, { uuid: vraagA.uuid }, options);
    expect(errorCode(root.result)).toBe("FORBIDDEN");
    expect((root.result.data as { klantcontact?: null } | null)?.klantcontact ?? null).toBeNull();
    expect(root.statements).toBe(0);

    const viaEntities = await entities([{ __typename: "Klantcontact", uuid: vraagA.uuid }], options);
    expect(errorCode(viaEntities)).toBe("FORBIDDEN");
    expect(viaEntities.data?._entities[0] ?? null).toBeNull();

    // The field is non-null, so the partij around it is null too; the error names the field.
    const nested = await app.execute(
      `query ($uuid: ID!) { partij(uuid: $uuid) { klantcontacten { edges { cursor } } } }`,
      { uuid: partijA.uuid },
      options,
    );
    expect(nested.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([["partij.klantcontacten", "FORBIDDEN"]]);
    const partij = await app.ok<{ partij: { uuid: string } }, { uuid: string }>(
      `query ($uuid: ID!) { partij(uuid: $uuid) { uuid } }`,
      { uuid: partijA.uuid },
      options,
    );
    expect(partij.partij.uuid).toBe(partijA.uuid);
  });

  it("writing needs klantcontacten.schrijven and deleting klantcontacten.verwijderen; a refused write writes nothing", async () => {
    const create = await app.execute(
      `mutation { createKlantcontact(input: { kanaal: "balie", onderwerp: "Geweigerd", taal: "nld", vertrouwelijk: false }) { uuid } }`,
      {},
      staffWithout("klantcontacten.schrijven"),
    );
    expect(errorCode(create)).toBe("FORBIDDEN");
    expect(await app.orm.em.fork().count(Klantcontact, { onderwerp: "Geweigerd" })).toBe(0);

    const update = await app.execute(
      `mutation ($uuid: ID!) { updateBetrokkene(uuid: $uuid, input: { organisatienaam: "X" }) { uuid } }`,
      { uuid: betrokkeneB.uuid },
      staffWithout("klantcontacten.schrijven"),
    );
    expect(errorCode(update)).toBe("FORBIDDEN");

    const remove = await app.execute(
      `mutation ($uuid: ID!) { deleteKlantcontact(uuid: $uuid) }`,
      { uuid: contactB.uuid },
      staffWithout("klantcontacten.verwijderen"),
    );
    expect(errorCode(remove)).toBe("FORBIDDEN");
    expect(await app.orm.em.fork().count(Klantcontact, { id: contactB.id })).toBe(1);
  });

  it("reading interne taken and actors needs opvolging.lezen, also nested under a klantcontact and a partij and through _entities", async () => {
    const options = staffWithout("opvolging.lezen");
    expect(errorCode(await app.execute(`{ interneTaken { edges { node { uuid } } } }`, {}, options))).toBe("FORBIDDEN");
    expect(errorCode(await app.execute(`{ actoren { edges { node { uuid } } } }`, {}, options))).toBe("FORBIDDEN");
    expect(errorCode(await entities([{ __typename: "InterneTaak", uuid: taakA.uuid }], options))).toBe("FORBIDDEN");

    const nested = async (field: string) =>
      (
        await app.execute(`query ($uuid: ID!) { klantcontact(uuid: $uuid) { ${field} { uuid } } }`, { uuid: vraagA.uuid }, options)
      ).errors?.map((e) => [e.path?.join("."), e.extensions?.code]);
    expect(await nested("leiddeTotInterneTaken")).toEqual([["klantcontact.leiddeTotInterneTaken", "FORBIDDEN"]]);
    expect(await nested("hadBetrokkenActoren")).toEqual([["klantcontact.hadBetrokkenActoren", "FORBIDDEN"]]);
    const viaPartij = await app.execute(
      `query ($uuid: ID!) { partij(uuid: $uuid) { interneTaken { edges { cursor } } } }`,
      { uuid: partijA.uuid },
      options,
    );
    expect(viaPartij.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([["partij.interneTaken", "FORBIDDEN"]]);
  });

  it("writing interne taken and actors needs opvolging.schrijven, deleting them opvolging.verwijderen", async () => {
    const create = await app.execute(
      `mutation { createActor(input: { naam: "Geweigerd", soortActor: MEDEWERKER }) { uuid } }`,
      {},
      staffWithout("opvolging.schrijven"),
    );
    expect(errorCode(create)).toBe("FORBIDDEN");
    expect(await app.orm.em.fork().count(Actor, { naam: "Geweigerd" })).toBe(0);
    const remove = await app.execute(
      `mutation ($uuid: ID!) { deleteInterneTaak(uuid: $uuid) }`,
      { uuid: taakA.uuid },
      staffWithout("opvolging.verwijderen"),
    );
    expect(errorCode(remove)).toBe("FORBIDDEN");
    expect(await app.orm.em.fork().count(InterneTaak, { id: taakA.id })).toBe(1);
  });
});

describe("vertrouwelijke klantcontacten", () => {
  it("are absent without vertrouwelijk.lezen: from lists and filters, by uuid, through _entities, a partij and a zaak", async () => {
    const options = staffWithout("vertrouwelijk.lezen");
    expect(await klantcontacten(options)).not.toContain(vertrouwelijkB.uuid);
    expect(await klantcontacten(staffWithout())).toContain(vertrouwelijkB.uuid);
    expect(await klantcontacten(options, { vertrouwelijk: true })).toEqual([]);
    expect(
      (await app.ok<{ klantcontact: null }, { uuid: string }>(KLANTCONTACT, { uuid: vertrouwelijkB.uuid }, options)).klantcontact,
    ).toBeNull();

    const viaEntities = await entities(
      [
        { __typename: "Klantcontact", uuid: vertrouwelijkB.uuid },
        { __typename: "Zaak", uuid: ZAAK, identificatie: "ZAAK-1" },
      ],
      options,
    );
    expect(viaEntities.errors).toBeUndefined();
    expect(viaEntities.data!._entities[0]).toBeNull();
    expect(uuids(viaEntities.data!._entities[1]!.klantcontacten)).toEqual(sorted(vraagA, contactB, contactG));

    const viaPartij = await app.ok<{ partij: { klantcontacten: Uuids } }, { uuid: string }>(
      PARTIJ_KLANTCONTACTEN,
      { uuid: partijB.uuid },
      options,
    );
    expect(uuids(viaPartij.partij.klantcontacten)).toEqual([contactB.uuid]);
  });

  it("take their betrokkenen with them, also as an input reference (does_not_exist)", async () => {
    const options = staffWithout("vertrouwelijk.lezen");
    const betrokkenen = await app.ok<{ betrokkenen: Uuids }, Record<string, unknown>>(
      `query ($filter: BetrokkeneFilter) { betrokkenen(filter: $filter, first: 100) { edges { node { uuid } } } }`,
      { filter: { hadKlantcontact: vertrouwelijkB.uuid } },
      options,
    );
    expect(uuids(betrokkenen.betrokkenen)).toEqual([]);

    const result = await app.execute(
      `mutation ($kc: ID!) { createBijlage(input: { wasBijlageVanKlantcontact: $kc }) { uuid } }`,
      { kc: vertrouwelijkB.uuid },
      options,
    );
    expect(invalidParams(result)).toEqual([["wasBijlageVanKlantcontact", "does_not_exist"]]);
  });
});

describe("klantcontacten of partijen with geheimhouding", () => {
  it("are absent without geheimhouding.lezen, with their betrokkenen and interne taken, on every path", async () => {
    const options = staffWithout("geheimhouding.lezen");
    expect(await klantcontacten(options)).not.toContain(contactG.uuid);
    expect(await klantcontacten(staffWithout())).toContain(contactG.uuid);
    expect(
      (await app.ok<{ klantcontact: null }, { uuid: string }>(KLANTCONTACT, { uuid: contactG.uuid }, options)).klantcontact,
    ).toBeNull();

    const viaEntities = await entities(
      [
        { __typename: "Klantcontact", uuid: contactG.uuid },
        { __typename: "Betrokkene", uuid: betrokkeneG.uuid },
        { __typename: "InterneTaak", uuid: taakG.uuid },
        { __typename: "Zaak", uuid: ZAAK },
      ],
      options,
    );
    expect(viaEntities.data!._entities.slice(0, 3)).toEqual([null, null, null]);
    expect(uuids(viaEntities.data!._entities[3]!.klantcontacten)).toEqual(sorted(vraagA, contactB, vertrouwelijkB));

    const taken = await app.ok<{ interneTaken: Uuids }, Record<string, never>>(
      `{ interneTaken(first: 100) { edges { node { uuid } } } }`,
      {},
      options,
    );
    expect(uuids(taken.interneTaken)).toEqual([taakA.uuid]);
  });
});

describe("identificator values in klantcontacten and betrokkenen filters", () => {
  it("are refused without identificatoren.lezen, before any SQL, so that a filter cannot tell who has a BSN", async () => {
    const options = staffWithout("identificatoren.lezen");
    const filter = { wasPartijIdentificator: { objectId: BSN_A } };
    const list = await counted(KLANTCONTACTEN, { filter }, options);
    expect(errorCode(list.result)).toBe("FORBIDDEN");
    expect(list.statements).toBe(0);
    const betrokkenen = await app.execute(
      `query ($filter: BetrokkeneFilter) { betrokkenen(filter: $filter) { edges { node { uuid } } } }`,
      { filter },
      options,
    );
    expect(errorCode(betrokkenen)).toBe("FORBIDDEN");
    // With the scope the same filter finds A's contact.
    expect(await klantcontacten(staffWithout(), filter)).toEqual([vraagA.uuid]);
  });
});

describe("a citizen-bound token", () => {
  it("sees its own klantcontacten and their answers, and nothing of another citizen's, on every path", async () => {
    const options = burger(BSN_A);
    expect(await klantcontacten(options)).toEqual(sorted(vraagA, antwoordA));
    expect(
      (await app.ok<{ klantcontact: null }, { uuid: string }>(KLANTCONTACT, { uuid: contactB.uuid }, options)).klantcontact,
    ).toBeNull();
    expect(
      (await app.ok<{ klantcontact: { uuid: string } }, { uuid: string }>(KLANTCONTACT, { uuid: antwoordA.uuid }, options)).klantcontact,
    ).toEqual({ uuid: antwoordA.uuid });

    const viaPartij = await app.ok<{ partij: null }, { uuid: string }>(
      `query ($uuid: ID!) { partij(uuid: $uuid) { uuid klantcontacten { edges { node { uuid } } } } }`,
      { uuid: partijB.uuid },
      options,
    );
    expect(viaPartij.partij).toBeNull();
    const ownPartij = await app.ok<{ partij: { klantcontacten: Uuids } }, { uuid: string }>(
      `query ($uuid: ID!) { partij(uuid: $uuid) { klantcontacten { edges { node { uuid } } } } }`,
      { uuid: partijA.uuid },
      options,
    );
    expect(uuids(ownPartij.partij.klantcontacten)).toEqual([vraagA.uuid]);

    const viaEntities = await entities(
      [
        { __typename: "Klantcontact", uuid: contactB.uuid },
        { __typename: "Betrokkene", uuid: betrokkeneB.uuid },
        { __typename: "Zaak", uuid: ZAAK },
      ],
      options,
    );
    expect(viaEntities.errors).toBeUndefined();
    expect(viaEntities.data!._entities.slice(0, 2)).toEqual([null, null]);
    expect(uuids(viaEntities.data!._entities[2]!.klantcontacten)).toEqual([vraagA.uuid]);

    // The other citizen likewise sees only its own (not the vertrouwelijk one: the test client has vertrouwelijk.lezen).
    expect(await klantcontacten(burger(BSN_B))).toEqual(sorted(contactB, vertrouwelijkB));
  });

  it("never sees interne taken, actors or bijlagen, not even of its own klantcontact", async () => {
    const options = burger(BSN_A);
    const own = await app.ok<
      { klantcontact: { leiddeTotInterneTaken: unknown[]; hadBetrokkenActoren: unknown[]; omvatteBijlagen: unknown[] } },
      { uuid: string }
    >(
      `query ($uuid: ID!) { klantcontact(uuid: $uuid) { leiddeTotInterneTaken { uuid } hadBetrokkenActoren { uuid } omvatteBijlagen { uuid } } }`,
      { uuid: vraagA.uuid },
      options,
    );
    expect(own.klantcontact).toEqual({ leiddeTotInterneTaken: [], hadBetrokkenActoren: [], omvatteBijlagen: [] });
    const taken = await app.ok<{ interneTaak: null; actor: null }, { taak: string; actor: string }>(
      `query ($taak: ID!, $actor: ID!) { interneTaak(uuid: $taak) { uuid } actor(uuid: $actor) { uuid } }`,
      { taak: taakA.uuid, actor: actor.uuid },
      options,
    );
    expect(taken).toEqual({ interneTaak: null, actor: null });
  });

  it("may register its own question, and nothing for another partij or without itself as initiator", async () => {
    const options = burger(BSN_A);
    const MAAK = `mutation ($input: MaakKlantcontactInput!) { maakKlantcontact(input: $input) { klantcontact { uuid } betrokkene { wasPartij { uuid } } } }`;
    const klantcontact = { kanaal: "website", onderwerp: "Mijn vraag", taal: "nld", vertrouwelijk: false };
    const own = await app.ok<
      { maakKlantcontact: { klantcontact: { uuid: string }; betrokkene: { wasPartij: { uuid: string } } } },
      Record<string, unknown>
    >(MAAK, { input: { klantcontact, betrokkene: { wasPartij: partijA.uuid, rol: "KLANT", initiator: true } } }, options);
    expect(own.maakKlantcontact.betrokkene.wasPartij.uuid).toBe(partijA.uuid);
    expect(await klantcontacten(options)).toContain(own.maakKlantcontact.klantcontact.uuid);

    const other = await app.execute(
      MAAK,
      { input: { klantcontact, betrokkene: { wasPartij: partijB.uuid, rol: "KLANT", initiator: true } } },
      options,
    );
    expect(invalidParams(other)).toEqual([["betrokkene.wasPartij", "does_not_exist"]]);
    const anonymous = await app.execute(MAAK, { input: { klantcontact } }, options);
    expect(errorCode(anonymous)).toBe("FORBIDDEN");
    const notInitiator = await app.execute(
      MAAK,
      { input: { klantcontact, betrokkene: { wasPartij: partijA.uuid, rol: "KLANT", initiator: false } } },
      options,
    );
    expect(errorCode(notInitiator)).toBe("FORBIDDEN");

    for (const mutation of [
      `mutation { createKlantcontact(input: { kanaal: "x", onderwerp: "x", taal: "nld", vertrouwelijk: false }) { uuid } }`,
      `mutation { createActor(input: { naam: "x", soortActor: MEDEWERKER }) { uuid } }`,
      `mutation { deleteKlantcontact(uuid: "${vraagA.uuid}") }`,
    ]) {
      expect(errorCode(await app.execute(mutation, {}, options))).toBe("FORBIDDEN");
    }
    expect(await app.orm.em.fork().count(Klantcontact, { onderwerp: "Mijn vraag" })).toBe(1);
  });

  it("costs the same number of statements for its klantcontacten with all their relations, whatever their number", async () => {
    const QUERY = `{ klantcontacten(first: 100) { edges { node {
      uuid hadBetrokkenen { uuid wasPartij { uuid } } gingOverOnderwerpobjecten { uuid } wasOnderwerpobjecten { klantcontact { uuid } }
      omvatteBijlagen { uuid } hadBetrokkenActoren { uuid } leiddeTotInterneTaken { uuid }
    } } } }`;
    const before = await app.countStatements(QUERY, {}, burger(BSN_A));
    for (let i = 0; i < 5; i++) await zaakLink((await contact(partijA, `Nog een vraag ${i}`)).klantcontact);
    const after = await app.countStatements(QUERY, {}, burger(BSN_A));
    expect((after.data as { klantcontacten: Uuids }).klantcontacten.edges.length).toBe(
      (before.data as { klantcontacten: Uuids }).klantcontacten.edges.length + 5,
    );
    expect(after.count).toBe(before.count);
  });
});

describe("audit of klantcontacten read", () => {
  it("reports the partijen of a klantcontact's betrokkenen, resolved when the collector flushes", async () => {
    const ctx = new RequestContext(app.orm, app.config, testPrincipal());
    const read = await ctx.service(KlantcontactService).byUuid(vraagA.uuid);
    expect(read?.uuid).toBe(vraagA.uuid);
    expect(ctx.audit.pendingCount).toBe(1);
    const traceId = randomUUID().replaceAll("-", "");
    await ctx.audit.flush(ctx.em, {
      traceId,
      operatie: "test",
      verwerkingsactiviteit: "test",
      clientId: "test",
      userId: "",
      userRepresentation: "",
      uitkomst: AuditUitkomst.GELUKT,
    });
    const records = await app.orm.em.fork().find(AuditRecord, { traceId });
    expect(records.map((r) => r.betrokkeneHash)).toEqual([betrokkeneHash({ bsn: BSN_A }, app.config.audit.hashKey)]);
  });
});
