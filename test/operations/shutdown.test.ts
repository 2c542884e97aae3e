import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dialect, type TestDatabase } from "../support/database";
import { sqliteFileDatabase } from "../support/http-server";
import { processEnv, SpawnedProcess } from "../support/spawned";
import { bearer } from "../support/tokens";

/**
 * SIGTERM, as an orchestrator sends it to `npm start`: new connections are refused, the request
 * under way completes, and then every process of the tree has ended (npm included), with exit 0.
 */

/** Sends a POST's headers with Expect: 100-continue and waits for the server's 100 Continue: from then on the request is the server's. */
async function startRequest(url: string, body: string): Promise<{ socket: Socket; finish: () => Promise<string> }> {
  const { authorization } = await bearer();
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = "";
  const gotContinue = new Promise<void>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
      if (received.startsWith("HTTP/1.1 100 Continue")) resolve();
    });
    socket.on("error", reject);
  });
  const ended = new Promise<void>((resolve) => socket.on("end", resolve));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Authorization: ${authorization}\r\n` +
      "Expect: 100-continue\r\nConnection: close\r\n\r\n",
  );
  await gotContinue;
  return {
    socket,
    finish: async () => {
      socket.write(body);
      await ended;
      return received;
    },
  };
}

async function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.on("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}

/** Whether the condition holds within a few seconds (checked every 50 ms): a state that follows an event shortly after. */
async function eventually(condition: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe(`SIGTERM to npm start (${dialect})`, () => {
  it("finishes the request under way, then ends the whole process tree with exit 0", async () => {
    const database: TestDatabase = dialect === "sqlite" ? await sqliteFileDatabase() : await createTestDatabase();
    const options = database.options();
    const npm = new SpawnedProcess("npm", ["start", "--silent"], {
      env: processEnv({ DATABASE_URL: options.databaseUrl, DATABASE_FILE: options.databaseFile }),
    });
    try {
      const url = await npm.url();
      const request = await startRequest(url, JSON.stringify({ query: "{ partijen(first: 1) { edges { node { uuid } } } }" }));

      npm.signal("SIGTERM");
      await npm.waitForLine((line) => line.msg === "stopping: finishing the requests under way");
      // The HTTP server stops listening one event-loop turn after the line (Apollo's drain).
      expect(await eventually(() => refusesConnections(url))).toBe(true);
      const response = await request.finish();
      expect(response).toMatch(/HTTP\/1\.1 200 OK/);
      expect(response).toContain('{"data":{"partijen":{"edges":[]}}}');

      expect(await npm.exited).toEqual({ code: 0, signal: null });
      // tsx's esbuild helper process leaves a moment after node; an orphaned server would stay.
      expect(await eventually(() => !npm.groupAlive())).toBe(true);
      expect(npm.lines.at(-1)).toMatchObject({ msg: "stopped" });
      // --silent keeps npm's banner out; what is left is the subgraph's, all JSON.
      expect(npm.stdout.every((line) => line.startsWith("{"))).toBe(true);
      expect(npm.stderr).toBe("");
    } finally {
      npm.kill();
      await database.drop();
    }
  });
});
