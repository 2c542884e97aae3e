import { Migration } from "@mikro-orm/migrations";

/**
 * Data only (no schema change): a partij's voorkeursDigitaalAdres and voorkeursRekeningnummer
 * must be one of its own (PartijService.clearVoorkeurOfOthers has the rule). Before that rule,
 * moving or unlinking an address or account left the old partij pointing at it; such voorkeuren
 * are cleared. Nothing to undo: the cleared links were wrong.
 */
export class Migration20261201094501 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update partij set voorkeurs_digitaal_adres_id = null where voorkeurs_digitaal_adres_id is not null and not exists (select 1 from digitaal_adres where digitaal_adres.id = partij.voorkeurs_digitaal_adres_id and digitaal_adres.verstrekt_door_partij_id = partij.id);`,
    );
    this.addSql(
      `update partij set voorkeurs_rekeningnummer_id = null where voorkeurs_rekeningnummer_id is not null and not exists (select 1 from rekeningnummer where rekeningnummer.id = partij.voorkeurs_rekeningnummer_id and rekeningnummer.partij_id = partij.id);`,
    );
  }
}
