import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../support/http-server";
import { processEnv, SpawnedProcess } from "../support/spawned";
import { findChromium, launchChromium } from "./chromium";
import { ExplorerSession } from "./explorer-page";

/**
 * The API explorer as a person uses it: headless Chromium opens /graphql of the subgraph and of the
 * demo router (`npm run supergraph`), runs the operation the page opens with by its run button,
 * and reads the answer on the page; the page may load nothing from any other host. Without
 * Chromium these tests are skipped, except under CI (CI=true), where they fail.
 */

const CHROMIUM = findChromium();
const browserTest = CHROMIUM || process.env.CI === "true" ? it : it.skip;

let directory: string;
let browser: Browser | undefined;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "ki-explorer-"));
});
afterAll(async () => {
  await browser?.close();
  await rm(directory, { recursive: true, force: true });
});

async function chromium(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error(
      "CI=true but no Chromium: the explorer's browser test needs Debian's chromium (apt-get install chromium; .ci/run installs it)",
    );
  browser ??= await launchChromium(CHROMIUM);
  return browser;
}

describe("the subgraph's explorer", () => {
  browserTest(
    "opens with the klantbeelden and a development token, runs them, and shows the demo partijen and their contacts",
    async () => {
      const server = await TestServer.start({
        AUTH_CLIENTS: "",
        AUTH_DEV_CLIENT_FILE: path.join(directory, "dev-client.json"),
        SEED_DEMO_DATA: "true",
      });
      let session: ExplorerSession | undefined;
      try {
        session = await ExplorerSession.open(await chromium(), server.url);
        expect(await session.editor("Operation Editor")).toContain("query Klantbeelden {");
        expect(await session.editor("Headers")).toMatch(/"Authorization": "Bearer [\w-]+\.[\w-]+\.[\w-]+"/);

        const answer = await session.run();
        expect(answer).not.toContain('"errors"');
        expect(answer).toContain('"volledigeNaam": "Jan de Vries"');
        expect(answer).toContain('"naam": "Bakkerij De Korenaar B.V."');
        expect(answer).toContain('"onderwerp": "Parkeervergunning"');
        expect(session.requestCount).toBeGreaterThan(3);
        expect(session.foreignRequests()).toEqual([]);
      } finally {
        await session?.close();
        await server.stop();
      }
    },
  );
});

/** Ports that were free a moment ago (the demo binds them itself). */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port))),
    ),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

describe("npm run supergraph", () => {
  let demo: SpawnedProcess;
  let ports: { router: number; subgraph: number; zaken: number };
  let urls: Record<string, string>;

  beforeAll(async () => {
    const [router, subgraph, zaken] = await freePorts(3);
    ports = { router, subgraph, zaken };
    demo = new SpawnedProcess(process.execPath, ["--import", "tsx", "test/federation/run-supergraph.ts"], {
      env: processEnv({
        ROUTER_PORT: String(router),
        PORT: String(subgraph),
        ZAKEN_PORT: String(zaken),
        AUTH_CLIENTS: "",
        AUTH_DEV_CLIENT_FILE: path.join(directory, "demo-dev-client.json"),
        DATABASE_FILE: path.join(directory, "supergraph-demo.db"),
      }),
    });
    const lines = await Promise.all(["router", "subgraph", "zaken"].map((role) => demo.waitForLine((line) => line.role === role)));
    urls = Object.fromEntries(lines.map((line) => [line.role, line.url]));
  });
  afterAll(() => demo?.kill());

  it("binds ROUTER_PORT, PORT and ZAKEN_PORT, names them in JSON log lines, and serves on each", async () => {
    expect(urls).toEqual({
      router: `http://localhost:${ports.router}/graphql`,
      subgraph: `http://localhost:${ports.subgraph}/graphql`,
      zaken: `http://localhost:${ports.zaken}/graphql`,
    });
    expect((await fetch(`http://127.0.0.1:${ports.subgraph}/health`)).status).toBe(200);
    const zaak = await fetch(`http://127.0.0.1:${ports.zaken}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ zaakOpIdentificatie(identificatie: "ZAAK-2026-0000042") { omschrijving } }' }),
    });
    expect(await zaak.json()).toEqual({ data: { zaakOpIdentificatie: { omschrijving: "Aanvraag parkeervergunning bewoners" } } });
    // Without a token of its own, the router brings one of the development client.
    const klantbeeld = await fetch(`http://127.0.0.1:${ports.router}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          '{ partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: "999993653" } }) { edges { node { zaken { identificatie } } } } }',
      }),
    });
    expect(await klantbeeld.json()).toEqual({
      data: {
        partijen: { edges: [{ node: { zaken: [{ identificatie: "ZAAK-2026-0000042" }, { identificatie: "ZAAK-2026-0000007" }] } }] },
      },
    });
    expect(demo.stdout.length).toBeGreaterThanOrEqual(4);
    for (const line of demo.stdout) expect(() => JSON.parse(line), line).not.toThrow();
  });

  browserTest("serves the explorer on the router, with the README's Klantbeeld: the partij, its contacts and their zaken", async () => {
    const session = await ExplorerSession.open(await chromium(), urls.router);
    try {
      expect(await session.editor("Operation Editor")).toContain("query Klantbeeld {");
      expect(await session.editor("Headers")).toMatch(/"Authorization": "Bearer [\w-]+\.[\w-]+\.[\w-]+"/);

      const answer = await session.run();
      expect(answer, `the demo's log:\n${demo.stdout.join("\n")}`).not.toContain('"errors"');
      expect(answer).toContain('"volledigeNaam": "Jan de Vries"');
      expect(answer).toContain('"onderwerp": "Parkeervergunning"');
      expect(answer).toContain('"identificatie": "ZAAK-2026-0000042"');
      expect(answer).toContain('"omschrijving": "Melding losliggende stoeptegel"');
      expect(session.foreignRequests()).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("stops on SIGTERM", async () => {
    demo.signal("SIGTERM");
    expect(await demo.exited).toEqual({ code: 0, signal: null });
  });
});
