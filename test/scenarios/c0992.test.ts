import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioKlantbeeldDocument, ScenarioRegistreerKlantcontactDocument } from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer } from "../support/fixtures";
import { actoren, bekendeActoren, bekendePartij, geschreven, KISS_MEDEWERKER, klantbeeld, Scenario, stand } from "./support";

/**
 * C0992 - Klant belt KCC met een vraag die direct beantwoord kan worden: the simplest case. The
 * KCC medewerker (already an actor, logged in to KISS) answers the question at once. An anonymous
 * caller leaves nothing behind; for a caller whose identity is established the klantcontact is
 * registered (F2173) with question and answer in the inhoud, the medewerker and the klant.
 */

let app: TestApp;
let sanne: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ sanne } = await bekendeActoren(app, "sanne"));
});
afterAll(() => app.stop());

const VRAAG_EN_ANTWOORD =
  "Klant vraagt wanneer het afval wordt opgehaald; normaal op maandag, dit jaar valt eerste kerstdag op maandag. " +
  "Antwoord: het afval kan de zaterdag ervoor worden aangeboden.";

describe("C0992 Klant belt KCC met een vraag die direct beantwoord kan worden", () => {
  it("C0992 variant A: anonieme beller, er wordt geen klantcontact geregistreerd", async () => {
    const voor = await stand(app);
    const scenario = new Scenario(app);

    await scenario.stap("Medewerker beantwoordt de inkomende oproep en de vraag", async () => undefined);
    await scenario.stap("Medewerker rondt het gesprek af", async () => undefined);

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker beantwoordt de inkomende oproep en de vraag", 0],
      ["Medewerker rondt het gesprek af", 0],
    ]);
    expect(await stand(app)).toEqual(voor);
  });

  it("C0992 variant B: geauthenticeerde, bekende klant; klantcontact met vraag en antwoord", async () => {
    const bsn = elfproefNummer();
    const partij = await bekendePartij(app, {
      bsn,
      contactnaam: { voornaam: "Jan", voorvoegselAchternaam: "de", achternaam: "Vries" },
      email: "jan.devries@example.nl",
      telefoonnummer: "0612345678",
    });
    const scenario = new Scenario(app);
    const kiss = scenario.als(KISS_MEDEWERKER);

    const gevonden = await scenario.stap("Medewerker zoekt de geauthenticeerde klant op BSN", () =>
      kiss.ok(ScenarioKlantbeeldDocument, { bsn }),
    );
    expect(gevonden.partijen.edges.map((e) => e.node.uuid)).toEqual([partij]);

    await scenario.stap("Medewerker beantwoordt de vraag", async () => undefined);
    const voor = await stand(app);

    const { registreerKlantcontact: geregistreerd } = await scenario.stap("Medewerker rondt af en registreert het klantcontact", () =>
      kiss.ok(ScenarioRegistreerKlantcontactDocument, {
        input: {
          klantcontact: {
            kanaal: "telefoon",
            onderwerp: "Afvalinzameling rond kerst",
            inhoud: VRAAG_EN_ANTWOORD,
            indicatieContactGelukt: true,
            taal: "nld",
            vertrouwelijk: false,
            referentienummer: "23009182",
          },
          // KISS names the logged-in medewerker by identificator; the actor exists already.
          actoren: [{ vindOfMaak: actoren.sanne }],
          betrokkenen: [{ rol: "KLANT", initiator: true, wasPartij: partij }],
        },
      }),
    );

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker zoekt de geauthenticeerde klant op BSN", 1],
      ["Medewerker beantwoordt de vraag", 0],
      ["Medewerker rondt af en registreert het klantcontact", 1],
    ]);
    expect(geregistreerd).toMatchObject({
      herhaald: false,
      klantcontact: {
        kanaal: "telefoon",
        onderwerp: "Afvalinzameling rond kerst",
        inhoud: VRAAG_EN_ANTWOORD,
        referentienummer: "23009182",
      },
      actoren: [{ uuid: sanne, naam: "Sanne Jansen" }],
      betrokkenen: [{ rol: "KLANT", initiator: true, wasPartij: { uuid: partij }, digitaleAdressen: [] }],
      // partijen lists only those found or made by vindOfMaakPartij.
      partijen: [],
      onderwerpobjecten: [],
      bijlagen: [],
      interneTaak: null,
    });
    expect(geregistreerd.actorKlantcontacten).toHaveLength(1);
    expect(await geschreven(app, voor)).toEqual({ klantcontact: 1, actor_klantcontact: 1, betrokkene: 1 });

    const beeld = await klantbeeld(app, bsn);
    expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        uuid: geregistreerd.klantcontact.uuid,
        onderwerp: "Afvalinzameling rond kerst",
        inhoud: VRAAG_EN_ANTWOORD,
        hadBetrokkenActoren: [{ naam: "Sanne Jansen" }],
        hadBetrokkenen: [{ rol: "KLANT", initiator: true, volledigeNaam: "", digitaleAdressen: [] }],
      }),
    ]);
    // No follow-up: no open task.
    expect(beeld.interneTaken.edges).toEqual([]);
  });
});
