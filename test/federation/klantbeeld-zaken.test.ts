import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { DEMO, seedDemoData } from "../../src/database/demo-data";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { KlantbeeldOpIdentificatorDocument } from "../generated/supergraph";
import { FederatedTestApp } from "../support/gateway";

/**
 * The zaken in the klantbeeld come from the Zaak subgraph, which resolves Onderwerpobject.zaak and
 * Klantcontact.zaken from the onderwerpobjectidentificator this subgraph exposes (contract
 * version 2). What a client sees for every kind of link, and when the Zaak subgraph is down.
 */
let app: FederatedTestApp;
const dangling = randomUUID();

beforeAll(async () => {
  app = await FederatedTestApp.start();
  await seedDemoData(app.subgraph.orm.em.fork());
  // Beside the demo's links (parkeervergunning by uuid, stoeptegel by identificatie), three
  // contacts of Jan, newest first.
  const em = app.subgraph.orm.em.fork();
  const jan = await em.findOneOrFail(Partij, { contactnaam: { voornaam: "Jan" } });
  const contact = (onderwerp: string, day: number, ...identificatoren: Array<Record<string, string>>) => {
    const klantcontact = em.create(Klantcontact, {
      kanaal: "telefoon",
      onderwerp,
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: new Date(Date.UTC(2026, 11, day)),
    } as never);
    em.create(Betrokkene, { hadKlantcontact: klantcontact, wasPartij: jan, rol: Rol.KLANT, initiator: true } as never);
    for (const onderwerpobjectidentificator of identificatoren)
      em.create(Onderwerpobject, { klantcontact, onderwerpobjectidentificator } as never);
  };
  contact("Hoofdletters", 3, {
    objectId: DEMO.zaken.parkeervergunning.uuid.toUpperCase(),
    codeObjecttype: "ZGW-ZAAK",
    codeSoortObjectId: "UUID",
  });
  contact("Verdwenen zaak", 2, { objectId: dangling, codeObjecttype: "zgw-Zaak", codeSoortObjectId: "uuid" });
  contact(
    "Twee zaken",
    1,
    { objectId: DEMO.zaken.stoeptegel.identificatie, codeObjecttype: "zaak", codeSoortObjectId: "identificatie" },
    { objectId: DEMO.zaken.stoeptegel.uuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
    { objectId: dangling, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
    { objectId: DEMO.zaken.terras.uuid, codeObjecttype: "zgw-Zaak", codeSoortObjectId: "uuid" },
  );
  await em.flush();
});
afterEach(() => {
  app.zaken.down = false;
});
afterAll(() => app.stop());

const klantbeeld = () => app.query(KlantbeeldOpIdentificatorDocument, { soort: "BSN", objectId: DEMO.bsn });

describe("the zaken of a klantbeeld", () => {
  it("show for links by uuid in any case and by identificatie; a dangling link gives zaak null and drops out of zaken", async () => {
    const result = await klantbeeld();
    expect(result.errors).toBeUndefined();
    const partij = result.data!.partijen.edges[0].node;
    const contacten = partij.klantcontacten.edges.map((e) => e.node);
    expect(
      contacten.map((k) => [
        k.onderwerp,
        k.gingOverOnderwerpobjecten.map((o) => o.zaak?.identificatie ?? null),
        k.zaken?.map((z) => z.identificatie),
      ]),
    ).toEqual([
      ["Hoofdletters", [DEMO.zaken.parkeervergunning.identificatie], [DEMO.zaken.parkeervergunning.identificatie]],
      ["Verdwenen zaak", [null], []],
      [
        "Twee zaken",
        [DEMO.zaken.stoeptegel.identificatie, DEMO.zaken.stoeptegel.identificatie, null, DEMO.zaken.terras.identificatie],
        [DEMO.zaken.stoeptegel.identificatie, DEMO.zaken.terras.identificatie],
      ],
      ["Parkeervergunning", [DEMO.zaken.parkeervergunning.identificatie], [DEMO.zaken.parkeervergunning.identificatie]],
      ["Melding openbare ruimte", [DEMO.zaken.stoeptegel.identificatie], [DEMO.zaken.stoeptegel.identificatie]],
    ]);
    // The dangling link nulls nothing else.
    const verdwenen = contacten[1];
    expect(verdwenen.gingOverOnderwerpobjecten[0].onderwerpobjectidentificator?.objectId).toBe(dangling);
    expect(verdwenen.kanaal).toBe("telefoon");
    expect(partij.partijIdentificatie).toEqual({ volledigeNaam: "Jan de Vries" });
    expect(partij.zaken!.map((z) => z.identificatie)).toEqual([
      DEMO.zaken.parkeervergunning.identificatie,
      DEMO.zaken.stoeptegel.identificatie,
    ]);
  });

  it("with the Zaak subgraph down: the partij, its digitale adressen and klantcontacten arrive, the zaak parts are null, and an error names the subgraph", async () => {
    app.zaken.down = true;
    const result = await klantbeeld();

    const partij = result.data!.partijen.edges[0].node;
    expect(partij.bsn).toBe(DEMO.bsn);
    expect(partij.partijIdentificatie).toEqual({ volledigeNaam: "Jan de Vries" });
    expect(partij.digitaleAdressen.map((a) => a.adres)).toEqual(expect.arrayContaining(["jan.devries@example.nl", "0612345678"]));
    expect(partij.interneTaken.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["Terugbellen"]);
    const contacten = partij.klantcontacten.edges.map((e) => e.node);
    expect(contacten.map((k) => k.onderwerp)).toEqual([
      "Hoofdletters",
      "Verdwenen zaak",
      "Twee zaken",
      "Parkeervergunning",
      "Melding openbare ruimte",
    ]);
    expect(contacten[3].hadBetrokkenActoren).toEqual([{ naam: "Sanne Jansen", soortActor: "MEDEWERKER" }]);
    // The identificator is this subgraph's: a client can still show which zaak a contact was about.
    expect(contacten[4].gingOverOnderwerpobjecten[0].onderwerpobjectidentificator?.objectId).toBe(DEMO.zaken.stoeptegel.identificatie);

    expect(partij.zaken).toBeNull();
    for (const contact of contacten) {
      expect(contact.zaken).toBeNull();
      for (const onderwerpobject of contact.gingOverOnderwerpobjecten) expect(onderwerpobject.zaak).toBeNull();
    }

    expect(result.errors!.length).toBeGreaterThan(0);
    for (const error of result.errors!) {
      expect(error.extensions).toMatchObject({ code: "DOWNSTREAM_SERVICE_ERROR", serviceName: "zaken" });
      expect(error.message).toContain('"zaken"');
    }

    // Back up, the zaken are back.
    app.zaken.down = false;
    const restored = await klantbeeld();
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.partijen.edges[0].node.zaken).toHaveLength(2);
  });
});
