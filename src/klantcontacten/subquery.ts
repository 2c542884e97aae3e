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
