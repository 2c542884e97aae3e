import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import {
  ScenarioContactverzoekenDocument,
  ScenarioRegistreerKlantcontactDocument,
  type RegistreerBetrokkeneInput,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer, identificator } from "../support/fixtures";
import { actoren, APPKOPPELING, bekendeActoren, geschreven, KISS_MEDEWERKER, klantbeeld, Scenario, stand } from "./support";

/**
 * C9853 - Klant appt een vraag naar de gemeente die beantwoord kan worden door KCC (a variant of
 * C1199). Software turns a finished app conversation into one registration: the klantcontact
 * (kanaal app, plaatsgevondenOp the time of the LAST message), the link to the app handler, a
 * betrokkene with the phone number the conversation came from, and a task for the KCC. The
 * conversation itself goes either into an informatieobject with a bijlage (A) or into the inhoud,
 * without a bijlage (B). A partij is linked only when the klant authenticated during the chat,
 * found by BSN or created when not yet known (B).
 */

let app: TestApp;
let appkoppeling: string, kcc: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ appkoppeling, kcc } = await bekendeActoren(app, "appkoppeling", "kcc"));
});
afterAll(() => app.stop());

const LAATSTE_BERICHT = "2024-01-24T10:00:12.000Z";
const GESPREK = "Klant: Wanneer is het zwembad open op tweede kerstdag?\nKCC: Van 10 tot 16 uur.\nKlant: Dank!";

const betrokkene = (extra: Partial<RegistreerBetrokkeneInput> = {}): RegistreerBetrokkeneInput => ({
  rol: "KLANT",
  initiator: true,
  // The case's omschrijving "Opgenomen naar aanleiding van een plaatsgevonden app-verkeer" exceeds the standard's 40 characters.
  nieuweDigitaleAdressen: [{ adres: "0622300190", soortDigitaalAdres: "TELEFOONNUMMER", omschrijving: "Nummer van een app-gesprek" }],
  ...extra,
});

const interneTaak = {
  gevraagdeHandeling: "Lezen en bepalen benodigde actie",
  toelichting: "Aangemaakt naar aanleiding van een app-gesprek",
  toegewezenAanActoren: [{ vindOfMaak: actoren.kcc }],
};

describe("C9853 Klant appt een vraag", () => {
  it("C9853 variant A: gesprek als informatieobject met bijlage, klant niet geauthenticeerd", async () => {
    const informatieobject = {
      codeObjecttype: "informatieobject",
      codeRegister: "openzaak",
      codeSoortObjectId: "uuid",
      objectId: randomUUID(),
    };
    const scenario = new Scenario(app);
    const voor = await stand(app);
    await scenario.stap("Appkoppeling legt het afgeronde gesprek vast als informatieobject", async () => undefined);
    const { registreerKlantcontact: geregistreerd } = await scenario.stap("Appkoppeling registreert het app-gesprek", () =>
      scenario.als(APPKOPPELING).ok(ScenarioRegistreerKlantcontactDocument, {
        input: {
          klantcontact: {
            kanaal: "app",
            onderwerp: "App-gesprek",
            indicatieContactGelukt: true,
            taal: "nld",
            vertrouwelijk: false,
            plaatsgevondenOp: LAATSTE_BERICHT,
          },
          actoren: [{ vindOfMaak: actoren.appkoppeling }],
          betrokkenen: [betrokkene()],
          bijlagen: [informatieobject],
          interneTaak,
        },
        idempotentieSleutel: `app-gesprek-${randomUUID()}`,
      }),
    );

    expect(scenario.verzoekenPerStap).toEqual([
      ["Appkoppeling legt het afgeronde gesprek vast als informatieobject", 0],
      ["Appkoppeling registreert het app-gesprek", 1],
    ]);
    expect(geregistreerd).toMatchObject({
      klantcontact: { kanaal: "app", inhoud: "", plaatsgevondenOp: LAATSTE_BERICHT },
      actoren: [{ uuid: appkoppeling }],
      partijen: [],
      betrokkenen: [{ wasPartij: null, digitaleAdressen: [{ adres: "0622300190", soortDigitaalAdres: "TELEFOONNUMMER" }] }],
      bijlagen: [{ bijlageidentificator: informatieobject }],
      interneTaak: { status: "TE_VERWERKEN", toegewezenAanActoren: [{ uuid: kcc }] },
    });
    expect(await geschreven(app, voor)).toEqual({
      idempotency_key: 1,
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      digitaal_adres: 1,
      bijlage: 1,
      interne_taak: 1,
      toewijzing: 1,
    });

    // An unknown klant's klantbeeld: KISS finds the conversation's task by the number, in any notation.
    const { interneTaken } = await app.ok(
      ScenarioContactverzoekenDocument,
      { adres: { adres: "+31 6 22300190", zoekwijze: "EXACT", soortDigitaalAdres: "TELEFOONNUMMER", alleenZonderPartij: true } },
      { principal: KISS_MEDEWERKER },
    );
    expect(interneTaken.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        gevraagdeHandeling: "Lezen en bepalen benodigde actie",
        toegewezenAanActoren: [{ naam: "KCC" }],
        aanleidinggevendKlantcontact: {
          onderwerp: "App-gesprek",
          hadBetrokkenen: [{ volledigeNaam: "", digitaleAdressen: [{ adres: "0622300190" }] }],
        },
      }),
    ]);
  });

  it("C9853 variant B: gesprek in de inhoud zonder bijlage, klant geauthenticeerd in de app en nog geen partij", async () => {
    const bsn = elfproefNummer();
    const scenario = new Scenario(app);
    const voor = await stand(app);
    const { registreerKlantcontact: geregistreerd } = await scenario.stap("Appkoppeling registreert het app-gesprek", () =>
      scenario.als(APPKOPPELING).ok(ScenarioRegistreerKlantcontactDocument, {
        input: {
          klantcontact: {
            kanaal: "app",
            onderwerp: "Openingstijden zwembad",
            inhoud: GESPREK,
            indicatieContactGelukt: true,
            taal: "nld",
            vertrouwelijk: false,
            plaatsgevondenOp: LAATSTE_BERICHT,
          },
          actoren: [{ vindOfMaak: actoren.appkoppeling }],
          betrokkenen: [
            betrokkene({
              vindOfMaakPartij: {
                identificator: identificator.bsn(bsn),
                partij: {
                  soortPartij: "PERSOON",
                  indicatieActief: true,
                  partijIdentificatie: { contactnaam: { voornaam: "Anna", achternaam: "Smit" } },
                },
              },
            }),
          ],
          interneTaak,
        },
      }),
    );

    expect(scenario.verzoekenPerStap).toEqual([["Appkoppeling registreert het app-gesprek", 1]]);
    expect(geregistreerd.bijlagen).toEqual([]);
    expect(await geschreven(app, voor)).toEqual({
      partij: 1,
      partij_identificator: 1,
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      digitaal_adres: 1,
      interne_taak: 1,
      toewijzing: 1,
    });
    expect(geregistreerd.partijen).toEqual([expect.objectContaining({ aangemaakt: true, partij: expect.objectContaining({ bsn }) })]);

    const beeld = await klantbeeld(app, bsn);
    expect(beeld.partijIdentificatie).toEqual({ volledigeNaam: "Anna Smit" });
    expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        kanaal: "app",
        onderwerp: "Openingstijden zwembad",
        inhoud: GESPREK,
        hadBetrokkenActoren: [{ naam: "Appkoppeling" }],
        omvatteBijlagen: [],
        hadBetrokkenen: [expect.objectContaining({ digitaleAdressen: [{ adres: "0622300190" }] })],
      }),
    ]);
    // The phone number of the conversation stays with the contact; the new partij has none.
    expect(beeld.digitaleAdressen).toEqual([]);
    expect(beeld.interneTaken.edges.map((e) => e.node.toegewezenAanActoren)).toEqual([[{ naam: "KCC" }]]);
  });
});
