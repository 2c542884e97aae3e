import { Migration } from "@mikro-orm/migrations";

/** The idempotency keys of registreerKlantcontact (src/idempotency): one per client and key. */
export class Migration20261201121001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("id" serial primary key, "uuid" uuid not null, "client_id" varchar(255) not null, "sleutel" varchar(255) not null, "operatie" varchar(64) not null, "input_hash" varchar(64) not null, "resultaat" jsonb not null, "aangemaakt_op" timestamptz not null);`,
    );
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_uuid_unique" unique ("uuid");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_client_sleutel_unique" unique ("client_id", "sleutel");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }
}
