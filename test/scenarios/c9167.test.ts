import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ScenarioContactverzoekenDocument,
  ScenarioKlantbeeldDocument,
  ScenarioRegistreerKlantcontactDocument,
  type RegistreerBetrokkeneInput,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer, identificator } from "../support/fixtures";
import { actoren, bekendeActoren, bekendePartij, geschreven, KISS_MEDEWERKER, klantbeeld, Scenario, stand } from "./support";

/**
 * C9167 - Klant belt KCC met een vraag die niet direct beantwoord kan worden en maakt een
 * terugbelverzoek (a variant of C0534). The KCC medewerker registers, in KISS, the klantcontact
 * with an interne taak "Terugbellen" for the afdeling vergunningen and the contact details for the
 * call-back on the betrokkene: for an unknown person (A) name and phone number on the betrokkene;
 * for a known partij (B) only what differs for this contact; for an authenticated person who is
 * not yet a partij (C) the partij first, with its digitale adressen and voorkeurstaal, then as B.
 * Everything is one request: the call-back request cannot be half saved.
 */

let app: TestApp;
let sanne: string, vergunningen: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ sanne, vergunningen } = await bekendeActoren(app, "sanne", "vergunningen"));
});
afterAll(() => app.stop());

const klantcontact = {
  kanaal: "telefoon",
  onderwerp: "Dakkapel zonder vergunning?",
  inhoud: "Klant wil weten of voor een dakkapel aan de achterkant een vergunning nodig is.",
  indicatieContactGelukt: true,
  taal: "nld",
  vertrouwelijk: false,
};

/** The registration step, the same in every variant but for the betrokkene. */
function registreerTerugbelverzoek(scenario: Scenario, betrokkene: RegistreerBetrokkeneInput, toelichting?: string) {
  return scenario.stap("Medewerker registreert klantcontact, betrokkene en terugbelverzoek voor de afdeling vergunningen", () =>
    scenario.als(KISS_MEDEWERKER).ok(ScenarioRegistreerKlantcontactDocument, {
      input: {
        klantcontact,
        actoren: [{ vindOfMaak: actoren.sanne }],
        betrokkenen: [betrokkene],
        interneTaak: { gevraagdeHandeling: "Terugbellen", toelichting, toegewezenAanActoren: [{ vindOfMaak: actoren.vergunningen }] },
      },
    }),
  );
}

describe("C9167 Vraag niet direct te beantwoorden: terugbelverzoek", () => {
  it("C9167 variant A: ongekende persoon, naam en telefoonnummer bij de betrokkene", async () => {
    const scenario = new Scenario(app);
    await scenario.stap("Medewerker beantwoordt de inkomende oproep", async () => undefined);
    const voor = await stand(app);
    const { registreerKlantcontact: geregistreerd } = await registreerTerugbelverzoek(scenario, {
      rol: "KLANT",
      initiator: true,
      contactnaam: { voornaam: "Karel", voorvoegselAchternaam: "van", achternaam: "Deurne" },
      nieuweDigitaleAdressen: [{ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" }],
    });

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker beantwoordt de inkomende oproep", 0],
      ["Medewerker registreert klantcontact, betrokkene en terugbelverzoek voor de afdeling vergunningen", 1],
    ]);
    expect(geregistreerd).toMatchObject({
      actoren: [{ uuid: sanne }],
      partijen: [],
      betrokkenen: [
        {
          rol: "KLANT",
          initiator: true,
          wasPartij: null,
          volledigeNaam: "Karel van Deurne",
          digitaleAdressen: [{ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" }],
        },
      ],
      interneTaak: {
        gevraagdeHandeling: "Terugbellen",
        status: "TE_VERWERKEN",
        toelichting: "",
        toegewezenAanActoren: [{ uuid: vergunningen }],
      },
    });
    expect(geregistreerd.digitaleAdressen).toHaveLength(1);
    expect(await geschreven(app, voor)).toEqual({
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      digitaal_adres: 1,
      interne_taak: 1,
      toewijzing: 1,
    });

    // The klantbeeld of an unknown person: KISS finds the contactverzoek by the number in another notation.
    const { interneTaken } = await app.ok(
      ScenarioContactverzoekenDocument,
      { adres: { adres: "+31612345678", zoekwijze: "EXACT", soortDigitaalAdres: "TELEFOONNUMMER", alleenZonderPartij: true } },
      { principal: KISS_MEDEWERKER },
    );
    expect(interneTaken.edges.map((e) => e.node)).toEqual([
      {
        gevraagdeHandeling: "Terugbellen",
        status: "TE_VERWERKEN",
        toegewezenAanActoren: [{ naam: "Afdeling vergunningen" }],
        aanleidinggevendKlantcontact: {
          onderwerp: "Dakkapel zonder vergunning?",
          hadBetrokkenen: [{ volledigeNaam: "Karel van Deurne", digitaleAdressen: [{ adres: "0612345678" }] }],
        },
      },
    ]);
  });

  it("C9167 variant B: reeds bekende partij, afwijkende naam en nummer alleen voor dit contact", async () => {
    const bsn = elfproefNummer();
    const partij = await bekendePartij(app, {
      bsn,
      contactnaam: { voornaam: "Karel", voorvoegselAchternaam: "van", achternaam: "Deurne" },
      email: "karel.vandeurne@example.nl",
      telefoonnummer: "0201234567",
    });
    const scenario = new Scenario(app);
    const kiss = scenario.als(KISS_MEDEWERKER);
    const gezocht = await scenario.stap("Medewerker zoekt de geauthenticeerde klant op BSN", () =>
      kiss.ok(ScenarioKlantbeeldDocument, { bsn }),
    );
    expect(gezocht.partijen.edges.map((e) => e.node.uuid)).toEqual([partij]);

    const voor = await stand(app);
    const { registreerKlantcontact: geregistreerd } = await registreerTerugbelverzoek(
      scenario,
      {
        rol: "KLANT",
        initiator: true,
        wasPartij: partij,
        // Only what differs for this situation: he wants to be called Carl, on his mobile number.
        contactnaam: { voornaam: "Carl" },
        nieuweDigitaleAdressen: [{ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" }],
      },
      "Graag vóór vrijdag terugbellen.",
    );

    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([1, 1]);
    expect(await geschreven(app, voor)).toEqual({
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      digitaal_adres: 1,
      interne_taak: 1,
      toewijzing: 1,
    });
    expect(geregistreerd.partijen).toEqual([]);
    expect(geregistreerd.betrokkenen).toEqual([
      expect.objectContaining({
        wasPartij: { uuid: partij },
        volledigeNaam: "Carl",
        digitaleAdressen: [expect.objectContaining({ adres: "0612345678" })],
      }),
    ]);

    const beeld = await klantbeeld(app, bsn);
    // The call-back number belongs to this contact, not to the partij.
    expect(beeld.digitaleAdressen.map((a) => a.adres).sort()).toEqual(["0201234567", "karel.vandeurne@example.nl"]);
    expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        onderwerp: "Dakkapel zonder vergunning?",
        hadBetrokkenActoren: [{ naam: "Sanne Jansen" }],
        hadBetrokkenen: [{ rol: "KLANT", initiator: true, volledigeNaam: "Carl", digitaleAdressen: [{ adres: "0612345678" }] }],
      }),
    ]);
    expect(beeld.interneTaken.edges.map((e) => e.node)).toEqual([
      {
        gevraagdeHandeling: "Terugbellen",
        toelichting: "Graag vóór vrijdag terugbellen.",
        toegewezenAanActoren: [{ naam: "Afdeling vergunningen" }],
      },
    ]);
  });

  it("C9167 variant C: geauthenticeerd maar nog geen partij; de partij wordt eerst geregistreerd, daarna als B", async () => {
    const bsn = elfproefNummer();
    const scenario = new Scenario(app);
    const kiss = scenario.als(KISS_MEDEWERKER);
    const gezocht = await scenario.stap("Medewerker zoekt de geauthenticeerde klant op BSN", () =>
      kiss.ok(ScenarioKlantbeeldDocument, { bsn }),
    );
    expect(gezocht.partijen.edges).toEqual([]);

    const voor = await stand(app);
    const { registreerKlantcontact: geregistreerd } = await registreerTerugbelverzoek(scenario, {
      rol: "KLANT",
      initiator: true,
      vindOfMaakPartij: {
        identificator: identificator.bsn(bsn),
        partij: {
          soortPartij: "PERSOON",
          indicatieActief: true,
          voorkeurstaal: "nld",
          partijIdentificatie: { contactnaam: { voornaam: "Karel", voorvoegselAchternaam: "van", achternaam: "Deurne" } },
          nieuweDigitaleAdressen: [
            { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER", isStandaardAdres: true },
            { adres: "karel.vandeurne@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
          ],
          // Voorkeurskanaal: e-mail.
          voorkeursDigitaalAdresIndex: 1,
        },
      },
    });

    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([1, 1]);
    // The partij with its BSN and two addresses; the betrokkene without addresses of its own.
    expect(await geschreven(app, voor)).toEqual({
      partij: 1,
      partij_identificator: 1,
      digitaal_adres: 2,
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      interne_taak: 1,
      toewijzing: 1,
    });
    const [{ aangemaakt, partij }] = geregistreerd.partijen as [(typeof geregistreerd.partijen)[number]];
    expect(aangemaakt).toBe(true);
    expect(partij).toMatchObject({
      bsn,
      voorkeurstaal: "nld",
      partijIdentificatie: { volledigeNaam: "Karel van Deurne" },
      voorkeursDigitaalAdres: { adres: "karel.vandeurne@example.nl" },
    });
    // Name and number are the partij's: nothing extra on the betrokkene.
    expect(geregistreerd.betrokkenen).toEqual([expect.objectContaining({ wasPartij: { uuid: partij.uuid }, digitaleAdressen: [] })]);

    const beeld = await klantbeeld(app, bsn);
    expect(beeld).toMatchObject({
      uuid: partij.uuid,
      voorkeurstaal: "nld",
      voorkeursDigitaalAdres: { adres: "karel.vandeurne@example.nl" },
    });
    // Voorkeur first, then the other standaard address.
    expect(beeld.digitaleAdressen).toEqual([
      { adres: "karel.vandeurne@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
      { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER", isStandaardAdres: true },
    ]);
    expect(beeld.interneTaken.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["Terugbellen"]);
    expect(beeld.klantcontacten.edges).toHaveLength(1);
  });
});
