import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/database/migrations";
import { createTestDatabase, dialect, type TestDatabase } from "../support/database";
import { sqliteFileDatabase } from "../support/http-server";
import { PROJECT_ROOT, processEnv, SpawnedProcess } from "../support/spawned";
import { bearer } from "../support/tokens";

/**
 * The production start as the README gives it: `npm run build`, then `node dist/database/migrate.js`
 * and `node dist/main.js`. The build goes to a folder of its own under dist/ (ignored by git), so
 * that the compiled code finds node_modules as dist/ would.
 */
const outDir = path.join(PROJECT_ROOT, "dist", `test-${randomBytes(4).toString("hex")}`);

describe(`the built subgraph (${dialect})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    const tsc = require.resolve("typescript/bin/tsc");
    await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", outDir], { cwd: PROJECT_ROOT });
    database = dialect === "sqlite" ? await sqliteFileDatabase() : await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await database?.drop();
  });

  it("migrates with the compiled migrations, then serves without migrating, and stops on SIGTERM", async () => {
    const options = database.options();
    const env = processEnv({
      DATABASE_URL: options.databaseUrl,
      DATABASE_FILE: options.databaseFile,
      NODE_ENV: "production",
      AUDIT_HASH_KEY: "build test audit key, thirty-two characters or more",
    });

    const migrate = new SpawnedProcess(process.execPath, [path.join(outDir, "database", "migrate.js")], { env });
    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    expect(migrate.lines.at(-1)).toMatchObject({ msg: "database is up to date", migrations: migrations[dialect].length });

    const main = new SpawnedProcess(process.execPath, [path.join(outDir, "main.js")], { env: { ...env, MIGRATE_ON_START: "false" } });
    try {
      const url = await main.url();
      expect((await fetch(new URL("/ready", url))).status).toBe(200);
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(await bearer()) },
        body: JSON.stringify({ query: "{ partijen(first: 1) { edges { node { uuid } } } }" }),
      });
      expect(await response.json()).toEqual({ data: { partijen: { edges: [] } } });
      main.signal("SIGTERM");
      expect(await main.exited).toEqual({ code: 0, signal: null });
      expect(main.stdout.every((line) => line.startsWith("{"))).toBe(true);
      expect(main.stderr).toBe("");
    } finally {
      main.kill();
    }
  });
});
