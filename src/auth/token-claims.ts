import type { JWTPayload } from "jose";
import { checkBsn, checkKvkNummer, checkVestigingsnummer } from "../common/validators";
import type { ClientConfig } from "./auth-config";
import type { BurgerBinding, Principal } from "./principal";
import type { RefusalReason } from "./refusal";
import type { Scope } from "./scopes";

/**
 * From the claims of a verified token to the Principal: the user, the effective scopes and the
 * citizen binding. The token's signature and lifetime are checked before (token-verifier.ts).
 */

export type ClaimsResult = { ok: true; principal: Principal } | { ok: false; reason: RefusalReason };

export function principalFromClaims(client: ClientConfig, claims: JWTPayload): ClaimsResult {
  const userId = claims.user_id ?? claims.sub ?? "";
  const userRepresentation = claims.user_representation ?? "";
  if (typeof userId !== "string" || typeof userRepresentation !== "string") return { ok: false, reason: "invalid_claim" };
  const scopes = effectiveScopes(client, claims.scope);
  if (!scopes) return { ok: false, reason: "invalid_claim" };
  const burger = burgerBinding(client, claims);
  if (typeof burger === "string") return { ok: false, reason: burger };
  return { ok: true, principal: { clientId: client.clientId, userId, userRepresentation, scopes, ...(burger && { burger }) } };
}

/**
 * A `scope` claim (space-separated, or an array as some identity providers send) can only narrow
 * what the client was given: the effective scopes are the intersection. Names this service does
 * not know are ignored rather than refused: an identity provider's token carries its own scopes
 * too (openid, profile, ...).
 */
function effectiveScopes(client: ClientConfig, claim: unknown): ReadonlySet<Scope> | undefined {
  if (claim === undefined) return client.scopes;
  const named = typeof claim === "string" ? claim.split(" ") : claim;
  if (!Array.isArray(named) || !named.every((name) => typeof name === "string")) return undefined;
  return new Set([...client.scopes].filter((scope) => named.includes(scope)));
}

/** The citizen binding of a citizen portal's token, undefined for another client's, or why it is refused. */
function burgerBinding(client: ClientConfig, claims: JWTPayload): BurgerBinding | undefined | RefusalReason {
  const { bsn, kvk_nummer: kvkNummer, vestigingsnummer } = claims;
  if (bsn === undefined && kvkNummer === undefined && vestigingsnummer === undefined) {
    return client.burgerClaim === "required" ? "burger_claim_missing" : undefined;
  }
  // Before a value is looked at: a client that is no portal cannot speak for a citizen at all.
  if (client.burgerClaim === "refused") return "burger_claim_refused";
  if (bsn !== undefined) {
    if (kvkNummer !== undefined || vestigingsnummer !== undefined) return "ambiguous_burger_claim";
    return typeof bsn === "string" && checkBsn(bsn) === null ? { bsn } : "invalid_bsn";
  }
  if (kvkNummer === undefined) return "ambiguous_burger_claim";
  if (typeof kvkNummer !== "string" || checkKvkNummer(kvkNummer) !== null) return "invalid_kvk_nummer";
  if (vestigingsnummer === undefined) return { kvkNummer };
  if (typeof vestigingsnummer !== "string" || checkVestigingsnummer(vestigingsnummer) !== null) return "invalid_vestigingsnummer";
  return { kvkNummer, vestigingsnummer };
}
