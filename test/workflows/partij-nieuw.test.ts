import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartijMetNieuweAdressenDocument, type PartijInput } from "../generated/graphql";
import { invalidParams, TestApp } from "../support/app";
import { rows } from "../support/fixtures";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { Rekeningnummer } from "../../src/partijen/rekeningnummer.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const persoon: PartijInput = { soortPartij: "PERSOON", indicatieActief: true };
const counts = async () => [await rows(app, Partij), await rows(app, DigitaalAdres), await rows(app, Rekeningnummer)];

describe("createPartij with new digitale adressen and rekeningnummers", () => {
  it("creates them with the partij, the voorkeur chosen by index", async () => {
    const { createPartij } = await app.ok(PartijMetNieuweAdressenDocument, {
      input: {
        ...persoon,
        nieuweDigitaleAdressen: [
          { adres: "jan@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
          { adres: "0612345678", soortDigitaalAdres: "TELEFOONNUMMER" },
        ],
        voorkeursDigitaalAdresIndex: 1,
        nieuweRekeningnummers: [{ iban: "nl91abna0417164300", bic: "ABNANL2A" }],
        voorkeursRekeningnummerIndex: 0,
      },
    });
    expect(
      createPartij.digitaleAdressen.map(({ adres, soortDigitaalAdres, isStandaardAdres }) => [adres, soortDigitaalAdres, isStandaardAdres]),
    ).toEqual([
      // the voorkeur first, then the standaard addresses
      ["0612345678", "TELEFOONNUMMER", false],
      ["jan@example.nl", "EMAIL", true],
    ]);
    expect(createPartij.voorkeursDigitaalAdres).toEqual({ adres: "0612345678" });
    expect(createPartij.rekeningnummers).toEqual([{ iban: "NL91ABNA0417164300", bic: "ABNANL2A" }]);
    expect(createPartij.voorkeursRekeningnummer).toEqual({ iban: "NL91ABNA0417164300" });
  });

  it("refuses bad nested rows with their paths, and writes nothing", async () => {
    const before = await counts();
    const result = await app.execute(PartijMetNieuweAdressenDocument, {
      input: {
        ...persoon,
        nieuweDigitaleAdressen: [
          { adres: "jan@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
          { adres: "geen adres", soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
        ],
        voorkeursDigitaalAdresIndex: 2,
        nieuweRekeningnummers: [{ iban: "NL00ABNA0417164300" }],
        voorkeursRekeningnummerIndex: 0,
        voorkeursRekeningnummer: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000",
      },
    });
    expect(invalidParams(result)).toEqual([
      ["voorkeursRekeningnummer", "does_not_exist"],
      ["nieuweDigitaleAdressen.1.adres", "invalid"],
      ["nieuweRekeningnummers.0.iban", "invalid"],
      ["voorkeursDigitaalAdresIndex", "invalid"],
      ["voorkeursRekeningnummerIndex", "invalid"],
      ["nieuweDigitaleAdressen", "unique"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("sends the same number of statements for 1 and for 5 new addresses", async () => {
    const input = (n: number): PartijInput => ({
      ...persoon,
      nieuweDigitaleAdressen: Array.from({ length: n }, (_, i) => ({ adres: `a${i}@example.nl`, soortDigitaalAdres: "EMAIL" as const })),
      nieuweRekeningnummers: [{ iban: "NL91ABNA0417164300" }],
    });
    const one = await app.countStatements(PartijMetNieuweAdressenDocument, { input: input(1) });
    const five = await app.countStatements(PartijMetNieuweAdressenDocument, { input: input(5) });
    expect(five.data.createPartij.digitaleAdressen).toHaveLength(5);
    expect(five.count).toBe(one.count);
  });
});
