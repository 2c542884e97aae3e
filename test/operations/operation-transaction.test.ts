import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequestContext } from "../../src/common/context";
import { Actor } from "../../src/opvolging/actor.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { DatabaseState, differences } from "../property/database-state";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";
import { maakActor, rows } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * One mutation operation is one transaction: aliased root fields stand or fall together, and the
 * response tells which field failed and which did not get written because of it.
 */

let app: TestApp;
let state: DatabaseState;

beforeAll(async () => {
  app = await TestApp.start();
  state = await DatabaseState.open(app.orm);
});
afterAll(async () => {
  await app.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const actor = (naam: string) => `createActor(input: { naam: "${naam}", soortActor: ORGANISATORISCHE_EENHEID }) { uuid naam }`;

describe("one transaction per mutation operation", () => {
  it("writes every aliased mutation when all succeed, in one BEGIN and one COMMIT", async () => {
    app.statements.length = 0;
    const result = await app.execute(`mutation {
      a: ${actor("Team A")}
      b: ${actor("Team B")}
      c: ${actor("Team C")}
    }`);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toEqual(["a", "b", "c"]);
    const transactionStatements = app.statements.filter((sql) => /^(begin|commit|rollback)/i.test(sql.trim()));
    expect(transactionStatements.map((sql) => sql.trim().split(/\s/)[0].toLowerCase())).toEqual(["begin", "commit"]);
    expect(await rows(app, Actor, { naam: { $in: ["Team A", "Team B", "Team C"] } })).toBe(3);
  });

  it("leaves nothing behind when the second of three fails, and names the other two as not written", async () => {
    const before = await state.snapshot();
    const result = await app.execute(`mutation {
      eerste: ${actor("Eerste")}
      tweede: createDigitaalAdres(input: { soortDigitaalAdres: EMAIL, adres: "geen e-mailadres" }) { uuid }
      derde: ${actor("Derde")}
    }`);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["tweede"],
        extensions: expect.objectContaining({
          code: "BAD_USER_INPUT",
          invalidParams: [expect.objectContaining({ name: "adres", code: "invalid" })],
        }),
      }),
      {
        message: "Niet vastgelegd: de hele operatie is teruggedraaid omdat tweede mislukte.",
        path: ["eerste"],
        extensions: { code: "NOT_WRITTEN", failedField: "tweede" },
      },
      {
        message: "Niet uitgevoerd: tweede mislukte eerder in deze operatie.",
        path: ["derde"],
        extensions: { code: "NOT_WRITTEN", failedField: "tweede" },
      },
    ]);
    expect(differences(before, await state.snapshot())).toEqual([]);
  });

  it("undoes a deletion when a later field of the same operation fails", async () => {
    const uuid = await maakActor(app, "Blijft bestaan");
    const result = await app.execute(
      `mutation ($uuid: ID!) {
      weg: deleteActor(uuid: $uuid)
      fout: updateActor(uuid: "00000000-0000-4000-8000-000000000000", input: { naam: "x" }) { uuid }
    }`,
      { uuid },
    );
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["fout"], "NOT_FOUND"],
      [["weg"], "NOT_WRITTEN"],
    ]);
    expect(await rows(app, Actor, { uuid })).toBe(1);
  });

  it("rolls back the fields before one that is refused for a missing scope", async () => {
    const principal = testPrincipal(["opvolging.lezen", "opvolging.schrijven"]);
    const result = await app.execute(
      `mutation {
      actor: ${actor("Zonder partij")}
      partij: createPartij(input: { soortPartij: PERSOON, indicatieActief: true }) { uuid }
    }`,
      undefined,
      { principal },
    );
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["partij"], "FORBIDDEN"],
      [["actor"], "NOT_WRITTEN"],
    ]);
    expect(await rows(app, Actor, { naam: "Zonder partij" })).toBe(0);
  });

  it("reports the fields of a fragment and skips those under @skip", async () => {
    const result = await app.execute(
      `mutation ($zonder: Boolean!) {
      ...Twee
      overgeslagen: createActor(input: { naam: "Overgeslagen", soortActor: ORGANISATORISCHE_EENHEID }) @skip(if: $zonder) { uuid }
      fout: updateActor(uuid: "00000000-0000-4000-8000-000000000000", input: { naam: "x" }) { uuid }
    }
    fragment Twee on Mutation { een: ${actor("Een")} twee: ${actor("Twee")} }`,
      { zonder: true },
    );
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
      ["fout", "NOT_FOUND"],
      ["een", "NOT_WRITTEN"],
      ["twee", "NOT_WRITTEN"],
    ]);
    expect(await rows(app, Actor, { naam: { $in: ["Een", "Twee", "Overgeslagen"] } })).toBe(0);
  });

  it("withdraws every field when the commit itself fails, with SERVICE_UNAVAILABLE", async () => {
    const ioError = Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
    vi.spyOn(RequestContext.prototype, "commit").mockRejectedValueOnce(ioError);
    const result = await app.execute(`mutation {
      a: ${actor("Commit A")}
      b: createPartij(input: { soortPartij: PERSOON, indicatieActief: true, interneNotitie: "Commit B" }) { uuid }
    }`);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      { message: "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.", extensions: { code: "SERVICE_UNAVAILABLE" } },
      expect.objectContaining({ path: ["a"], extensions: { code: "NOT_WRITTEN" } }),
      expect.objectContaining({ path: ["b"], extensions: { code: "NOT_WRITTEN" } }),
    ]);
    expect(await rows(app, Actor, { naam: "Commit A" })).toBe(0);
    expect(await rows(app, Partij, { interneNotitie: "Commit B" })).toBe(0);
  });

  it("sends no SQL for a mutation refused before it writes", async () => {
    app.statements.length = 0;
    const result = await app.execute(`mutation { ${actor("Geen toegang")} }`, undefined, {
      principal: testPrincipal(["opvolging.lezen"]),
    });
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // Only the audit record of the refusal: no BEGIN, no ROLLBACK.
    expect(app.statements.filter((sql) => !/audit_record/.test(sql))).toEqual([]);
  });

  it.runIf(dialect === "postgresql")("answers a deadlock with 503 and leaves nothing, so the request can be sent again", async () => {
    const connection = app.orm.em.getConnection();
    // PostgreSQL's own error for the transaction it ends to break a deadlock, raised where a
    // concurrent writer would cause it.
    await connection.execute(`
      create function deadlock() returns trigger language plpgsql as $$ begin raise exception 'deadlock detected' using errcode = 'deadlock_detected'; end $$;
      create trigger deadlock before insert on klantcontact for each row execute function deadlock();`);
    const operation = `mutation {
      actor: ${actor("Voor het contact")}
      contact: createKlantcontact(input: { kanaal: "telefoon", onderwerp: "Vraag", taal: "nld", vertrouwelijk: false }) { uuid }
    }`;
    try {
      const refused = await app.execute(operation);
      expect(refused.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [["contact"], "SERVICE_UNAVAILABLE"],
        [["actor"], "NOT_WRITTEN"],
      ]);
      expect(await rows(app, Actor, { naam: "Voor het contact" })).toBe(0);
    } finally {
      await connection.execute("drop trigger deadlock on klantcontact; drop function deadlock();");
    }
    const again = await app.execute(operation);
    expect(again.errors).toBeUndefined();
    expect(await rows(app, Actor, { naam: "Voor het contact" })).toBe(1);
  });
});
