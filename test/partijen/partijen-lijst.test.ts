import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import { PartijenLijstMetRelatiesDocument } from "../generated/graphql";
import { TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

/** A valid BSN (elfproef) for each n. */
function bsn(n: number): string {
  for (let candidate = 100000000 + n * 97; ; candidate++) {
    const digits = String(candidate).padStart(9, "0");
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
    if ((sum - Number(digits[8])) % 11 === 0) return digits;
  }
}

let made = 0;
/** `count` persons, each with a BSN, two digitale adressen and three klantcontacten as betrokkene. */
async function maakPartijen(count: number) {
  const em = app.orm.em.fork();
  for (let i = 0; i < count; i++, made++) {
    const partij = em.create(Partij, {
      soortPartij: SoortPartij.PERSOON,
      indicatieActief: true,
      contactnaam: { voornaam: "Persoon", achternaam: String(made) },
    } as never);
    em.create(PartijIdentificator, {
      identificeerdePartij: partij,
      codeRegister: CodeRegister.BRP,
      codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
      codeSoortObjectId: CodeSoortObjectId.BSN,
      objectId: bsn(made),
    } as never);
    em.create(DigitaalAdres, {
      verstrektDoorPartij: partij,
      adres: `p${made}@example.nl`,
      soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
    } as never);
    em.create(DigitaalAdres, {
      verstrektDoorPartij: partij,
      adres: "0201234567",
      soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
    } as never);
    for (let k = 0; k < 3; k++) {
      const contact = em.create(Klantcontact, { kanaal: "telefoon", onderwerp: `Vraag ${k}`, taal: "nld", vertrouwelijk: false } as never);
      em.create(Betrokkene, { hadKlantcontact: contact, wasPartij: partij, rol: Rol.KLANT, initiator: true } as never);
    }
  }
  await em.flush();
}

describe("listing partijen with their relations", () => {
  it("costs as many SQL statements for 50 partijen as for 5", async () => {
    await maakPartijen(5);
    const five = await app.countStatements(PartijenLijstMetRelatiesDocument, { first: 5 });
    await maakPartijen(45);
    const fifty = await app.countStatements(PartijenLijstMetRelatiesDocument, { first: 50 });

    expect(five.data.partijen.edges).toHaveLength(5);
    expect(fifty.data.partijen.edges).toHaveLength(50);
    for (const { node } of fifty.data.partijen.edges) {
      expect(node.bsn).toMatch(/^[0-9]{9}$/);
      expect(node.partijIdentificatoren).toHaveLength(1);
      expect(node.digitaleAdressen).toHaveLength(2);
      expect(node.betrokkenen.edges).toHaveLength(3);
      expect(node.betrokkenen.edges.every((e) => e.node.hadKlantcontact.onderwerp.startsWith("Vraag"))).toBe(true);
    }
    expect(fifty.count).toBe(five.count);
    // one for the page, one batch each for identificatoren, adressen, betrokkenen and klantcontacten,
    // and two for the audit log (the data subjects' BSNs, one INSERT)
    expect(fifty.count).toBeLessThanOrEqual(8);
  });
});
