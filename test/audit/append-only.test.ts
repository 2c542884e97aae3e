import type { SqlEntityManager } from "@mikro-orm/knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditCollector } from "../../src/audit/audit-collector";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditSoort, AuditUitkomst } from "../../src/audit/enums";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";

let app: TestApp;
let record: AuditRecord;
beforeAll(async () => {
  app = await TestApp.start();
  const collector = new AuditCollector("append-only test key, thirty-two characters");
  collector.record({ bsn: "999993653" }, AuditSoort.LEZEN);
  const em = app.orm.em.fork() as SqlEntityManager;
  await collector.flush(em, {
    traceId: "0af7651916cd43dd8448eb211c80319c",
    operatie: "Klantbeeld partijen",
    verwerkingsactiviteit: "klantbeeld",
    clientId: "kiss",
    userId: "m.jansen",
    userRepresentation: "Marieke Jansen",
    uitkomst: AuditUitkomst.GELUKT,
  });
  record = await em.fork().findOneOrFail(AuditRecord, { traceId: "0af7651916cd43dd8448eb211c80319c" });
});
afterAll(() => app.stop());

/** Raw SQL on the ORM's connection, as an administrator or an attacker with database access would send it. */
const sql = (statement: string) => app.orm.em.fork().getConnection().execute(statement);

describe(`audit_record is append-only in the database (${dialect})`, () => {
  it.each([
    ["UPDATE", "update audit_record set user_id = 'iemand anders'"],
    ["DELETE", "delete from audit_record"],
    ["DELETE of one row", "delete from audit_record where id = (select min(id) from audit_record)"],
    ...(dialect === "postgresql" ? [["TRUNCATE", "truncate audit_record"]] : []),
  ])("refuses %s", async (_kind, statement) => {
    await expect(sql(statement)).rejects.toThrow(/audit_record is append-only/);
    const [now] = await sql(`select id, user_id from audit_record where id = ${record.id}`);
    expect(now).toEqual({ id: record.id, user_id: "m.jansen" });
  });

  it("still takes new records", async () => {
    const tijdstip = dialect === "postgresql" ? "now()" : String(Date.now());
    await sql(
      "insert into audit_record (uuid, tijdstip, trace_id, operatie, verwerkingsactiviteit, client_id, user_id, user_representation, betrokkene_hash, soort, uitkomst) " +
        `values ('5f0c7b2e-1d3a-4c5b-9e8f-0a1b2c3d4e5f', ${tijdstip}, 'a', 'o', 'v', 'c', 'u', 'r', 'h', 'lezen', 'gelukt')`,
    );
    expect(await app.orm.em.fork().count(AuditRecord, {})).toBe(2);
  });
});
