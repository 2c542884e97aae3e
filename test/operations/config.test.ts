import { describe, expect, it } from "vitest";
import { DEFAULT_VERWERKINGSACTIVITEITEN } from "../../src/audit/audit-config";
import { ConfigError, loadConfig } from "../../src/config";
import { DEFAULT_LIMITS } from "../../src/limits/limits-config";
import { startMain } from "../support/spawned";

/** A bad environment is reported whole, at once, as one JSON line, and the process exits 1. */

const BAD = {
  PORT: "70000",
  DATABASE_URL: "mysql://root:geheim@db/klant",
  LOG_LEVEL: "chatty",
  LOG_SQL: "maybe",
  SEED_DEMO_DATA: "ja",
  MIGRATE_ON_START: "2",
};

describe("configuration", () => {
  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      loadConfig(BAD);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(Object.keys(BAD).sort());
    expect((error as ConfigError).problems.find((p) => p.variable === "LOG_LEVEL")?.problem).toMatch(/must be one of fatal, error/);
  });

  it("has defaults for everything", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4001,
      host: "0.0.0.0",
      databaseUrl: undefined,
      databaseFile: "data/klantinteracties.db",
      logLevel: "info",
      logSql: false,
      seedDemoData: false,
      migrateOnStart: true,
      production: false,
      limits: DEFAULT_LIMITS,
      audit: { verwerkingsactiviteiten: DEFAULT_VERWERKINGSACTIVITEITEN },
    });
    // Outside production no client is configured: the server then makes the development client.
    expect(config.auth.clients).toEqual([]);
  });

  it("reports the problems of the auth, audit and limits settings together with the others, each under its variable", () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: "production", PORT: "x", LIMIT_MAX_DEPTH: "0", AUTH_CLIENTS: "[{}]", ROUTER_SECRET: "short" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = new Set((error as ConfigError).problems.map((p) => p.variable));
    expect([...variables].sort()).toEqual(["AUDIT_HASH_KEY", "AUTH_CLIENTS", "LIMIT_MAX_DEPTH", "PORT", "ROUTER_SECRET"]);
    expect((error as ConfigError).problems.find((p) => p.variable === "LIMIT_MAX_DEPTH")?.problem).toMatch(
      /^LIMIT_MAX_DEPTH must be a whole number/,
    );
  });

  it("stops the process with one JSON line that lists them, without the database password, and exit code 1", async () => {
    const subgraph = startMain(BAD);
    expect(await subgraph.exited).toEqual({ code: 1, signal: null });
    expect(subgraph.stderr).toBe("");
    expect(subgraph.stdout).toHaveLength(1);
    const [line] = subgraph.lines;
    expect(line).toMatchObject({ level: "fatal", msg: "invalid configuration" });
    expect((line.invalidVariables as Array<{ variable: string }>).map((v) => v.variable).sort()).toEqual(Object.keys(BAD).sort());
    expect(subgraph.stdout[0]).not.toContain("geheim");
  });
});
