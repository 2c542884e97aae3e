import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "../../src/auth/scopes";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import { Partij } from "../../src/partijen/partij.entity";
import {
  WerkvoorraadLijstDocument,
  WerkvoorraadPerActorDocument,
  WerkvoorraadVanActorDocument,
  WerkvoorraadVanPartijDocument,
  WerkvoorraadZonderAantalDocument,
  type InterneTaakFilter,
  type Volgorde,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakPartij } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * The lists of interne taken that ITA's work queue needs in one request (issue 8): by several
 * actors, by an actor's identificator, by several statuses, oldest or newest first, per actor
 * (Actor.interneTaken), with totalCount; through the gates of taken and klantcontacten.
 */

let app: TestApp;
let medewerker: Actor, afdeling: Actor, ander: Actor;
let partij: Partij;

const dag = (d: number) => new Date(Date.UTC(2026, 10, d, 9, 0, 0));

/** A klantcontact (of `partij` as betrokkene) and a taak on it for these actors, assigned on day `d`. */
async function taak(
  gevraagdeHandeling: string,
  actoren: Actor[],
  d: number,
  options: { status?: Taakstatus; vertrouwelijk?: boolean } = {},
): Promise<void> {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: gevraagdeHandeling,
    taal: "nld",
    vertrouwelijk: options.vertrouwelijk ?? false,
  } as never);
  em.create(Betrokkene, {
    hadKlantcontact: klantcontact,
    wasPartij: em.getReference(Partij, partij.id),
    rol: Rol.KLANT,
    initiator: true,
  } as never);
  const row = em.create(InterneTaak, {
    aanleidinggevendKlantcontact: klantcontact,
    gevraagdeHandeling,
    status: options.status ?? Taakstatus.TE_VERWERKEN,
    toegewezenOp: dag(d),
    afgehandeldOp: options.status === Taakstatus.VERWERKT ? dag(d + 1) : null,
  } as never);
  for (const actor of actoren) em.create(Toewijzing, { interneTaak: row, actor: em.getReference(Actor, actor.id) } as never);
  await em.flush();
}

async function actor(naam: string, soortActor: SoortActor, actoridentificator: Record<string, string>): Promise<Actor> {
  const em = app.orm.em.fork();
  const row = em.create(Actor, { naam, soortActor, indicatieActief: true, actoridentificator } as never);
  await em.flush();
  return row;
}

beforeAll(async () => {
  app = await TestApp.start();
  partij = await maakPartij(app);
  const register = { codeObjecttype: "medewerker", codeRegister: "entra", codeSoortObjectId: "email" };
  medewerker = await actor("Werkvoorraad Sanne", SoortActor.MEDEWERKER, { ...register, objectId: "sanne@gemeente.nl" });
  afdeling = await actor("Werkvoorraad Afdeling Burgerzaken", SoortActor.ORGANISATORISCHE_EENHEID, {
    codeObjecttype: "afdeling",
    codeRegister: "entra",
    codeSoortObjectId: "groep",
    objectId: "burgerzaken",
  });
  ander = await actor("Werkvoorraad Piet", SoortActor.MEDEWERKER, { ...register, objectId: "piet@gemeente.nl" });
  // Created in this order, assigned on other days: the lists follow toegewezenOp, not creation.
  await taak("T1 medewerker", [medewerker], 2);
  await taak("T2 afdeling", [afdeling], 3);
  await taak("T3 ander", [ander], 4);
  await taak("T4 beide, verwerkt", [medewerker, afdeling], 5, { status: Taakstatus.VERWERKT });
  await taak("T5 afdeling, oudste", [afdeling], 1);
  await taak("T6 vertrouwelijk", [medewerker], 6, { vertrouwelijk: true });
});
afterAll(() => app.stop());

async function lijst(filter: InterneTaakFilter, volgorde?: Volgorde, principal = testPrincipal()) {
  const { interneTaken } = await app.ok(WerkvoorraadLijstDocument, { filter, volgorde, first: 100 }, { principal });
  return { taken: interneTaken.edges.map((e) => e.node.gevraagdeHandeling), totalCount: interneTaken.totalCount };
}
const namen = async (filter: InterneTaakFilter, volgorde?: Volgorde) => (await lijst(filter, volgorde)).taken;

describe("interneTaken: ITA's work queue", () => {
  it("lists the open taken of a medewerker and his afdeling, oldest first, each once", async () => {
    const wachtrij = { toegewezenAanActoren: [medewerker.uuid, afdeling.uuid], status: "TE_VERWERKEN" as const };
    expect(await lijst(wachtrij, "OUDSTE_EERST")).toEqual({
      taken: ["T5 afdeling, oudste", "T1 medewerker", "T2 afdeling", "T6 vertrouwelijk"],
      totalCount: 4,
    });
    // newest first unless asked otherwise; T4, assigned to both, once
    expect(await namen({ toegewezenAanActoren: [medewerker.uuid, afdeling.uuid] })).toEqual([
      "T6 vertrouwelijk",
      "T4 beide, verwerkt",
      "T2 afdeling",
      "T1 medewerker",
      "T5 afdeling, oudste",
    ]);
    expect(await namen({ toegewezenAanActoren: [ander.uuid.toUpperCase()] }, "NIEUWSTE_EERST")).toEqual(["T3 ander"]);
  });

  it("finds the actor by (parts of) its actoridentificator, all given parts on one actor", async () => {
    expect(await namen({ actoridentificator: { codeRegister: "entra", objectId: "sanne@gemeente.nl" } }, "OUDSTE_EERST")).toEqual([
      "T1 medewerker",
      "T4 beide, verwerkt",
      "T6 vertrouwelijk",
    ]);
    expect(await namen({ actoridentificator: { codeObjecttype: "afdeling" }, status: "TE_VERWERKEN" })).toEqual([
      "T2 afdeling",
      "T5 afdeling, oudste",
    ]);
    // the objectId of one actor with the objecttype of another: no actor has both
    expect(await namen({ actoridentificator: { codeObjecttype: "afdeling", objectId: "sanne@gemeente.nl" } })).toEqual([]);
    // an actor condition with the uuids: the same actor meets both
    expect(
      await namen({ toegewezenAanActoren: [medewerker.uuid, ander.uuid], actoridentificator: { objectId: "piet@gemeente.nl" } }),
    ).toEqual(["T3 ander"]);
  });

  it("filters on several statuses and on toegewezenNa", async () => {
    const alle = [medewerker.uuid, afdeling.uuid, ander.uuid];
    expect(await namen({ toegewezenAanActoren: alle, statussen: ["VERWERKT"] })).toEqual(["T4 beide, verwerkt"]);
    expect((await lijst({ toegewezenAanActoren: alle, statussen: ["TE_VERWERKEN", "VERWERKT"] })).totalCount).toBe(6);
    expect(await namen({ toegewezenAanActoren: alle, toegewezenNa: dag(3).toISOString() }, "OUDSTE_EERST")).toEqual([
      "T3 ander",
      "T4 beide, verwerkt",
      "T6 vertrouwelijk",
    ]);
  });

  it("finds nothing for an empty list, and refuses more than 100 actors", async () => {
    expect(await lijst({ toegewezenAanActoren: [] })).toEqual({ taken: [], totalCount: 0 });
    expect(await lijst({ statussen: [] })).toEqual({ taken: [], totalCount: 0 });
    expect(await namen({ toegewezenAanActoren: ["geen-uuid", medewerker.uuid], status: "TE_VERWERKEN" })).toEqual([
      "T6 vertrouwelijk",
      "T1 medewerker",
    ]);
    const teVeel = await app.execute(WerkvoorraadLijstDocument, { filter: { toegewezenAanActoren: Array(101).fill(medewerker.uuid) } });
    expect(errorCode(teVeel)).toBe("BAD_USER_INPUT");
    expect(invalidParams(teVeel)).toEqual([["filter.toegewezenAanActoren", "max_length"]]);
  });

  it("pages with keyset cursors in either order", async () => {
    const filter = { toegewezenAanActoren: [medewerker.uuid, afdeling.uuid, ander.uuid] };
    for (const [volgorde, verwacht] of [
      ["OUDSTE_EERST", ["T5", "T1", "T2", "T3", "T4", "T6"]],
      ["NIEUWSTE_EERST", ["T6", "T4", "T3", "T2", "T1", "T5"]],
    ] as const) {
      const gezien: string[] = [];
      let after: string | null | undefined;
      for (let pagina = 0; pagina < 3; pagina++) {
        const { interneTaken } = await app.ok(WerkvoorraadLijstDocument, { filter, volgorde, first: 2, after });
        gezien.push(...interneTaken.edges.map((e) => e.node.gevraagdeHandeling.slice(0, 2)));
        // the total is of the whole list, whichever page
        expect(interneTaken.totalCount).toBe(6);
        expect(interneTaken.pageInfo.hasNextPage).toBe(pagina < 2);
        after = interneTaken.pageInfo.endCursor;
      }
      expect(gezien).toEqual(verwacht);
    }
  });

  it("counts only when totalCount is selected, one statement more", async () => {
    const filter = { toegewezenAanActoren: [medewerker.uuid, afdeling.uuid] };
    const zonder = await app.countStatements(WerkvoorraadZonderAantalDocument, { filter, first: 10 });
    const met = await app.countStatements(WerkvoorraadLijstDocument, { filter, first: 10 });
    expect(met.data.interneTaken.totalCount).toBe(5);
    // WerkvoorraadLijst also asks for the actors (one statement); the count is the other one
    expect(met.count).toBe(zonder.count + 2);
    expect(app.statements.slice(-met.count).filter((sql) => /count\(/i.test(sql))).toHaveLength(1);
    expect(app.statements.slice(-zonder.count - met.count, -met.count).filter((sql) => /count\(/i.test(sql))).toHaveLength(0);
  });
});

describe("Actor.interneTaken", () => {
  it("is the work queue of each actor, with its own totalCount", async () => {
    const { actoren } = await app.ok(WerkvoorraadPerActorDocument, {
      naam: "Werkvoorraad",
      first: 10,
      filter: { status: "TE_VERWERKEN" },
      volgorde: "OUDSTE_EERST",
      taken: 10,
    });
    const perActor = Object.fromEntries(
      actoren.edges.map((e) => [
        e.node.naam,
        [e.node.interneTaken.totalCount, ...e.node.interneTaken.edges.map((t) => t.node.gevraagdeHandeling)],
      ]),
    );
    expect(perActor).toEqual({
      "Werkvoorraad Sanne": [2, "T1 medewerker", "T6 vertrouwelijk"],
      "Werkvoorraad Afdeling Burgerzaken": [2, "T5 afdeling, oudste", "T2 afdeling"],
      "Werkvoorraad Piet": [1, "T3 ander"],
    });
  });

  it("pages per actor; the cursor continues in the chosen order", async () => {
    const vraag = (after?: string | null) =>
      app.ok(WerkvoorraadPerActorDocument, { naam: "Afdeling Burgerzaken", first: 1, volgorde: "OUDSTE_EERST", taken: 2, after });
    const eerste = (await vraag()).actoren.edges[0].node.interneTaken;
    expect(eerste.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["T5 afdeling, oudste", "T2 afdeling"]);
    expect(eerste.pageInfo.hasNextPage).toBe(true);
    const tweede = (await vraag(eerste.pageInfo.endCursor)).actoren.edges[0].node.interneTaken;
    expect(tweede.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["T4 beide, verwerkt"]);
    expect([tweede.totalCount, tweede.pageInfo.hasNextPage]).toEqual([3, false]);
  });

  it("takes as many SQL statements for one actor as for three, totalCount included", async () => {
    const variables = { naam: "Werkvoorraad", filter: { statussen: ["TE_VERWERKEN" as const] }, taken: 5 };
    const een = await app.countStatements(WerkvoorraadPerActorDocument, { ...variables, first: 1 });
    const drie = await app.countStatements(WerkvoorraadPerActorDocument, { ...variables, first: 3 });
    expect(een.data.actoren.edges).toHaveLength(1);
    expect(drie.data.actoren.edges).toHaveLength(3);
    expect(een.count).toBe(drie.count);
    // the actors, their pages, the pages' counts (one GROUP BY), the taken's actors
    expect(drie.count).toBe(4);
  });
});

describe("Partij.interneTaken", () => {
  it("follows volgorde too", async () => {
    const lees = async (volgorde: Volgorde) =>
      (await app.ok(WerkvoorraadVanPartijDocument, { uuid: partij.uuid, volgorde })).partij!.interneTaken.edges.map((e) =>
        e.node.gevraagdeHandeling.slice(0, 2),
      );
    expect(await lees("OUDSTE_EERST")).toEqual(["T5", "T1", "T2", "T3", "T4", "T6"]);
    expect(await lees("NIEUWSTE_EERST")).toEqual(["T6", "T4", "T3", "T2", "T1", "T5"]);
    expect((await app.ok(WerkvoorraadVanPartijDocument, { uuid: partij.uuid })).partij!.interneTaken.totalCount).toBe(6);
  });
});

describe("the gates", () => {
  const without = (...left: Scope[]) => testPrincipal(SCOPES.filter((scope) => !left.includes(scope)));

  it("leave out the taken of klantcontacten a client may not see, in the list and in its count", async () => {
    const filter = { toegewezenAanActoren: [medewerker.uuid] };
    expect(await lijst(filter, "OUDSTE_EERST", without("vertrouwelijk.lezen", "geheimhouding.lezen"))).toEqual({
      taken: ["T1 medewerker", "T4 beide, verwerkt"],
      totalCount: 2,
    });
    const { actor: perActor } = await app.ok(
      WerkvoorraadVanActorDocument,
      { uuid: medewerker.uuid, volgorde: "OUDSTE_EERST" },
      { principal: without("vertrouwelijk.lezen") },
    );
    expect(perActor?.interneTaken.totalCount).toBe(2);
    expect(perActor?.interneTaken.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["T1 medewerker", "T4 beide, verwerkt"]);
  });

  it("show a citizen no taken and no actors", async () => {
    const burger = testPrincipal(SCOPES, { burger: { bsn: "999993653" } });
    expect(await lijst({ toegewezenAanActoren: [medewerker.uuid] }, undefined, burger)).toEqual({ taken: [], totalCount: 0 });
    expect((await app.ok(WerkvoorraadVanActorDocument, { uuid: medewerker.uuid }, { principal: burger })).actor).toBeNull();
  });

  it("need opvolging.lezen", async () => {
    const result = await app.execute(WerkvoorraadLijstDocument, { filter: {} }, { principal: without("opvolging.lezen") });
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});
