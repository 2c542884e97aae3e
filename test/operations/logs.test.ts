import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { dialect } from "../support/database";
import { TestServer } from "../support/http-server";

/**
 * No log line, at any level, holds a value from a client's input or from the database: an
 * unexpected database error is logged by its type, codes, the statement with placeholders and the
 * stack frames, never by the driver's message, which inlines the SQL with its values.
 */

const BSN = "999993653";
const EMAIL = "jantje.geheim@example.nl";
const VOORNAAM = "Jantjeboy";
const ACHTERNAAM = "Geheimhouder";
const NOTITIE = "Vertrouwelijke notitie over de schuldsanering";
const PERSONAL = [BSN, EMAIL, VOORNAAM, ACHTERNAAM, NOTITIE];

const MAAK_PARTIJ = `mutation ($bsn: String!, $voornaam: String, $achternaam: String, $notitie: String) {
  createPartij(input: {
    soortPartij: PERSOON, indicatieActief: true, interneNotitie: $notitie,
    partijIdentificatie: { contactnaam: { voornaam: $voornaam, achternaam: $achternaam } }
    partijIdentificatoren: [{ partijIdentificator: { codeRegister: BRP, codeObjecttype: NATUURLIJK_PERSOON, codeSoortObjectId: BSN, objectId: $bsn } }]
  }) { uuid }
}`;
const MAAK_DIGITAAL_ADRES = `mutation ($adres: String!) {
  createDigitaalAdres(input: { adres: $adres, soortDigitaalAdres: EMAIL }) { uuid }
}`;
const ZOEK_PARTIJ = `query ($bsn: String!) {
  partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: $bsn } }) { edges { node { uuid } } }
}`;

/** Makes every insert into these tables fail with an error the subgraph does not expect. */
async function breakInserts(server: TestServer, tables: string[]): Promise<void> {
  if (dialect === "sqlite") {
    const connection = server.orm.em.getConnection();
    for (const table of tables) {
      await connection.execute(`create trigger kapot_${table} before insert on ${table} begin select raise(abort, 'kapot'); end`);
    }
    return;
  }
  const client = new Client({ connectionString: server.database.options().databaseUrl });
  await client.connect();
  try {
    // The message quotes the row, as drivers' messages do: it must not reach the log either.
    await client.query(
      `create function kapot() returns trigger language plpgsql as $$ begin raise exception 'kapot: %', row_to_json(new); end $$`,
    );
    for (const table of tables) await client.query(`create trigger kapot before insert on ${table} for each row execute function kapot()`);
  } finally {
    await client.end();
  }
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe(`logs (${dialect})`, () => {
  it("carry neither BSN, e-mail, name nor text of a request whose statement failed unexpectedly, at any level", async () => {
    server = await TestServer.start({ LOG_LEVEL: "trace", LOG_SQL: "true" });
    await breakInserts(server, ["partij_identificator", "digitaal_adres"]);

    const partij = await server.graphql(MAAK_PARTIJ, { bsn: BSN, voornaam: VOORNAAM, achternaam: ACHTERNAAM, notitie: NOTITIE });
    expect(partij.body.errors?.map((e) => e.extensions?.code)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(partij.text).not.toContain("kapot");
    const adres = await server.graphql(MAAK_DIGITAAL_ADRES, { adres: EMAIL });
    expect(adres.body.errors?.map((e) => e.extensions?.code)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect((await server.graphql(ZOEK_PARTIJ, { bsn: BSN })).status).toBe(200);

    const errors = server.logs.withMessage("unexpected error in resolver");
    expect(errors.map((line) => line.path)).toEqual([["createPartij"], ["createDigitaalAdres"]]);
    for (const line of errors) {
      const err = line.err as { type: string; statement: string; stack: string };
      expect(err.type).toMatch(/Exception|Error/);
      expect(err.statement).toMatch(/^insert into .* values \(\?/);
      expect(err.stack).toMatch(/^at /);
    }
    // LOG_SQL writes every statement, with its placeholders (? on SQLite, $1 on PostgreSQL).
    const inserts = server.logs
      .withMessage("sql")
      .map((line) => line.sql as string)
      .filter((s) => s.startsWith("insert into"));
    expect(inserts.some((s) => /partij_identificator.*values \((\?|\$1)/.test(s))).toBe(true);
    expect(inserts.some((s) => /digitaal_adres.*values \((\?|\$1)/.test(s))).toBe(true);

    // (on SQLite the test's own "create trigger" went through the subgraph's connection and its log)
    const text = server.logs.raw.filter((line) => !line.includes('"sql":"create trigger')).join("\n");
    expect(text).not.toContain("kapot");
    for (const value of PERSONAL) expect(text).not.toContain(value);
  });
});
