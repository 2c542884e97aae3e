import { describe, expect, it } from "vitest";
import { telefoonnummerCijfers, zoekadres } from "../../src/partijen/digitaal-adres.normalisation";
import { SoortDigitaalAdres } from "../../src/partijen/enums";

const { TELEFOONNUMMER, EMAIL, OVERIG } = SoortDigitaalAdres;

describe("zoekadres: the search form of a digitaal adres", () => {
  it.each(["+31612345678", "0612345678", "0031 6 12345678", "06-12345678", "(06) 1234 5678", " +31 6 1234 5678 "])(
    "gives every notation of one phone number the same E.164 form: %j",
    (adres) => expect(zoekadres(TELEFOONNUMMER, adres)).toBe("+31612345678"),
  );

  it("keeps a phone number with a foreign country code in its own country", () => {
    expect(zoekadres(TELEFOONNUMMER, "+32 470 12 34 56")).toBe("+32470123456");
    expect(zoekadres(TELEFOONNUMMER, "0032470123456")).toBe("+32470123456");
  });

  it("falls back to the trimmed text for what is no phone number (rows from before the rule)", () => {
    expect(zoekadres(TELEFOONNUMMER, " onbekend ")).toBe("onbekend");
  });

  it("lower-cases e-mail without changing its length, and only trims other adressen", () => {
    expect(zoekadres(EMAIL, " Zoë.Visser@Example.NL ")).toBe("zoë.visser@example.nl");
    expect(zoekadres(EMAIL, "İlker@example.nl")).toBe("İlker@example.nl"); // its lower case is two characters
    expect(zoekadres(OVERIG, " Vrije Tekst ")).toBe("Vrije Tekst");
  });
});

describe("telefoonnummerCijfers: a part of a phone number as digits of its E.164 form", () => {
  it.each([
    ["06-12", "31612"],
    ["+31 6 12", "31612"],
    ["0031612", "31612"],
    ["345 678", "345678"],
    ["(020) 12", "312012"],
  ])("%j gives %j", (text, digits) => expect(telefoonnummerCijfers(text)).toBe(digits));

  it.each(["jan@example", "06 toestel 1", "", " ", "+"])("%j is no part of a phone number", (text) => {
    expect(telefoonnummerCijfers(text)).toBeNull();
  });
});
