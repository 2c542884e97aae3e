import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { PROJECT_ROOT } from "../../support/spawned";

/**
 * `npm run seed:scale` as an operator runs it, on a database of its own (a SQLite file, or a fresh
 * PostgreSQL database with DATABASE_URL): what it prints, and its exit codes.
 */

let database: TestDatabase;
let directory: string;
let target: NodeJS.ProcessEnv;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function seedScale(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "seed:scale", "--", ...args],
      { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...target }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  directory = mkdtempSync(path.join(tmpdir(), "seed-scale-"));
  const { databaseUrl } = database.options();
  target = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_FILE: path.join(directory, "scale.db") };
});

afterAll(async () => {
  await database?.drop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("npm run seed:scale", () => {
  it("fills an empty database and prints the rows per table", { timeout: 120_000 }, async () => {
    const run = await seedScale("--partijen", "40", "--seed", "3");
    expect(run.stderr).toContain("seed:scale: 40 partijen into");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}partij +40$/m);
    expect(run.stdout).toMatch(/^ {2}klantcontact +\d+$/m);
    expect(run.stdout).toMatch(/peak RSS \d+ MB/);
  });

  it("refuses to fill it again without --replace, and says how", { timeout: 120_000 }, async () => {
    const run = await seedScale("--partijen", "40");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the database already holds 40 partijen: run seed:scale with --replace to empty it first");
    expect(run.stdout).toBe("");
  });

  it("replaces what it holds with --replace", { timeout: 120_000 }, async () => {
    const run = await seedScale("--partijen", "25", "--replace");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}partij +25$/m);
  });

  it("answers a bad argument with the usage", { timeout: 120_000 }, async () => {
    const run = await seedScale("--partijen", "veel");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--partijen must be a whole number, got "veel"');
    expect(run.stderr).toContain("usage: npm run seed:scale --");
  });
});
