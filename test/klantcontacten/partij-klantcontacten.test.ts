import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "../../src/auth/scopes";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Partij } from "../../src/partijen/partij.entity";
import {
  KlantcontactenGefilterdDocument,
  PartijenMetKlantcontactenDocument,
  PartijKlantcontactenGefilterdDocument,
  type KlantcontactFilter,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { elfproefNummer, maakPartij, partijenMetKlantcontact } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * Partij.klantcontacten with the filters clients applied in their own code (issue 8): only where
 * the partij took the initiative, without the answers to earlier contacts, by the status of the
 * task a contact led to, by kanaal and time; and the same filters on the root list.
 */

let app: TestApp;
const BSN = elfproefNummer();
let partij: Partij, ander: Partij;

const dag = (d: number) => new Date(Date.UTC(2026, 9, d, 10, 0, 0));

/** A klantcontact on day `d` with betrokkenen [partij, initiator], optionally the answer to `antwoordOp` and with a taak. */
async function contact(
  onderwerp: string,
  d: number,
  betrokkenen: Array<[Partij, boolean]>,
  options: { kanaal?: string; antwoordOp?: Klantcontact; taak?: Taakstatus; vertrouwelijk?: boolean; zaak?: boolean } = {},
): Promise<Klantcontact> {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, {
    kanaal: options.kanaal ?? "telefoon",
    onderwerp,
    taal: "nld",
    vertrouwelijk: options.vertrouwelijk ?? false,
    plaatsgevondenOp: dag(d),
  } as never);
  for (const [wie, initiator] of betrokkenen) {
    em.create(Betrokkene, {
      hadKlantcontact: klantcontact,
      wasPartij: em.getReference(Partij, wie.id),
      rol: Rol.KLANT,
      initiator,
    } as never);
  }
  if (options.antwoordOp) {
    em.create(Onderwerpobject, {
      klantcontact,
      wasKlantcontact: em.getReference(Klantcontact, options.antwoordOp.id),
      onderwerpobjectidentificator: {
        objectId: options.antwoordOp.uuid,
        codeObjecttype: "klantcontact",
        codeSoortObjectId: "uuid",
        codeRegister: "openklant",
      },
    } as never);
  }
  // a link to a zaak is no answer
  if (options.zaak) {
    em.create(Onderwerpobject, {
      klantcontact,
      onderwerpobjectidentificator: {
        objectId: "ZAAK-1",
        codeObjecttype: "zaak",
        codeSoortObjectId: "identificatie",
        codeRegister: "openzaak",
      },
    } as never);
  }
  if (options.taak) {
    em.create(InterneTaak, {
      aanleidinggevendKlantcontact: klantcontact,
      gevraagdeHandeling: "Terugbellen",
      status: options.taak,
      afgehandeldOp: options.taak === Taakstatus.VERWERKT ? dag(d + 1) : null,
    } as never);
  }
  await em.flush();
  return klantcontact;
}

beforeAll(async () => {
  app = await TestApp.start();
  partij = await maakPartij(app, { bsn: BSN });
  ander = await maakPartij(app);
  const vraag1 = await contact("Vraag 1", 1, [[partij, true]], { taak: Taakstatus.TE_VERWERKEN, zaak: true });
  const vraag2 = await contact("Vraag 2", 2, [[partij, true]], { kanaal: "email", taak: Taakstatus.VERWERKT });
  await contact("Vraag van een ander", 3, [
    [ander, true],
    [partij, false],
  ]);
  // the answer registered by the municipality, the partij carried over (not the initiator)
  await contact("Antwoord op vraag 1", 4, [[partij, false]], { antwoordOp: vraag1 });
  // an answer in which the partij is initiator all the same (an older front-end)
  await contact("Antwoord op vraag 2", 5, [[partij, true]], { kanaal: "email", antwoordOp: vraag2 });
  await contact("Vertrouwelijke vraag", 6, [[partij, true]], { vertrouwelijk: true });
});
afterAll(() => app.stop());

async function vanPartij(filter: KlantcontactFilter | undefined, principal = testPrincipal(), uuid = partij.uuid) {
  const { partij: gevonden } = await app.ok(PartijKlantcontactenGefilterdDocument, { uuid, filter, first: 100 }, { principal });
  return { contacten: gevonden!.klantcontacten.edges.map((e) => e.node.onderwerp), totalCount: gevonden!.klantcontacten.totalCount };
}
const onderwerpen = async (filter?: KlantcontactFilter) => (await vanPartij(filter)).contacten;

describe("Partij.klantcontacten", () => {
  it("gives Mijn Omgeving 'my questions, not the answers, newest first' in one request", async () => {
    expect(await vanPartij({ alleenAlsInitiator: true, geenAntwoord: true })).toEqual({
      contacten: ["Vertrouwelijke vraag", "Vraag 2", "Vraag 1"],
      totalCount: 3,
    });
  });

  it("filters on initiator and on answers separately", async () => {
    expect(await onderwerpen()).toHaveLength(6);
    expect(await onderwerpen({ alleenAlsInitiator: true })).toEqual(["Vertrouwelijke vraag", "Antwoord op vraag 2", "Vraag 2", "Vraag 1"]);
    expect(await onderwerpen({ alleenAlsInitiator: false })).toHaveLength(6);
    expect(await onderwerpen({ geenAntwoord: true })).toEqual(["Vertrouwelijke vraag", "Vraag van een ander", "Vraag 2", "Vraag 1"]);
    expect(await onderwerpen({ geenAntwoord: false })).toEqual(["Antwoord op vraag 2", "Antwoord op vraag 1"]);
    // the other partij took the initiative of its own question only
    expect((await vanPartij({ alleenAlsInitiator: true }, testPrincipal(), ander.uuid)).contacten).toEqual(["Vraag van een ander"]);
  });

  it("filters on the interne taak and its status", async () => {
    expect(await onderwerpen({ interneTaakStatus: "TE_VERWERKEN" })).toEqual(["Vraag 1"]);
    expect(await onderwerpen({ interneTaakStatus: "VERWERKT" })).toEqual(["Vraag 2"]);
    expect(await onderwerpen({ heeftInterneTaak: true })).toEqual(["Vraag 2", "Vraag 1"]);
    expect(await onderwerpen({ heeftInterneTaak: false, alleenAlsInitiator: true })).toEqual([
      "Vertrouwelijke vraag",
      "Antwoord op vraag 2",
    ]);
  });

  it("filters on kanaal and on the plaatsgevondenOp range", async () => {
    expect(await onderwerpen({ kanaal: "email" })).toEqual(["Antwoord op vraag 2", "Vraag 2"]);
    expect(await onderwerpen({ plaatsgevondenVanaf: dag(2).toISOString(), plaatsgevondenTot: dag(4).toISOString() })).toEqual([
      "Vraag van een ander",
      "Vraag 2",
    ]);
    expect(await vanPartij({ kanaal: "email", geenAntwoord: true, plaatsgevondenVanaf: dag(1).toISOString() })).toEqual({
      contacten: ["Vraag 2"],
      totalCount: 1,
    });
  });

  it("pages the filtered list; totalCount stays the whole list's", async () => {
    const filter = { alleenAlsInitiator: true };
    const eerste = await app.ok(PartijKlantcontactenGefilterdDocument, { uuid: partij.uuid, filter, first: 3 });
    const page1 = eerste.partij!.klantcontacten;
    expect([page1.edges.length, page1.totalCount, page1.pageInfo.hasNextPage]).toEqual([3, 4, true]);
    const tweede = await app.ok(PartijKlantcontactenGefilterdDocument, {
      uuid: partij.uuid,
      filter,
      first: 3,
      after: page1.pageInfo.endCursor,
    });
    const page2 = tweede.partij!.klantcontacten;
    expect(page2.edges.map((e) => e.node.onderwerp)).toEqual(["Vraag 1"]);
    expect([page2.totalCount, page2.pageInfo.hasNextPage]).toEqual([4, false]);
  });
});

describe("klantcontacten (root)", () => {
  async function root(filter: KlantcontactFilter) {
    const { klantcontacten } = await app.ok(KlantcontactenGefilterdDocument, { filter });
    return klantcontacten.edges.map((e) => e.node.onderwerp);
  }

  it("applies alleenAlsInitiator to the partij of wasPartij or wasPartijIdentificator", async () => {
    expect(await root({ wasPartij: partij.uuid, alleenAlsInitiator: true, geenAntwoord: true })).toEqual([
      "Vertrouwelijke vraag",
      "Vraag 2",
      "Vraag 1",
    ]);
    expect(await root({ wasPartij: ander.uuid, alleenAlsInitiator: true })).toEqual(["Vraag van een ander"]);
    expect(
      await root({ wasPartijIdentificator: { codeSoortObjectId: "BSN", objectId: BSN }, alleenAlsInitiator: true, kanaal: "email" }),
    ).toEqual(["Antwoord op vraag 2", "Vraag 2"]);
    expect(await root({ geenAntwoord: false })).toEqual(["Antwoord op vraag 2", "Antwoord op vraag 1"]);
    expect(await root({ interneTaakStatus: "VERWERKT" })).toEqual(["Vraag 2"]);
  });

  it("refuses alleenAlsInitiator without a partij to apply it to", async () => {
    const result = await app.execute(KlantcontactenGefilterdDocument, { filter: { alleenAlsInitiator: true } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([["filter.alleenAlsInitiator", "invalid"]]);
    expect(errorCode(await app.execute(KlantcontactenGefilterdDocument, { filter: { alleenAlsInitiator: false } }))).toBeUndefined();
  });
});

describe("the gates", () => {
  const without = (...left: Scope[]) => testPrincipal(SCOPES.filter((scope) => !left.includes(scope)));

  it("leave out what a client may not see, from the list and from its count", async () => {
    expect(
      await vanPartij({ alleenAlsInitiator: true, geenAntwoord: true }, without("vertrouwelijk.lezen", "geheimhouding.lezen")),
    ).toEqual({
      contacten: ["Vraag 2", "Vraag 1"],
      totalCount: 2,
    });
  });

  it("give a citizen its own questions, and no taken to filter on", async () => {
    const burger = testPrincipal(
      SCOPES.filter((scope) => scope !== "vertrouwelijk.lezen"),
      { burger: { bsn: BSN } },
    );
    expect(await vanPartij({ alleenAlsInitiator: true, geenAntwoord: true }, burger)).toEqual({
      contacten: ["Vraag 2", "Vraag 1"],
      totalCount: 2,
    });
    // the answers to its questions are its own too
    expect((await vanPartij({ geenAntwoord: false }, burger)).contacten).toEqual(["Antwoord op vraag 2", "Antwoord op vraag 1"]);
    expect(await vanPartij({ interneTaakStatus: "TE_VERWERKEN" }, burger)).toEqual({ contacten: [], totalCount: 0 });
  });

  it("ask opvolging.lezen for a filter on the status of taken", async () => {
    const result = await app.execute(
      PartijKlantcontactenGefilterdDocument,
      { uuid: partij.uuid, filter: { interneTaakStatus: "TE_VERWERKEN" } },
      { principal: without("opvolging.lezen") },
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("SQL statements", () => {
  it("are as many for one partij as for five, with every new filter and totalCount", async () => {
    await partijenMetKlantcontact(app.orm, 5);
    const filter: KlantcontactFilter = { alleenAlsInitiator: true, geenAntwoord: true, heeftInterneTaak: false };
    const een = await app.countStatements(PartijenMetKlantcontactenDocument, { first: 1, filter });
    const vijf = await app.countStatements(PartijenMetKlantcontactenDocument, { first: 5, filter });
    expect(vijf.data.partijen.edges.map((e) => e.node.klantcontacten.totalCount)).toEqual([1, 1, 1, 1, 1]);
    expect(vijf.data.partijen.totalCount).toBe(7);
    expect(een.count).toBe(vijf.count);
    // without totalCount anywhere: two statements fewer (the partijen's count and the contacts' GROUP BY)
    const zonder = await app.countStatements(
      `query ($filter: KlantcontactFilter) { partijen(first: 5) { edges { node { klantcontacten(filter: $filter, first: 5) { edges { node { onderwerp } } } } } } }`,
      { filter },
    );
    expect(zonder.count).toBe(vijf.count - 2);
  });
});
