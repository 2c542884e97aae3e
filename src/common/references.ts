import type { EntityClass } from "@mikro-orm/core";
import type { BaseEntity } from "./base.entity";
import type { RequestContext } from "./context";
import { InvalidParams, NotFoundError } from "./errors";
import { byUuidLoader } from "./loaders";
import { checkUuid } from "./validators";

/** The entity with this uuid, or null (also for a string that is no uuid at all). */
export async function findByUuid<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  uuid: string,
): Promise<T | null> {
  if (checkUuid(uuid) !== null) return null;
  return byUuidLoader(ctx, entity).load(uuid.toLowerCase());
}

/** The entity with this uuid; NOT_FOUND when there is none. */
export async function getByUuid<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  uuid: string,
): Promise<T> {
  const found = await findByUuid(ctx, entity, uuid);
  if (!found) throw new NotFoundError(entity.name, uuid);
  return found;
}

/**
 * Resolves a reference in an input (`wasPartij: "<uuid>"`). undefined stays undefined (not
 * given), null stays null (cleared); a uuid that matches nothing is an invalid param
 * "does_not_exist" on `field`, as Open Klant reports it.
 */
export async function resolveReference<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  uuid: string | null | undefined,
  field: string,
  problems: InvalidParams,
): Promise<T | null | undefined> {
  if (uuid === undefined || uuid === null) return uuid;
  if (checkUuid(uuid) !== null) {
    problems.add(field, "invalid", "Geen geldige UUID.");
    return undefined;
  }
  const found = await byUuidLoader(ctx, entity).load(uuid.toLowerCase());
  if (!found) problems.add(field, "does_not_exist", `${entity.name} object met uuid ${uuid} bestaat niet.`);
  return found ?? undefined;
}
