import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startMain } from "../support/spawned";
import { signHs256 } from "../support/tokens";

/**
 * `npm start` as a developer runs it: with no client configured, outside production, it makes the
 * development client and says in one JSON line how to get a token; in production the server
 * refuses to start with a development secret, in one JSON line, exit 1.
 */

let directory: string;
let database: TestDatabase;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "ki-dev-client-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await database?.drop();
});

const databaseEnv = () => {
  const options = database.options();
  return {
    DATABASE_URL: options.databaseUrl,
    DATABASE_FILE: options.databaseFile === ":memory:" ? path.join(directory, "ki.db") : options.databaseFile,
  };
};

describe("npm start without a configured client", () => {
  it("makes the development client, logs one line on how to get a token, and accepts its tokens", async () => {
    const file = path.join(directory, "dev-client.json");
    // AUTH_CLIENTS empty counts as unset (spawned processes get the test client otherwise).
    const subgraph = startMain({ ...databaseEnv(), AUTH_CLIENTS: "", AUTH_DEV_CLIENT_FILE: file });
    try {
      const url = await subgraph.url();
      const hints = subgraph.lines.filter((line) => line.clientId === "dev");
      expect(hints).toHaveLength(1);
      expect(hints[0]).toMatchObject({ level: "info", created: true, file, token: "npm run --silent token" });
      expect(hints[0].msg).toMatch(/TOKEN=\$\(npm run --silent token\)/);

      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const { secret } = JSON.parse(await readFile(file, "utf8")) as { secret: string };
      expect(subgraph.stdout.join("\n")).not.toContain(secret);
      const token = await signHs256(secret, { client_id: "dev", iss: "dev", iat: Math.floor(Date.now() / 1000) });
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ partijen(first: 1) { edges { node { uuid } } } }" }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { partijen: { edges: [] } } });
      subgraph.signal("SIGTERM");
      expect(await subgraph.exited).toEqual({ code: 0, signal: null });
    } finally {
      subgraph.kill();
    }
  });

  it("in production: refuses to start with the development secret, one JSON line, exit 1", async () => {
    const { secret } = JSON.parse(await readFile(path.join(directory, "dev-client.json"), "utf8")) as { secret: string };
    const subgraph = startMain({
      ...databaseEnv(),
      NODE_ENV: "production",
      AUDIT_HASH_KEY: "development client test key, thirty-two characters",
      AUTH_CLIENTS: JSON.stringify([{ clientId: "dev", secret, scopes: ["partijen.lezen"] }]),
    });
    expect(await subgraph.exited).toEqual({ code: 1, signal: null });
    expect(subgraph.stdout).toHaveLength(1);
    const [line] = subgraph.lines;
    expect(line).toMatchObject({ level: "fatal", msg: "invalid configuration" });
    expect(line.invalidVariables).toEqual([{ variable: "AUTH_CLIENTS", problem: expect.stringMatching(/development secret/) }]);
    expect(subgraph.stdout[0]).not.toContain(secret);
  });
});
