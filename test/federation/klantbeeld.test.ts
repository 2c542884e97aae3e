import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, seedDemoData } from "../../src/database/demo-data";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import { Partij } from "../../src/partijen/partij.entity";
import {
  KlantbeeldOpIdentificatorDocument,
  ZaakMetKlantcontactenDocument,
  ZaakOpIdentificatieMetKlantcontactenDocument,
} from "../generated/supergraph";
import { FederatedTestApp } from "../support/gateway";

let app: FederatedTestApp;
beforeAll(async () => {
  app = await FederatedTestApp.start();
  await seedDemoData(app.subgraph.orm.em.fork());
});
afterAll(() => app.stop());

async function klantbeeld(soort: "BSN" | "KVK_NUMMER" | "VESTIGINGSNUMMER", objectId: string) {
  const result = await app.query(KlantbeeldOpIdentificatorDocument, { soort, objectId });
  expect(result.errors).toBeUndefined();
  const partij = result.data!.partijen.edges[0]?.node;
  expect(partij).toBeDefined();
  return partij!;
}

/** Adds `count` klantcontacten about the parkeervergunning for the demo citizen, each with an actor and a taak. */
async function addKlantcontacten(count: number) {
  const em = app.subgraph.orm.em.fork();
  const jan = await em.findOneOrFail(Partij, { contactnaam: { voornaam: "Jan" } });
  const actor = await em.findOneOrFail(Actor, { naam: "Sanne Jansen" });
  for (let i = 0; i < count; i++) {
    const contact = em.create(Klantcontact, {
      kanaal: "telefoon",
      onderwerp: `Vervolgvraag ${i}`,
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: new Date(Date.UTC(2026, 0, 1 + i)),
    } as never);
    em.create(Betrokkene, { hadKlantcontact: contact, wasPartij: jan, rol: Rol.KLANT, initiator: true } as never);
    em.create(ActorKlantcontact, { actor, klantcontact: contact } as never);
    em.create(Onderwerpobject, {
      klantcontact: contact,
      onderwerpobjectidentificator: { objectId: DEMO.zaken.parkeervergunning.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
    } as never);
    const taak = em.create(InterneTaak, {
      gevraagdeHandeling: "Terugbellen",
      aanleidinggevendKlantcontact: contact,
      status: Taakstatus.TE_VERWERKEN,
    } as never);
    em.create(Toewijzing, { interneTaak: taak, actor } as never);
  }
  await em.flush();
}

describe("the klantbeeld through the router, in one request", () => {
  it("of a citizen by BSN: partij, contact details, contacts with their zaken, open taken and zaken", async () => {
    const partij = await klantbeeld("BSN", DEMO.bsn);

    expect(partij.partijIdentificatie).toEqual({ volledigeNaam: "Jan de Vries" });
    expect(partij.bsn).toBe(DEMO.bsn);
    expect(partij.partijIdentificatoren).toEqual([{ partijIdentificator: { codeSoortObjectId: "BSN", objectId: DEMO.bsn } }]);
    expect(partij.digitaleAdressen).toEqual(
      expect.arrayContaining([
        { adres: "jan.devries@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
        { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER", isStandaardAdres: true },
      ]),
    );

    // Latest contact first; the Zaak subgraph finds the zaak behind each onderwerpobject.
    const contacten = partij.klantcontacten.edges.map((e) => e.node);
    expect(contacten.map((k) => k.onderwerp)).toEqual(["Parkeervergunning", "Melding openbare ruimte"]);
    const [terugbellen, melding] = contacten;
    expect(terugbellen.kanaal).toBe("telefoon");
    expect(terugbellen.plaatsgevondenOp).toBe("2026-11-20T09:15:00.000Z");
    expect(terugbellen.hadBetrokkenActoren).toEqual([{ naam: "Sanne Jansen", soortActor: "MEDEWERKER" }]);
    // KISS links by zaak uuid.
    expect(terugbellen.gingOverOnderwerpobjecten[0].zaak).toEqual({
      uuid: DEMO.zaken.parkeervergunning.uuid,
      identificatie: DEMO.zaken.parkeervergunning.identificatie,
      omschrijving: "Aanvraag parkeervergunning bewoners",
      status: { statustype: { omschrijving: "In behandeling" } },
    });
    expect(terugbellen.zaken).toEqual([{ identificatie: DEMO.zaken.parkeervergunning.identificatie }]);
    // Open Inwoner links by zaak identificatie.
    expect(melding.gingOverOnderwerpobjecten[0].onderwerpobjectidentificator?.objectId).toBe(DEMO.zaken.stoeptegel.identificatie);
    expect(melding.gingOverOnderwerpobjecten[0].zaak).toEqual({
      uuid: DEMO.zaken.stoeptegel.uuid,
      identificatie: DEMO.zaken.stoeptegel.identificatie,
      omschrijving: "Melding losliggende stoeptegel",
      status: { statustype: { omschrijving: "Afgehandeld" } },
    });
    expect(melding.zaken).toEqual([{ identificatie: DEMO.zaken.stoeptegel.identificatie }]);

    expect(partij.interneTaken.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        gevraagdeHandeling: "Terugbellen",
        status: "TE_VERWERKEN",
        toegewezenAanActoren: [{ naam: "Afdeling Vergunningen", soortActor: "ORGANISATORISCHE_EENHEID" }],
      }),
    ]);

    // Zaken of the Zaak subgraph, found through the BSN this subgraph provides; newest startdatum first.
    expect(partij.zaken!.map((z) => [z.identificatie, z.zaaktype.omschrijving, z.status?.statustype.omschrijving])).toEqual([
      [DEMO.zaken.parkeervergunning.identificatie, "Parkeervergunning aanvragen", "In behandeling"],
      [DEMO.zaken.stoeptegel.identificatie, "Melding openbare ruimte", "Afgehandeld"],
    ]);
  });

  it("of an organisatie by KvK-nummer and of its vestiging by vestigingsnummer", async () => {
    const organisatie = await klantbeeld("KVK_NUMMER", DEMO.kvkNummer);
    expect(organisatie.partijIdentificatie).toEqual({ naam: "Bakkerij De Korenaar B.V." });
    expect(organisatie.kvkNummer).toBe(DEMO.kvkNummer);
    expect(organisatie.digitaleAdressen.map((a) => a.adres)).toEqual(["info@korenaar.example.nl"]);
    expect(organisatie.klantcontacten.edges.map((e) => e.node.onderwerp)).toEqual(["Terrasvergunning"]);
    expect(organisatie.klantcontacten.edges[0].node.gingOverOnderwerpobjecten[0].zaak?.identificatie).toBe(DEMO.zaken.terras.identificatie);
    expect(organisatie.zaken!.map((z) => z.identificatie)).toEqual([DEMO.zaken.terras.identificatie]);

    const vestiging = await klantbeeld("VESTIGINGSNUMMER", DEMO.vestigingsnummer);
    expect(vestiging.uuid).toBe(organisatie.uuid);
    expect(vestiging.vestigingsnummer).toBe(DEMO.vestigingsnummer);
    expect(vestiging.zaken!.map((z) => [z.identificatie, z.omschrijving])).toEqual([
      [DEMO.zaken.terras.identificatie, "Aanvraag terrasvergunning"],
    ]);
  });

  it("the reverse: a zaak with its klantcontacten, their betrokkenen and partijen", async () => {
    const result = await app.query(ZaakMetKlantcontactenDocument, { uuid: DEMO.zaken.parkeervergunning.uuid });
    expect(result.errors).toBeUndefined();
    const zaak = result.data!.zaak!;
    expect(zaak.identificatie).toBe(DEMO.zaken.parkeervergunning.identificatie);
    const [contact] = zaak.klantcontacten!.edges.map((e) => e.node);
    expect(contact.onderwerp).toBe("Parkeervergunning");
    expect(contact.hadBetrokkenen).toEqual([
      {
        rol: "KLANT",
        initiator: true,
        wasPartij: expect.objectContaining({ bsn: DEMO.bsn, partijIdentificatie: { volledigeNaam: "Jan de Vries" } }),
      },
    ]);

    // Open Inwoner links by identificatie: found through the @required identificatie.
    const viaIdentificatie = await app.query(ZaakOpIdentificatieMetKlantcontactenDocument, {
      identificatie: DEMO.zaken.stoeptegel.identificatie,
    });
    expect(viaIdentificatie.data!.zaakOpIdentificatie!.klantcontacten!.edges.map((e) => e.node.onderwerp)).toEqual([
      "Melding openbare ruimte",
    ]);
  });

  it("narrows a zaak's klantcontacten to those a given partij initiated", async () => {
    const organisatie = await klantbeeld("KVK_NUMMER", DEMO.kvkNummer);
    const em = app.subgraph.orm.em.fork();
    const petra = await em.findOneOrFail(Partij, { contactnaam: { voornaam: "Petra" } });
    const onderwerpen = async (initiatorPartij: string) =>
      (
        await app.query(ZaakMetKlantcontactenDocument, { uuid: DEMO.zaken.terras.uuid, initiatorPartij })
      ).data!.zaak!.klantcontacten!.edges.map((e) => e.node.onderwerp);
    expect(await onderwerpen(petra.uuid)).toEqual(["Terrasvergunning"]);
    expect(await onderwerpen(organisatie.uuid)).toEqual([]);
  });
});

describe("the cost of the klantbeeld", () => {
  it("has a bounded query plan and a subgraph statement count that does not grow with the contacts", async () => {
    const measure = async () => {
      const before = app.subgraph.statements.length;
      const partij = await klantbeeld("BSN", DEMO.bsn);
      return {
        fetches: app.fetches.map((f) => f.subgraph),
        statements: app.subgraph.statements.length - before,
        contacten: partij.klantcontacten.edges.length,
      };
    };
    const small = await measure();
    await addKlantcontacten(15);
    const large = await measure();

    expect(large.contacten).toBe(small.contacten + 15);
    // partijen → Zaak subgraph: the zaken of the partij, of the onderwerpobjecten and of the klantcontacten
    expect(small.fetches.length).toBeLessThanOrEqual(4);
    expect(large.fetches).toEqual(small.fetches);
    expect(large.statements).toBe(small.statements);
  });
});
