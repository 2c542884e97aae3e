import { Migration } from "@mikro-orm/migrations";

/** Lists of interne taken are ordered by toegewezenOp now (work queues): indexes that serve that order. */
export class Migration20261201123000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("drop index `interne_taak_status_index`;");
    this.addSql("create index `interne_taak_status_toegewezen_op_index` on `interne_taak` (`status`, `toegewezen_op`, `id`);");
    this.addSql("create index `interne_taak_toegewezen_op_index` on `interne_taak` (`toegewezen_op`, `id`);");
  }

  override async down(): Promise<void> {
    this.addSql("drop index `interne_taak_toegewezen_op_index`;");
    this.addSql("drop index `interne_taak_status_toegewezen_op_index`;");
    this.addSql("create index `interne_taak_status_index` on `interne_taak` (`status`, `id`);");
  }
}
