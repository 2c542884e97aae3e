import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_EXPLORER_QUERY } from "../../src/explorer/subgraph-explorer";
import { TestServer } from "../support/http-server";

/**
 * The explorer on the subgraph's HTTP face: GET /graphql from a browser is the GraphiQL page
 * outside production, its files are served from /explorer/ by this process, and production has
 * neither. (test/explorer/explorer-browser.test.ts runs the page in a browser.)
 */

const browser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

interface PageSettings {
  query: string;
  headers: string;
  workers: Record<string, string>;
}

/** The page's settings (the JSON the page hands its script) and the paths of its script and stylesheet. */
function pageOf(html: string): { settings: PageSettings; script: string; stylesheet: string } {
  const settings = /<script id="explorer-settings" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  const script = /<script src="([^"]+)"><\/script>/.exec(html)?.[1];
  const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
  if (!settings || !script || !stylesheet) throw new Error(`not the explorer page:\n${html}`);
  return { settings: JSON.parse(settings) as PageSettings, script, stylesheet };
}

/** GET or HEAD with exactly these headers (fetch would add Accept-Encoding itself), the body as sent. */
function raw(
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "ki-explorer-http-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe("outside production, with the development client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ AUTH_CLIENTS: "", AUTH_DEV_CLIENT_FILE: path.join(directory, "dev-client.json") });
  });
  afterAll(() => server?.stop());

  it("answers a browser's GET /graphql with the explorer page: the ready operation and a fresh development token that works", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await server.fetch("/graphql", { headers: browser });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    // Nothing of the page comes from elsewhere.
    expect(response.text).not.toMatch(/\b(src|href)="(?!\/explorer\/|data:)/);
    expect(response.text).not.toMatch(/https?:\/\//);

    const { settings } = pageOf(response.text);
    expect(settings.query).toBe(SUBGRAPH_EXPLORER_QUERY);
    const { Authorization: authorization } = JSON.parse(settings.headers) as { Authorization: string };
    const payload = JSON.parse(Buffer.from(authorization.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ client_id: "dev", user_id: "explorer" });
    expect(payload.iat).toBeGreaterThanOrEqual(before);

    const answer = await server.graphql(settings.query, undefined, { authorization });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ partijen: { edges: [] } });
  });

  it("serves the page's script, stylesheet, font and workers from this process: their types, for good, compressed when asked", async () => {
    const { settings, script, stylesheet } = pageOf((await server.fetch("/graphql", { headers: browser })).text);
    const css = await server.fetch(stylesheet);
    const fonts = [...css.text.matchAll(/url\("?\.?\/?([^")]+\.ttf)"?\)/g)].map((match) => `/explorer/${match[1]}`);
    expect(fonts.length).toBeGreaterThan(0);
    const files: Array<[string, RegExp]> = [
      [script, /^text\/javascript; charset=utf-8$/],
      [stylesheet, /^text\/css; charset=utf-8$/],
      ...fonts.map((font): [string, RegExp] => [font, /^font\/ttf$/]),
      ...Object.values(settings.workers).map((worker): [string, RegExp] => [worker, /^text\/javascript; charset=utf-8$/]),
    ];
    expect(Object.keys(settings.workers).sort()).toEqual(["editor", "graphql", "json"]);
    for (const [file, contentType] of files) {
      const plain = await raw(server.at(file), "GET");
      expect(plain.status, file).toBe(200);
      expect(plain.headers["content-type"], file).toMatch(contentType);
      expect(plain.headers["cache-control"], file).toBe("public, max-age=31536000, immutable");
      expect(plain.headers["content-encoding"], file).toBeUndefined();
      expect(Number(plain.headers["content-length"]), file).toBe(plain.body.length);

      const gzipped = await raw(server.at(file), "GET", { "accept-encoding": "gzip, deflate, br" });
      expect(gzipped.headers["content-encoding"], file).toBe("gzip");
      expect(gzipped.body.length, file).toBeLessThan(plain.body.length);
    }
    const head = await raw(server.at(script), "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("answers any other path under /explorer/, or another method, with the JSON 404 of the HTTP face", async () => {
    const { script } = pageOf((await server.fetch("/graphql", { headers: browser })).text);
    const notFound = { errors: [{ message: "Onbekend pad; de GraphQL-endpoint is /graphql.", extensions: { code: "NOT_FOUND" } }] };
    for (const [target, method] of [
      ["/explorer/explorer.js", "GET"],
      ["/explorer/../package.json", "GET"],
      ["/explorer", "GET"],
      [script, "POST"],
      [script, "DELETE"],
    ]) {
      const response = await server.fetch(target, { method });
      expect(response.status, `${method} ${target}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.body, `${method} ${target}`).toEqual(notFound);
    }
  });
});

describe("outside production, with clients configured", () => {
  it("shows the page with the ready operation and no token: the user brings the token of their client", async () => {
    const server = await TestServer.start();
    try {
      const { settings } = pageOf((await server.fetch("/graphql", { headers: browser })).text);
      expect(settings.query).toBe(SUBGRAPH_EXPLORER_QUERY);
      expect(settings.headers).toBe("");
    } finally {
      await server.stop();
    }
  });
});

describe("in production", () => {
  it("has no explorer page and no /explorer/ route", async () => {
    const development = await TestServer.start();
    const { script } = pageOf((await development.fetch("/graphql", { headers: browser })).text);
    await development.stop();

    const production = await TestServer.start({
      NODE_ENV: "production",
      AUDIT_HASH_KEY: "explorer test audit key, thirty-two characters or more",
    });
    try {
      const page = await production.fetch("/graphql", { headers: browser });
      expect(page.headers.get("content-type")).not.toMatch(/^text\/html/);
      expect(page.status).toBe(400);
      const asset = await production.fetch(script);
      expect(asset.status).toBe(404);
      expect(asset.body).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    } finally {
      await production.stop();
    }
  });
});
