import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNAUTHENTICATED_MESSAGE } from "../../src/auth/refusal";
import { SCOPES } from "../../src/auth/scopes";
import { TestServer, type HttpResponse } from "../support/http-server";
import { TEST_CLIENT } from "../support/principals";
import { jwksOf, makeSigningKey, signHs256, signWithKey, testToken, type SigningKey } from "../support/tokens";

/**
 * Authentication over real HTTP (the server as `npm start` runs it): every request to /graphql
 * needs a valid token, and a refused one gets 401 with the same message whatever was wrong, before
 * the database is touched (LOG_SQL logs every statement sent: none may follow a refusal).
 */

const QUERY = "{ partijen(first: 1) { edges { node { uuid } } } }";
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

type GraphqlResponse = Awaited<ReturnType<TestServer["graphql"]>>;

/** SQL statements the server logged from now on. */
function sqlCounter(server: TestServer): () => number {
  const mark = server.logs.withMessage("sql").length;
  return () => server.logs.withMessage("sql").length - mark;
}

/** The request was refused as unauthenticated, telling nothing of why, and sent no SQL. */
function expectRefused(response: GraphqlResponse, statements: number, challenge = /^Bearer realm="klantinteracties"/) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(challenge);
  expect(response.body).toEqual({ errors: [{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: "UNAUTHENTICATED" } }] });
  expect(statements).toBe(0);
}

function refusalReasons(server: TestServer): unknown[] {
  return server.logs.withMessage("request not authenticated").map((line) => line.reason);
}

describe("authentication with client tokens (HS256, ZGW)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ LOG_LEVEL: "debug", LOG_SQL: "true" });
  });
  afterAll(() => server?.stop());

  async function send(authorization: string | null) {
    const sql = sqlCounter(server);
    const response = await server.graphql(QUERY, undefined, { authorization });
    return { response, statements: sql() };
  }

  it("answers a request with a valid token", async () => {
    const { response, statements } = await send(`Bearer ${await testToken()}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { partijen: { edges: [] } } });
    expect(statements).toBeGreaterThan(0);
  });

  it("refuses a request without a token: 401 with the bare challenge, no SQL, the reason in the log", async () => {
    const { response, statements } = await send(null);
    expectRefused(response, statements, /^Bearer realm="klantinteracties"$/);
    expect(refusalReasons(server).at(-1)).toBe("missing_token");
  });

  const cases: Array<[string, () => Promise<string>, string]> = [
    ["another scheme than Bearer", async () => `Basic ${Buffer.from("test:geheim").toString("base64")}`, "not_bearer"],
    ["a malformed token", async () => "Bearer not.a.token", "malformed"],
    ["an expired token", async () => `Bearer ${await testToken({ exp: now() - 120 })}`, "expired"],
    ["a token older than AUTH_TOKEN_MAX_AGE without exp", async () => `Bearer ${await testToken({ iat: now() - 3700 })}`, "expired"],
    ["a token not valid yet (nbf)", async () => `Bearer ${await testToken({ nbf: now() + 600 })}`, "not_yet_valid"],
    ["a token issued in the future", async () => `Bearer ${await testToken({ iat: now() + 600 })}`, "issued_in_future"],
    [
      "a token signed with another secret",
      async () => `Bearer ${await testToken({}, "another secret, also thirty-two characters long")}`,
      "bad_signature",
    ],
    [
      "an unsigned token (alg none)",
      async () =>
        `Bearer ${base64url({ alg: "none", typ: "JWT" })}.${base64url({ client_id: TEST_CLIENT.clientId, iss: TEST_CLIENT.clientId, iat: now() })}.`,
      "alg_not_allowed",
    ],
    [
      "a token of an unknown client",
      async () => `Bearer ${await signHs256(TEST_CLIENT.secret, { client_id: "onbekend", iss: "onbekend", iat: now() })}`,
      "unknown_client",
    ],
    [
      "a citizen claim from a client that is no citizen portal",
      async () => `Bearer ${await testToken({ bsn: "999993653" })}`,
      "burger_claim_refused",
    ],
  ];
  for (const [what, authorization, reason] of cases) {
    it(`refuses ${what}: 401, no SQL, "${reason}" in the log`, async () => {
      const { response, statements } = await send(await authorization());
      expectRefused(response, statements, /error="invalid_token"/);
      expect(refusalReasons(server).at(-1)).toBe(reason);
    });
  }

  it("logs no token and no claim value", () => {
    expect(server.logs.text).not.toContain(TEST_CLIENT.secret);
    expect(server.logs.text).not.toContain("999993653");
    expect(server.logs.text).not.toMatch(/eyJ[\w-]+\./);
  });

  it("needs no token for /health and /ready", async () => {
    expect((await server.fetch("/health")).status).toBe(200);
    expect((await server.ready()).status).toBe(200);
  });
});

describe("authentication with the identity provider's tokens (JWKS)", () => {
  const ISSUER = "https://idp.example.nl/realms/gemeente";
  const AUDIENCE = "klantinteracties";
  let directory: string;
  let key: SigningKey;
  let server: TestServer;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "ki-jwks-"));
    key = await makeSigningKey("RS256", "sleutel-1");
    const file = path.join(directory, "jwks.json");
    await writeFile(file, JSON.stringify(jwksOf(key)));
    server = await TestServer.start({
      LOG_LEVEL: "debug",
      LOG_SQL: "true",
      AUTH_JWKS_FILE: file,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CLIENTS: JSON.stringify([{ clientId: "kiss", scopes: SCOPES }]),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  const idpToken = (claims: Record<string, unknown> = {}, signer = key) =>
    signWithKey(signer, { iss: ISSUER, aud: AUDIENCE, azp: "kiss", sub: "m.jansen", iat: now(), exp: now() + 300, ...claims });

  async function send(token: string) {
    const sql = sqlCounter(server);
    const response = await server.graphql(QUERY, undefined, { authorization: `Bearer ${token}` });
    return { response, statements: sql() };
  }

  it("answers a token of a configured client, signed by the identity provider", async () => {
    const { response } = await send(await idpToken());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { partijen: { edges: [] } } });
  });

  const cases: Array<[string, () => Promise<string>, string]> = [
    ["another issuer", () => idpToken({ iss: "https://elders.example.nl" }), "wrong_issuer"],
    ["another audience", () => idpToken({ aud: "open-zaak" }), "wrong_audience"],
    ["an unknown key", async () => idpToken({}, await makeSigningKey("RS256", "sleutel-2")), "unknown_kid"],
    ["an unknown client", () => idpToken({ azp: "onbekend" }), "unknown_client"],
    ["an expired token", () => idpToken({ exp: now() - 120 }), "expired"],
  ];
  for (const [what, token, reason] of cases) {
    it(`refuses a token with ${what}: 401, no SQL, "${reason}" in the log`, async () => {
      const { response, statements } = await send(await token());
      expectRefused(response, statements);
      expect(refusalReasons(server).at(-1)).toBe(reason);
    });
  }
});

describe("an identity provider whose JWKS cannot be fetched", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({
      LOG_LEVEL: "debug",
      LOG_SQL: "true",
      // Nothing listens on port 9 (discard): the fetch of the key set fails.
      AUTH_JWKS_URL: "http://127.0.0.1:9/jwks.json",
      AUTH_ISSUER: "https://idp.example.nl",
      AUTH_AUDIENCE: "klantinteracties",
    });
  });
  afterAll(() => server?.stop());

  it("answers 503 SERVICE_UNAVAILABLE (the client may try again), without SQL", async () => {
    const key = await makeSigningKey("ES256", "sleutel");
    const token = await signWithKey(key, { iss: "https://idp.example.nl", aud: "klantinteracties", azp: TEST_CLIENT.clientId, iat: now() });
    const sql = sqlCounter(server);
    const response: HttpResponse = await server.graphql(QUERY, undefined, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(503);
    expect((response.body as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(sql()).toBe(0);
    expect(refusalReasons(server).at(-1)).toBe("jwks_unavailable");
  });
});
