import { describe, expect, it } from "vitest";
import { hasScope, isBurger, type Principal } from "../../src/auth/principal";
import { ACTIONS, AREA_OF, AREAS, areaScope, isScope, SCOPES } from "../../src/auth/scopes";

describe("scopes", () => {
  it("read, write and delete per area, and the scopes that lift one protection each", () => {
    expect(SCOPES).toEqual([
      "partijen.lezen",
      "partijen.schrijven",
      "partijen.verwijderen",
      "klantcontacten.lezen",
      "klantcontacten.schrijven",
      "klantcontacten.verwijderen",
      "opvolging.lezen",
      "opvolging.schrijven",
      "opvolging.verwijderen",
      "identificatoren.lezen",
      "vertrouwelijk.lezen",
      "geheimhouding.lezen",
      "audit.lezen",
    ]);
    for (const area of AREAS) for (const action of ACTIONS) expect(isScope(areaScope(area, action))).toBe(true);
  });

  it("only the names above are scopes", () => {
    expect(isScope("partijen.lezen")).toBe(true);
    expect(["partijen", "partijen.lezen ", "PARTIJEN.LEZEN", "openid", "constructor"].filter(isScope)).toEqual([]);
  });

  it("each resource of the standard belongs to the area of its module", () => {
    expect(areaScope(AREA_OF.DigitaalAdres, "schrijven")).toBe("partijen.schrijven");
    expect(areaScope(AREA_OF.Betrokkene, "lezen")).toBe("klantcontacten.lezen");
    expect(areaScope(AREA_OF.Actor, "verwijderen")).toBe("opvolging.verwijderen");
  });
});

describe("principal", () => {
  const medewerker: Principal = { clientId: "kiss", userId: "mdw-1", userRepresentation: "", scopes: new Set(["partijen.lezen"]) };
  const burger: Principal = { ...medewerker, clientId: "mijn-omgeving", burger: { bsn: "999993653" } };

  it("has the scopes it was given, and no others", () => {
    expect(hasScope(medewerker, "partijen.lezen")).toBe(true);
    expect(hasScope(medewerker, "partijen.schrijven")).toBe(false);
  });

  it("is citizen-bound when its token carried a citizen claim", () => {
    expect(isBurger(medewerker)).toBe(false);
    expect(isBurger(burger)).toBe(true);
  });
});
