import { randomBytes } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { betrokkeneHash } from "../../src/audit/audit-hash";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditSoort, AuditUitkomst } from "../../src/audit/enums";
import { SCOPES } from "../../src/auth/scopes";
import { RequestContext } from "../../src/common/context";
import { ForbiddenError } from "../../src/common/errors";
import { createApolloServer } from "../../src/server";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { elfproefNummer, maakPartij } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * The audit log's plumbing (src/audit/audit-plugin.ts and RequestContext.transaction): what the
 * services report is written before the answer leaves, in one INSERT, and a read whose records
 * cannot be stored is not answered. The services report their rows through their read gates (part
 * G2); until then, REPORTS_PARTIJEN stands in for them: every Partij whose uuid an operation
 * resolves is reported as read, as a gate would.
 */

const REPORTS_PARTIJEN: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ info, contextValue }) {
            if (info.parentType.name !== "Partij") return;
            // As a gate refuses a field the token has no scope for.
            if (info.fieldName === "bsn" && !contextValue.principal.scopes.has("identificatoren.lezen")) {
              throw new ForbiddenError("Deze client heeft geen toestemming voor deze handeling (scope identificatoren.lezen ontbreekt).");
            }
            if (info.fieldName !== "uuid") return;
            return (error, result) => {
              if (!error) contextValue.audit.record({ partij: String(result) }, AuditSoort.LEZEN);
            };
          },
        };
      },
    };
  },
};

const PARTIJEN = "query Partijenlijst($first: Int) { partijen(first: $first) { edges { node { uuid } } } }";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({}, (schema, logger) => createApolloServer(schema, logger, { plugins: [REPORTS_PARTIJEN] }));
});
afterAll(() => app?.stop());

const em = () => app.orm.em.fork() as SqlEntityManager;
const recordsOf = (traceId: string) => em().find(AuditRecord, { traceId }, { orderBy: { id: "asc" } });
const newTraceId = () => randomBytes(16).toString("hex");
const traceparent = (traceId: string) => `00-${traceId}-${randomBytes(8).toString("hex")}-01`;

describe("a read", () => {
  it("writes one record per data subject, keyed by BSN where the partij has one, with who, why and when", async () => {
    const bsn = elfproefNummer();
    const [metBsn, zonder] = [await maakPartij(app, { bsn }), await maakPartij(app)];
    const traceId = newTraceId();
    const principal = testPrincipal(undefined, { clientId: "kiss", userId: "m.jansen", userRepresentation: "Marieke Jansen" });
    const headers = { traceparent: traceparent(traceId), "x-verwerkingsactiviteit": "https://gemeente.example.nl/verwerkingen/klantbeeld" };

    const result = await app.ok(PARTIJEN, { first: 100 }, { principal, headers });
    const uuids = (result as { partijen: { edges: Array<{ node: { uuid: string } }> } }).partijen.edges.map((edge) => edge.node.uuid);
    expect(uuids).toEqual(expect.arrayContaining([metBsn.uuid, zonder.uuid]));

    const records = await recordsOf(traceId);
    expect(records).toHaveLength(uuids.length);
    expect(new Set(records.map((record) => record.betrokkeneHash))).toEqual(
      new Set(uuids.map((uuid) => betrokkeneHash(uuid === metBsn.uuid ? { bsn } : { partij: uuid }, app.config.audit.hashKey))),
    );
    expect(records[0]).toMatchObject({
      operatie: "Partijenlijst partijen",
      verwerkingsactiviteit: "https://gemeente.example.nl/verwerkingen/klantbeeld",
      clientId: "kiss",
      userId: "m.jansen",
      userRepresentation: "Marieke Jansen",
      soort: AuditSoort.LEZEN,
      uitkomst: AuditUitkomst.GELUKT,
    });
  });

  it("records a refused field as geweigerd; the client gets FORBIDDEN for it and the rest of the answer", async () => {
    await maakPartij(app, { bsn: elfproefNummer() });
    const traceId = newTraceId();
    const principal = testPrincipal(SCOPES.filter((scope) => scope !== "identificatoren.lezen"));
    const result = await app.execute("{ partijen(first: 1) { edges { node { uuid bsn } } } }", undefined, {
      principal,
      headers: { traceparent: traceparent(traceId) },
    });
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0].message).toMatch(/geen toestemming/);
    expect((result.data as { partijen: { edges: unknown[] } }).partijen.edges).toHaveLength(1);
    expect((await recordsOf(traceId)).map((record) => record.uitkomst)).toEqual([AuditUitkomst.GEWEIGERD]);
  });

  it("takes the configured processing activity of its kind when the request names none", async () => {
    await maakPartij(app);
    const traceId = newTraceId();
    await app.ok(PARTIJEN, { first: 1 }, { headers: { traceparent: traceparent(traceId) } });
    const [record] = await recordsOf(traceId);
    expect(record.verwerkingsactiviteit).toBe(app.config.audit.verwerkingsactiviteiten.query);
  });

  it("costs the same number of statements for 2 and for 20 data subjects (one INSERT)", async () => {
    for (let i = 0; i < 20; i++) await maakPartij(app, { bsn: elfproefNummer() });
    const two = await app.countStatements(PARTIJEN, { first: 2 });
    const twenty = await app.countStatements(PARTIJEN, { first: 20 });
    expect(twenty.count).toBe(two.count);
    const inserts = app.statements.slice(-twenty.count).filter((sql) => /insert into .audit_record./i.test(sql));
    expect(inserts).toHaveLength(1);
  });

  it("is refused before any SQL when its x-verwerkingsactiviteit is not a name", async () => {
    const before = app.statements.length;
    const result = await app.execute(PARTIJEN, { first: 1 }, { headers: { "x-verwerkingsactiviteit": "   " } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([["x-verwerkingsactiviteit", "invalid"]]);
    expect(result.data).toBeUndefined();
    expect(app.statements.length).toBe(before);
  });

  it("is not answered when its records cannot be stored: SERVICE_UNAVAILABLE and no data (fail closed)", async () => {
    await maakPartij(app);
    const knex = em().getKnex();
    await knex.schema.renameTable("audit_record", "audit_record_weg");
    try {
      const result = await app.execute(PARTIJEN, { first: 5 });
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        { message: expect.stringMatching(/tijdelijk niet beschikbaar/), extensions: { code: "SERVICE_UNAVAILABLE" } },
      ]);
    } finally {
      await knex.schema.renameTable("audit_record_weg", "audit_record");
    }
    // The same read, once the records can be stored again, is answered.
    expect(errorCode(await app.execute(PARTIJEN, { first: 5 }))).toBeUndefined();
  });
});

describe("a write (RequestContext.transaction)", () => {
  function context(): RequestContext {
    const ctx = new RequestContext(app.orm, app.config, testPrincipal());
    ctx.operation = { traceId: newTraceId(), operatie: "Schrijf updatePartij", verwerkingsactiviteit: "klantinteracties-vastleggen" };
    return ctx;
  }

  it("stores its records in its own transaction", async () => {
    const ctx = context();
    const bsn = elfproefNummer();
    await ctx.transaction(async () => ctx.audit.record({ bsn }, AuditSoort.SCHRIJVEN));
    const records = await recordsOf(ctx.operation.traceId);
    expect(records).toMatchObject([
      { soort: AuditSoort.SCHRIJVEN, uitkomst: AuditUitkomst.GELUKT, betrokkeneHash: betrokkeneHash({ bsn }, app.config.audit.hashKey) },
    ]);
    expect(ctx.audit.pendingCount).toBe(0);
  });

  it("leaves no record when it is rolled back, and keeps the subject pending (to be recorded as mislukt)", async () => {
    const ctx = context();
    const failure = new Error("the write fails after its records were inserted");
    await expect(
      ctx.transaction(async () => {
        ctx.audit.record({ bsn: elfproefNummer() }, AuditSoort.SCHRIJVEN);
        await ctx.flushAudit();
        expect(await ctx.em.count(AuditRecord, { traceId: ctx.operation.traceId })).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await recordsOf(ctx.operation.traceId)).toEqual([]);
    expect(ctx.audit.pendingCount).toBe(1);
  });
});
