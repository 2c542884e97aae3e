import { randomUUID } from "node:crypto";
import { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOrmOptions } from "../../src/database/mikro-orm.config";
import { migrations } from "../../src/database/migrations";
import { createTestDatabase, dialect, type TestDatabase } from "../support/database";

/**
 * The migration that added digitaal_adres.zoekadres fills it for the rows already there (written
 * under Open Klant's phone rule, in any case), in the form the application now writes, also past
 * one batch of rows.
 */

const MIGRATION = "Migration20261201120000";

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

it(`fills zoekadres of existing digitale adressen with their search form (${dialect})`, async () => {
  const names = migrations[dialect].map((m) => m.name);
  await orm.getMigrator().up({ to: names[names.indexOf(MIGRATION) - 1] });

  const rows: Array<[string, string, string]> = [
    ["0612345678", "telefoonnummer", "+31612345678"],
    ["+31201234567", "telefoonnummer", "+31201234567"],
    ["0031201234567", "telefoonnummer", "+31201234567"],
    ["Jan.De.Vries@Example.NL", "email", "jan.de.vries@example.nl"],
    [" Vrije tekst ", "overig", "Vrije tekst"],
  ];
  // more rows than one batch of the backfill (500)
  for (let i = 0; i < 520; i++) rows.push([`Bulk${i}@Example.nl`, "email", `bulk${i}@example.nl`]);
  const values = rows.map(([adres, soort], i) => `(${i + 1}, '${randomUUID()}', '${adres}', '${soort}')`);
  await sql(`insert into digitaal_adres (id, uuid, adres, soort_digitaal_adres) values ${values.join(", ")}`);

  await orm.getMigrator().up({ to: MIGRATION });

  const stored = await sql<{ id: number; zoekadres: string }>(`select id, zoekadres from digitaal_adres order by id`);
  expect(stored.map((row) => row.zoekadres)).toEqual(rows.map(([, , expected]) => expected));
});
