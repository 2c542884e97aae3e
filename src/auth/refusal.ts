/**
 * Why a request was not authenticated. The client only ever sees UNAUTHENTICATED_MESSAGE (telling
 * an attacker which check failed helps the attacker); the reason code goes to the log. No reason
 * carries a claim value, so a log line never holds a BSN or a name from a token.
 */
export const REFUSAL_REASONS = [
  /** No Authorization header. */
  "missing_token",
  /** An Authorization header with another scheme than Bearer. */
  "not_bearer",
  /** Not a compact JWS, unreadable header or claims, or over the size limit. */
  "malformed",
  /** `none`, or an algorithm not allowed for the key that would verify it. */
  "alg_not_allowed",
  /** The token's client is not configured. */
  "unknown_client",
  /** `client_id` and `iss` (HS256) or `azp` and `client_id` (identity provider) name different clients. */
  "client_mismatch",
  /** An HS256 token for a client that has no secret (it signs in through the identity provider only). */
  "client_has_no_secret",
  "bad_signature",
  /** No key of the identity provider's JWKS matches the token's `kid` and algorithm. */
  "unknown_kid",
  /** The identity provider's JWKS could not be fetched. */
  "jwks_unavailable",
  /** Past `exp`, or without `exp` older than the maximum token age. */
  "expired",
  /** Before `nbf`. */
  "not_yet_valid",
  /** `iat` lies in the future beyond the clock tolerance. */
  "issued_in_future",
  /** Neither `exp` nor `iat`: the token's lifetime cannot be bounded. */
  "missing_iat",
  "wrong_issuer",
  "wrong_audience",
  /** A claim this service reads has the wrong type (e.g. a numeric `user_id`). */
  "invalid_claim",
  /** A citizen claim from a client that is not configured as a citizen portal (`burger: true`). */
  "burger_claim_refused",
  /** A citizen portal's token without a citizen claim. */
  "burger_claim_missing",
  /** Both `bsn` and `kvk_nummer`, or `vestigingsnummer` without `kvk_nummer`. */
  "ambiguous_burger_claim",
  "invalid_bsn",
  "invalid_kvk_nummer",
  "invalid_vestigingsnummer",
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The one message a refused request gets, whatever the reason (English and Dutch). */
export const UNAUTHENTICATED_MESSAGE =
  "Authentication required: send a valid token as 'Authorization: Bearer <token>'. / Authenticatie vereist: stuur een geldig token als 'Authorization: Bearer <token>'.";

/** For the WWW-Authenticate header of the 401 response (RFC 6750). */
export const WWW_AUTHENTICATE = 'Bearer realm="klantinteracties"';
