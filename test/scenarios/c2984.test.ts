import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ScenarioC2984TaakDocument,
  ScenarioContactverzoekenDocument,
  ScenarioHandelInterneTaakAfDocument,
  ScenarioRegistreerKlantcontactDocument,
  ScenarioWerkvoorraadDocument,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer } from "../support/fixtures";
import { actoren, bekendeActoren, bekendePartij, geschreven, ITA_MEDEWERKER, KISS_MEDEWERKER, Scenario, stand } from "./support";

/**
 * C2984 - Medewerker belt op verzoek van KCC klant terug (follows C9167). The afdeling
 * vergunningen works its queue in ITA: it lists its open tasks, opens one with its klantcontact,
 * calls the number the klant left (or, without one, the partij's), and sets the task verwerkt.
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  await bekendeActoren(app, "sanne", "vergunningen");
});
afterAll(() => app.stop());

/** What C9167 left behind, registered as KISS does there: a terugbelverzoek for the afdeling vergunningen. Returns the task's uuid. */
async function terugbelverzoek(betrokkene: { wasPartij?: string; voornaam?: string; telefoonnummer?: string }): Promise<string> {
  const { registreerKlantcontact } = await app.ok(
    ScenarioRegistreerKlantcontactDocument,
    {
      input: {
        klantcontact: {
          kanaal: "telefoon",
          onderwerp: "Dakkapel zonder vergunning?",
          inhoud: "Klant wil weten of voor een dakkapel aan de achterkant een vergunning nodig is.",
          taal: "nld",
          vertrouwelijk: false,
        },
        actoren: [{ vindOfMaak: actoren.sanne }],
        betrokkenen: [
          {
            rol: "KLANT",
            initiator: true,
            wasPartij: betrokkene.wasPartij,
            contactnaam: betrokkene.voornaam
              ? { voornaam: betrokkene.voornaam, voorvoegselAchternaam: "van", achternaam: "Deurne" }
              : undefined,
            nieuweDigitaleAdressen: betrokkene.telefoonnummer
              ? [{ adres: betrokkene.telefoonnummer, soortDigitaalAdres: "TELEFOONNUMMER" }]
              : undefined,
          },
        ],
        interneTaak: { gevraagdeHandeling: "Terugbellen", toegewezenAanActoren: [{ vindOfMaak: actoren.vergunningen }] },
      },
    },
    { principal: KISS_MEDEWERKER },
  );
  return registreerKlantcontact.interneTaak!.uuid;
}

/** Plays C2984 for the task `taak`; returns what the medewerker saw of it. */
async function belTerug(scenario: Scenario, taak: string) {
  const ita = scenario.als(ITA_MEDEWERKER);
  // ITA knows the afdeling by its identificator from the login, not by uuid.
  const open = await scenario.stap("Medewerker opent de openstaande taken van zijn afdeling", async () => {
    const { interneTaken } = await ita.ok(ScenarioWerkvoorraadDocument, { actoridentificator: actoren.vergunningen.actoridentificator });
    return interneTaken.edges.map((e) => e.node);
  });
  expect(open.map((t) => t.uuid)).toContain(taak);
  expect(open.find((t) => t.uuid === taak)).toMatchObject({
    gevraagdeHandeling: "Terugbellen",
    toegewezenAanActoren: [{ naam: "Afdeling vergunningen" }],
    aanleidinggevendKlantcontact: { onderwerp: "Dakkapel zonder vergunning?" },
  });

  const { interneTaak } = await scenario.stap("Medewerker opent de taak met het klantcontact", () =>
    ita.ok(ScenarioC2984TaakDocument, { uuid: taak }),
  );
  await scenario.stap("Medewerker belt de klant terug", async () => undefined);
  const voor = await stand(app);
  const { handelInterneTaakAf } = await scenario.stap("Medewerker zet de taak op verwerkt", () =>
    ita.ok(ScenarioHandelInterneTaakAfDocument, { uuid: taak }),
  );
  expect(handelInterneTaakAf).toMatchObject({
    interneTaak: { uuid: taak, status: "VERWERKT" },
    antwoord: null,
    onderwerpobject: null,
    betrokkenen: [],
  });
  expect(Date.parse(handelInterneTaakAf.interneTaak.afgehandeldOp!)).toBeGreaterThan(Date.now() - 60_000);
  // The task changed; nothing was added.
  expect(await geschreven(app, voor)).toEqual({});
  return interneTaak!;
}

describe("C2984 Medewerker belt op verzoek van KCC klant terug", () => {
  it("C2984 variant A: contactgegevens bij het klantcontact (ongekende klant uit C9167 A)", async () => {
    const taak = await terugbelverzoek({ voornaam: "Karel", telefoonnummer: "0612345678" });
    const scenario = new Scenario(app);

    const gezien = await belTerug(scenario, taak);
    expect(gezien.aanleidinggevendKlantcontact.hadBetrokkenen).toEqual([
      {
        volledigeNaam: "Karel van Deurne",
        digitaleAdressen: [{ adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" }],
        wasPartij: null,
      },
    ]);

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker opent de openstaande taken van zijn afdeling", 1],
      ["Medewerker opent de taak met het klantcontact", 1],
      ["Medewerker belt de klant terug", 0],
      ["Medewerker zet de taak op verwerkt", 1],
    ]);
    // Afterwards the task is gone from the afdeling's queue.
    const after = new Scenario(app);
    const open = await after.stap("Medewerker ververst de werkvoorraad", () =>
      after.als(ITA_MEDEWERKER).ok(ScenarioWerkvoorraadDocument, { actoridentificator: actoren.vergunningen.actoridentificator }),
    );
    expect(open.interneTaken.edges.map((e) => e.node.uuid)).not.toContain(taak);
    // KISS's contactverzoeken search (by the number in another notation) shows it handled.
    const { interneTaken } = await app.ok(
      ScenarioContactverzoekenDocument,
      { adres: { adres: "+31 6 1234 5678", soortDigitaalAdres: "TELEFOONNUMMER", alleenZonderPartij: true } },
      { principal: KISS_MEDEWERKER },
    );
    expect(interneTaken.edges.map((e) => [e.node.gevraagdeHandeling, e.node.status])).toEqual([["Terugbellen", "VERWERKT"]]);
  });

  it("C2984 variant B: geen contactgegevens bij het klantcontact, die van de partij (bekende klant uit C9167 B)", async () => {
    const partij = await bekendePartij(app, {
      bsn: elfproefNummer(),
      contactnaam: { voornaam: "Jan", voorvoegselAchternaam: "de", achternaam: "Vries" },
      email: "jan.devries@example.nl",
      telefoonnummer: "0687654321",
    });
    const taak = await terugbelverzoek({ wasPartij: partij });
    const scenario = new Scenario(app);

    const gezien = await belTerug(scenario, taak);
    const [betrokkene] = gezien.aanleidinggevendKlantcontact.hadBetrokkenen;
    expect(betrokkene!.digitaleAdressen).toEqual([]);
    expect(betrokkene!.wasPartij).toEqual({
      partijIdentificatie: { volledigeNaam: "Jan de Vries" },
      digitaleAdressen: expect.arrayContaining([
        { adres: "0687654321", soortDigitaalAdres: "TELEFOONNUMMER", isStandaardAdres: true },
        { adres: "jan.devries@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
      ]),
    });
    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([1, 1, 0, 1]);
  });
});
