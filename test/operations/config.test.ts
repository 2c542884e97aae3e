import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
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
    expect(loadConfig({})).toEqual({
      port: 4001,
      host: "0.0.0.0",
      databaseUrl: undefined,
      databaseFile: "data/klantinteracties.db",
      logLevel: "info",
      logSql: false,
      seedDemoData: false,
      migrateOnStart: true,
    });
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
