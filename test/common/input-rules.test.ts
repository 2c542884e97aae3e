import { describe, expect, it } from "vitest";
import { dateProblem, textProblem } from "../../src/common/input-hygiene";
import { characterCount } from "../../src/common/validation";

describe("textProblem", () => {
  it.each([
    ["plain text", "Jan de Vries"],
    ["the empty string", ""],
    ["emoji (surrogate pairs)", "😀👍🏽"],
    ["a letter outside the BMP", "𝔘"],
    ["accents and ß", "Zoë Straße"],
    ["tab, newline and carriage return", "a\tb\nc\r"],
    ["other control characters", "\u0001\u001f\u007f"],
    ["the replacement character itself", "\uFFFD"],
  ])("accepts %s", (_what, value) => {
    expect(textProblem(value)).toBeNull();
  });

  it.each([
    ["a NUL character", "a\u0000b", /NUL/],
    ["only a NUL character", "\u0000", /NUL/],
    ["a lone high surrogate", "a\uD83Db", /surrogaat/],
    ["a lone low surrogate", "a\uDE00b", /surrogaat/],
    ["a pair in the wrong order", "\uDE00\uD83D", /surrogaat/],
    ["a high surrogate at the end", "😀\uD83D", /surrogaat/],
  ])("refuses %s", (_what, value, reason) => {
    expect(textProblem(value)).toMatch(reason);
  });
});

describe("dateProblem", () => {
  it.each(["1000-01-01T00:00:00.000Z", "2026-11-23T09:30:00.000Z", "9999-12-31T23:59:59.999Z"])("accepts %s", (iso) => {
    expect(dateProblem(new Date(iso))).toBeNull();
  });

  it.each(["0000-01-01T00:00:00.000Z", "0999-12-31T23:59:59.999Z", "+010000-01-01T00:00:00.000Z", "-000001-01-01T00:00:00.000Z"])(
    "refuses %s",
    (iso) => {
      expect(dateProblem(new Date(iso))).toBe("Gebruik een datum in de jaren 1000 tot en met 9999.");
    },
  );

  it("refuses an invalid date", () => {
    expect(dateProblem(new Date(Number.NaN))).not.toBeNull();
  });
});

describe("characterCount", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 1],
    ["😀", 1],
    ["😀😀", 2],
    ["👍🏽", 2], // a thumb and its skin tone: two code points, as Python's len() counts
    ["e\u0301", 2], // e and a combining accent
  ])("counts %j as %i", (value, count) => {
    expect(characterCount(value)).toBe(count);
  });
});
