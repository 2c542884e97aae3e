import type { Scope } from "./scopes";

/**
 * Who is asking: the authenticated client, the user on whose behalf it acts, and what it may do.
 * Made once per request from a verified token, before any SQL; the services decide with it.
 */
export interface Principal {
  /** The configured client (the ZGW `client_id`, or the identity provider token's `azp`/`client_id`). */
  readonly clientId: string;
  /** The ZGW `user_id` claim (or `sub`); "" when the token names no user. */
  readonly userId: string;
  /** The ZGW `user_representation` claim; "" when absent. */
  readonly userRepresentation: string;
  /** The client's configured scopes, narrowed by the token's `scope` claim when it has one. */
  readonly scopes: ReadonlySet<Scope>;
  /** Set for a citizen-bound token (Mijn Omgeving): the token sees only this partij's data. */
  readonly burger?: BurgerBinding;
}

/** The citizen or company a citizen-bound token speaks for. */
export type BurgerBinding = { readonly bsn: string } | { readonly kvkNummer: string; readonly vestigingsnummer?: string };

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

export function isBurger(principal: Principal): principal is Principal & { readonly burger: BurgerBinding } {
  return principal.burger !== undefined;
}
