import type { Migration } from "@mikro-orm/migrations";
import { zoekadres } from "../../partijen/digitaal-adres.normalisation";
import type { SoortDigitaalAdres } from "../../partijen/enums";

const BATCH = 500;

/**
 * Fills digitaal_adres.zoekadres of the rows that exist when the column is added, with the function
 * the application writes it with (the SQL functions lower and trim differ per database and from
 * JavaScript beyond ASCII). In batches by id, one UPDATE per batch, inside the migration's transaction.
 */
export async function backfillZoekadres(migration: Migration, quote: (name: string) => string): Promise<void> {
  const [table, id, adres, soort, column] = ["digitaal_adres", "id", "adres", "soort_digitaal_adres", "zoekadres"].map(quote);
  let after = 0;
  for (;;) {
    const rows = (await migration.execute(
      `select ${id} as id, ${adres} as adres, ${soort} as soort from ${table} where ${id} > ? order by ${id} limit ${BATCH}`,
      [after],
    )) as Array<{ id: number | string; adres: string; soort: SoortDigitaalAdres }>;
    if (rows.length === 0) return;
    const cases = rows.map(() => "when ? then ?").join(" ");
    const values = rows.flatMap((row) => [Number(row.id), zoekadres(row.soort, row.adres)]);
    const ids = rows.map((row) => Number(row.id));
    await migration.execute(`update ${table} set ${column} = case ${id} ${cases} end where ${id} in (${ids.map(() => "?").join(", ")})`, [
      ...values,
      ...ids,
    ]);
    after = ids[ids.length - 1];
  }
}
