import { checkUuid } from "../common/validators";
import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";

let counter = 0;

/**
 * `select <property> from <entity> where ...` as a subquery for a `{ id: { $in: ... } }` condition:
 * the relation filters of the list queries (klantcontacten with a betrokkene that ...) are
 * semi-joins, so a row matches once however many related rows qualify (Open Klant #624 returned
 * duplicates with plain joins).
 */
export function subquery<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  property: string,
  where: FilterQuery<T>,
) {
  // Own alias per subquery, so nested subqueries never shadow each other.
  const alias = `sq${(counter = (counter + 1) % 1_000_000)}`;
  return em.createQueryBuilder(entity, alias).select(`${alias}.${property}`).where(where).getKnexQuery();
}

/**
 * A uuid filter value as stored (lower case). Something that is no uuid matches nothing: it becomes
 * the nil uuid, which no row has (uuids are random v4). A plain null would match rows whose
 * relation is empty through the left join.
 */
export function uuidFilter(value: string): string {
  return checkUuid(value) === null ? value.toLowerCase() : "00000000-0000-0000-0000-000000000000";
}
