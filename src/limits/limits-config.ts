/**
 * The cost limits of one operation (ARCHITECTURE.md; issue 7 point 7), read from LIMIT_* variables.
 * This file never reads process.env: src/config.ts hands it the environment, and reports every
 * problem at once with the others.
 */
export interface Limits {
  /** Deepest field nesting (fragments do not count as a level). */
  maxDepth: number;
  /** Aliases in one operation (`__typename` aliases, which the router writes, are free). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in the document; checked while parsing, so a huge document is never built. */
  maxTokens: number;
  /** Root fields of one operation: mutations in one request, or root queries. */
  maxRootFields: number;
  /** Estimated cost: the number of values an answer can hold (src/limits/cost.ts). */
  maxCost: number;
  /** Milliseconds an operation may execute before no further field is resolved. */
  executionMs: number;
}

/**
 * Calibrated on what real clients send (test/limits/limits.test.ts prints the figures in its test
 * names): the klantbeeld and the router's `_entities` fetches pass with room to spare, while each
 * abusive operation of issue 7 is refused by at least one limit, before any SQL.
 */
export const DEFAULT_LIMITS: Limits = {
  // The klantbeeld nests 9 fields deep; issue 7's query three levels down nests 19.
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  // The router's klantbeeld fetch has about 150 tokens; 3,000 aliases of a list about 60,000.
  maxTokens: 2_000,
  maxRootFields: 10,
  // The router's klantbeeld fetch costs about 600, its fields for 100 Partij references about
  // 58,000; issue 7's query three levels down about 800 million.
  maxCost: 150_000,
  executionMs: 10_000,
};

const VARIABLES: Record<keyof Limits, string> = {
  maxDepth: "LIMIT_MAX_DEPTH",
  maxAliases: "LIMIT_MAX_ALIASES",
  maxDirectives: "LIMIT_MAX_DIRECTIVES",
  maxTokens: "LIMIT_MAX_TOKENS",
  maxRootFields: "LIMIT_MAX_ROOT_FIELDS",
  maxCost: "LIMIT_MAX_COST",
  executionMs: "LIMIT_EXECUTION_MS",
};

/** Node's timers fire at once for any delay above this (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

export type LimitsResult = { ok: true; limits: Limits } | { ok: false; problems: string[] };

/** The limits the environment sets (each variable optional, its default otherwise), or every problem. */
export function readLimits(env: Readonly<Record<string, string | undefined>>): LimitsResult {
  const limits = { ...DEFAULT_LIMITS };
  const problems: string[] = [];
  for (const key of Object.keys(VARIABLES) as Array<keyof Limits>) {
    const name = VARIABLES[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") continue;
    const max = key === "executionMs" ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > max) {
      problems.push(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
      continue;
    }
    limits[key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, limits };
}
