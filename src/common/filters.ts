import type { EntityClass, EntityManager, FilterQuery } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { ObjectidentificatorInput } from "./embeddables.input";
import { checkUuid } from "./validators";

/**
 * Case-insensitive text filters shared by the list queries (Open Klant's iexact and icontains).
 * PostgreSQL has ILIKE (wildcards in the input are escaped); SQLite's LIKE ignores ASCII case
 * by itself and has no default escape character, so there '%' and '_' typed by a user stay
 * wildcards, which only widens a search on the embedded database.
 */
export class TextFilters {
  private readonly postgres: boolean;

  constructor(em: EntityManager) {
    this.postgres = em.getPlatform().constructor.name.startsWith("PostgreSql");
  }

  private like(pattern: string) {
    return this.postgres ? { $ilike: pattern } : { $like: pattern };
  }

  private escape(value: string): string {
    return this.postgres ? value.replace(/[\\%_]/g, (c) => `\\${c}`) : value;
  }

  iexact(value: string) {
    return this.like(this.escape(value));
  }

  icontains(value: string) {
    return this.like(`%${this.escape(value)}%`);
  }
}

/**
 * A uuid filter value as stored (lower case). Text that is no uuid matches nothing: it becomes the
 * nil uuid, which no row has (uuids are random v4). A plain null would match rows whose relation
 * is empty through the left join.
 */
export function uuidFilter(value: string): string {
  return checkUuid(value) === null ? value.toLowerCase() : "00000000-0000-0000-0000-000000000000";
}

/** The four codes shared by objectidentificatoren and partij-identificatoren. */
type IdentificatorCodes = Pick<ObjectidentificatorInput, "codeObjecttype" | "codeRegister" | "codeSoortObjectId" | "objectId">;

/**
 * Exact match on every given field of an objectidentificator or partij-identificator filter
 * (Open Klant's four filters); undefined when no field is given.
 */
export function identificatorCondition(filter: IdentificatorCodes | null | undefined): Record<string, string> | undefined {
  if (!filter) return undefined;
  const condition: Record<string, string> = {};
  for (const key of ["codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== null) condition[key] = value;
  }
  return Object.keys(condition).length ? condition : undefined;
}

let subqueryCounter = 0;

/**
 * `select <property> from <entity> where ...` as a subquery for a `{ id: { $in: ... } }` condition:
 * relation filters of the list queries (klantcontacten with a betrokkene that ...) are semi-joins,
 * so a row matches once however many related rows qualify (Open Klant #624 returned duplicates
 * with plain joins).
 */
export function subquery<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  property: string,
  where: FilterQuery<T>,
) {
  // Own alias per subquery, so nested subqueries never shadow each other.
  const alias = `sq${(subqueryCounter = (subqueryCounter + 1) % 1_000_000)}`;
  return em.createQueryBuilder(entity, alias).select(`${alias}.${property}`).where(where).getKnexQuery();
}
