import type { SqlEntityManager } from "@mikro-orm/knex";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuditCollector } from "../../src/audit/audit-collector";
import { betrokkeneHash } from "../../src/audit/audit-hash";
import type { AuditMeta } from "../../src/audit/audit-meta";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditSoort, AuditUitkomst } from "../../src/audit/enums";
import { TestApp } from "../support/app";
import { maakBetrokkene, maakPartij } from "../support/fixtures";

const KEY = "collector test key, thirty-two characters or more";
const { LEZEN, SCHRIJVEN, VERWIJDEREN } = AuditSoort;

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

let operation = 0;
/** The shared part of the records of one (made-up) operation; its traceId tells operations apart. */
function meta(overrides: Partial<AuditMeta> = {}): AuditMeta {
  operation++;
  return {
    traceId: operation.toString(16).padStart(32, "0"),
    operatie: "Klantbeeld partijen",
    verwerkingsactiviteit: "klantbeeld",
    clientId: "kiss",
    userId: "m.jansen",
    userRepresentation: "Marieke Jansen",
    uitkomst: AuditUitkomst.GELUKT,
    ...overrides,
  };
}

const em = () => app.orm.em.fork() as SqlEntityManager;

/** The records of the operation with this traceId, as stored. */
async function stored(traceId: string): Promise<AuditRecord[]> {
  return em().find(AuditRecord, { traceId }, { orderBy: { id: "asc" } });
}

/** Flushes and returns what that cost: all statements, and the INSERTs into audit_record among them. */
async function measuredFlush(collector: AuditCollector, manager: SqlEntityManager, m: AuditMeta) {
  const before = app.statements.length;
  const written = await collector.flush(manager, m);
  const statements = app.statements.slice(before);
  return { written, statements: statements.length, inserts: statements.filter((s) => /insert into .audit_record./.test(s)).length };
}

const bsns = (count: number, from = 100_000_000) => Array.from({ length: count }, (_, i) => String(from + i));

describe("AuditCollector", () => {
  it("writes one record per data subject however often it was reported, the strongest kind winning", async () => {
    const partij = await maakPartij(app);
    const collector = new AuditCollector(KEY);
    for (const soort of [LEZEN, SCHRIJVEN, LEZEN]) collector.record({ partij: partij.uuid }, soort);
    collector.record({ partij: partij.uuid.toUpperCase() }, LEZEN);
    collector.record({ bsn: "999990019" }, LEZEN);
    collector.record({ bsn: "999990019" }, LEZEN);
    expect(collector.pendingCount).toBe(2);
    const m = meta();
    expect(await collector.flush(em(), m)).toBe(2);
    const records = await stored(m.traceId);
    expect(records.map((r) => [r.betrokkeneHash, r.soort])).toEqual([
      [betrokkeneHash({ partij: partij.uuid }, KEY), SCHRIJVEN],
      [betrokkeneHash({ bsn: "999990019" }, KEY), LEZEN],
    ]);
    expect(records[0]).toMatchObject({
      traceId: m.traceId,
      operatie: "Klantbeeld partijen",
      verwerkingsactiviteit: "klantbeeld",
      clientId: "kiss",
      userId: "m.jansen",
      userRepresentation: "Marieke Jansen",
      uitkomst: AuditUitkomst.GELUKT,
    });
  });

  it("logs a partij with a BSN under its BSN, so that the partij and its BSN reported apart are one record", async () => {
    const partij = await maakPartij(app, { bsn: "999990032" });
    const collector = new AuditCollector(KEY);
    collector.record({ partij: partij.uuid }, SCHRIJVEN);
    collector.record({ bsn: "999990032" }, LEZEN);
    const m = meta();
    await collector.flush(em(), m);
    expect((await stored(m.traceId)).map((r) => [r.betrokkeneHash, r.soort])).toEqual([
      [betrokkeneHash({ bsn: "999990032" }, KEY), SCHRIJVEN],
    ]);
  });

  it("resolves partijen reported by storage id at flush: one lookup, one record with the same partij by uuid or BSN", async () => {
    const metBsn = await maakPartij(app, { bsn: "999990135" });
    const zonderBsn = await maakPartij(app);
    const collector = new AuditCollector(KEY);
    collector.record({ partijId: metBsn.id }, LEZEN);
    collector.record({ bsn: "999990135" }, SCHRIJVEN);
    collector.record({ partijId: zonderBsn.id }, LEZEN);
    collector.record({ partij: zonderBsn.uuid }, LEZEN);
    collector.record({ partijId: 987_654_321 }, LEZEN); // no such partij: names nobody
    const m = meta();
    expect(await measuredFlush(collector, em(), m)).toEqual({ written: 2, statements: 2, inserts: 1 });
    expect((await stored(m.traceId)).map((r) => [r.betrokkeneHash, r.soort])).toEqual([
      [betrokkeneHash({ bsn: "999990135" }, KEY), SCHRIJVEN],
      [betrokkeneHash({ partij: zonderBsn.uuid }, KEY), LEZEN],
    ]);
  });

  it("finds the partijen of klantcontacten, of storage ids and the BSNs of uuids in one lookup together", async () => {
    const metBsn = await maakPartij(app, { bsn: "999990147" });
    const zonderBsn = await maakPartij(app);
    const anderePartij = await maakPartij(app);
    // Two klantcontacten of the partij with a BSN, one of the partij without, one without any partij.
    const betrokkenen = [
      await maakBetrokkene(app, { wasPartij: metBsn.uuid }),
      await maakBetrokkene(app, { wasPartij: metBsn.uuid }),
      await maakBetrokkene(app, { wasPartij: zonderBsn.uuid }),
      await maakBetrokkene(app),
    ];
    const collector = new AuditCollector(KEY);
    for (const betrokkene of betrokkenen) collector.record({ klantcontactId: betrokkene.hadKlantcontact.id }, LEZEN);
    collector.record({ partijId: zonderBsn.id }, SCHRIJVEN);
    collector.record({ partij: anderePartij.uuid }, LEZEN);
    collector.record({ partij: metBsn.uuid }, LEZEN);
    const m = meta();
    expect(await measuredFlush(collector, em(), m)).toEqual({ written: 3, statements: 2, inserts: 1 });
    expect(new Set((await stored(m.traceId)).map((r) => `${r.betrokkeneHash} ${r.soort}`))).toEqual(
      new Set([
        `${betrokkeneHash({ bsn: "999990147" }, KEY)} ${LEZEN}`,
        `${betrokkeneHash({ partij: zonderBsn.uuid }, KEY)} ${SCHRIJVEN}`,
        `${betrokkeneHash({ partij: anderePartij.uuid }, KEY)} ${LEZEN}`,
      ]),
    );
  });

  it("writes a subject once per operation, and again only for a stronger kind", async () => {
    const collector = new AuditCollector(KEY);
    const m = meta();
    collector.record({ bsn: "999990044" }, LEZEN);
    expect(await collector.flush(em(), m)).toBe(1);
    collector.record({ bsn: "999990044" }, LEZEN);
    const again = await measuredFlush(collector, em(), m);
    expect(again).toEqual({ written: 0, statements: 0, inserts: 0 });
    collector.record({ bsn: "999990044" }, VERWIJDEREN);
    expect(await collector.flush(em(), m)).toBe(1);
    expect((await stored(m.traceId)).map((r) => r.soort)).toEqual([LEZEN, VERWIJDEREN]);
  });

  it("sends no SQL when nothing was reported", async () => {
    expect(await measuredFlush(new AuditCollector(KEY), em(), meta())).toEqual({ written: 0, statements: 0, inserts: 0 });
  });

  it("writes 1 and 500 subjects with one INSERT each (and one lookup for the BSNs of partijen)", async () => {
    const one = new AuditCollector(KEY);
    one.record({ bsn: "999990056" }, LEZEN);
    expect(await measuredFlush(one, em(), meta())).toEqual({ written: 1, statements: 1, inserts: 1 });

    const partijen = await Promise.all(Array.from({ length: 250 }, () => maakPartij(app)));
    const many = new AuditCollector(KEY);
    for (const partij of partijen) many.record({ partij: partij.uuid }, LEZEN);
    for (const bsn of bsns(250)) many.record({ bsn }, LEZEN);
    const m = meta();
    expect(await measuredFlush(many, em(), m)).toEqual({ written: 500, statements: 2, inserts: 1 });
    expect(await stored(m.traceId)).toHaveLength(500);
  });

  it("has no ceiling of bound parameters: 6,000 subjects (66,000 values) are still one INSERT", async () => {
    const collector = new AuditCollector(KEY);
    for (const bsn of bsns(6_000, 200_000_000)) collector.record({ bsn }, LEZEN);
    const m = meta();
    expect(await measuredFlush(collector, em(), m)).toEqual({ written: 6_000, statements: 1, inserts: 1 });
    expect(await em().count(AuditRecord, { traceId: m.traceId })).toBe(6_000);
  });

  it("writes inside the caller's transaction: a rollback leaves no records, and their subjects pending again", async () => {
    const collector = new AuditCollector(KEY);
    const m = meta({ uitkomst: AuditUitkomst.GELUKT });
    const manager = em();
    await manager.begin();
    collector.record({ bsn: "999990068" }, SCHRIJVEN);
    collector.record({ bsn: "999990081" }, SCHRIJVEN);
    expect(await collector.flush(manager, m)).toBe(2);
    await manager.rollback();
    collector.rolledBack();
    expect(await stored(m.traceId)).toHaveLength(0);

    // The caller may now log the failed write (or discardPending it).
    expect(collector.pendingCount).toBe(2);
    expect(await collector.flush(em(), { ...m, uitkomst: AuditUitkomst.MISLUKT })).toBe(2);
    expect((await stored(m.traceId)).map((r) => [r.soort, r.uitkomst])).toEqual([
      [SCHRIJVEN, AuditUitkomst.MISLUKT],
      [SCHRIJVEN, AuditUitkomst.MISLUKT],
    ]);
  });

  it("keeps a committed transaction's records final when a later one rolls back", async () => {
    const collector = new AuditCollector(KEY);
    const m = meta();
    const manager = em();
    await manager.begin();
    collector.record({ bsn: "999990093" }, SCHRIJVEN);
    await collector.flush(manager, m);
    await manager.commit();
    collector.committed();

    await manager.begin();
    collector.record({ bsn: "999990100" }, SCHRIJVEN);
    await collector.flush(manager, m);
    await manager.rollback();
    collector.rolledBack();
    collector.discardPending();

    collector.record({ bsn: "999990093" }, LEZEN);
    expect(await collector.flush(em(), m)).toBe(0);
    expect((await stored(m.traceId)).map((r) => r.betrokkeneHash)).toEqual([betrokkeneHash({ bsn: "999990093" }, KEY)]);
  });

  it("keeps its subjects pending when the INSERT fails, so that the caller can refuse to answer", async () => {
    const collector = new AuditCollector(KEY);
    collector.record({ bsn: "999990112" }, LEZEN);
    const manager = em();
    // A BSN needs no lookup: the one statement is the INSERT.
    vi.spyOn(manager, "execute").mockRejectedValueOnce(new Error("disk full"));
    const m = meta();
    await expect(collector.flush(manager, m)).rejects.toThrow("disk full");
    expect(collector.pendingCount).toBe(1);
    expect(await collector.flush(manager, m)).toBe(1);
  });

  it("stores what the table cannot hold as well as it can rather than failing the request", async () => {
    const collector = new AuditCollector(KEY);
    collector.record({ bsn: "999990124" }, LEZEN);
    const m = meta({ userRepresentation: "Jan\u0000de\uD800Vries", operatie: "x".repeat(1_000) });
    await collector.flush(em(), m);
    const [record] = await stored(m.traceId);
    expect(record.userRepresentation).toBe("Jan\uFFFDde\uFFFDVries");
    expect(record.operatie).toBe("x".repeat(255));
  });
});
