import type { EntityClass, EntityManager, FilterQuery } from "@mikro-orm/core";
import type { BaseEntity } from "./base.entity";
import { path, type InvalidParams } from "./errors";

/**
 * Service-side checks of the unique constraints, so that a client gets an invalid param with code
 * "unique" instead of a failed insert. The database constraint still decides between two
 * concurrent requests (src/server.ts reports that as "unique" too).
 */

/** Whether a row other than `current` (the row being changed; null on create) matches `where`. */
export async function isTaken<T extends BaseEntity>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  current: T | null,
): Promise<boolean> {
  const condition = current ? { ...(where as object), id: { $ne: current.id } } : where;
  return (await em.count(entity, condition as FilterQuery<T>)) > 0;
}

/**
 * Text fields that no two rows may share (nummer, referentienummer): each given value that is
 * taken adds a "unique" problem under `prefix`. A value left out, empty or unchanged is not looked up.
 */
export async function checkUniqueFields<T extends BaseEntity, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityClass<T>,
  current: T | null,
  values: Partial<Record<K, string | null | undefined>>,
  reason: (field: K) => string,
  problems: InvalidParams,
  prefix = "",
): Promise<void> {
  for (const [field, value] of Object.entries(values) as Array<[K, string | null | undefined]>) {
    if (!value || value === current?.[field]) continue;
    if (await isTaken(em, entity, { [field]: value } as FilterQuery<T>, current)) {
      problems.add(path(prefix, field), "unique", reason(field));
    }
  }
}
