import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import {
  ScenarioC1199KoppelPartijDocument,
  ScenarioKlantbeeldDocument,
  ScenarioRegistreerKlantcontactDocument,
  ScenarioWerkvoorraadDocument,
  type RegistreerKlantcontactInput,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer } from "../support/fixtures";
import {
  actoren,
  bekendeActoren,
  bekendePartij,
  geschreven,
  ITA_MEDEWERKER,
  KISS_MEDEWERKER,
  klantbeeld,
  MAILKOPPELING,
  Scenario,
  stand,
} from "./support";

/**
 * C1199 - Klant mailt een vraag naar de gemeente. Software reads the info@ mailbox: it stores the
 * e-mail and its attachment as informatieobjecten in the zaaksysteem, then registers, in one
 * request, the klantcontact (kanaal e-mail), the link to the mail handler (a geautomatiseerde
 * actor), a betrokkene without partij (an e-mail address does not identify anyone) with the
 * sender's address, the bijlagen and a task for the KCC. The mail's Message-ID is the idempotency
 * key: when the software retries after a time-out, nothing is registered twice. Later the KCC
 * medewerker who handles the task identifies the sender and links the partij (F3246).
 */

let app: TestApp;
let mailkoppeling: string, kcc: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ mailkoppeling, kcc } = await bekendeActoren(app, "mailkoppeling", "kcc"));
});
afterAll(() => app.stop());

const INHOUD =
  "LS, Ik vraag me af wanneer het huisvuil wordt opgehaald rond 1e kerstdag. Normaal gesproken komt de vuilniswagen op maandag, " +
  "maar ik neem aan dat dit ivm kerst niet het geval is. Ik hoor graag op welke dag ik het huisvuil aan de straat kan zetten.";

const OMSCHRIJVING = "Afzender van een ontvangen e-mail";

const informatieobject = (uuid: string) => ({
  codeObjecttype: "informatieobject",
  codeRegister: "openzaak",
  codeSoortObjectId: "uuid",
  objectId: uuid,
});

describe("C1199 Klant mailt een vraag naar de gemeente", () => {
  it("C1199: e-mail met bijlage geregistreerd, een herhaalde aanlevering registreert niets, de afzender later gekoppeld", async () => {
    const bsn = elfproefNummer();
    const partij = await bekendePartij(app, {
      bsn,
      contactnaam: { voornaam: "Jan", achternaam: "Janssen" },
      email: "jan.janssen@example.nl",
      telefoonnummer: "0612345678",
    });
    const email = randomUUID();
    const bijlage = randomUUID();
    const input: RegistreerKlantcontactInput = {
      klantcontact: {
        kanaal: "e-mail",
        onderwerp: "Ophaalschema vuilnis",
        inhoud: INHOUD,
        indicatieContactGelukt: true,
        // The case expects no taal for an e-mail; the standard requires one, and the mail is Dutch.
        taal: "nld",
        vertrouwelijk: false,
        plaatsgevondenOp: "2023-11-20T08:12:00Z",
      },
      actoren: [{ vindOfMaak: actoren.mailkoppeling }],
      betrokkenen: [
        {
          rol: "KLANT",
          initiator: true,
          // The case's omschrijving "Opgenomen naar aanleiding van een ontvangen e-mail" exceeds the standard's 40 characters.
          nieuweDigitaleAdressen: [{ adres: "jan.janssen@VNG.nl", soortDigitaalAdres: "EMAIL", omschrijving: OMSCHRIJVING }],
        },
      ],
      bijlagen: [informatieobject(email), informatieobject(bijlage)],
      interneTaak: {
        gevraagdeHandeling: "Lezen en bepalen benodigde actie",
        toelichting: "Aangemaakt naar aanleiding van een ontvangen e-mail",
        toegewezenAanActoren: [{ vindOfMaak: actoren.kcc }],
      },
    };
    const messageId = `<${randomUUID()}@mail.example.nl>`;
    const scenario = new Scenario(app);
    const intake = scenario.als(MAILKOPPELING);

    await scenario.stap("Mailkoppeling legt de e-mail en de bijlage vast als informatieobjecten", async () => undefined);
    const voor = await stand(app);
    const { registreerKlantcontact: eerste } = await scenario.stap("Mailkoppeling registreert de e-mail", () =>
      intake.ok(ScenarioRegistreerKlantcontactDocument, { input, idempotentieSleutel: messageId }),
    );
    expect(eerste).toMatchObject({
      herhaald: false,
      klantcontact: {
        kanaal: "e-mail",
        onderwerp: "Ophaalschema vuilnis",
        inhoud: INHOUD,
        indicatieContactGelukt: true,
        plaatsgevondenOp: "2023-11-20T08:12:00.000Z",
      },
      actoren: [{ uuid: mailkoppeling }],
      partijen: [],
      betrokkenen: [
        {
          rol: "KLANT",
          initiator: true,
          wasPartij: null,
          digitaleAdressen: [{ adres: "jan.janssen@VNG.nl", soortDigitaalAdres: "EMAIL", omschrijving: OMSCHRIJVING }],
        },
      ],
      bijlagen: [{ bijlageidentificator: informatieobject(email) }, { bijlageidentificator: informatieobject(bijlage) }],
      interneTaak: {
        gevraagdeHandeling: "Lezen en bepalen benodigde actie",
        status: "TE_VERWERKEN",
        toegewezenAanActoren: [{ uuid: kcc }],
      },
    });

    // The Message-ID is kept with what the call wrote (idempotency_key).
    expect(await geschreven(app, voor)).toEqual({
      idempotency_key: 1,
      klantcontact: 1,
      actor_klantcontact: 1,
      betrokkene: 1,
      digitaal_adres: 1,
      bijlage: 2,
      interne_taak: 1,
      toewijzing: 1,
    });

    const voorHerhaling = await stand(app);
    const { registreerKlantcontact: herhaald } = await scenario.stap("Mailkoppeling levert de e-mail na een time-out opnieuw aan", () =>
      intake.ok(ScenarioRegistreerKlantcontactDocument, { input, idempotentieSleutel: messageId }),
    );
    expect(herhaald).toEqual({ ...eerste, herhaald: true });
    expect(await geschreven(app, voorHerhaling)).toEqual({});

    const takenlijst = scenario.als(ITA_MEDEWERKER);
    const werkvoorraad = await scenario.stap("KCC-medewerker opent de taken van het KCC", () =>
      takenlijst.ok(ScenarioWerkvoorraadDocument, { actoridentificator: actoren.kcc.actoridentificator }),
    );
    const taak = werkvoorraad.interneTaken.edges.map((e) => e.node).find((t) => t.uuid === eerste.interneTaak!.uuid);
    expect(taak).toMatchObject({
      gevraagdeHandeling: "Lezen en bepalen benodigde actie",
      aanleidinggevendKlantcontact: { onderwerp: "Ophaalschema vuilnis" },
    });

    const kiss = scenario.als(KISS_MEDEWERKER);
    await scenario.stap("KCC-medewerker leest de e-mail en de bijlage en herkent de afzender", async () => undefined);
    const gezocht = await scenario.stap("KCC-medewerker zoekt de afzender op BSN", () => kiss.ok(ScenarioKlantbeeldDocument, { bsn }));
    expect(gezocht.partijen.edges.map((e) => e.node.uuid)).toEqual([partij]);
    const { updateBetrokkene } = await scenario.stap("KCC-medewerker koppelt de partij aan de betrokkene", () =>
      kiss.ok(ScenarioC1199KoppelPartijDocument, { betrokkene: taak!.aanleidinggevendKlantcontact.hadBetrokkenen[0]!.uuid, partij }),
    );
    expect(updateBetrokkene.wasPartij).toEqual({ uuid: partij });

    expect(scenario.verzoekenPerStap).toEqual([
      ["Mailkoppeling legt de e-mail en de bijlage vast als informatieobjecten", 0],
      ["Mailkoppeling registreert de e-mail", 1],
      ["Mailkoppeling levert de e-mail na een time-out opnieuw aan", 1],
      ["KCC-medewerker opent de taken van het KCC", 1],
      ["KCC-medewerker leest de e-mail en de bijlage en herkent de afzender", 0],
      ["KCC-medewerker zoekt de afzender op BSN", 1],
      ["KCC-medewerker koppelt de partij aan de betrokkene", 1],
    ]);

    // The klantbeeld of the sender now has the e-mail, its attachments and the open task.
    const beeld = await klantbeeld(app, bsn);
    expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        uuid: eerste.klantcontact.uuid,
        kanaal: "e-mail",
        hadBetrokkenActoren: [{ naam: "Mailkoppeling info@" }],
        hadBetrokkenen: [{ rol: "KLANT", initiator: true, volledigeNaam: "", digitaleAdressen: [{ adres: "jan.janssen@VNG.nl" }] }],
        omvatteBijlagen: [
          { bijlageidentificator: { codeObjecttype: "informatieobject", objectId: email } },
          { bijlageidentificator: { codeObjecttype: "informatieobject", objectId: bijlage } },
        ],
      }),
    ]);
    expect(beeld.interneTaken.edges.map((e) => e.node)).toEqual([
      {
        gevraagdeHandeling: "Lezen en bepalen benodigde actie",
        toelichting: "Aangemaakt naar aanleiding van een ontvangen e-mail",
        toegewezenAanActoren: [{ naam: "KCC" }],
      },
    ]);
    // The sender's address stays with this contact; the partij's own addresses are unchanged.
    expect(beeld.digitaleAdressen.map((a) => a.adres).sort()).toEqual(["0612345678", "jan.janssen@example.nl"]);
  });
});
