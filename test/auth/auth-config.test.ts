import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPair, exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuthConfig, type AuthConfig, type Env } from "../../src/auth/auth-config";
import { jwksOf, makeSigningKey } from "../support/tokens";

const SECRET_A = "a-secret-for-kiss-of-32-characters-or-more";
const SECRET_B = "a-secret-for-the-portal-of-32-characters+";
const ISSUER = "https://idp.example.nl/realms/gemeente";

let directory: string;
let jwksFile: string;

function file(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

function valid(env: Env): AuthConfig {
  const result = parseAuthConfig(env);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join("; ")}`);
  return result.config;
}

function problems(env: Env): string[] {
  const result = parseAuthConfig(env);
  if (result.ok) throw new Error("expected configuration problems");
  return result.problems;
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "auth-config-"));
  jwksFile = file("jwks.json", JSON.stringify(jwksOf(await makeSigningKey("RS256", "k1"))));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("a valid configuration", () => {
  it("nothing configured: no clients (outside production: the development client), ZGW defaults", () => {
    expect(valid({})).toEqual({
      production: false,
      clients: [],
      identityProvider: undefined,
      tokenMaxAgeSeconds: 3600,
      clockToleranceSeconds: 30,
      routerSecret: undefined,
      devClientFile: "data/dev-client.json",
    });
  });

  it("clients from AUTH_CLIENTS with their scopes; burger: true makes a citizen portal", () => {
    const config = valid({
      AUTH_CLIENTS: JSON.stringify([
        { clientId: "kiss", secret: SECRET_A, scopes: ["partijen.lezen", "klantcontacten.schrijven"] },
        { clientId: "mijn-omgeving", secret: SECRET_B, scopes: ["partijen.lezen"], burger: true },
      ]),
      AUTH_TOKEN_MAX_AGE: "600",
      AUTH_CLOCK_TOLERANCE: "0",
    });
    expect(config.clients).toEqual([
      { clientId: "kiss", secret: SECRET_A, scopes: new Set(["partijen.lezen", "klantcontacten.schrijven"]), burgerClaim: "refused" },
      { clientId: "mijn-omgeving", secret: SECRET_B, scopes: new Set(["partijen.lezen"]), burgerClaim: "required" },
    ]);
    expect([config.tokenMaxAgeSeconds, config.clockToleranceSeconds]).toEqual([600, 0]);
  });

  it("clients from AUTH_CLIENTS_FILE", () => {
    const path = file("clients.json", JSON.stringify([{ clientId: "ita", secret: SECRET_A, scopes: ["opvolging.lezen"] }]));
    expect(valid({ AUTH_CLIENTS_FILE: path }).clients.map((client) => client.clientId)).toEqual(["ita"]);
  });

  it("an identity provider from a JWKS file; a client of it needs no secret", () => {
    const config = valid({
      AUTH_CLIENTS: JSON.stringify([{ clientId: "ita", scopes: ["opvolging.lezen"] }]),
      AUTH_JWKS_FILE: jwksFile,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: "klantinteracties, klantinteracties-test",
    });
    expect(config.identityProvider).toMatchObject({ issuer: ISSUER, audience: ["klantinteracties", "klantinteracties-test"] });
    expect(config.clients[0].secret).toBeUndefined();
  });

  it("an identity provider's remote JWKS", () => {
    const config = valid({ AUTH_JWKS_URL: "https://idp.example.nl/certs", AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: "klantinteracties" });
    expect(config.identityProvider?.jwks).toEqual({ url: new URL("https://idp.example.nl/certs") });
  });

  it("a router secret, its header name in lower case as Node presents headers", () => {
    const secret = "router-secret-of-at-least-32-characters";
    expect(valid({ ROUTER_SECRET: secret }).routerSecret).toEqual({ header: "x-router-secret", secret });
    expect(valid({ ROUTER_SECRET: secret, ROUTER_SECRET_HEADER: "X-Gateway-Secret" }).routerSecret?.header).toBe("x-gateway-secret");
  });

  it("empty variables count as unset", () => {
    expect(valid({ AUTH_CLIENTS: "", AUTH_JWKS_URL: "", ROUTER_SECRET: "", AUTH_TOKEN_MAX_AGE: "" }).tokenMaxAgeSeconds).toBe(3600);
  });
});

describe("configuration problems", () => {
  it("are all reported at once, each naming its variable, none repeating a secret", () => {
    const found = problems({
      AUTH_CLIENTS: JSON.stringify([
        { clientId: "kiss", secret: SECRET_A, scopes: ["partijen.lezen", "partijen.lezn"] },
        { clientId: "kiss", secret: SECRET_B, scopes: [] },
        { clientId: "ita", secret: "too-short", scopes: ["opvolging.lezen"] },
      ]),
      AUTH_JWKS_FILE: jwksFile,
      AUTH_TOKEN_MAX_AGE: "an hour",
      AUTH_CLOCK_TOLERANCE: "3600",
      ROUTER_SECRET: "short",
    });
    expect(found).toEqual([
      "AUTH_TOKEN_MAX_AGE must be a whole number of seconds from 1 to 86400",
      "AUTH_CLOCK_TOLERANCE must be a whole number of seconds from 0 to 300",
      "AUTH_ISSUER is required with a JWKS: the identity provider's issuer (the token's iss)",
      "AUTH_AUDIENCE is required with a JWKS: the audience (aud) its tokens carry for this service",
      'AUTH_CLIENTS[0].scopes names the unknown scope "partijen.lezn"',
      'AUTH_CLIENTS[1].clientId "kiss" is configured more than once',
      "AUTH_CLIENTS[2].secret must be a string of at least 32 characters",
      "ROUTER_SECRET must be at least 32 characters",
    ]);
    for (const secret of [SECRET_A, SECRET_B, "too-short", "short"]) {
      expect(found.join("\n")).not.toContain(secret);
    }
  });

  it("invalid JSON is named without quoting it (it holds secrets)", () => {
    const found = problems({ AUTH_CLIENTS: `[{ "clientId": "kiss", "secret": "${SECRET_A}", }]` });
    expect(found).toEqual(["AUTH_CLIENTS is not valid JSON"]);
    const path = file("broken.json", `[{ "secret": "${SECRET_A}" `);
    expect(problems({ AUTH_CLIENTS_FILE: path })).toEqual([`AUTH_CLIENTS_FILE (${path}) is not valid JSON`]);
    expect(problems({ AUTH_CLIENTS_FILE: join(directory, "absent.json") })).toEqual([
      `AUTH_CLIENTS_FILE: cannot read the file ${join(directory, "absent.json")}`,
    ]);
  });

  it("clients in the wrong shape", () => {
    expect(problems({ AUTH_CLIENTS: JSON.stringify({ clientId: "kiss" }) })).toEqual([
      'AUTH_CLIENTS must be a JSON array of clients: [{ "clientId": ..., "secret": ..., "scopes": [...] }]',
    ]);
    expect(
      problems({
        AUTH_CLIENTS: JSON.stringify([
          "kiss",
          { clientId: "", secret: SECRET_A, scope: ["partijen.lezen"], burger: "ja" },
          { clientId: "ita", scopes: ["opvolging.lezen"] },
        ]),
      }),
    ).toEqual([
      "AUTH_CLIENTS[0] must be an object with clientId, secret, scopes and optionally burger",
      'AUTH_CLIENTS[1] has the unknown property "scope" (known: clientId, secret, scopes, burger)',
      "AUTH_CLIENTS[1].clientId must be 1 to 200 visible ASCII characters",
      "AUTH_CLIENTS[1].scopes must be an array of scope names",
      "AUTH_CLIENTS[1].burger must be true or false",
      "AUTH_CLIENTS[2].secret is required: without AUTH_JWKS_URL or AUTH_JWKS_FILE it is the only way to sign in",
    ]);
  });

  it("two clients with one secret (either could sign in the other's name)", () => {
    const clients = [
      { clientId: "kiss", secret: SECRET_A, scopes: [] },
      { clientId: "ita", secret: SECRET_A, scopes: [] },
    ];
    expect(problems({ AUTH_CLIENTS: JSON.stringify(clients) })).toEqual([
      'AUTH_CLIENTS[1].secret is the secret of client "kiss" too; give every client its own',
    ]);
  });

  it("clients in both AUTH_CLIENTS and AUTH_CLIENTS_FILE", () => {
    expect(problems({ AUTH_CLIENTS: "[]", AUTH_CLIENTS_FILE: "clients.json" })).toEqual([
      "AUTH_CLIENTS and AUTH_CLIENTS_FILE are both set; configure the clients in one of them",
    ]);
  });

  it("a JWKS without issuer and audience, two JWKS, or issuer and audience without one", () => {
    expect(
      problems({ AUTH_JWKS_URL: "https://idp.example.nl/certs", AUTH_JWKS_FILE: jwksFile, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: "x" }),
    ).toEqual(["AUTH_JWKS_URL and AUTH_JWKS_FILE are both set; name one key set"]);
    expect(problems({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: "klantinteracties" })).toEqual([
      "AUTH_ISSUER has no effect without AUTH_JWKS_URL or AUTH_JWKS_FILE",
      "AUTH_AUDIENCE has no effect without AUTH_JWKS_URL or AUTH_JWKS_FILE",
    ]);
    expect(problems({ AUTH_JWKS_URL: "https://idp.example.nl/certs", AUTH_AUDIENCE: " , " })).toEqual([
      "AUTH_ISSUER is required with a JWKS: the identity provider's issuer (the token's iss)",
      "AUTH_AUDIENCE is required with a JWKS: the audience (aud) its tokens carry for this service",
    ]);
  });

  it("a JWKS URL that is not https (http only outside production)", () => {
    const idp = { AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: "klantinteracties" };
    expect(valid({ ...idp, AUTH_JWKS_URL: "http://localhost:8080/certs" }).identityProvider).toBeDefined();
    expect(problems({ ...idp, AUTH_JWKS_URL: "ftp://idp.example.nl/certs" })).toEqual([
      "AUTH_JWKS_URL must be an https:// URL (http:// only outside production)",
    ]);
    expect(problems({ ...idp, AUTH_JWKS_URL: "not a url" })).toHaveLength(1);
    expect(
      problems({
        ...idp,
        NODE_ENV: "production",
        AUTH_JWKS_URL: "http://idp.example.nl/certs",
        AUTH_CLIENTS: JSON.stringify([{ clientId: "ita", scopes: [] }]),
      }),
    ).toEqual(["AUTH_JWKS_URL must be an https:// URL"]);
  });

  it("a JWKS file with private key material, without a usable key, or not a JWKS", async () => {
    const idp = { AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: "klantinteracties" };
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const privateJwks = file("private.json", JSON.stringify({ keys: [await exportJWK(privateKey)] }));
    expect(problems({ ...idp, AUTH_JWKS_FILE: privateJwks })).toEqual([
      "AUTH_JWKS_FILE key 0 holds private or symmetric key material; the file must hold public keys only",
    ]);
    const { publicKey } = await generateKeyPair("ES384");
    const p384 = file("p384.json", JSON.stringify({ keys: [await exportJWK(publicKey)] }));
    expect(problems({ ...idp, AUTH_JWKS_FILE: p384 })).toEqual([
      "AUTH_JWKS_FILE has no key that verifies RS256 (an RSA key) or ES256 (an EC key on P-256)",
    ]);
    const offCurve = file("off-curve.json", JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", x: "AAAA", y: "AAAA" }] }));
    expect(problems({ ...idp, AUTH_JWKS_FILE: offCurve })).toEqual([
      "AUTH_JWKS_FILE has no key that verifies RS256 (an RSA key) or ES256 (an EC key on P-256)",
    ]);
    // jose will not make so weak a key, node:crypto will.
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" });
    const weakRsa = file("rsa-1024.json", JSON.stringify({ keys: [weak] }));
    expect(problems({ ...idp, AUTH_JWKS_FILE: weakRsa })).toEqual([
      "AUTH_JWKS_FILE has no key that verifies RS256 (an RSA key) or ES256 (an EC key on P-256)",
    ]);
    expect(problems({ ...idp, AUTH_JWKS_FILE: file("not-jwks.json", "[]") })).toEqual([
      'AUTH_JWKS_FILE must be a JSON Web Key Set: { "keys": [ { "kty": ..., ... } ] }',
    ]);
  });

  it("a router header without a router secret, or the Authorization header as router header", () => {
    expect(problems({ ROUTER_SECRET_HEADER: "x-router-secret" })).toEqual(["ROUTER_SECRET_HEADER has no effect without ROUTER_SECRET"]);
    expect(problems({ ROUTER_SECRET: "r".repeat(32), ROUTER_SECRET_HEADER: "Authorization" })).toEqual([
      "ROUTER_SECRET_HEADER must be an HTTP header name other than Authorization",
    ]);
    expect(problems({ ROUTER_SECRET: "r".repeat(32), ROUTER_SECRET_HEADER: "x router" })).toHaveLength(1);
  });
});

describe("production", () => {
  it("needs at least one configured client: no development client there", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "AUTH_CLIENTS or AUTH_CLIENTS_FILE must configure at least one client in production",
    ]);
    expect(problems({ NODE_ENV: "production", AUTH_CLIENTS: "[]" })).toEqual([
      "AUTH_CLIENTS must configure at least one client in production",
    ]);
  });

  it("refuses a development secret (made by npm start), wherever it was copied to", () => {
    const devSecret = `klantinteracties-dev-${"x".repeat(43)}`;
    const clients = JSON.stringify([{ clientId: "kiss", secret: devSecret, scopes: ["partijen.lezen"] }]);
    expect(problems({ NODE_ENV: "production", AUTH_CLIENTS: clients })).toEqual([
      "AUTH_CLIENTS[0].secret is a development secret (made by npm start outside production); production needs a secret of its own",
    ]);
    expect(valid({ AUTH_CLIENTS: clients }).clients).toHaveLength(1);
  });

  it("is on only for NODE_ENV=production", () => {
    const clients = JSON.stringify([{ clientId: "kiss", secret: SECRET_A, scopes: [] }]);
    expect(valid({ NODE_ENV: "production", AUTH_CLIENTS: clients }).production).toBe(true);
    expect(valid({ NODE_ENV: "test", AUTH_CLIENTS: clients }).production).toBe(false);
  });
});
