import { PostgreSqlPlatform } from "@mikro-orm/postgresql";
import type { SqlEntityManager } from "@mikro-orm/knex";

/**
 * Race-safe find-or-create (vindOfMaakPartij, vindOfMaakActor, the idempotency key): a writer
 * that looks up a record by its natural key and creates it when absent first serialises on that
 * key, so that of two concurrent writers the second waits until the first has committed, then
 * finds the first's row instead of creating a second one. Where no unique index can say "one
 * per key" (an actor's identificator is not unique in the standard), this is what does.
 *
 * PostgreSQL: `pg_advisory_xact_lock` on a 64-bit hash of the namespaced key, held until the
 * transaction ends. Different keys that happen to share a hash only wait for each other, which is
 * harmless. All keys of one write are taken in one statement, in sorted order, so two writers
 * that want overlapping sets cannot deadlock.
 *
 * SQLite: nothing to do; its one write connection runs one transaction at a time already.
 */
export async function serialiseOnKeys(em: SqlEntityManager, namespace: string, keys: readonly string[]): Promise<void> {
  if (!em.isInTransaction()) throw new Error(`serialiseOnKeys(${namespace}) outside a transaction would hold nothing`);
  if (keys.length === 0 || !(em.getPlatform() instanceof PostgreSqlPlatform)) return;
  const namespaced = [...new Set(keys.map((key) => `${namespace}:${key}`))].sort();
  // unnest ... with ordinality keeps the sorted order in which the locks are taken.
  await em.execute(
    `select pg_advisory_xact_lock(hashtextextended(t.key, 0)) from unnest(cast(array[${namespaced.map(() => "?").join(", ")}] as text[])) with ordinality as t(key, n) order by t.n`,
    namespaced,
  );
}
