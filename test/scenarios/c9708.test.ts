import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import {
  ScenarioC9708TaakDocument,
  ScenarioContactverzoekenVanPartijDocument,
  ScenarioHandelInterneTaakAfDocument,
  ScenarioMijnVragenDocument,
  ScenarioRegistreerKlantcontactDocument,
  ScenarioStuurInterneTaakDoorDocument,
  ScenarioWerkvoorraadDocument,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer } from "../support/fixtures";
import {
  actoren,
  bekendeActoren,
  bekendePartij,
  burger,
  geschreven,
  ITA_MEDEWERKER,
  KISS_MEDEWERKER,
  klantbeeld,
  MAILKOPPELING,
  Scenario,
  stand,
} from "./support";

/**
 * C9708 - Medewerker beantwoordt een vraag naar aanleiding van een interne taak. The medewerker
 * (ITA) finds the open tasks of the afdeling, opens one with its klantcontact, betrokkene, partij
 * and digitaal adres, and answers the question. The answer is a new klantcontact with the
 * medewerker as actor, the betrokkene copied from the question (not as initiator), and an
 * onderwerpobject saying that the question was its subject; replying by e-mail, the reply is a
 * bijlage (A). When someone else must follow up, the task is closed and a new one is made for a
 * colleague, "Opvolgen klantcontact" (B). The citizen sees question and answer in Mijn Omgeving.
 */

let app: TestApp;
let pieter: string, fatima: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ pieter, fatima } = await bekendeActoren(app, "pieter", "fatima", "vergunningen", "mailkoppeling"));
});
afterAll(() => app.stop());

const VRAAG = "Wanneer wordt het huisvuil opgehaald rond eerste kerstdag?";
const ANTWOORD = "Geachte heer De Vries, u kunt het huisvuil zaterdag 22 december aanbieden. Met vriendelijke groet, Pieter Bakker";

/**
 * The question that led to the task: an e-mail registered as in C1199, by a sender the mail
 * handler recognised as a known partij, with a task for the afdeling vergunningen.
 */
async function vraagVan(bsn: string): Promise<{ partij: string; taak: string; vraag: string }> {
  const partij = await bekendePartij(app, {
    bsn,
    contactnaam: { voornaam: "Jan", voorvoegselAchternaam: "de", achternaam: "Vries" },
    email: "jan.devries@example.nl",
    telefoonnummer: "0612345678",
  });
  const { registreerKlantcontact } = await app.ok(
    ScenarioRegistreerKlantcontactDocument,
    {
      input: {
        klantcontact: { kanaal: "e-mail", onderwerp: "Ophaalschema vuilnis", inhoud: VRAAG, taal: "nld", vertrouwelijk: false },
        actoren: [{ vindOfMaak: actoren.mailkoppeling }],
        betrokkenen: [
          {
            rol: "KLANT",
            initiator: true,
            wasPartij: partij,
            contactnaam: { voornaam: "Jan", voorvoegselAchternaam: "de", achternaam: "Vries" },
          },
        ],
        interneTaak: { gevraagdeHandeling: "Vraag beantwoorden", toegewezenAanActoren: [{ vindOfMaak: actoren.vergunningen }] },
      },
    },
    { principal: MAILKOPPELING },
  );
  return { partij, taak: registreerKlantcontact.interneTaak!.uuid, vraag: registreerKlantcontact.klantcontact.uuid };
}

/** Steps 1 and 2, the same in both variants: find the afdeling's open task and open it. */
async function zoekEnOpenTaak(scenario: Scenario, taak: string, vraag: string) {
  const ita = scenario.als(ITA_MEDEWERKER);
  const { interneTaken } = await scenario.stap("Medewerker zoekt de te verwerken taken van zijn afdeling", () =>
    ita.ok(ScenarioWerkvoorraadDocument, { actoridentificator: actoren.vergunningen.actoridentificator }),
  );
  expect(interneTaken.edges.map((e) => e.node.uuid)).toContain(taak);

  const { interneTaak } = await scenario.stap("Medewerker opent de taak met klantcontact, betrokkene, partij en digitaal adres", () =>
    ita.ok(ScenarioC9708TaakDocument, { uuid: taak }),
  );
  expect(interneTaak).toEqual({
    gevraagdeHandeling: "Vraag beantwoorden",
    toelichting: "",
    status: "TE_VERWERKEN",
    aanleidinggevendKlantcontact: {
      uuid: vraag,
      kanaal: "e-mail",
      onderwerp: "Ophaalschema vuilnis",
      inhoud: VRAAG,
      // The task names no channel and the partij has no voorkeursDigitaalAdres: the answer goes the way the question came (e-mail).
      hadBetrokkenen: [{ volledigeNaam: "Jan de Vries", digitaleAdressen: [], wasPartij: { voorkeursDigitaalAdres: null } }],
    },
  });
}

describe("C9708 Medewerker beantwoordt een vraag naar aanleiding van een interne taak", () => {
  it("C9708 variant A: directe beantwoording per e-mail, het antwoord als nieuw klantcontact met bijlage", async () => {
    const bsn = elfproefNummer();
    const { partij, taak, vraag } = await vraagVan(bsn);
    const scenario = new Scenario(app);
    await zoekEnOpenTaak(scenario, taak, vraag);
    await scenario.stap("Medewerker formuleert het antwoord en verstuurt het per e-mail", async () => undefined);

    const voor = await stand(app);
    const reply = { codeObjecttype: "e-mail", codeRegister: "bijlagenregister", codeSoortObjectId: "uuid", objectId: randomUUID() };
    const { handelInterneTaakAf: afgehandeld } = await scenario.stap("Medewerker registreert het antwoord en handelt de taak af", () =>
      scenario.als(ITA_MEDEWERKER).ok(ScenarioHandelInterneTaakAfDocument, {
        uuid: taak,
        input: {
          antwoord: {
            kanaal: "e-mail",
            onderwerp: "Ophaalschema vuilnis",
            inhoud: ANTWOORD,
            taal: "nld",
            vertrouwelijk: false,
            actoren: [{ uuid: pieter }],
            bijlagen: [reply],
          },
        },
      }),
    );

    expect(scenario.verzoekenPerStap).toEqual([
      ["Medewerker zoekt de te verwerken taken van zijn afdeling", 1],
      ["Medewerker opent de taak met klantcontact, betrokkene, partij en digitaal adres", 1],
      ["Medewerker formuleert het antwoord en verstuurt het per e-mail", 0],
      ["Medewerker registreert het antwoord en handelt de taak af", 1],
    ]);
    // The answer with its actor, its betrokkene, the link to the question and the reply as bijlage; the task changed, none added.
    expect(await geschreven(app, voor)).toEqual({ klantcontact: 1, actor_klantcontact: 1, betrokkene: 1, onderwerpobject: 1, bijlage: 1 });
    expect(afgehandeld.interneTaak).toMatchObject({ uuid: taak, status: "VERWERKT" });
    expect(afgehandeld.interneTaak.afgehandeldOp).not.toBeNull();
    expect(afgehandeld.antwoord).toMatchObject({
      kanaal: "e-mail",
      inhoud: ANTWOORD,
      hadBetrokkenActoren: [{ naam: "Pieter Bakker" }],
      omvatteBijlagen: [{ bijlageidentificator: reply }],
    });
    expect(afgehandeld.onderwerpobject).toEqual({ klantcontact: { uuid: afgehandeld.antwoord!.uuid }, wasKlantcontact: { uuid: vraag } });
    expect(afgehandeld.betrokkenen).toEqual([
      { rol: "KLANT", initiator: false, volledigeNaam: "Jan de Vries", wasPartij: { uuid: partij } },
    ]);

    // Mijn Omgeving: the citizen sees the question (not the answer as a question of its own), answered.
    const { partijen } = await app.ok(ScenarioMijnVragenDocument, {}, { principal: burger(bsn) });
    expect(partijen.edges[0]!.node.klantcontacten).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            onderwerp: "Ophaalschema vuilnis",
            inhoud: VRAAG,
            wasOnderwerpobjecten: [{ klantcontact: { kanaal: "e-mail", inhoud: ANTWOORD } }],
          },
        },
      ],
    });
    // KISS: both contacts in the klantbeeld, no open task left.
    const beeld = await klantbeeld(app, bsn);
    expect(beeld.klantcontacten.edges.map((e) => e.node.inhoud).sort()).toEqual([ANTWOORD, VRAAG].sort());
    expect(beeld.interneTaken.edges).toEqual([]);
  });

  it("C9708 variant B: opvolging door een collega, de taak afgesloten en een nieuwe taak 'Opvolgen klantcontact'", async () => {
    const bsn = elfproefNummer();
    const { taak, vraag } = await vraagVan(bsn);
    const scenario = new Scenario(app);
    await zoekEnOpenTaak(scenario, taak, vraag);

    const voor = await stand(app);
    const { stuurInterneTaakDoor: doorgestuurd } = await scenario.stap(
      "Medewerker kan de vraag niet beantwoorden en maakt een taak voor een collega",
      () =>
        scenario.als(ITA_MEDEWERKER).ok(ScenarioStuurInterneTaakDoorDocument, {
          uuid: taak,
          input: {
            naar: [{ uuid: fatima }],
            wijze: "NIEUWE_TAAK",
            gevraagdeHandeling: "Opvolgen klantcontact",
            toelichting: "Vraag gaat over afvalinzameling; doorgezet naar de afdeling afval.",
          },
        }),
    );

    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([1, 1, 1]);
    expect(await geschreven(app, voor)).toEqual({ interne_taak: 1, toewijzing: 1 });
    expect(doorgestuurd.afgeslotenTaak).toMatchObject({
      uuid: taak,
      status: "VERWERKT",
      toelichting: "Vraag gaat over afvalinzameling; doorgezet naar de afdeling afval.",
    });
    expect(doorgestuurd.interneTaak).toMatchObject({
      gevraagdeHandeling: "Opvolgen klantcontact",
      status: "TE_VERWERKEN",
      toegewezenAanActoren: [{ naam: "Fatima el Amrani" }],
      aanleidinggevendKlantcontact: { uuid: vraag },
    });
    expect(doorgestuurd.interneTaak.uuid).not.toBe(taak);

    // The colleague finds it in her own queue.
    const { interneTaken } = await app.ok(
      ScenarioWerkvoorraadDocument,
      { actoridentificator: actoren.fatima.actoridentificator },
      { principal: ITA_MEDEWERKER },
    );
    expect(interneTaken.edges.map((e) => e.node.uuid)).toEqual([doorgestuurd.interneTaak.uuid]);
    // KISS's Contactverzoeken tab shows the contact with the closed and the new task; one open task remains.
    const { partijen } = await app.ok(ScenarioContactverzoekenVanPartijDocument, { bsn }, { principal: KISS_MEDEWERKER });
    const [contactverzoek] = partijen.edges[0]!.node.klantcontacten.edges.map((e) => e.node);
    expect(contactverzoek!.leiddeTotInterneTaken.map((t) => [t.gevraagdeHandeling, t.status]).sort()).toEqual([
      ["Opvolgen klantcontact", "TE_VERWERKEN"],
      ["Vraag beantwoorden", "VERWERKT"],
    ]);
    const beeld = await klantbeeld(app, bsn);
    expect(beeld.interneTaken.edges.map((e) => e.node)).toEqual([
      { gevraagdeHandeling: "Opvolgen klantcontact", toelichting: "", toegewezenAanActoren: [{ naam: "Fatima el Amrani" }] },
    ]);
  });
});
