import { randomUUID } from "node:crypto";
import { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOrmOptions } from "../../src/database/mikro-orm.config";
import { migrations } from "../../src/database/migrations";
import { createTestDatabase, dialect, type TestDatabase } from "../support/database";

/**
 * Before the voorkeur rule (a partij prefers only its own address and account), a move left the
 * old partij pointing at what was no longer its own. The migration that brought the rule clears
 * those links in existing databases and keeps every correct one.
 */

const MIGRATION = { sqlite: "Migration20261201094500", postgresql: "Migration20261201094501" }[dialect];

let database: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await MikroORM.init(createOrmOptions(database.options()));
});
afterAll(async () => {
  await orm.close(true);
  await database.drop();
});

async function sql<T = unknown>(query: string): Promise<T[]> {
  return (await orm.em.fork().getConnection().execute(query)) as T[];
}

it(`clears the voorkeuren that point at another partij's address or account, or at one of no partij (${dialect})`, async () => {
  const names = migrations[dialect].map((m) => m.name);
  const before = names[names.indexOf(MIGRATION) - 1];
  await orm.getMigrator().up({ to: before });

  for (const id of [1, 2, 3]) {
    await sql(`insert into partij (id, uuid, soort_partij, indicatie_actief) values (${id}, '${randomUUID()}', 'persoon', true)`);
  }
  // adres 1 and rekeningnummer 1 are partij 1's, adres 2 is partij 2's, adres 3 is nobody's
  for (const [id, partij] of [
    [1, 1],
    [2, 2],
    [3, null],
  ]) {
    await sql(
      `insert into digitaal_adres (id, uuid, verstrekt_door_partij_id, adres, soort_digitaal_adres) ` +
        `values (${id}, '${randomUUID()}', ${partij}, 'a${id}@example.nl', 'email')`,
    );
  }
  await sql(`insert into rekeningnummer (id, uuid, partij_id, iban) values (1, '${randomUUID()}', 1, 'NL91ABNA0417164300')`);
  await sql(`update partij set voorkeurs_digitaal_adres_id = 1, voorkeurs_rekeningnummer_id = 1 where id = 1`); // its own: kept
  await sql(`update partij set voorkeurs_digitaal_adres_id = 1, voorkeurs_rekeningnummer_id = 1 where id = 2`); // partij 1's: cleared
  await sql(`update partij set voorkeurs_digitaal_adres_id = 3 where id = 3`); // nobody's: cleared

  await orm.getMigrator().up({ to: MIGRATION });

  const rows = await sql<{ id: number; adres: number | null; rekening: number | null }>(
    `select id, voorkeurs_digitaal_adres_id as adres, voorkeurs_rekeningnummer_id as rekening from partij order by id`,
  );
  expect(
    rows.map((r) => [Number(r.id), r.adres === null ? null : Number(r.adres), r.rekening === null ? null : Number(r.rekening)]),
  ).toEqual([
    [1, 1, 1],
    [2, null, null],
    [3, null, null],
  ]);
});
