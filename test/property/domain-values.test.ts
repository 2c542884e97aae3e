import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkBic,
  checkBsn,
  checkEmail,
  checkIban,
  checkKvkNummer,
  checkPostcode,
  checkRsin,
  checkTelefoonnummer,
  checkVestigingsnummer,
} from "../../src/common/validators";
import { bic, elfproefNummer, email, iban, kvkNummer, postcode, telefoonnummer, vestigingsnummer } from "./domain-values";
import { oddFeatures } from "./odd-values";

// The generated mutations reach the deeper rules only if their valid-looking values pass the
// format rules: a generator that drifts from a rule would leave the property test refused at the door.
describe("valid-looking values of the property test", () => {
  const cases: Array<[string, fc.Arbitrary<string>, (value: string) => string | null]> = [
    ["BSN", elfproefNummer, checkBsn],
    ["RSIN", elfproefNummer, checkRsin],
    ["KvK-nummer", kvkNummer, checkKvkNummer],
    ["vestigingsnummer", vestigingsnummer, checkVestigingsnummer],
    ["IBAN", iban, checkIban],
    ["BIC", bic, checkBic],
    ["e-mail address", email, checkEmail],
    ["telefoonnummer", telefoonnummer, checkTelefoonnummer],
    ["postcode", postcode, checkPostcode],
  ];
  it.each(cases)("every generated %s passes its rule", (_name, arbitrary, check) => {
    fc.assert(fc.property(arbitrary, (value) => check(value) === null));
  });
});

describe("odd features (the grouping of failures)", () => {
  it("names NUL, lone surrogates and early years, in keys as well, and not a surrogate pair", () => {
    expect(oddFeatures({ a: "x\u0000y" })).toEqual(["NUL"]);
    expect(oddFeatures({ "\udc00": "x" })).toEqual(["lone surrogate"]);
    expect(oddFeatures(["😀", "e\u0301"])).toEqual([]);
    expect(oddFeatures({ beginDatum: "0000-01-01" })).toEqual(["year before 1000"]);
  });
});
