import { describe, expect, it } from "vitest";
import { caseInsensitivePattern, caseVariants } from "../../src/common/filters";

describe("caseVariants", () => {
  it.each([
    ["e", ["e", "E"]],
    ["É", ["é", "É"]],
    ["ä", ["ä", "Ä"]],
    // ß has no one-character upper case (its upper case is "SS"); the capital ẞ lowers to it.
    ["ß", ["ß", "ẞ"]],
    ["ẞ", ["ß", "ẞ"]],
    // Joined by upper case (as Open Klant's UPPER() compares) or by lower case (as ILIKE does).
    ["σ", ["σ", "Σ", "ς"]],
    ["k", ["k", "K", "\u212A"]], // the kelvin sign
    ["s", ["s", "S", "ſ"]],
    ["ǆ", ["ǆ", "Ǆ", "ǅ"]],
    ["𐐨", ["𐐨", "𐐀"]], // Deseret, outside the BMP
  ])("of %j are %j", (character, variants) => {
    expect([...caseVariants(character)].sort()).toEqual([...variants].sort());
  });

  it.each(["1", "%", "_", "\\", " ", "😀", "İ"])("of %j is the character alone", (character) => {
    expect(caseVariants(character)).toEqual([character]);
  });
});

describe("caseInsensitivePattern", () => {
  it("makes each letter a class of its case variants and keeps the rest literal", () => {
    expect(caseInsensitivePattern("Zoë 1")).toBe("[zZ][oO][ëË] 1");
  });

  it("escapes every character that is special in a regular expression", () => {
    expect(caseInsensitivePattern("\\^$.|?*+()[]{}")).toBe("\\\\\\^\\$\\.\\|\\?\\*\\+\\(\\)\\[\\]\\{\\}");
  });

  it("leaves LIKE's wildcards alone: they are plain characters in a regular expression", () => {
    expect(caseInsensitivePattern("%_")).toBe("%_");
  });

  it("matches what it should in JavaScript's regular expressions too", () => {
    const pattern = new RegExp(caseInsensitivePattern("straße (100%)"));
    expect(pattern.test("STRAßE (100%)")).toBe(true);
    expect(pattern.test("STRASSE (100%)")).toBe(false);
    expect(pattern.test("straße (1000)")).toBe(false);
  });
});
