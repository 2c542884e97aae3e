import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { ScenarioRegistreerKlantcontactDocument, type ZaakVerwijzingInput } from "../generated/graphql";
import { TestApp } from "../support/app";
import { actoren, bekendeActoren, geschreven, KISS_MEDEWERKER, Scenario, stand } from "./support";

/**
 * C4390 - Klant belt KCC met een melding openbare ruimte; hiervoor wordt direct een zaak
 * aangemaakt (a variant of C0992). The KCC medewerker checks in the zaaksysteem that no zaak runs
 * for it yet, creates one there with the (unauthenticated) caller's contact details, and then
 * registers the klantcontact with the zaak as its onderwerp, by uuid (KISS's convention) or by the
 * zaak number. The klantbeeld of this case is the zaak's: its klantcontacten, as the zaak detail
 * of KISS reads them through the router.
 */

/** What the router asks this subgraph for the zaak detail (Zaak.klantcontacten @requires identificatie). */
const ZAAK_KLANTCONTACTEN = `query ($zaak: [_Any!]!) {
  _entities(representations: $zaak) {
    ... on Zaak { klantcontacten { edges { node { kanaal onderwerp inhoud hadBetrokkenActoren { naam } hadBetrokkenen { volledigeNaam wasPartij { uuid } } } } } }
  }
}`;

interface ZaakKlantcontacten {
  _entities: Array<{ klantcontacten: { edges: Array<{ node: Record<string, unknown> }> } }>;
}

let app: TestApp;
let sanne: string;
beforeAll(async () => {
  app = await TestApp.start();
  ({ sanne } = await bekendeActoren(app, "sanne"));
});
afterAll(() => app.stop());

/** Plays the case for a zaak that the medewerker creates in the zaaksysteem, linked as `verwijzing`. */
async function meldingMetZaak(zaak: { uuid: string; identificatie: string }, verwijzing: ZaakVerwijzingInput) {
  const scenario = new Scenario(app);
  const voor = await stand(app);
  await scenario.stap("Medewerker beantwoordt de oproep over een losliggende stoeptegel", async () => undefined);
  await scenario.stap("Medewerker controleert in het zaaksysteem of er al een zaak voor loopt", async () => undefined);
  await scenario.stap("Medewerker maakt de zaak aan met de contactgegevens van de melder", async () => undefined);
  const { registreerKlantcontact } = await scenario.stap("Medewerker registreert het klantcontact met de zaak als onderwerp", () =>
    scenario.als(KISS_MEDEWERKER).ok(ScenarioRegistreerKlantcontactDocument, {
      input: {
        klantcontact: {
          kanaal: "telefoon",
          onderwerp: "Melding openbare ruimte",
          inhoud: `Losliggende stoeptegel voor Dorpsstraat 12; zaak ${zaak.identificatie} aangemaakt.`,
          indicatieContactGelukt: true,
          taal: "nld",
          vertrouwelijk: false,
        },
        actoren: [{ vindOfMaak: actoren.sanne }],
        betrokkenen: [
          { rol: "KLANT", initiator: true, contactnaam: { voornaam: "Petra", voorvoegselAchternaam: "de", achternaam: "Boer" } },
        ],
        onderwerpobjecten: [{ zaak: verwijzing }],
      },
    }),
  );
  expect(scenario.verzoekenPerStap).toEqual([
    ["Medewerker beantwoordt de oproep over een losliggende stoeptegel", 0],
    ["Medewerker controleert in het zaaksysteem of er al een zaak voor loopt", 0],
    ["Medewerker maakt de zaak aan met de contactgegevens van de melder", 0],
    ["Medewerker registreert het klantcontact met de zaak als onderwerp", 1],
  ]);
  expect(await geschreven(app, voor)).toEqual({ klantcontact: 1, actor_klantcontact: 1, betrokkene: 1, onderwerpobject: 1 });
  expect(registreerKlantcontact).toMatchObject({
    actoren: [{ uuid: sanne }],
    partijen: [],
    betrokkenen: [{ volledigeNaam: "Petra de Boer", wasPartij: null }],
  });

  // Afterwards the zaak shows the klantcontact it came from.
  const result = await app.execute(ZAAK_KLANTCONTACTEN, { zaak: [{ __typename: "Zaak", ...zaak }] }, { principal: KISS_MEDEWERKER });
  expect(result.errors).toBeUndefined();
  expect((result.data as ZaakKlantcontacten)._entities[0]!.klantcontacten.edges.map((e) => e.node)).toEqual([
    {
      kanaal: "telefoon",
      onderwerp: "Melding openbare ruimte",
      inhoud: `Losliggende stoeptegel voor Dorpsstraat 12; zaak ${zaak.identificatie} aangemaakt.`,
      hadBetrokkenActoren: [{ naam: "Sanne Jansen" }],
      hadBetrokkenen: [{ volledigeNaam: "Petra de Boer", wasPartij: null }],
    },
  ]);
  return registreerKlantcontact.onderwerpobjecten;
}

describe("C4390 Melding openbare ruimte per telefoon: direct een zaak", () => {
  it("C4390: zaak gekoppeld op uuid (KISS)", async () => {
    const zaak = { uuid: randomUUID(), identificatie: "ZAAK-2026-0004390" };
    const [onderwerpobject] = await meldingMetZaak(zaak, { uuid: zaak.uuid });
    expect(onderwerpobject!.onderwerpobjectidentificator).toEqual({
      codeObjecttype: "zgw-Zaak",
      codeRegister: "openzaak",
      codeSoortObjectId: "uuid",
      objectId: zaak.uuid,
    });
    expect(onderwerpobject!.wasKlantcontact).toBeNull();
  });

  it("C4390: zaaknummer meegegeven (identificatie)", async () => {
    const zaak = { uuid: randomUUID(), identificatie: "ZAAK-2026-0004391" };
    const [onderwerpobject] = await meldingMetZaak(zaak, { identificatie: zaak.identificatie });
    expect(onderwerpobject!.onderwerpobjectidentificator).toEqual({
      codeObjecttype: "zaak",
      codeRegister: "openzaak",
      codeSoortObjectId: "identificatie",
      objectId: zaak.identificatie,
    });
  });
});
