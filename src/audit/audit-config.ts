/**
 * The audit log's settings, parsed from an environment object (src/config.ts passes process.env;
 * this module never reads it itself). Problems come back as a list, one sentence per variable,
 * so that a start reports all of them at once.
 */

/** What a processing activity is called for each operation kind, unless the request names its own. */
export interface Verwerkingsactiviteiten {
  query: string;
  mutation: string;
}

export interface AuditConfig {
  /** Key of the keyed hash (HMAC-SHA256) that stands for a data subject in the log. */
  hashKey: string;
  verwerkingsactiviteiten: Verwerkingsactiviteiten;
}

export type AuditConfigResult = { ok: true; config: AuditConfig } | { ok: false; problems: string[] };

export const MIN_HASH_KEY_LENGTH = 32;
export const MAX_VERWERKINGSACTIVITEIT_LENGTH = 255;

/**
 * Outside production, with no AUDIT_HASH_KEY, hashes are made with this key. It is public, so a
 * log made with it does not protect a BSN (there are only a billion): production refuses it.
 */
export const DEVELOPMENT_HASH_KEY = "development-only audit hash key; never use it in production";

export const DEFAULT_VERWERKINGSACTIVITEITEN: Verwerkingsactiviteiten = {
  query: "klantinteracties-raadplegen",
  mutation: "klantinteracties-vastleggen",
};

function parseVerwerkingsactiviteiten(raw: string | undefined, problems: string[]): Verwerkingsactiviteiten {
  if (raw === undefined || raw.trim() === "") return DEFAULT_VERWERKINGSACTIVITEITEN;
  const name = "AUDIT_VERWERKINGSACTIVITEIT";
  let parsed: unknown = raw.trim();
  // A JSON object names one per operation kind; any other value is one name for both.
  if (raw.trim().startsWith("{")) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      problems.push(`${name} must be one name or a JSON object {"query": "...", "mutation": "..."}; it is not valid JSON`);
      return DEFAULT_VERWERKINGSACTIVITEITEN;
    }
  }
  const values: Record<keyof Verwerkingsactiviteiten, unknown> =
    typeof parsed === "string" ? { query: parsed, mutation: parsed } : { ...DEFAULT_VERWERKINGSACTIVITEITEN, ...(parsed as object) };
  const unknown = typeof parsed === "object" && parsed ? Object.keys(parsed).filter((k) => k !== "query" && k !== "mutation") : [];
  if (unknown.length) problems.push(`${name} knows the keys query and mutation only, not ${unknown.join(", ")}`);
  for (const kind of ["query", "mutation"] as const) {
    const value = values[kind];
    if (typeof value !== "string" || value.trim() === "" || value.length > MAX_VERWERKINGSACTIVITEIT_LENGTH) {
      problems.push(`${name} for ${kind} must be a non-empty string of at most ${MAX_VERWERKINGSACTIVITEIT_LENGTH} characters`);
    }
  }
  return values as Verwerkingsactiviteiten;
}

export function parseAuditConfig(env: NodeJS.ProcessEnv): AuditConfigResult {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  const hashKey = env.AUDIT_HASH_KEY || (production ? "" : DEVELOPMENT_HASH_KEY);
  if (!hashKey) {
    problems.push(`AUDIT_HASH_KEY is required in production (a random secret of at least ${MIN_HASH_KEY_LENGTH} characters)`);
  } else if (hashKey === DEVELOPMENT_HASH_KEY && production) {
    problems.push("AUDIT_HASH_KEY must not be the development key in production");
  } else if (hashKey.length < MIN_HASH_KEY_LENGTH) {
    problems.push(`AUDIT_HASH_KEY must be at least ${MIN_HASH_KEY_LENGTH} characters long`);
  }
  const verwerkingsactiviteiten = parseVerwerkingsactiviteiten(env.AUDIT_VERWERKINGSACTIVITEIT, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, config: { hashKey, verwerkingsactiviteiten } };
}
