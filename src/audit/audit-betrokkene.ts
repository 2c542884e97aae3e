import type { SqlEntityManager } from "@mikro-orm/knex";
import { CodeSoortObjectId } from "../partijen/enums";
import { PartijIdentificator } from "../partijen/partij-identificator.entity";
import { Partij } from "../partijen/partij.entity";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { checkUuid } from "../common/validators";

/**
 * Which partij has which BSN, to choose a data subject's hash. These lookups bypass PartijService's
 * read gate on purpose: they return nothing to the client, and the log must name the person
 * behind every partij, including those the requester may not see. Raw rows, not entities, so
 * that nothing lands in the request's identity map.
 */

/** The BSN of each of these partijen that has one (partij uuid → bsn), in one statement. */
export async function bsnOfPartijen(em: SqlEntityManager, partijUuids: readonly string[]): Promise<Map<string, string>> {
  // What is no uuid names no partij (and PostgreSQL would refuse to compare it with one).
  const uuids = partijUuids.filter((uuid) => checkUuid(uuid) === null);
  if (uuids.length === 0) return new Map();
  const rows = await em
    .createQueryBuilder(PartijIdentificator, "i")
    .select(["i.objectId"])
    .addSelect("p.uuid as partij_uuid")
    .join("i.identificeerdePartij", "p")
    .where({ codeSoortObjectId: CodeSoortObjectId.BSN, identificeerdePartij: { uuid: { $in: uuids } } })
    .execute<Array<{ objectId: string; partij_uuid: string }>>("all");
  return new Map(rows.map((row) => [row.partij_uuid, row.objectId]));
}

/**
 * The uuid and BSN (when it has one) of each of these partijen, named by storage id: the services
 * report rows that hang under a partij (an adres, a betrokkene) by the id they hold, without
 * loading the partij. One statement; a partij that no longer exists is left out.
 */
export async function partijenById(em: SqlEntityManager, ids: readonly number[]): Promise<Map<number, { uuid: string; bsn?: string }>> {
  if (ids.length === 0) return new Map();
  const partij = em.getMetadata().get(Partij.name).tableName;
  const identificator = em.getMetadata().get(PartijIdentificator.name).tableName;
  const query = em
    .getKnex()
    .select("p.id", "p.uuid", "i.object_id as bsn")
    .from({ p: partij })
    .leftJoin({ i: identificator }, (on) =>
      on.on("i.identificeerde_partij_id", "p.id").andOnVal("i.code_soort_object_id", CodeSoortObjectId.BSN),
    )
    .whereIn("p.id", [...new Set(ids)]);
  const rows: Array<{ id: number; uuid: string; bsn: string | null }> = await em.execute(query);
  return new Map(rows.map((row) => [row.id, { uuid: row.uuid, ...(row.bsn ? { bsn: row.bsn } : {}) }]));
}

/** The partijen (storage ids) that were betrokkene of each of these klantcontacten: one statement. */
export async function partijIdsVanKlantcontacten(em: SqlEntityManager, ids: readonly number[]): Promise<Map<number, number[]>> {
  if (ids.length === 0) return new Map();
  const betrokkene = em.getMetadata().get(Betrokkene.name).tableName;
  const query = em
    .getKnex()
    .distinct("had_klantcontact_id", "was_partij_id")
    .from(betrokkene)
    .whereIn("had_klantcontact_id", [...new Set(ids)])
    .whereNotNull("was_partij_id");
  const rows: Array<{ had_klantcontact_id: number; was_partij_id: number }> = await em.execute(query);
  const perKlantcontact = new Map<number, number[]>();
  for (const row of rows) perKlantcontact.set(row.had_klantcontact_id, [...(perKlantcontact.get(row.had_klantcontact_id) ?? []), row.was_partij_id]);
  return perKlantcontact;
}

/** The uuids of the partijen that have this BSN (at most one, by the uniqueness rule; a list to be safe). */
export async function partijenMetBsn(em: SqlEntityManager, bsn: string): Promise<string[]> {
  const rows = await em
    .createQueryBuilder(PartijIdentificator, "i")
    .select([])
    .addSelect("p.uuid as partij_uuid")
    .join("i.identificeerdePartij", "p")
    .where({ codeSoortObjectId: CodeSoortObjectId.BSN, objectId: bsn })
    .execute<Array<{ partij_uuid: string }>>("all");
  return rows.map((row) => row.partij_uuid);
}
