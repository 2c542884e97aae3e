import { Directive } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ForbiddenError } from "../common/errors";
import { hasScope, isBurger } from "./principal";
import { areaScope, type Action, type Area, type Scope } from "./scopes";

/**
 * Authorization as the services apply it, and the same rules declared in the SDL for a router.
 * The subgraph never relies on a router: every service checks with `requireScope` itself.
 */

/** Refuses (FORBIDDEN) unless the request's principal has the scope; sends no SQL. */
export function requireScope(ctx: RequestContext, scope: Scope): void {
  if (!hasScope(ctx.principal, scope)) {
    throw new ForbiddenError(`Deze client heeft geen toestemming voor deze handeling (scope ${scope} ontbreekt).`);
  }
}

/** Refuses unless the principal may perform `action` in `area` (partijen.lezen, opvolging.schrijven, ...). */
export function requireAreaScope(ctx: RequestContext, area: Area, action: Action): void {
  requireScope(ctx, areaScope(area, action));
}

/**
 * Refuses unless the principal may perform `action` in `area` AND acts for the municipality: a
 * citizen-bound token (Mijn Omgeving) may write only what its own service allows it explicitly
 * (registering its question, its own digitale adressen).
 */
export function requireStaffScope(ctx: RequestContext, area: Area, action: Action): void {
  requireAreaScope(ctx, area, action);
  if (isBurger(ctx.principal)) throw new ForbiddenError("Een token van een burger of bedrijf mag deze handeling niet uitvoeren.");
}

/**
 * Declares in the SDL (Federation's @requiresScopes) which scope a type or field needs, so that a
 * router can refuse it at the edge too; `@authenticated` is implied by any scope.
 */
export function RequiresScope(scope: Scope): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(`@requiresScopes(scopes: [["${scope}"]])`) as MethodDecorator & PropertyDecorator & ClassDecorator;
}

/** Declares in the SDL that a field needs an authenticated request (Federation's @authenticated). */
export function Authenticated(): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive("@authenticated") as MethodDecorator & PropertyDecorator & ClassDecorator;
}

/**
 * Refuses (FORBIDDEN) a citizen-bound token: a citizen may only make the few writes that its own
 * rules allow (register a question, keep its own digitale adressen), everything else is for staff.
 */
export function refuseBurger(ctx: RequestContext): void {
  if (isBurger(ctx.principal)) {
    throw new ForbiddenError("Met een token van een burger of bedrijf is deze handeling niet toegestaan.");
  }
}
