import { randomUUID } from "node:crypto";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { auditBacklog } from "./audit-backlog";
import { partijenVanRijen, type AuditPartij } from "./audit-betrokkene";
import { betrokkeneHash, betrokkeneKey, type AuditBetrokkene } from "./audit-hash";
import type { AuditMeta } from "./audit-meta";
import { AUDIT_TEXT_LENGTH, AuditRecord } from "./audit-record.entity";
import { AuditSoort } from "./enums";

/** A stronger kind of processing includes the weaker: a written partij was also read. */
const RANK: Record<AuditSoort, number> = { [AuditSoort.LEZEN]: 0, [AuditSoort.SCHRIJVEN]: 1, [AuditSoort.VERWIJDEREN]: 2 };

/** True when `soort` says more than what is known (nothing, or a weaker kind). */
const addsTo = (known: AuditSoort | undefined, soort: AuditSoort) => known === undefined || RANK[soort] > RANK[known];

const stronger = (known: AuditSoort | undefined, soort: AuditSoort) => (addsTo(known, soort) ? soort : known!);

/**
 * A data subject as a service can report it: an AuditBetrokkene, a partij by its storage id (what
 * a row under a partij holds), or a klantcontact by its storage id (its data subjects are the
 * partijen of its betrokkenen), resolved at flush.
 */
export type AuditSubject = AuditBetrokkene | { partijId: number } | { klantcontactId: number };

const subjectKey = (subject: AuditSubject) =>
  "partijId" in subject
    ? `partijId:${subject.partijId}`
    : "klantcontactId" in subject
      ? `klantcontactId:${subject.klantcontactId}`
      : betrokkeneKey(subject);

/**
 * The audit records of one operation. Services report each data subject whose data they
 * process (`record`); `flush` writes what is pending with at most two statements, whatever the
 * number of subjects: one lookup of the partijen behind what was reported by storage id or uuid,
 * and one INSERT. One record per data subject per operation: a subject already written is written
 * again only for a stronger kind (a deletion after a read).
 */
export class AuditCollector {
  /** betrokkeneKey → the kind of processing, not yet written. */
  private readonly pending = new Map<string, { betrokkene: AuditSubject; soort: AuditSoort }>();
  /** betrokkeneHash → the kind written by this operation. */
  private readonly written = new Map<string, AuditSoort>();
  /** What flushes inside the current transaction wrote, with what was written before: undone by a rollback. */
  private writtenInTransaction: Array<{ hash: string; betrokkene: AuditBetrokkene; soort: AuditSoort; before?: AuditSoort }> = [];

  constructor(private readonly hashKey: string) {}

  /**
   * Notes that this operation processes the data of a data subject. A partij by uuid is hashed
   * by its BSN when it has one (looked up at flush), so report a partij that is about to be
   * deleted by its BSN, or flush before deleting it.
   */
  record(betrokkene: AuditSubject, soort: AuditSoort): void {
    const key = subjectKey(betrokkene);
    const known = this.pending.get(key);
    if (!known) auditBacklog.added(1);
    this.pending.set(key, { betrokkene, soort: stronger(known?.soort, soort) });
  }

  /** Number of data subjects reported and not yet written. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Writes the pending records, in the EntityManager's transaction when it is in one (a write's
   * records are then rolled back with it). Returns the number of records written. A failure
   * throws and keeps them pending: the caller must then not answer (fail closed).
   */
  async flush(em: SqlEntityManager, meta: AuditMeta): Promise<number> {
    if (this.pending.size === 0) return 0;
    // One lookup for every row reported by storage id and every partij by uuid (none when only
    // BSNs were reported): a klantcontact's data subjects are the partijen of its betrokkenen (one
    // without partij names nobody), a partij by id is named by its BSN or uuid (one that no longer
    // exists names nobody any more), and a partij by uuid by its BSN when it has one, so that the
    // same partij reported in several ways counts once.
    const named = { partijIds: [] as number[], partijUuids: [] as string[], klantcontactIds: [] as number[] };
    for (const { betrokkene } of this.pending.values()) {
      if ("klantcontactId" in betrokkene) named.klantcontactIds.push(betrokkene.klantcontactId);
      else if ("partijId" in betrokkene) named.partijIds.push(betrokkene.partijId);
      else if ("partij" in betrokkene) named.partijUuids.push(betrokkene.partij);
    }
    const found = await partijenVanRijen(em, named);
    const asSubject = (partij: AuditPartij): AuditBetrokkene => (partij.bsn ? { bsn: partij.bsn } : { partij: partij.uuid });
    const subjects = [...this.pending.values()].flatMap(({ betrokkene, soort }) => {
      if ("klantcontactId" in betrokkene) {
        return (found.vanKlantcontact.get(betrokkene.klantcontactId) ?? []).map((partij) => ({ betrokkene: asSubject(partij), soort }));
      }
      if ("partijId" in betrokkene) {
        const partij = found.byId.get(betrokkene.partijId);
        return partij ? [{ betrokkene: asSubject(partij), soort }] : [];
      }
      return [{ betrokkene, soort }];
    });

    // Two reports can be one person: a partij by uuid and the same partij's BSN. Grouped by what is
    // hashed, so that each person is hashed once (a klantbeeld reports its partij once per contact).
    const perPerson = new Map<string, { hashed: AuditBetrokkene; betrokkene: AuditBetrokkene; soort: AuditSoort }>();
    for (const { betrokkene, soort } of subjects) {
      const bsn = "partij" in betrokkene ? found.bsnByUuid.get(betrokkene.partij.toLowerCase()) : betrokkene.bsn;
      const hashed = bsn ? { bsn } : betrokkene;
      const key = betrokkeneKey(hashed);
      perPerson.set(key, { hashed, betrokkene, soort: stronger(perPerson.get(key)?.soort, soort) });
    }
    const toWrite = [...perPerson.values()]
      .map(({ hashed, betrokkene, soort }) => [betrokkeneHash(hashed, this.hashKey), { betrokkene, soort }] as const)
      .filter(([hash, { soort }]) => addsTo(this.written.get(hash), soort));

    if (toWrite.length) {
      const shared: SharedValues = {
        tijdstip: meta.tijdstip ?? new Date(),
        traceId: meta.traceId,
        operatie: storable(meta.operatie),
        verwerkingsactiviteit: storable(meta.verwerkingsactiviteit),
        clientId: storable(meta.clientId),
        userId: storable(meta.userId),
        userRepresentation: storable(meta.userRepresentation),
        uitkomst: meta.uitkomst,
      };
      await insertRecords(
        em,
        shared,
        toWrite.map(([betrokkeneHash, { soort }]) => ({ uuid: randomUUID(), betrokkeneHash, soort })),
      );
    }

    const inTransaction = em.isInTransaction();
    for (const [hash, { betrokkene, soort }] of toWrite) {
      if (inTransaction) this.writtenInTransaction.push({ hash, betrokkene, soort, before: this.written.get(hash) });
      this.written.set(hash, soort);
    }
    auditBacklog.settled(this.pending.size);
    this.pending.clear();
    return toWrite.length;
  }

  /** To be called when the transaction that flushes ran in commits: their records are final. */
  committed(): void {
    this.writtenInTransaction = [];
  }

  /**
   * To be called when the transaction that flushes ran in is rolled back: their records are gone
   * with it, so their data subjects are pending again (for a record with uitkomst mislukt once
   * the transaction is over, or to be dropped with `discardPending`).
   */
  rolledBack(): void {
    for (const { hash, betrokkene, soort, before } of this.writtenInTransaction.reverse()) {
      if (before === undefined) this.written.delete(hash);
      else this.written.set(hash, before);
      this.record(betrokkene, soort);
    }
    this.writtenInTransaction = [];
  }

  /** Forgets what was reported and not written (e.g. the writes of an operation that failed). */
  discardPending(): void {
    auditBacklog.settled(this.pending.size);
    this.pending.clear();
  }
}

/** What every record of one flush has in common, and the columns that differ per record. */
const SHARED = [
  "tijdstip",
  "traceId",
  "operatie",
  "verwerkingsactiviteit",
  "clientId",
  "userId",
  "userRepresentation",
  "uitkomst",
] as const;
const PER_RECORD = ["uuid", "betrokkeneHash", "soort"] as const;

type SharedValues = Pick<AuditRecord, (typeof SHARED)[number]>;
type RecordValues = Pick<AuditRecord, (typeof PER_RECORD)[number]>;

/**
 * All records in one INSERT, in the EntityManager's transaction when it is in one. Written out
 * rather than through em.insertMany, whose query builder cost more CPU than the statement itself;
 * the table and column names come from the entity's metadata, and MikroORM puts the values into
 * the statement in the database's form (a date on SQLite, say).
 */
async function insertRecords(em: SqlEntityManager, shared: SharedValues, records: readonly RecordValues[]): Promise<void> {
  const meta = em.getMetadata().get(AuditRecord.name);
  const platform = em.getPlatform();
  const columns = [...SHARED, ...PER_RECORD].map((property) => platform.quoteIdentifier(meta.properties[property].fieldNames[0]));
  const sharedValues = SHARED.map((property) => shared[property]);
  const row = `(${columns.map(() => "?").join(", ")})`;
  await em.execute(
    `insert into ${platform.quoteIdentifier(meta.tableName)} (${columns.join(", ")}) values ${records.map(() => row).join(", ")}`,
    records.flatMap((record) => [...sharedValues, record.uuid, record.betrokkeneHash, record.soort]),
    "run",
  );
}

/**
 * A value as the table can hold it, never a reason to refuse a request: NUL (which PostgreSQL
 * cannot store) and lone surrogates become U+FFFD, and the value is cut at the column length.
 */
function storable(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL cannot store, so it is looked for
  const clean = value.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return [...clean].slice(0, AUDIT_TEXT_LENGTH).join("");
}
