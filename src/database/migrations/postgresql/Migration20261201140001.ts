import { Migration } from "@mikro-orm/migrations";

/**
 * Betrokkene carries its klantcontact's plaatsgevondenOp, so that the newest klantcontacten of one
 * partij are the first entries of one index (was_partij_id, klantcontact_plaatsgevonden_op,
 * had_klantcontact_id): a page of 20 reads 20 entries, whether the partij has 10 contacts or 40,000.
 * Triggers keep the copy true on every write path (the ORM does not map the column).
 */
export class Migration20261201140001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "betrokkene" add column "klantcontact_plaatsgevonden_op" timestamptz null;`);
    this.addSql(
      `update "betrokkene" b set "klantcontact_plaatsgevonden_op" = k."plaatsgevonden_op" from "klantcontact" k where k."id" = b."had_klantcontact_id";`,
    );
    // replaces (was_partij_id, had_klantcontact_id): it serves the same lookups
    this.addSql(`drop index "betrokkene_partij_klantcontact_index";`);
    this.addSql(
      `create index "betrokkene_partij_klantcontact_volgorde_index" on "betrokkene" ("was_partij_id", "klantcontact_plaatsgevonden_op", "had_klantcontact_id");`,
    );
    this.addSql(`create function "betrokkene_neemt_plaatsgevonden_op_over"() returns trigger language plpgsql as $$
begin
  new."klantcontact_plaatsgevonden_op" := (select k."plaatsgevonden_op" from "klantcontact" k where k."id" = new."had_klantcontact_id");
  return new;
end $$;`);
    this.addSql(
      `create trigger "betrokkene_neemt_plaatsgevonden_op_over" before insert or update of "had_klantcontact_id", "klantcontact_plaatsgevonden_op" on "betrokkene" for each row execute function "betrokkene_neemt_plaatsgevonden_op_over"();`,
    );
    this.addSql(`create function "klantcontact_geeft_plaatsgevonden_op_door"() returns trigger language plpgsql as $$
begin
  update "betrokkene" set "klantcontact_plaatsgevonden_op" = new."plaatsgevonden_op" where "had_klantcontact_id" = new."id";
  return null;
end $$;`);
    this.addSql(
      `create trigger "klantcontact_geeft_plaatsgevonden_op_door" after update of "plaatsgevonden_op" on "klantcontact" for each row when (old."plaatsgevonden_op" is distinct from new."plaatsgevonden_op") execute function "klantcontact_geeft_plaatsgevonden_op_door"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "klantcontact_geeft_plaatsgevonden_op_door" on "klantcontact";`);
    this.addSql(`drop function "klantcontact_geeft_plaatsgevonden_op_door"();`);
    this.addSql(`drop trigger "betrokkene_neemt_plaatsgevonden_op_over" on "betrokkene";`);
    this.addSql(`drop function "betrokkene_neemt_plaatsgevonden_op_over"();`);
    this.addSql(`drop index "betrokkene_partij_klantcontact_volgorde_index";`);
    this.addSql(`create index "betrokkene_partij_klantcontact_index" on "betrokkene" ("was_partij_id", "had_klantcontact_id");`);
    this.addSql(`alter table "betrokkene" drop column "klantcontact_plaatsgevonden_op";`);
  }
}
