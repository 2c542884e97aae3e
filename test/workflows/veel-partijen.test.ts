import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdresEnVoorkeurDocument,
  MaakPartijMetIdentificatorenDocument,
  RegistreerMetNieuwePartijenDocument,
  type ActorInput,
  type PartijInput,
  type RegistreerBetrokkeneInput,
  type RegistreerKlantcontactInput,
  type VindOfMaakPartijInput,
} from "../generated/graphql";
import { invalidParams, TestApp } from "../support/app";
import { dialect } from "../support/database";
import { elfproefNummer, iban, identificator, kvkNummer, maakDigitaalAdres, maakPartij, rows } from "../support/fixtures";
import { Actor } from "../../src/opvolging/actor.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";

/**
 * The rule "SQL statements constant per operation whatever the list sizes" for the partijen and
 * actors that a workflow MAKES (not only those it finds): each is checked and written together
 * with the others, so 5 cost what 1 costs. On SQLite and on PostgreSQL alike.
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

let volgnummer = 0;
const uniek = () => `${++volgnummer}`;
/** A fresh partij nummer (digits only). */
const nummer = () => String(7_000_000 + ++volgnummer);

const klantcontact = { kanaal: "telefoon", onderwerp: "Melding", inhoud: "Losliggende stoeptegel", taal: "nld", vertrouwelijk: false };

const bsn = (objectId = elfproefNummer()): VindOfMaakPartijInput => ({ identificator: identificator.bsn(objectId) });

/** A betrokkene whose partij is new: found by a fresh BSN, made with a nummer, 2 addresses (the second preferred) and an account. */
function nieuwePersoon(i: number): RegistreerBetrokkeneInput {
  return {
    rol: "KLANT",
    initiator: i === 0,
    vindOfMaakPartij: {
      ...bsn(),
      partij: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        nummer: nummer(),
        nieuweDigitaleAdressen: [
          { adres: `persoon${uniek()}@example.nl`, soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
          { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" },
        ],
        voorkeursDigitaalAdresIndex: 1,
        nieuweRekeningnummers: [{ iban: iban() }],
      },
    },
    nieuweDigitaleAdressen: [
      { adres: `opgegeven${uniek()}@example.nl`, soortDigitaalAdres: "EMAIL" },
      { adres: "0201234567", soortDigitaalAdres: "TELEFOONNUMMER" },
    ],
  };
}

const registreer = (betrokkenen: RegistreerBetrokkeneInput[], extra: Partial<RegistreerKlantcontactInput> = {}) =>
  app.countStatements(RegistreerMetNieuwePartijenDocument, { input: { klantcontact, betrokkenen, ...extra } });

const medewerker = (): ActorInput => ({
  naam: `Medewerker ${uniek()}`,
  soortActor: "MEDEWERKER",
  actoridentificator: { objectId: `mdw${uniek()}@gemeente.nl`, codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
});

describe(`registreerKlantcontact making new partijen (${dialect})`, () => {
  it("sends as many statements for 5 betrokkenen each with a new partij (BSN, 2 addresses, an account) as for 1", async () => {
    await registreer([nieuwePersoon(0)]);
    const one = await registreer([nieuwePersoon(0)]);
    const input = Array.from({ length: 5 }, (_, i) => nieuwePersoon(i));
    const five = await registreer(input);
    expect(five.count).toBe(one.count);

    const { partijen, betrokkenen } = five.data.registreerKlantcontact;
    expect(partijen.map((p) => p.aangemaakt)).toEqual([true, true, true, true, true]);
    expect(new Set(partijen.map((p) => p.partij.uuid)).size).toBe(5);
    expect(betrokkenen.map((b) => b.wasPartij?.uuid)).toEqual(partijen.map((p) => p.partij.uuid));
    partijen.forEach(({ partij }, i) => {
      const gevraagd = input[i].vindOfMaakPartij!;
      expect(partij).toMatchObject({
        bsn: gevraagd.identificator.objectId,
        nummer: gevraagd.partij!.nummer,
        // the voorkeur (the phone number) first, then the rest
        digitaleAdressen: [...gevraagd.partij!.nieuweDigitaleAdressen!].reverse().map(({ adres }) => ({ adres })),
        voorkeursDigitaalAdres: { adres: "0612345678" },
        rekeningnummers: [{ iban: gevraagd.partij!.nieuweRekeningnummers![0].iban }],
      });
      expect(partij.partijIdentificatoren).toHaveLength(1);
    });
    expect(betrokkenen.map((b) => b.digitaleAdressen.map((a) => a.adres))).toEqual(
      input.map((b) => b.nieuweDigitaleAdressen!.map((a) => a.adres)),
    );
  });

  it("sends as many statements for 5 new vestigingen, each under a new KvK-nummer, as for 1", async () => {
    const vestiging = (): RegistreerBetrokkeneInput => ({
      rol: "VERTEGENWOORDIGER",
      initiator: false,
      vindOfMaakPartij: { identificator: identificator.vestiging(), kvkNummer: kvkNummer() },
    });
    const one = await registreer([vestiging()]);
    const input = Array.from({ length: 5 }, vestiging);
    const five = await registreer(input);
    expect(five.count).toBe(one.count);
    expect(
      five.data.registreerKlantcontact.partijen.map(({ aangemaakt, partij }) => [aangemaakt, partij.kvkNummer, partij.vestigingsnummer]),
    ).toEqual(input.map((b) => [true, b.vindOfMaakPartij!.kvkNummer, b.vindOfMaakPartij!.identificator.objectId]));
  });

  it("sends as many statements for 5 new partijen each taking over a stored address (and its voorkeur) as for 1", async () => {
    /** A stored partij that prefers its address, and a new partij that takes the address over and prefers it. */
    const overname = async () => {
      const vorige = await maakPartij(app);
      const adres = await maakDigitaalAdres(app, { adres: `verhuisd${uniek()}@example.nl`, verstrektDoorPartij: vorige.uuid });
      const id = (await app.orm.em.fork().findOneOrFail(DigitaalAdres, { uuid: adres })).id;
      await app.orm.em.fork().nativeUpdate(Partij, { uuid: vorige.uuid }, { voorkeursDigitaalAdres: id });
      const betrokkene: RegistreerBetrokkeneInput = {
        rol: "KLANT",
        initiator: false,
        vindOfMaakPartij: {
          ...bsn(),
          partij: { soortPartij: "PERSOON", indicatieActief: true, digitaleAdressen: [adres], voorkeursDigitaalAdres: adres },
        },
      };
      return { vorige: vorige.uuid, adres, betrokkene };
    };
    const single = await overname();
    const one = await registreer([single.betrokkene]);
    const many = await Promise.all(Array.from({ length: 5 }, overname));
    const five = await registreer(many.map((m) => m.betrokkene));
    expect(five.count).toBe(one.count);

    for (const [i, { vorige, adres }] of many.entries()) {
      const nieuw = five.data.registreerKlantcontact.partijen[i].partij;
      expect(nieuw.digitaleAdressen.map((a) => a.uuid)).toEqual([adres]);
      const now = await app.ok(AdresEnVoorkeurDocument, { adres, partij: vorige });
      // the address moved, and the partij it left no longer prefers it
      expect(now).toEqual({ digitaalAdres: { verstrektDoorPartij: { uuid: nieuw.uuid } }, partij: { voorkeursDigitaalAdres: null } });
      expect((await app.ok(AdresEnVoorkeurDocument, { adres, partij: nieuw.uuid })).partij).toEqual({
        voorkeursDigitaalAdres: { uuid: adres },
      });
    }
  });

  it("sends as many statements for 5 new actors (who handled it, and for the task) as for 1", async () => {
    const metActoren = (n: number) =>
      registreer([nieuwePersoon(0)], {
        actoren: Array.from({ length: n }, () => ({ vindOfMaak: medewerker() })),
        interneTaak: {
          gevraagdeHandeling: "Terugbellen",
          toegewezenAanActoren: Array.from({ length: n }, () => ({ vindOfMaak: medewerker() })),
        },
      });
    const actorsBefore = await rows(app, Actor);
    const one = await metActoren(1);
    const five = await metActoren(5);
    expect(five.count).toBe(one.count);
    const { actoren, interneTaak } = five.data.registreerKlantcontact;
    expect(actoren).toHaveLength(5);
    expect(interneTaak!.toegewezenAanActoren).toHaveLength(5);
    expect(new Set([...actoren, ...interneTaak!.toegewezenAanActoren].map((a) => a.uuid)).size).toBe(10);
    expect(await rows(app, Actor)).toBe(actorsBefore + 12);
  });

  it("gives one partij to two betrokkenen that name the same BSN, made with the fields one of them gives", async () => {
    const persoon = bsn();
    const before = [await rows(app, Partij), await rows(app, PartijIdentificator)];
    const partij: PartijInput = {
      soortPartij: "PERSOON",
      indicatieActief: true,
      nieuweDigitaleAdressen: [{ adres: `een${uniek()}@example.nl`, soortDigitaalAdres: "EMAIL" }],
    };
    const { data } = await registreer([
      { rol: "KLANT", initiator: true, vindOfMaakPartij: persoon },
      { rol: "VERTEGENWOORDIGER", initiator: false, vindOfMaakPartij: { ...persoon, partij } },
    ]);
    const { partijen, betrokkenen } = data.registreerKlantcontact;
    expect(partijen[0]).toEqual(partijen[1]);
    expect(partijen[0]).toMatchObject({
      aangemaakt: true,
      partij: { bsn: persoon.identificator.objectId, digitaleAdressen: [{ adres: partij.nieuweDigitaleAdressen![0].adres }] },
    });
    expect(betrokkenen.map((b) => b.wasPartij)).toEqual([{ uuid: partijen[0].partij.uuid }, { uuid: partijen[0].partij.uuid }]);
    expect([await rows(app, Partij), await rows(app, PartijIdentificator)]).toEqual([before[0] + 1, before[1] + 1]);

    // the next call with the same two finds it for both
    const again = await registreer([
      { rol: "KLANT", initiator: true, vindOfMaakPartij: persoon },
      { rol: "VERTEGENWOORDIGER", initiator: false, vindOfMaakPartij: persoon },
    ]);
    expect(again.data.registreerKlantcontact.partijen).toEqual([0, 1].map(() => ({ ...partijen[0], aangemaakt: false })));
  });

  it("refuses two different sets of fields for one new partij, naming the later one, and writes nothing", async () => {
    const persoon = bsn();
    const partij = (gegeven: string): PartijInput => ({ soortPartij: "PERSOON", indicatieActief: true, nummer: gegeven });
    const before = await rows(app, Partij);
    const result = await app.execute(RegistreerMetNieuwePartijenDocument, {
      input: {
        klantcontact,
        betrokkenen: [
          { rol: "KLANT", initiator: true, vindOfMaakPartij: { ...persoon, partij: partij(nummer()) } },
          { rol: "KLANT", initiator: false, contactnaam: { voornaam: "Piet", achternaam: "Bakker" } },
          { rol: "VERTEGENWOORDIGER", initiator: false, vindOfMaakPartij: { ...persoon, partij: partij(nummer()) } },
        ],
      },
    });
    expect(invalidParams(result)).toEqual([["betrokkenen.2.vindOfMaakPartij.partij", "invalid"]]);
    expect(await rows(app, Partij)).toBe(before);
  });

  it("refuses two new partijen that claim one nummer or one RSIN at the later one's paths, and writes nothing", async () => {
    const gedeeld = nummer();
    const rsin = identificator.rsin();
    const organisatie = (): RegistreerBetrokkeneInput => ({
      rol: "KLANT",
      initiator: false,
      vindOfMaakPartij: {
        identificator: identificator.kvk(),
        partij: {
          soortPartij: "ORGANISATIE",
          indicatieActief: true,
          nummer: gedeeld,
          partijIdentificatoren: [{ partijIdentificator: rsin }],
        },
      },
    });
    const before = [await rows(app, Partij), await rows(app, PartijIdentificator)];
    const result = await app.execute(RegistreerMetNieuwePartijenDocument, {
      input: { klantcontact, betrokkenen: [organisatie(), organisatie()] },
    });
    expect(invalidParams(result)).toEqual([
      ["betrokkenen.1.vindOfMaakPartij.partij.nummer", "unique"],
      ["betrokkenen.1.vindOfMaakPartij.partij.partijIdentificatoren.0.nonFieldErrors", "unique"],
    ]);
    expect([await rows(app, Partij), await rows(app, PartijIdentificator)]).toEqual(before);
  });
});

describe(`createPartij with several identificatoren, addresses and accounts (${dialect})`, () => {
  it("sends as many statements for 2 identificatoren, 5 addresses and 5 accounts as for 1 of each", async () => {
    const organisatie = (identificatoren: number, n: number): PartijInput => ({
      soortPartij: "ORGANISATIE",
      indicatieActief: true,
      nummer: nummer(),
      partijIdentificatoren: [identificator.kvk(), identificator.rsin()]
        .slice(0, identificatoren)
        .map((partijIdentificator) => ({ partijIdentificator })),
      nieuweDigitaleAdressen: Array.from({ length: n }, () => ({
        adres: `info${uniek()}@example.nl`,
        soortDigitaalAdres: "EMAIL" as const,
      })),
      voorkeursDigitaalAdresIndex: n - 1,
      nieuweRekeningnummers: Array.from({ length: n }, () => ({ iban: iban() })),
      voorkeursRekeningnummerIndex: 0,
    });
    const one = await app.countStatements(MaakPartijMetIdentificatorenDocument, { input: organisatie(1, 1) });
    const input = organisatie(2, 5);
    const five = await app.countStatements(MaakPartijMetIdentificatorenDocument, { input });
    expect(five.count).toBe(one.count);
    expect(five.data.createPartij).toMatchObject({
      kvkNummer: input.partijIdentificatoren![0].partijIdentificator.objectId,
      rsin: input.partijIdentificatoren![1].partijIdentificator.objectId,
      voorkeursDigitaalAdres: { adres: input.nieuweDigitaleAdressen![4].adres },
      voorkeursRekeningnummer: { iban: input.nieuweRekeningnummers![0].iban },
    });
    expect(five.data.createPartij.digitaleAdressen).toHaveLength(5);
    expect(five.data.createPartij.rekeningnummers).toHaveLength(5);
  });

  it("still refuses an identificator that is taken, at its path", async () => {
    const kvk = identificator.kvk();
    await app.ok(MaakPartijMetIdentificatorenDocument, {
      input: { soortPartij: "ORGANISATIE", indicatieActief: true, partijIdentificatoren: [{ partijIdentificator: kvk }] },
    });
    const result = await app.execute(MaakPartijMetIdentificatorenDocument, {
      input: {
        soortPartij: "ORGANISATIE",
        indicatieActief: true,
        partijIdentificatoren: [{ partijIdentificator: identificator.rsin() }, { partijIdentificator: kvk }],
      },
    });
    expect(invalidParams(result)).toEqual([["partijIdentificatoren.1.nonFieldErrors", "unique"]]);
  });
});
