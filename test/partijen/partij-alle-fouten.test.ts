import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Partij } from "../../src/partijen/partij.entity";
import { errorCode, invalidParams, TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

describe("createPartij with several problems", () => {
  it("reports the field rules and the identificator rules in one answer, one reason per field, and writes nothing", async () => {
    const result = await app.execute(`mutation {
      createPartij(input: {
        soortPartij: PERSOON
        indicatieActief: true
        bezoekadres: { postcode: "1234ab", land: "nl" }
        partijIdentificatoren: [
          { partijIdentificator: { codeRegister: BRP, codeObjecttype: NATUURLIJK_PERSOON, codeSoortObjectId: BSN, objectId: "123456789" } }
        ]
      }) { uuid }
    }`);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([
      ["bezoekadres.postcode", "invalid"],
      ["bezoekadres.land", "invalid"],
      ["partijIdentificatoren.0.partijIdentificator.objectId", "invalid"],
    ]);
    expect(await app.orm.em.fork().count(Partij, {})).toBe(0);
  });
});
