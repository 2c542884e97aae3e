import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, readLimits } from "../../src/limits/limits-config";

describe("the LIMIT_* variables", () => {
  it("give the defaults when unset or empty", () => {
    expect(readLimits({})).toEqual({ ok: true, limits: DEFAULT_LIMITS });
    expect(readLimits({ LIMIT_MAX_DEPTH: "", LIMIT_MAX_COST: "  " })).toEqual({ ok: true, limits: DEFAULT_LIMITS });
  });

  it("set every limit", () => {
    expect(
      readLimits({
        LIMIT_MAX_DEPTH: "8",
        LIMIT_MAX_ALIASES: "4",
        LIMIT_MAX_DIRECTIVES: "3",
        LIMIT_MAX_TOKENS: " 500 ",
        LIMIT_MAX_ROOT_FIELDS: "1",
        LIMIT_MAX_COST: "25000",
        LIMIT_EXECUTION_MS: "2147483647",
      }),
    ).toEqual({
      ok: true,
      limits: {
        maxDepth: 8,
        maxAliases: 4,
        maxDirectives: 3,
        maxTokens: 500,
        maxRootFields: 1,
        maxCost: 25_000,
        executionMs: 2_147_483_647,
      },
    });
  });

  it("report every bad value at once, naming the variable", () => {
    expect(
      readLimits({
        LIMIT_MAX_DEPTH: "0",
        LIMIT_MAX_ALIASES: "-1",
        LIMIT_MAX_DIRECTIVES: "veel",
        LIMIT_MAX_TOKENS: "1e3",
        LIMIT_MAX_ROOT_FIELDS: "2.5",
        LIMIT_MAX_COST: "99999999999999999999",
        LIMIT_EXECUTION_MS: "2147483648",
      }),
    ).toEqual({
      ok: false,
      problems: [
        'LIMIT_MAX_DEPTH must be a whole number from 1 to 9007199254740991, got "0"',
        'LIMIT_MAX_ALIASES must be a whole number from 1 to 9007199254740991, got "-1"',
        'LIMIT_MAX_DIRECTIVES must be a whole number from 1 to 9007199254740991, got "veel"',
        'LIMIT_MAX_TOKENS must be a whole number from 1 to 9007199254740991, got "1e3"',
        'LIMIT_MAX_ROOT_FIELDS must be a whole number from 1 to 9007199254740991, got "2.5"',
        'LIMIT_MAX_COST must be a whole number from 1 to 9007199254740991, got "99999999999999999999"',
        'LIMIT_EXECUTION_MS must be a whole number from 1 to 2147483647, got "2147483648"',
      ],
    });
  });
});
