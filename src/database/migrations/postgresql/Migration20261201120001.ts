import { Migration } from "@mikro-orm/migrations";
import { backfillZoekadres } from "../backfill-zoekadres";

/**
 * digitaal_adres.zoekadres: the adres in the form searches compare (E.164 for phone numbers, lower
 * case for e-mail), filled for the existing rows. Its index replaces the one on adres, which no
 * search uses any more. Written by hand; statements run in order so the backfill sees the column.
 */
export class Migration20261201120001 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "digitaal_adres" add column "zoekadres" varchar(80) not null default '';`);
    await backfillZoekadres(this, (name) => `"${name}"`);
    await this.execute(`drop index "digitaal_adres_adres_index";`);
    await this.execute(`create index "digitaal_adres_zoekadres_index" on "digitaal_adres" ("zoekadres");`);
  }
}
