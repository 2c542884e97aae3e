import { TEST_CLIENT } from "./principals";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTHeaderParameters, type JWTPayload } from "jose";

/**
 * Keys and tokens for tests, made with jose itself: HS256 tokens signed with a client's secret (the
 * ZGW way) and RS256/ES256 tokens of a test identity provider whose public keys form a JWKS.
 */

export function signHs256(secret: string, claims: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", ...header }).sign(new TextEncoder().encode(secret));
}

export interface SigningKey {
  readonly alg: "RS256" | "ES256";
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public half as it stands in the identity provider's JWKS. */
  readonly publicJwk: JWK;
}

export async function makeSigningKey(alg: "RS256" | "ES256", kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

export function signWithKey(key: SigningKey, claims: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, ...header }).sign(key.privateKey);
}

export function jwksOf(...keys: SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}

/**
 * A ZGW token of TEST_CLIENT (test/support/principals.ts), issued now; `claims` adds to or
 * overrides its claims (scope, bsn, exp, ...).
 */
export function testToken(claims: JWTPayload = {}, secret = TEST_CLIENT.secret): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signHs256(secret, {
    client_id: TEST_CLIENT.clientId,
    iss: TEST_CLIENT.clientId,
    iat: now,
    user_id: "tester",
    user_representation: "Test Medewerker",
    ...claims,
  });
}

/** The Authorization header of testToken(claims). */
export async function bearer(claims: JWTPayload = {}): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await testToken(claims)}` };
}
