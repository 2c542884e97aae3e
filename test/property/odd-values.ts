import fc from "fast-check";

/**
 * The odd values real clients send and the first build broke on: NUL from OCR'd letters, lone
 * surrogates from cut-off UTF-16, emoji and other astral characters, combining marks,
 * whitespace-only text, lengths on and around every limit, years 0000 and 9999, leap days and
 * time zones. Every value is meant to be type-valid for its GraphQL type, so that the rules, not
 * the parser, must answer; the one the DateTime scalar itself refuses is the leap second
 * (23:59:60, valid in RFC 3339), which GraphQL then refuses as a variable.
 */

const FIXED_STRINGS = [
  "",
  " ",
  "   ",
  "\t\n\r",
  "\u00a0",
  "\u2003",
  "\u200b",
  "\ufeff",
  "\u2028",
  "\u0085",
  "\u007f",
  "\u001b[31m",
  "\u0000",
  "a\u0000b",
  "\u0000\u0000\u0000",
  "\ud800",
  "\udfff",
  "a\udc00b",
  "\udc00\ud800",
  "\ud83d",
  "😀",
  "👨‍👩‍👧‍👦",
  "🇳🇱",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "𠜎𠜱",
  "e\u0301",
  "Z\u0351\u0360\u035b\u0489",
  "\u0301",
  "\u202eevil",
  "' or 1=1 --",
  "%",
  "_",
  "\\",
  "%_\\",
  "NULL",
  "null",
  "undefined",
];

/** Pieces that make an otherwise valid value odd when inserted. */
const PIECES = ["\u0000", "\ud800", "\udfff", "😀", "\u0301", " ", "\u200b", "%", "'", "\\", "\n", "\ufffd"];

/** Characters to repeat up to a boundary length: one code unit, or two (an astral or a combined one). */
const REPEATED = ["a", "é", "😀", "e\u0301", "9", " "];

const BASE_LENGTHS = [0, 1, 2, 254, 255, 256, 1000, 1001, 4000, 4001, 10_000, 100_000];

/** The numbers a field description names ("ten hoogste 200 tekens", "16 cijfers", "8 tot 11 tekens"). */
export function describedNumbers(description: string | null | undefined): number[] {
  return [...(description ?? "").matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n <= 100_000);
}

/** The maximum length a description names, if any. */
export function describedMaxLength(description: string | null | undefined): number | null {
  const match = /ten hoogste (\d+)/.exec(description ?? "");
  return match ? Number(match[1]) : null;
}

const char16 = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Odd strings for a field, around the limits its description names, and odd versions of its valid values. */
export function oddString(valid: fc.Arbitrary<string>, description: string | null | undefined): fc.Arbitrary<string> {
  const lengths = [...new Set([...BASE_LENGTHS, ...describedNumbers(description).flatMap((n) => [n - 1, n, n + 1])])]
    .filter((n) => n >= 0)
    .sort((a, b) => a - b);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FIXED_STRINGS) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...lengths), fc.constantFrom(...REPEATED), fc.boolean())
        // The length in characters (code points) or in UTF-16 code units: the two differ for astral characters.
        .map(([length, unit, inCodeUnits]) =>
          inCodeUnits && unit.length > 1
            ? unit.repeat(Math.floor(length / unit.length)) + "a".repeat(length % unit.length)
            : unit.repeat(length),
        ),
    },
    {
      // An odd character in an otherwise valid value passes the format rules that ignore it.
      weight: 3,
      arbitrary: fc.tuple(valid, fc.constantFrom(...PIECES), fc.nat()).map(([value, piece, at]) => {
        const i = at % (value.length + 1);
        return value.slice(0, i) + piece + value.slice(i);
      }),
    },
    { weight: 1, arbitrary: valid.map((value) => `  ${value}  `) },
    { weight: 1, arbitrary: fc.string({ unit: char16, maxLength: 16 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 16 }) },
  );
}

export function oddInt(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(0, -1, 100_000, 2_147_483_647, -2_147_483_648), fc.integer());
}

const ANY_YEAR = { min: new Date("0000-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true };

export function oddDate(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom("0000-01-01", "0000-12-31", "0001-01-01", "0999-12-31", "9999-12-31") },
    fc.constantFrom(
      "0000-01-01",
      "0000-02-29",
      "0001-01-01",
      "0999-12-31",
      "1000-01-01",
      "1582-10-15",
      "1900-02-28",
      "1970-01-01",
      "2000-02-29",
      "2024-02-29",
      "2100-02-28",
      "9999-01-01",
      "9999-12-31",
    ),
    fc.date(ANY_YEAR).map((d) => d.toISOString().slice(0, 10)),
  );
}

const OFFSETS = ["Z", "+00:00", "+01:00", "+02:00", "-12:00", "+14:00", "+05:45", "-03:30"];

/** The same instant written with another UTC offset: 12:00Z is 13:00+01:00. */
function withOffset(date: Date, offset: string, fraction: string): string | null {
  const minutes = offset === "Z" ? 0 : (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(date.getTime() + minutes * 60_000).toISOString();
  // toISOString writes years beyond 0000..9999 with six digits and a sign: not a DateTime.
  if (!/^\d{4}-/.test(local)) return null;
  return `${local.slice(0, 19)}${fraction}${offset}`;
}

export function oddDateTime(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom("0000-01-01T00:00:00Z", "0000-06-15T12:00:00+02:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"),
    },
    fc.constantFrom(
      "0000-01-01T00:00:00Z",
      "0000-01-01T00:30:00+01:00",
      "0001-01-01T00:00:00Z",
      "0999-12-31T23:59:59Z",
      "1000-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "2016-12-31T23:59:60Z",
      "2024-02-29T12:00:00+14:00",
      "2024-02-29T23:59:59.999999-12:00",
      "2026-03-29T02:30:00+01:00",
      "2026-10-25T02:30:00+02:00",
      "9999-12-31T23:59:59.999Z",
      "9999-12-31T23:59:59-14:00",
    ),
    fc
      .tuple(fc.date(ANY_YEAR), fc.constantFrom(...OFFSETS), fc.constantFrom("", ".5", ".123", ".123456"))
      .map(([date, offset, fraction]) => withOffset(date, offset, fraction) ?? date.toISOString()),
  );
}

/** JSON objects with odd keys and values, non-text values, nesting, many keys and values on the 255 limit. */
export function oddJsonObject(oddText: fc.Arbitrary<string>, validText: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(fc.stringMatching(/^[a-z]{1,8}$/), oddText);
  const manyKeys = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, "v"]));
  return fc.oneof(
    fc.dictionary(key, fc.oneof(oddText, validText), { maxKeys: 3, noNullPrototype: true }),
    fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true }),
    fc.constantFrom<Record<string, unknown>>(
      {},
      { "": "leeg" },
      // JSON.parse makes __proto__ an own key, as a JSON request body does.
      JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, unknown>,
      { a: "x".repeat(255) },
      { a: "x".repeat(256) },
      { a: "😀".repeat(200) },
      manyKeys,
    ),
  );
}

const FEATURES: Array<[string, (s: string) => boolean]> = [
  ["NUL", (s) => s.includes("\u0000")],
  ["lone surrogate", (s) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)],
  ["year before 1000", (s) => /^0\d{3}-\d\d-\d\d/.test(s)],
  ["year 9999", (s) => /^9999-\d\d-\d\d/.test(s)],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: classifying odd values means finding control characters
  ["control character", (s) => /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s)],
  ["longer than 1000", (s) => s.length > 1000],
];

/**
 * Which of the odd kinds of text a value holds (in any of its strings and keys): the grouping of
 * failures in a collecting run, so that one cause shows as one group per mutation.
 */
export function oddFeatures(value: unknown): string[] {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        strings.push(k);
        walk(inner);
      }
    }
  };
  walk(value);
  return FEATURES.filter(([, test]) => strings.some(test)).map(([name]) => name);
}
