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

/** A partij behind what an operation reported: its uuid and BSN (when it has one). */
export interface AuditPartij {
  uuid: string;
  bsn?: string;
}

/** The partijen behind the rows an operation reported (AuditCollector.flush), looked up together. */
export interface PartijenVanRijen {
  /** Partij storage id → the partij; one that no longer exists is absent. */
  byId: Map<number, AuditPartij>;
  /** Partij uuid (lower case) → its BSN, for those that have one. */
  bsnByUuid: Map<string, string>;
  /** Klantcontact storage id → the partijen that were betrokkene of it. */
  vanKlantcontact: Map<number, AuditPartij[]>;
}

/**
 * In one statement, whatever the number of each: the uuid and BSN of the partijen named by storage
 * id (what a row under a partij holds, an adres or a betrokkene), the BSN of those named by uuid,
 * and the partijen that were betrokkene of the klantcontacten named by storage id (their data
 * subjects), with their uuid and BSN. No statement when there is nothing to look up.
 */
export async function partijenVanRijen(
  em: SqlEntityManager,
  named: { partijIds: readonly number[]; partijUuids: readonly string[]; klantcontactIds: readonly number[] },
): Promise<PartijenVanRijen> {
  const found: PartijenVanRijen = { byId: new Map(), bsnByUuid: new Map(), vanKlantcontact: new Map() };
  const partijIds = [...new Set(named.partijIds)];
  // What is no uuid names no partij (and PostgreSQL would refuse to compare it with one).
  const partijUuids = [...new Set(named.partijUuids.map((uuid) => uuid.toLowerCase()))].filter((uuid) => checkUuid(uuid) === null);
  const klantcontactIds = [...new Set(named.klantcontactIds)];
  if (partijIds.length + partijUuids.length + klantcontactIds.length === 0) return found;

  const table = (entity: { name: string }) => em.getMetadata().get(entity.name).tableName;
  const bsnOfP = `left join ${table(PartijIdentificator)} i on i.identificeerde_partij_id = p.id and i.code_soort_object_id = ?`;
  // A list parameter is written out by MikroORM (`in (?)` becomes `in (1, 2)`); an empty list gets no branch.
  const branches: Array<{ sql: string; params: unknown[] }> = [];
  if (partijIds.length > 0) {
    branches.push({
      sql: `select cast(null as integer) as klantcontact_id, p.id, p.uuid, i.object_id as bsn from ${table(Partij)} p ${bsnOfP} where p.id in (?)`,
      params: [CodeSoortObjectId.BSN, partijIds],
    });
  }
  if (partijUuids.length > 0) {
    branches.push({
      sql: `select cast(null as integer) as klantcontact_id, p.id, p.uuid, i.object_id as bsn from ${table(Partij)} p ${bsnOfP} where p.uuid in (?)`,
      params: [CodeSoortObjectId.BSN, partijUuids],
    });
  }
  if (klantcontactIds.length > 0) {
    branches.push({
      sql:
        `select distinct b.had_klantcontact_id as klantcontact_id, p.id, p.uuid, i.object_id as bsn ` +
        `from ${table(Betrokkene)} b join ${table(Partij)} p on p.id = b.was_partij_id ${bsnOfP} where b.had_klantcontact_id in (?)`,
      params: [CodeSoortObjectId.BSN, klantcontactIds],
    });
  }
  const rows: Array<{ klantcontact_id: number | null; id: number; uuid: string; bsn: string | null }> = await em.execute(
    branches.map((branch) => branch.sql).join(" union all "),
    branches.flatMap((branch) => branch.params),
  );
  for (const row of rows) {
    const partij: AuditPartij = row.bsn ? { uuid: row.uuid, bsn: row.bsn } : { uuid: row.uuid };
    found.byId.set(row.id, partij);
    if (row.bsn) found.bsnByUuid.set(row.uuid.toLowerCase(), row.bsn);
    if (row.klantcontact_id !== null) {
      const partijen = found.vanKlantcontact.get(row.klantcontact_id);
      if (partijen) partijen.push(partij);
      else found.vanKlantcontact.set(row.klantcontact_id, [partij]);
    }
  }
  return found;
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
