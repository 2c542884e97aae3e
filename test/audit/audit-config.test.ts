import { describe, expect, it } from "vitest";
import { DEFAULT_VERWERKINGSACTIVITEITEN, DEVELOPMENT_HASH_KEY, parseAuditConfig } from "../../src/audit/audit-config";
import { ConfigError, loadConfig } from "../../src/config";

const KEY = "k".repeat(32);

function problems(env: NodeJS.ProcessEnv): string[] {
  const result = parseAuditConfig(env);
  return result.ok ? [] : result.problems;
}

describe("audit configuration", () => {
  it("outside production works without settings: the development key and the default activities", () => {
    expect(parseAuditConfig({})).toEqual({
      ok: true,
      config: { hashKey: DEVELOPMENT_HASH_KEY, verwerkingsactiviteiten: DEFAULT_VERWERKINGSACTIVITEITEN },
    });
  });

  it("in production needs a key of its own", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([expect.stringContaining("AUDIT_HASH_KEY is required")]);
    expect(problems({ NODE_ENV: "production", AUDIT_HASH_KEY: DEVELOPMENT_HASH_KEY })).toEqual([
      expect.stringContaining("development key"),
    ]);
    expect(parseAuditConfig({ NODE_ENV: "production", AUDIT_HASH_KEY: KEY })).toMatchObject({ ok: true, config: { hashKey: KEY } });
  });

  it("refuses a key shorter than 32 characters", () => {
    expect(problems({ AUDIT_HASH_KEY: "short" })).toEqual([expect.stringContaining("at least 32")]);
  });

  it("takes one processing activity for every operation, or one per operation kind", () => {
    const one = parseAuditConfig({ AUDIT_VERWERKINGSACTIVITEIT: "https://register.example.nl/va/7" });
    expect(one).toMatchObject({
      config: { verwerkingsactiviteiten: { query: "https://register.example.nl/va/7", mutation: "https://register.example.nl/va/7" } },
    });
    const perKind = parseAuditConfig({ AUDIT_VERWERKINGSACTIVITEIT: '{"query": "klantbeeld", "mutation": "contact vastleggen"}' });
    expect(perKind).toMatchObject({ config: { verwerkingsactiviteiten: { query: "klantbeeld", mutation: "contact vastleggen" } } });
    const partly = parseAuditConfig({ AUDIT_VERWERKINGSACTIVITEIT: '{"mutation": "contact vastleggen"}' });
    expect(partly).toMatchObject({ config: { verwerkingsactiviteiten: { query: DEFAULT_VERWERKINGSACTIVITEITEN.query } } });
  });

  it("reports every problem at once", () => {
    expect(problems({ NODE_ENV: "production", AUDIT_VERWERKINGSACTIVITEIT: "{not json" })).toHaveLength(2);
    expect(problems({ AUDIT_HASH_KEY: "short", AUDIT_VERWERKINGSACTIVITEIT: '{"lezen": "x", "query": ""}' })).toEqual([
      expect.stringContaining("AUDIT_HASH_KEY"),
      expect.stringContaining("not lezen"),
      expect.stringContaining("for query"),
    ]);
  });

  it("stops the start through loadConfig, naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/AUDIT_HASH_KEY/);
    expect(loadConfig({ AUDIT_HASH_KEY: KEY }).audit.hashKey).toBe(KEY);
  });
});
