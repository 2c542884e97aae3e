import { createPublicKey, type JsonWebKey } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT, UnsecuredJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuthConfig, type AuthConfig, type Env } from "../../src/auth/auth-config";
import { TokenVerifier, type VerificationResult } from "../../src/auth/token-verifier";
import { jwksOf, makeSigningKey, signHs256, signWithKey, type SigningKey } from "../support/tokens";

const KISS_SECRET = "kiss-secret-of-at-least-32-characters!";
const PORTAAL_SECRET = "portaal-secret-of-at-least-32-characters";
const ISSUER = "https://idp.example.nl/realms/gemeente";
const AUDIENCE = "klantinteracties";
const BSN = "999993653";

// Tokens are judged at this moment: no test depends on the time it runs.
const NOW = new Date("2026-12-01T10:00:00Z");
const now = Math.floor(NOW.getTime() / 1000);
const clock = () => NOW;

const CLIENTS = [
  { clientId: "kiss", secret: KISS_SECRET, scopes: ["partijen.lezen", "klantcontacten.lezen", "identificatoren.lezen"] },
  {
    clientId: "mijn-omgeving",
    secret: PORTAAL_SECRET,
    scopes: ["partijen.lezen", "klantcontacten.lezen", "klantcontacten.schrijven"],
    burger: true,
  },
  { clientId: "ita", scopes: ["opvolging.lezen", "opvolging.schrijven"] },
];

let directory: string;
let rsa: SigningKey;
let ec: SigningKey;
let verifier: TokenVerifier;

function config(env: Env): AuthConfig {
  const result = parseAuthConfig(env);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.config;
}

function kiss(claims: JWTPayload = {}): Promise<string> {
  return signHs256(KISS_SECRET, { client_id: "kiss", iss: "kiss", iat: now, ...claims });
}

function portaal(claims: JWTPayload): Promise<string> {
  return signHs256(PORTAAL_SECRET, { client_id: "mijn-omgeving", iat: now, ...claims });
}

function fromIdentityProvider(key: SigningKey, claims: JWTPayload = {}): Promise<string> {
  return signWithKey(key, { iss: ISSUER, aud: AUDIENCE, azp: "ita", sub: "medewerker-7", iat: now, exp: now + 300, ...claims });
}

function verify(token: string): Promise<VerificationResult> {
  return verifier.verify(`Bearer ${token}`);
}

function reason(result: VerificationResult): string {
  return result.ok ? "accepted" : result.reason;
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "auth-verifier-"));
  rsa = await makeSigningKey("RS256", "rsa-1");
  ec = await makeSigningKey("ES256", "ec-1");
  const jwksFile = join(directory, "jwks.json");
  writeFileSync(jwksFile, JSON.stringify(jwksOf(rsa, ec)));
  verifier = new TokenVerifier(
    config({ AUTH_CLIENTS: JSON.stringify(CLIENTS), AUTH_JWKS_FILE: jwksFile, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE }),
    clock,
  );
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("accepted tokens", () => {
  it("an HS256 ZGW token gives its client, user and the client's scopes", async () => {
    const result = await verify(await kiss({ user_id: "mdw-42", user_representation: "Sanne Jansen" }));
    expect(result).toEqual({
      ok: true,
      principal: {
        clientId: "kiss",
        userId: "mdw-42",
        userRepresentation: "Sanne Jansen",
        scopes: new Set(["partijen.lezen", "klantcontacten.lezen", "identificatoren.lezen"]),
      },
    });
  });

  it("a token without user claims has empty user fields", async () => {
    const result = await verify(await signHs256(KISS_SECRET, { client_id: "kiss", iat: now }));
    expect(result.ok && [result.principal.userId, result.principal.userRepresentation]).toEqual(["", ""]);
  });

  it("the client may be named by iss alone", async () => {
    const result = await verify(await signHs256(KISS_SECRET, { iss: "kiss", iat: now }));
    expect(result.ok && result.principal.clientId).toBe("kiss");
  });

  it("ES256 from the identity provider's JWKS: the client is azp, the user sub", async () => {
    const result = await verify(await fromIdentityProvider(ec));
    expect(result).toEqual({
      ok: true,
      principal: {
        clientId: "ita",
        userId: "medewerker-7",
        userRepresentation: "",
        scopes: new Set(["opvolging.lezen", "opvolging.schrijven"]),
      },
    });
  });

  it("RS256 from the identity provider's JWKS, the client named by client_id", async () => {
    const result = await verify(await fromIdentityProvider(rsa, { azp: undefined, client_id: "kiss", user_id: "mdw-1" }));
    expect(result.ok && [result.principal.clientId, result.principal.userId]).toEqual(["kiss", "mdw-1"]);
  });

  it("the scope claim narrows: the intersection with the client's scopes, unknown names ignored", async () => {
    const result = await verify(await kiss({ scope: "partijen.lezen partijen.schrijven openid" }));
    expect(result.ok && result.principal.scopes).toEqual(new Set(["partijen.lezen"]));
  });

  it("the scope claim may be an array, as some identity providers send it", async () => {
    const result = await verify(await fromIdentityProvider(rsa, { scope: ["opvolging.lezen", "profile"] }));
    expect(result.ok && result.principal.scopes).toEqual(new Set(["opvolging.lezen"]));
  });

  it("a citizen portal's token with a BSN is bound to that citizen", async () => {
    const result = await verify(await portaal({ bsn: BSN }));
    expect(result.ok && result.principal).toMatchObject({ clientId: "mijn-omgeving", burger: { bsn: BSN } });
  });

  it("a citizen portal's token with a KvK-nummer, with and without vestigingsnummer", async () => {
    const company = await verify(await portaal({ kvk_nummer: "12345678" }));
    const branch = await verify(await portaal({ kvk_nummer: "12345678", vestigingsnummer: "000012345678" }));
    expect(company.ok && company.principal.burger).toEqual({ kvkNummer: "12345678" });
    expect(branch.ok && branch.principal.burger).toEqual({ kvkNummer: "12345678", vestigingsnummer: "000012345678" });
  });

  it("with exp the token lives until exp, even beyond the maximum age after iat", async () => {
    expect(reason(await verify(await kiss({ iat: now - 7200, exp: now + 60 })))).toBe("accepted");
  });

  it("clock differences up to the tolerance (30 s) are accepted", async () => {
    expect(reason(await verify(await kiss({ exp: now - 20 })))).toBe("accepted");
    expect(reason(await verify(await kiss({ nbf: now + 20 })))).toBe("accepted");
    expect(reason(await verify(await kiss({ iat: now + 20 })))).toBe("accepted");
    expect(reason(await verify(await kiss({ iat: now - 3600 - 20 })))).toBe("accepted");
  });

  it("the scheme is case-insensitive (RFC 7235)", async () => {
    expect(reason(await verifier.verify(`bearer ${await kiss()}`))).toBe("accepted");
  });
});

describe("refused requests", () => {
  it("no Authorization header", async () => {
    expect(reason(await verifier.verify(undefined))).toBe("missing_token");
    expect(reason(await verifier.verify(""))).toBe("missing_token");
  });

  it("another scheme than Bearer", async () => {
    expect(reason(await verifier.verify(`Basic ${Buffer.from("kiss:secret").toString("base64")}`))).toBe("not_bearer");
    expect(reason(await verifier.verify(await kiss()))).toBe("not_bearer");
  });

  it("a bearer value that is no JWT", async () => {
    expect(reason(await verifier.verify("Bearer"))).toBe("malformed");
    expect(reason(await verifier.verify("Bearer not-a-token"))).toBe("malformed");
    expect(reason(await verifier.verify("Bearer eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"))).toBe("malformed");
    expect(reason(await verify("a".repeat(20_000)))).toBe("malformed");
  });

  it("alg none", async () => {
    const unsecured = new UnsecuredJWT({ client_id: "kiss", iat: now }).encode();
    expect(reason(await verify(unsecured))).toBe("alg_not_allowed");
  });

  it("an algorithm not allowed for the client's key: HS512 with the client's own secret", async () => {
    const token = await new SignJWT({ client_id: "kiss", iat: now })
      .setProtectedHeader({ alg: "HS512" })
      .sign(new TextEncoder().encode(KISS_SECRET));
    expect(reason(await verify(token))).toBe("alg_not_allowed");
  });

  it("RS256 when no identity provider is configured", async () => {
    const withoutIdp = new TokenVerifier(config({ AUTH_CLIENTS: JSON.stringify(CLIENTS.slice(0, 2)) }), clock);
    expect(reason(await withoutIdp.verify(`Bearer ${await fromIdentityProvider(rsa)}`))).toBe("alg_not_allowed");
  });

  it("HS256 signed with another secret", async () => {
    const token = await signHs256("another-secret-of-at-least-32-characters", { client_id: "kiss", iat: now });
    expect(reason(await verify(token))).toBe("bad_signature");
  });

  it("claims changed after signing", async () => {
    const [header, , signature] = (await kiss({ scope: "partijen.lezen" })).split(".");
    const widened = Buffer.from(JSON.stringify({ client_id: "kiss", iat: now })).toString("base64url");
    expect(reason(await verify(`${header}.${widened}.${signature}`))).toBe("bad_signature");
  });

  it("HS256 signed with another client's secret", async () => {
    expect(reason(await verify(await signHs256(PORTAAL_SECRET, { client_id: "kiss", iat: now })))).toBe("bad_signature");
  });

  it("HS256 with the identity provider's public key as HMAC secret (algorithm confusion)", async () => {
    const publicPem = createPublicKey({ key: rsa.publicJwk as JsonWebKey, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    expect(reason(await verify(await signHs256(publicPem, { client_id: "kiss", iat: now })))).toBe("bad_signature");
  });

  it("RS256 and ES256 from a key the JWKS does not hold", async () => {
    const strangerRsa = await makeSigningKey("RS256", "rsa-unknown");
    const strangerEc = await makeSigningKey("ES256", "ec-unknown");
    expect(reason(await verify(await fromIdentityProvider(strangerRsa)))).toBe("unknown_kid");
    expect(reason(await verify(await fromIdentityProvider(strangerEc)))).toBe("unknown_kid");
  });

  it("a known kid with a signature of another key", async () => {
    const impostor = await makeSigningKey("RS256", "rsa-1");
    expect(reason(await verify(await fromIdentityProvider(impostor)))).toBe("bad_signature");
  });

  it("a kid used with an algorithm that its key is not for", async () => {
    const impostor = await makeSigningKey("ES256", "rsa-1");
    expect(reason(await verify(await fromIdentityProvider(impostor)))).toBe("unknown_kid");
  });

  it("identity provider token with a wrong issuer or audience, or none", async () => {
    expect(reason(await verify(await fromIdentityProvider(rsa, { iss: "https://evil.example" })))).toBe("wrong_issuer");
    expect(reason(await verify(await fromIdentityProvider(rsa, { iss: undefined })))).toBe("wrong_issuer");
    expect(reason(await verify(await fromIdentityProvider(rsa, { aud: "another-api" })))).toBe("wrong_audience");
    expect(reason(await verify(await fromIdentityProvider(rsa, { aud: undefined })))).toBe("wrong_audience");
  });

  it("expired", async () => {
    expect(reason(await verify(await kiss({ exp: now - 31 })))).toBe("expired");
    expect(reason(await verify(await fromIdentityProvider(ec, { exp: now - 31 })))).toBe("expired");
  });

  it("not yet valid (nbf)", async () => {
    expect(reason(await verify(await kiss({ nbf: now + 31 })))).toBe("not_yet_valid");
    expect(reason(await verify(await fromIdentityProvider(rsa, { nbf: now + 600 })))).toBe("not_yet_valid");
  });

  it("without exp: older than the maximum age after iat (3600 s)", async () => {
    expect(reason(await verify(await kiss({ iat: now - 3600 - 31 })))).toBe("expired");
  });

  it("without exp, the maximum age is AUTH_TOKEN_MAX_AGE", async () => {
    const strict = new TokenVerifier(config({ AUTH_CLIENTS: JSON.stringify(CLIENTS.slice(0, 1)), AUTH_TOKEN_MAX_AGE: "60" }), clock);
    expect(reason(await strict.verify(`Bearer ${await kiss({ iat: now - 60 })}`))).toBe("accepted");
    expect(reason(await strict.verify(`Bearer ${await kiss({ iat: now - 120 })}`))).toBe("expired");
  });

  it("iat in the future beyond the clock tolerance, with or without exp", async () => {
    expect(reason(await verify(await kiss({ iat: now + 31 })))).toBe("issued_in_future");
    expect(reason(await verify(await fromIdentityProvider(rsa, { iat: now + 120 })))).toBe("issued_in_future");
  });

  it("neither iat nor exp", async () => {
    expect(reason(await verify(await signHs256(KISS_SECRET, { client_id: "kiss" })))).toBe("missing_iat");
  });

  it("a time claim that is no number", async () => {
    expect(reason(await verify(await kiss({ iat: "gisteren" as unknown as number })))).toBe("invalid_claim");
  });

  it("unknown client, or none named", async () => {
    expect(reason(await verify(await signHs256(KISS_SECRET, { client_id: "onbekend", iat: now })))).toBe("unknown_client");
    expect(reason(await verify(await signHs256(KISS_SECRET, { iat: now })))).toBe("unknown_client");
    expect(reason(await verify(await fromIdentityProvider(rsa, { azp: "onbekend" })))).toBe("unknown_client");
    expect(reason(await verify(await fromIdentityProvider(rsa, { azp: undefined })))).toBe("unknown_client");
  });

  it("client_id and iss, or azp and client_id, naming different clients", async () => {
    expect(reason(await verify(await kiss({ iss: "mijn-omgeving" })))).toBe("client_mismatch");
    expect(reason(await verify(await fromIdentityProvider(rsa, { client_id: "kiss" })))).toBe("client_mismatch");
  });

  it("HS256 for a client that signs in through the identity provider only", async () => {
    expect(reason(await verify(await signHs256(KISS_SECRET, { client_id: "ita", iat: now })))).toBe("client_has_no_secret");
  });

  it("a citizen claim from a client that is no citizen portal", async () => {
    expect(reason(await verify(await kiss({ bsn: BSN })))).toBe("burger_claim_refused");
    expect(reason(await verify(await kiss({ kvk_nummer: "12345678" })))).toBe("burger_claim_refused");
    expect(reason(await verify(await fromIdentityProvider(rsa, { bsn: BSN })))).toBe("burger_claim_refused");
  });

  it("a citizen portal's token without a citizen claim", async () => {
    expect(reason(await verify(await portaal({})))).toBe("burger_claim_missing");
  });

  it("a malformed BSN, KvK-nummer or vestigingsnummer", async () => {
    expect(reason(await verify(await portaal({ bsn: "123456789" })))).toBe("invalid_bsn"); // fails the elfproef
    expect(reason(await verify(await portaal({ bsn: "99999365" })))).toBe("invalid_bsn");
    expect(reason(await verify(await portaal({ bsn: 999993653 })))).toBe("invalid_bsn");
    expect(reason(await verify(await portaal({ kvk_nummer: "1234567" })))).toBe("invalid_kvk_nummer");
    expect(reason(await verify(await portaal({ kvk_nummer: "12345678", vestigingsnummer: "12345" })))).toBe("invalid_vestigingsnummer");
  });

  it("citizen claims that contradict each other", async () => {
    expect(reason(await verify(await portaal({ bsn: BSN, kvk_nummer: "12345678" })))).toBe("ambiguous_burger_claim");
    expect(reason(await verify(await portaal({ vestigingsnummer: "000012345678" })))).toBe("ambiguous_burger_claim");
  });

  it("claims of the wrong type", async () => {
    expect(reason(await verify(await kiss({ scope: 42 })))).toBe("invalid_claim");
    expect(reason(await verify(await kiss({ user_id: 42 })))).toBe("invalid_claim");
    expect(reason(await verify(await kiss({ user_representation: ["Sanne"] })))).toBe("invalid_claim");
    expect(reason(await verify(await signHs256(KISS_SECRET, { client_id: 7, iat: now })))).toBe("invalid_claim");
  });

  it("a refusal carries only its reason code, never a claim value", async () => {
    const result = await verify(await kiss({ bsn: BSN, user_representation: "Sanne Jansen" }));
    expect(result).toEqual({ ok: false, reason: "burger_claim_refused" });
  });
});

describe("a remote JWKS", () => {
  let server: http.Server;
  let url: string;
  let serving: "jwks" | "error" = "jwks";

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      if (serving === "error") {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwksOf(rsa)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function remoteVerifier(): TokenVerifier {
    return new TokenVerifier(
      config({ AUTH_CLIENTS: JSON.stringify(CLIENTS), AUTH_JWKS_URL: url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE }),
      clock,
    );
  }

  it("verifies the identity provider's tokens with the keys it publishes", async () => {
    serving = "jwks";
    expect(reason(await remoteVerifier().verify(`Bearer ${await fromIdentityProvider(rsa)}`))).toBe("accepted");
  });

  it("when the JWKS cannot be fetched the reason says so (not the client's fault)", async () => {
    serving = "error";
    expect(reason(await remoteVerifier().verify(`Bearer ${await fromIdentityProvider(rsa)}`))).toBe("jwks_unavailable");
  });
});
