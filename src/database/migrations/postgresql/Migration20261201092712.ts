import { Migration } from "@mikro-orm/migrations";

export class Migration20261201092712 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_record" ("id" serial primary key, "uuid" uuid not null, "tijdstip" timestamptz not null, "trace_id" varchar(32) not null, "operatie" varchar(255) not null, "verwerkingsactiviteit" varchar(255) not null, "client_id" varchar(255) not null, "user_id" varchar(255) not null, "user_representation" varchar(255) not null, "betrokkene_hash" varchar(64) not null, "soort" text check ("soort" in ('lezen', 'schrijven', 'verwijderen')) not null, "uitkomst" text check ("uitkomst" in ('gelukt', 'geweigerd', 'mislukt')) not null);`,
    );
    this.addSql(`alter table "audit_record" add constraint "audit_record_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "audit_record_betrokkene_index" on "audit_record" ("betrokkene_hash", "tijdstip", "id");`);

    // Written by hand: the audit log is append-only, so the database itself refuses to change or
    // remove a record. A statement trigger, because TRUNCATE fires no row triggers.
    this.addSql(
      `create function "audit_record_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_record is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "audit_record_append_only" before update or delete or truncate on "audit_record" for each statement execute function "audit_record_append_only"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_record" cascade;`);
    this.addSql(`drop function if exists "audit_record_append_only"();`);
  }
}
