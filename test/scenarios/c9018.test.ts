import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { ScenarioKlantbeeldDocument, ScenarioRegistreerKlantcontactDocument, type RegistreerKlantcontactInput } from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer, identificator } from "../support/fixtures";
import { actoren, bekendeActoren, bekendePartij, geschreven, KISS_MEDEWERKER, klantbeeld, Scenario, stand } from "./support";

/**
 * C9018 - Klant belt KCC om een product aan te vragen: for simple products and for people who are
 * not digitally skilled; the klant is authenticated by phone. The medewerker finds the klant (or
 * learns that the klant is not yet a partij, F7554), enters the request in an e-formulier that
 * stores it as a structured object in a productaanvragenregister, and registers the klantcontact
 * with a bijlage pointing to that object. When the zaak is not created automatically, a task asks
 * a colleague to create it (the case links to C2176, which does not exist; C2716 is meant).
 */

let app: TestApp;
let sanne: string, vergunningen: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ sanne, vergunningen } = await bekendeActoren(app, "sanne", "vergunningen"));
});
afterAll(() => app.stop());

const productaanvraag = (uuid: string) => ({
  codeObjecttype: "productaanvraag",
  codeRegister: "objecten",
  codeSoortObjectId: "uuid",
  objectId: uuid,
});

function klantcontactMetAanvraag(aanvraag: string, betrokkene: RegistreerKlantcontactInput["betrokkenen"]): RegistreerKlantcontactInput {
  return {
    klantcontact: {
      kanaal: "telefoon",
      onderwerp: "Aanvraag gehandicaptenparkeerkaart",
      inhoud: "Klant vraagt telefonisch een gehandicaptenparkeerkaart aan; e-formulier namens de klant ingevuld.",
      indicatieContactGelukt: true,
      taal: "nld",
      vertrouwelijk: false,
    },
    actoren: [{ vindOfMaak: actoren.sanne }],
    betrokkenen: betrokkene,
    bijlagen: [productaanvraag(aanvraag)],
  };
}

describe("C9018 Klant belt KCC om een product aan te vragen", () => {
  it("C9018 variant A: bekende partij, de zaak wordt automatisch aangemaakt (geen interne taak)", async () => {
    const bsn = elfproefNummer();
    const partij = await bekendePartij(app, {
      bsn,
      contactnaam: { voornaam: "Truus", achternaam: "Hendriks" },
      email: "truus.hendriks@example.nl",
      telefoonnummer: "0301234567",
    });
    const aanvraag = randomUUID();
    const scenario = new Scenario(app);
    const kiss = scenario.als(KISS_MEDEWERKER);

    await scenario.stap("Medewerker authenticeert de klant telefonisch", async () => undefined);
    const gezocht = await scenario.stap("Medewerker zoekt de klant op BSN", () => kiss.ok(ScenarioKlantbeeldDocument, { bsn }));
    expect(gezocht.partijen.edges.map((e) => e.node.uuid)).toEqual([partij]);
    const voor = await stand(app);
    await scenario.stap(
      "Medewerker vult het e-formulier in; de productaanvraag komt in het productaanvragenregister",
      async () => undefined,
    );
    const { registreerKlantcontact: geregistreerd } = await scenario.stap(
      "Medewerker registreert het klantcontact met de productaanvraag als bijlage",
      () =>
        kiss.ok(ScenarioRegistreerKlantcontactDocument, {
          input: klantcontactMetAanvraag(aanvraag, [{ rol: "KLANT", initiator: true, wasPartij: partij }]),
        }),
    );

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker authenticeert de klant telefonisch", 0],
      ["Medewerker zoekt de klant op BSN", 1],
      ["Medewerker vult het e-formulier in; de productaanvraag komt in het productaanvragenregister", 0],
      ["Medewerker registreert het klantcontact met de productaanvraag als bijlage", 1],
    ]);
    expect(geregistreerd).toMatchObject({
      actoren: [{ uuid: sanne }],
      partijen: [],
      betrokkenen: [{ wasPartij: { uuid: partij } }],
      bijlagen: [{ bijlageidentificator: productaanvraag(aanvraag) }],
      interneTaak: null,
    });
    expect(await geschreven(app, voor)).toEqual({ klantcontact: 1, actor_klantcontact: 1, betrokkene: 1, bijlage: 1 });

    const beeld = await klantbeeld(app, bsn);
    expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        onderwerp: "Aanvraag gehandicaptenparkeerkaart",
        omvatteBijlagen: [{ bijlageidentificator: { codeObjecttype: "productaanvraag", objectId: aanvraag } }],
      }),
    ]);
    expect(beeld.interneTaken.edges).toEqual([]);
  });

  it("C9018 variant B: nog geen partij (F7554), een collega maakt de zaak aan (interne taak)", async () => {
    const bsn = elfproefNummer();
    const aanvraag = randomUUID();
    const scenario = new Scenario(app);
    const kiss = scenario.als(KISS_MEDEWERKER);

    await scenario.stap("Medewerker authenticeert de klant telefonisch", async () => undefined);
    const gezocht = await scenario.stap("Medewerker zoekt de klant op BSN", () => kiss.ok(ScenarioKlantbeeldDocument, { bsn }));
    expect(gezocht.partijen.edges).toEqual([]);
    const voor = await stand(app);
    await scenario.stap(
      "Medewerker vult het e-formulier in; de productaanvraag komt in het productaanvragenregister",
      async () => undefined,
    );
    const { registreerKlantcontact: geregistreerd } = await scenario.stap(
      "Medewerker registreert partij, klantcontact, bijlage en de taak om de zaak aan te maken",
      () =>
        kiss.ok(ScenarioRegistreerKlantcontactDocument, {
          input: {
            ...klantcontactMetAanvraag(aanvraag, [
              {
                rol: "KLANT",
                initiator: true,
                vindOfMaakPartij: {
                  identificator: identificator.bsn(bsn),
                  // Only the mandatory fields: the klant gave no consent to keep more (F7554).
                  partij: { soortPartij: "PERSOON", indicatieActief: true },
                },
              },
            ]),
            interneTaak: {
              gevraagdeHandeling: "Zaak aanmaken voor productaanvraag",
              toelichting: `Productaanvraag ${aanvraag} in het productaanvragenregister.`,
              toegewezenAanActoren: [{ uuid: vergunningen }],
            },
          },
        }),
    );

    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([0, 1, 0, 1]);
    // Only the mandatory fields of the partij: no digitale adressen.
    expect(await geschreven(app, voor)).toEqual({
      partij: 1,
      partij_identificator: 1,
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      bijlage: 1,
      interne_taak: 1,
      toewijzing: 1,
    });
    expect(geregistreerd).toMatchObject({
      partijen: [{ aangemaakt: true, partij: { bsn } }],
      interneTaak: {
        gevraagdeHandeling: "Zaak aanmaken voor productaanvraag",
        status: "TE_VERWERKEN",
        toegewezenAanActoren: [{ uuid: vergunningen }],
      },
    });

    const beeld = await klantbeeld(app, bsn);
    expect(beeld.uuid).toBe(geregistreerd.partijen[0]!.partij.uuid);
    expect(beeld.klantcontacten.edges.map((e) => e.node.omvatteBijlagen)).toEqual([
      [{ bijlageidentificator: { codeObjecttype: "productaanvraag", objectId: aanvraag } }],
    ]);
    expect(beeld.interneTaken.edges.map((e) => e.node)).toEqual([
      {
        gevraagdeHandeling: "Zaak aanmaken voor productaanvraag",
        toelichting: `Productaanvraag ${aanvraag} in het productaanvragenregister.`,
        toegewezenAanActoren: [{ naam: "Afdeling vergunningen" }],
      },
    ]);
  });
});
