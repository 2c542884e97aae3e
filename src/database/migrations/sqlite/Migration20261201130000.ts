import { Migration } from "@mikro-orm/migrations";

/**
 * Composite indexes where a lookup by one foreign key wants the other one too (found by
 * test/database/query-plans.test.ts): the klantcontacten of a partij, the partijen of klantcontacten
 * and the taken of an actor are then read from the index alone, in key order. Each replaces the
 * single-column index of its leading key, which it serves as well. Written by hand.
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("drop index `betrokkene_was_partij_id_index`;");
    this.addSql("create index `betrokkene_partij_klantcontact_index` on `betrokkene` (`was_partij_id`, `had_klantcontact_id`);");
    this.addSql("drop index `betrokkene_had_klantcontact_id_index`;");
    this.addSql("create index `betrokkene_klantcontact_partij_index` on `betrokkene` (`had_klantcontact_id`, `was_partij_id`);");
    this.addSql("drop index `toewijzing_actor_id_index`;");
    this.addSql("create index `toewijzing_actor_interne_taak_index` on `toewijzing` (`actor_id`, `interne_taak_id`);");
  }

  override async down(): Promise<void> {
    this.addSql("drop index `toewijzing_actor_interne_taak_index`;");
    this.addSql("create index `toewijzing_actor_id_index` on `toewijzing` (`actor_id`);");
    this.addSql("drop index `betrokkene_klantcontact_partij_index`;");
    this.addSql("create index `betrokkene_had_klantcontact_id_index` on `betrokkene` (`had_klantcontact_id`);");
    this.addSql("drop index `betrokkene_partij_klantcontact_index`;");
    this.addSql("create index `betrokkene_was_partij_id_index` on `betrokkene` (`was_partij_id`);");
  }
}
