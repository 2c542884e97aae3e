import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { webcrypto, type webcrypto as WebCrypto } from "node:crypto";
import type { AuthConfig, ClientConfig, IdentityProviderConfig } from "./auth-config";
import type { Principal } from "./principal";
import type { RefusalReason } from "./refusal";
import { principalFromClaims } from "./token-claims";

/**
 * Verifies the bearer token of a request with jose: an HS256 token signed with its client's own
 * secret (the ZGW convention), or an RS256/ES256 token of the identity provider (its JWKS). Yields
 * the Principal or the reason for refusal; never throws for anything a client can send.
 */

export type VerificationResult = { ok: true; principal: Principal } | { ok: false; reason: RefusalReason };

// The alg decides which key verifies; anything else (none, HS512, PS256, ...) is refused up front.
const CLIENT_ALGORITHM = "HS256";
const IDENTITY_PROVIDER_ALGORITHMS = ["RS256", "ES256"];
// Node refuses larger request headers anyway; this keeps the verifier safe wherever it is used.
const MAX_TOKEN_LENGTH = 16_384;
const BEARER = /^Bearer +(\S+) *$/i;

interface Client {
  readonly config: ClientConfig;
  /**
   * The secret as a WebCrypto key, imported once: given the raw bytes, jose imports them anew for
   * every token, which doubles the CPU time of a verification.
   */
  readonly key: Promise<WebCrypto.CryptoKey> | undefined;
}

function hmacKey(secret: Uint8Array): Promise<WebCrypto.CryptoKey> {
  const key = webcrypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  // Awaited at the first token of the client; until then a failure must not count as unhandled.
  key.catch(() => undefined);
  return key;
}

export class TokenVerifier {
  private readonly clients: ReadonlyMap<string, Client>;
  private readonly identityProvider: { config: IdentityProviderConfig; keys: JWTVerifyGetKey } | undefined;

  /** `clock` is for tests: the moment at which the token must be valid. */
  constructor(
    private readonly config: AuthConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const encoder = new TextEncoder();
    this.clients = new Map(
      config.clients.map((client) => [
        client.clientId,
        { config: client, key: client.secret === undefined ? undefined : hmacKey(encoder.encode(client.secret)) },
      ]),
    );
    const idp = config.identityProvider;
    if (idp) {
      const keys = "url" in idp.jwks ? createRemoteJWKSet(idp.jwks.url) : createLocalJWKSet(idp.jwks.keys);
      this.identityProvider = { config: idp, keys };
    }
  }

  /** Verifies the value of a request's Authorization header. */
  async verify(authorization: string | undefined): Promise<VerificationResult> {
    if (authorization === undefined || authorization.trim() === "") return refused("missing_token");
    const bearer = BEARER.exec(authorization);
    if (!bearer) return refused(/^Bearer\b/i.test(authorization) ? "malformed" : "not_bearer");
    return this.verifyToken(bearer[1]);
  }

  async verifyToken(token: string): Promise<VerificationResult> {
    if (token.length > MAX_TOKEN_LENGTH) return refused("malformed");
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return refused("malformed");
    }
    if (alg === CLIENT_ALGORITHM) {
      return this.verifyClientToken(token).catch((err) => refused(reasonFor(err, "malformed")));
    }
    if (alg !== undefined && IDENTITY_PROVIDER_ALGORITHMS.includes(alg) && this.identityProvider) {
      // What jose does not name is the JWKS failing to load: not the client's fault.
      return this.verifyIdentityProviderToken(token, this.identityProvider).catch((err) => refused(reasonFor(err, "jwks_unavailable")));
    }
    return refused("alg_not_allowed");
  }

  /** ZGW: the client names itself (`client_id`, or `iss`), and its secret must have signed the token. */
  private async verifyClientToken(token: string): Promise<VerificationResult> {
    const client = this.clientNamedBy(decodeJwt(token), "client_id", "iss");
    if (typeof client === "string") return refused(client);
    if (!client.key) return refused("client_has_no_secret");
    const { payload } = await jwtVerify(token, await client.key, { algorithms: [CLIENT_ALGORITHM], ...this.timeOptions() });
    return this.fromVerifiedClaims(client.config, payload);
  }

  /** The identity provider signed the token; which configured client it was issued to is in `azp` or `client_id`. */
  private async verifyIdentityProviderToken(
    token: string,
    idp: { config: IdentityProviderConfig; keys: JWTVerifyGetKey },
  ): Promise<VerificationResult> {
    const { payload } = await jwtVerify(token, idp.keys, {
      algorithms: IDENTITY_PROVIDER_ALGORITHMS,
      issuer: idp.config.issuer,
      audience: [...idp.config.audience],
      ...this.timeOptions(),
    });
    const client = this.clientNamedBy(payload, "azp", "client_id");
    if (typeof client === "string") return refused(client);
    return this.fromVerifiedClaims(client.config, payload);
  }

  /** The configured client that the claims name, by `first` or else `second`; where both are present they must agree. */
  private clientNamedBy(claims: JWTPayload, first: string, second: string): Client | RefusalReason {
    const clientId = claims[first] ?? claims[second];
    if (clientId === undefined) return "unknown_client";
    if (typeof clientId !== "string") return "invalid_claim";
    if (claims[second] !== undefined && claims[second] !== clientId) return "client_mismatch";
    return this.clients.get(clientId) ?? "unknown_client";
  }

  private timeOptions() {
    return { clockTolerance: this.config.clockToleranceSeconds, currentDate: this.clock() };
  }

  /**
   * jose has checked `exp` and `nbf` (and that `iat` is a number). What it leaves to us: an `iat`
   * in the future is refused, and a token without `exp` lives AUTH_TOKEN_MAX_AGE after its `iat`.
   */
  private fromVerifiedClaims(client: ClientConfig, payload: JWTPayload): VerificationResult {
    const now = Math.floor(this.clock().getTime() / 1000);
    const tolerance = this.config.clockToleranceSeconds;
    if (payload.iat !== undefined && payload.iat > now + tolerance) return refused("issued_in_future");
    if (payload.exp === undefined) {
      if (payload.iat === undefined) return refused("missing_iat");
      if (now - payload.iat > this.config.tokenMaxAgeSeconds + tolerance) return refused("expired");
    }
    return principalFromClaims(client, payload);
  }
}

function refused(reason: RefusalReason): VerificationResult {
  return { ok: false, reason };
}

/** What jose's error means; `otherwise` for an error that names no problem of the token. */
function reasonFor(err: unknown, otherwise: RefusalReason): RefusalReason {
  if (err instanceof errors.JWTExpired) return "expired";
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === "invalid") return "invalid_claim";
    if (err.claim === "nbf") return "not_yet_valid";
    if (err.claim === "iss") return "wrong_issuer";
    if (err.claim === "aud") return "wrong_audience";
    return "invalid_claim";
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return "unknown_kid";
  if (err instanceof errors.JOSEAlgNotAllowed) return "alg_not_allowed";
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) return "malformed";
  return otherwise;
}
