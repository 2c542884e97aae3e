import { SCOPES } from "../../src/auth/scopes";
import { testPrincipal } from "../support/principals";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditRecordsDocument, type AuditBetrokkeneInput } from "../generated/graphql";
import { AuditCollector } from "../../src/audit/audit-collector";
import type { AuditBetrokkene } from "../../src/audit/audit-hash";
import { AuditSoort, AuditUitkomst } from "../../src/audit/enums";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakPartij } from "../support/fixtures";

const KEY = "auditor test key, at least thirty-two characters";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ AUDIT_HASH_KEY: KEY });
});
afterAll(() => app.stop());

/** One operation that processed these data subjects at this moment, as a service would log it. */
async function verwerk(betrokkenen: AuditBetrokkene[], tijdstip: string, extra: { soort?: AuditSoort; userId?: string } = {}) {
  const collector = new AuditCollector(app.config.audit.hashKey);
  for (const betrokkene of betrokkenen) collector.record(betrokkene, extra.soort ?? AuditSoort.LEZEN);
  await collector.flush(app.orm.em.fork() as SqlEntityManager, {
    tijdstip: new Date(tijdstip),
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    operatie: "Klantbeeld partijen",
    verwerkingsactiviteit: "https://register.example.nl/verwerkingsactiviteiten/klantbeeld",
    clientId: "kiss",
    userId: extra.userId ?? "m.jansen",
    userRepresentation: "Marieke Jansen",
    uitkomst: AuditUitkomst.GELUKT,
  });
}

async function records(betrokkene: AuditBetrokkeneInput, first?: number, after?: string) {
  return (await app.ok(AuditRecordsDocument, { betrokkene, first, after })).auditRecords;
}

async function geefBsn(partijUuid: string, bsn: string) {
  const em = app.orm.em.fork();
  em.create(PartijIdentificator, {
    identificeerdePartij: await em.findOneOrFail(Partij, { uuid: partijUuid }),
    codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
    codeSoortObjectId: CodeSoortObjectId.BSN,
    objectId: bsn,
    codeRegister: CodeRegister.BRP,
  } as never);
  await em.flush();
}

describe("auditRecords", () => {
  it("finds a person's records by BSN, newest first, with who, when, why and how it ended", async () => {
    const bsn = "999990007";
    await verwerk([{ bsn }], "2026-11-20T09:00:00Z", { userId: "eerste" });
    await verwerk([{ bsn }, { bsn: "999990019" }], "2026-11-22T09:00:00Z", { userId: "derde", soort: AuditSoort.SCHRIJVEN });
    await verwerk([{ bsn }], "2026-11-21T09:00:00Z", { userId: "tweede" });
    const { edges, pageInfo } = await records({ bsn });
    expect(edges.map((e) => [e.node.userId, e.node.tijdstip, e.node.soort])).toEqual([
      ["derde", "2026-11-22T09:00:00.000Z", "SCHRIJVEN"],
      ["tweede", "2026-11-21T09:00:00.000Z", "LEZEN"],
      ["eerste", "2026-11-20T09:00:00.000Z", "LEZEN"],
    ]);
    expect(edges[0].node).toMatchObject({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      operatie: "Klantbeeld partijen",
      verwerkingsactiviteit: "https://register.example.nl/verwerkingsactiviteiten/klantbeeld",
      clientId: "kiss",
      userRepresentation: "Marieke Jansen",
      uitkomst: "GELUKT",
    });
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect((await records({ bsn: "999990019" })).edges.map((e) => e.node.userId)).toEqual(["derde"]);
  });

  it("pages with first and after, without gaps or repeats, also among records of the same moment", async () => {
    const bsn = "999990020";
    for (const [i, moment] of ["2026-10-01", "2026-10-02", "2026-10-02", "2026-10-03", "2026-10-04"].entries()) {
      await verwerk([{ bsn }], `${moment}T12:00:00Z`, { userId: `u${i}` });
    }
    const first = await records({ bsn }, 2);
    const second = await records({ bsn }, 2, first.pageInfo.endCursor!);
    const third = await records({ bsn }, 2, second.pageInfo.endCursor!);
    expect([first, second, third].map((page) => page.edges.map((e) => e.node.userId))).toEqual([["u4", "u3"], ["u2", "u1"], ["u0"]]);
    expect([first, second, third].map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it("finds a partij's records by its uuid, in any spelling, also after the partij is gone", async () => {
    const partij = await maakPartij(app);
    await verwerk([{ partij: partij.uuid }], "2026-11-01T08:00:00Z", { userId: "organisatie-lezer" });
    expect((await records({ partij: partij.uuid.toUpperCase() })).edges.map((e) => e.node.userId)).toEqual(["organisatie-lezer"]);
    await app.orm.em.fork().nativeDelete(Partij, { uuid: partij.uuid });
    expect((await records({ partij: partij.uuid })).edges.map((e) => e.node.userId)).toEqual(["organisatie-lezer"]);
  });

  it("joins the records of a person from before and after their partij got a BSN, asked by BSN or by partij", async () => {
    const partij = await maakPartij(app);
    await verwerk([{ partij: partij.uuid }], "2026-09-01T08:00:00Z", { userId: "voor-bsn" });
    await geefBsn(partij.uuid, "999990032");
    await verwerk([{ partij: partij.uuid }], "2026-09-02T08:00:00Z", { userId: "na-bsn" });
    const expected = ["na-bsn", "voor-bsn"];
    expect((await records({ bsn: "999990032" })).edges.map((e) => e.node.userId)).toEqual(expected);
    expect((await records({ partij: partij.uuid })).edges.map((e) => e.node.userId)).toEqual(expected);
  });

  it("shows nobody else's records", async () => {
    await verwerk([{ bsn: "999990044" }], "2026-08-01T08:00:00Z");
    expect((await records({ bsn: "999990056" })).edges).toEqual([]);
    expect((await records({ partij: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" })).edges).toEqual([]);
  });

  it("costs two statements however many records match (the BSN lookup and the page)", async () => {
    await verwerk([{ bsn: "999990068" }], "2026-07-01T08:00:00Z");
    for (let i = 0; i < 30; i++) await verwerk([{ bsn: "999990081" }], `2026-07-01T08:${String(i).padStart(2, "0")}:00Z`);
    const small = await app.countStatements(AuditRecordsDocument, { betrokkene: { bsn: "999990068" }, first: 100 });
    const large = await app.countStatements(AuditRecordsDocument, { betrokkene: { bsn: "999990081" }, first: 100 });
    expect(large.data.auditRecords.edges).toHaveLength(30);
    expect([small.count, large.count]).toEqual([2, 2]);
  });

  it("keeps nothing in the table that names the person: no BSN, no partij uuid, only the keyed hash", async () => {
    const partij = await maakPartij(app, { bsn: "999990093" });
    await verwerk([{ bsn: "999990093" }, { partij: partij.uuid }], "2026-06-01T08:00:00Z");
    const rows: unknown[] = await app.orm.em.fork().getConnection().execute("select * from audit_record");
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain("999990093");
    expect(dump).not.toContain(partij.uuid);
    expect((await records({ bsn: "999990093" })).edges).toHaveLength(1);
  });

  it.each<[string, AuditBetrokkeneInput, Array<[string, string]>]>([
    ["neither", {}, [["betrokkene", "invalid"]]],
    ["both", { bsn: "999993653", partij: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000" }, [["betrokkene", "invalid"]]],
    ["a BSN failing the elfproef", { bsn: "999993654" }, [["betrokkene.bsn", "invalid"]]],
    ["a BSN of the wrong length", { bsn: "12345" }, [["betrokkene.bsn", "invalid"]]],
    ["a partij that is no uuid", { partij: "geen-uuid" }, [["betrokkene.partij", "invalid"]]],
  ])("refuses %s as bad input, before any SQL", async (_case, betrokkene, expected) => {
    const before = app.statements.length;
    const result = await app.execute(AuditRecordsDocument, { betrokkene });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual(expected);
    expect(app.statements.length).toBe(before);
  });

  it("refuses a client without audit.lezen, before any SQL", async () => {
    const withoutAudit = testPrincipal(SCOPES.filter((scope) => scope !== "audit.lezen"));
    const before = app.statements.length;
    const result = await app.execute(AuditRecordsDocument, { betrokkene: { bsn: "999993653" } }, { principal: withoutAudit });
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(result.data).toBeNull();
    expect(app.statements.length).toBe(before);
    expect((await app.ok(AuditRecordsDocument, { betrokkene: { bsn: "999993653" } })).auditRecords).toBeDefined();
  });
});
