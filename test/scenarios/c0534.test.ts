import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ScenarioC0534AntwoordVastleggenDocument,
  ScenarioC0534KlantcontactOpNummerDocument,
  ScenarioKlantbeeldDocument,
  ScenarioRegistreerKlantcontactDocument,
  ScenarioVindOfMaakActorDocument,
  type RegistreerBetrokkeneInput,
} from "../generated/graphql";
import { TestApp } from "../support/app";
import { elfproefNummer, identificator } from "../support/fixtures";
import {
  actoren,
  bekendeActoren,
  bekendePartij,
  geschreven,
  KISS_COLLEGA_VERGUNNINGEN,
  KISS_MEDEWERKER,
  klantbeeld,
  Scenario,
  stand,
} from "./support";

/**
 * C0534 - Klant belt KCC met een vraag die, na doorverbinden, direct door een collega beantwoord
 * kan worden. Both medewerkers are actors and logged in to KISS. An unknown caller's question and
 * name go over the phone only: nothing is registered. For a known caller the KCC registers the
 * klantcontact with the question (creating the partij first when the authenticated klant is not
 * one yet) and passes its number on; the colleague finds it, reads who the klant is, appends the
 * answer to the inhoud (F0796) and links himself as second actor (F6542).
 */

let app: TestApp;
let sanne: string, pieter: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ sanne, pieter } = await bekendeActoren(app, "sanne", "pieter"));
});
afterAll(() => app.stop());

const VRAAG = "Klant wil een schutting van 2,5 meter plaatsen en vraagt of daarvoor een vergunning nodig is.";
const ANTWOORD = "Antwoord (vergunningen): boven 2 meter is een omgevingsvergunning nodig; aanvragen via het omgevingsloket.";

/**
 * Plays variant B from the registration on; `betrokkene` names the klant as KISS found it, and
 * `nieuwePartij` says whether the registration is to create the partij.
 */
async function gekendeKlant(
  scenario: Scenario,
  bsn: string,
  referentienummer: string,
  betrokkene: RegistreerBetrokkeneInput,
  nieuwePartij: boolean,
) {
  const kiss = scenario.als(KISS_MEDEWERKER);
  const collega = scenario.als(KISS_COLLEGA_VERGUNNINGEN);

  const voor = await stand(app);
  const { registreerKlantcontact } = await scenario.stap("KCC-medewerker registreert het klantcontact met de vraag", () =>
    kiss.ok(ScenarioRegistreerKlantcontactDocument, {
      input: {
        klantcontact: {
          kanaal: "telefoon",
          onderwerp: "Vergunning schutting",
          inhoud: VRAAG,
          taal: "nld",
          vertrouwelijk: false,
          referentienummer,
        },
        actoren: [{ vindOfMaak: actoren.sanne }],
        betrokkenen: [betrokkene],
      },
    }),
  );
  expect(await geschreven(app, voor)).toEqual({
    klantcontact: 1,
    actor_klantcontact: 1,
    betrokkene: 1,
    ...(nieuwePartij && { partij: 1, partij_identificator: 1 }),
  });
  await scenario.stap("KCC-medewerker verbindt door en geeft het nummer van het klantcontact door", async () => undefined);

  const { vindOfMaakActor } = await scenario.stap("Collega is ingelogd in KISS (zijn actor)", () =>
    collega.ok(ScenarioVindOfMaakActorDocument, { input: actoren.pieter }),
  );
  expect(vindOfMaakActor).toEqual({ aangemaakt: false, actor: { uuid: pieter, naam: "Pieter Bakker" } });

  const { klantcontacten } = await scenario.stap("Collega zoekt het klantcontact op nummer en leest klant, onderwerp en inhoud", () =>
    collega.ok(ScenarioC0534KlantcontactOpNummerDocument, { referentienummer }),
  );
  const [gevonden] = klantcontacten.edges.map((e) => e.node);
  expect(gevonden).toMatchObject({ uuid: registreerKlantcontact.klantcontact.uuid, onderwerp: "Vergunning schutting", inhoud: VRAAG });
  expect(gevonden!.hadBetrokkenen).toEqual([
    {
      rol: "KLANT",
      volledigeNaam: "",
      wasPartij: {
        uuid: registreerKlantcontact.betrokkenen[0]!.wasPartij!.uuid,
        partijIdentificatie: { volledigeNaam: "Karel van Deurne" },
      },
    },
  ]);

  await scenario.stap("Collega beantwoordt de vraag", async () => undefined);
  const vastgelegd = await scenario.stap("Collega vult de inhoud aan met het antwoord en koppelt zich aan het klantcontact", () =>
    collega.ok(ScenarioC0534AntwoordVastleggenDocument, {
      uuid: gevonden!.uuid,
      inhoud: `${gevonden!.inhoud}\n${ANTWOORD}`,
      actor: vindOfMaakActor.actor.uuid,
    }),
  );
  expect(vastgelegd.updateKlantcontact.inhoud).toBe(`${VRAAG}\n${ANTWOORD}`);
  expect(await geschreven(app, voor)).toMatchObject({ actor_klantcontact: 2 });

  const beeld = await klantbeeld(app, bsn);
  expect(beeld.klantcontacten.edges.map((e) => e.node)).toEqual([
    expect.objectContaining({
      onderwerp: "Vergunning schutting",
      inhoud: `${VRAAG}\n${ANTWOORD}`,
      hadBetrokkenActoren: expect.arrayContaining([{ naam: "Sanne Jansen" }, { naam: "Pieter Bakker" }]),
    }),
  ]);
  expect(beeld.klantcontacten.edges[0]!.node.hadBetrokkenActoren).toHaveLength(2);
  return registreerKlantcontact;
}

describe("C0534 Klant belt KCC, vraag na doorverbinden direct door collega beantwoord", () => {
  it("C0534 variant A: niet gekende klant, vraag en naam gaan telefonisch over; niets geregistreerd", async () => {
    const voor = await stand(app);
    const scenario = new Scenario(app);

    await scenario.stap("KCC-medewerker beantwoordt de inkomende oproep", async () => undefined);
    await scenario.stap("KCC-medewerker verbindt door en geeft vraag en naam telefonisch door", async () => undefined);
    await scenario.stap("Collega beantwoordt de vraag", async () => undefined);

    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([0, 0, 0]);
    expect(await stand(app)).toEqual(voor);
  });

  it("C0534 variant B: gekende klant, al een partij", async () => {
    const bsn = elfproefNummer();
    const partij = await bekendePartij(app, {
      bsn,
      contactnaam: { voornaam: "Karel", voorvoegselAchternaam: "van", achternaam: "Deurne" },
      email: "karel@example.nl",
      telefoonnummer: "0612345678",
    });
    const scenario = new Scenario(app);
    const gezocht = await scenario.stap("KCC-medewerker zoekt de geauthenticeerde klant op BSN", () =>
      scenario.als(KISS_MEDEWERKER).ok(ScenarioKlantbeeldDocument, { bsn }),
    );
    expect(gezocht.partijen.edges.map((e) => e.node.uuid)).toEqual([partij]);

    const geregistreerd = await gekendeKlant(scenario, bsn, "34001", { rol: "KLANT", initiator: true, wasPartij: partij }, false);
    expect(geregistreerd.actoren).toEqual([{ uuid: sanne, naam: "Sanne Jansen" }]);
    expect(geregistreerd.partijen).toEqual([]);
    expect(geregistreerd.betrokkenen).toEqual([expect.objectContaining({ wasPartij: { uuid: partij } })]);

    expect(scenario.verzoekenPerStap).toEqual([
      ["KCC-medewerker zoekt de geauthenticeerde klant op BSN", 1],
      ["KCC-medewerker registreert het klantcontact met de vraag", 1],
      ["KCC-medewerker verbindt door en geeft het nummer van het klantcontact door", 0],
      ["Collega is ingelogd in KISS (zijn actor)", 1],
      ["Collega zoekt het klantcontact op nummer en leest klant, onderwerp en inhoud", 1],
      ["Collega beantwoordt de vraag", 0],
      ["Collega vult de inhoud aan met het antwoord en koppelt zich aan het klantcontact", 1],
    ]);
  });

  it("C0534 variant B: gekende klant die nog geen partij is; de partij wordt eerst geregistreerd (F7554)", async () => {
    const bsn = elfproefNummer();
    const scenario = new Scenario(app);
    const gezocht = await scenario.stap("KCC-medewerker zoekt de geauthenticeerde klant op BSN", () =>
      scenario.als(KISS_MEDEWERKER).ok(ScenarioKlantbeeldDocument, { bsn }),
    );
    expect(gezocht.partijen.edges).toEqual([]);

    const nieuw = {
      rol: "KLANT",
      initiator: true,
      vindOfMaakPartij: {
        identificator: identificator.bsn(bsn),
        partij: {
          soortPartij: "PERSOON",
          indicatieActief: true,
          voorkeurstaal: "nld",
          partijIdentificatie: { contactnaam: { voornaam: "Karel", voorvoegselAchternaam: "van", achternaam: "Deurne" } },
        },
      },
    } satisfies RegistreerBetrokkeneInput;
    const geregistreerd = await gekendeKlant(scenario, bsn, "34002", nieuw, true);
    expect(geregistreerd.partijen).toEqual([
      expect.objectContaining({
        aangemaakt: true,
        partij: expect.objectContaining({ bsn, partijIdentificatie: { volledigeNaam: "Karel van Deurne" } }),
      }),
    ]);
    expect(scenario.verzoekenPerStap.map(([, n]) => n)).toEqual([1, 1, 0, 1, 1, 0, 1]);
  });
});
