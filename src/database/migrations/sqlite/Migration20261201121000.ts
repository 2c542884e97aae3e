import { Migration } from "@mikro-orm/migrations";

/**
 * The idempotency keys of registreerKlantcontact (src/idempotency): one per client and key.
 * Written by hand: the generator also rebuilt unchanged tables (SQLite diff noise about check
 * constraints it cannot read back).
 */
export class Migration20261201121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`idempotency_key\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`client_id\` text not null, \`sleutel\` text not null, \`operatie\` text not null, \`input_hash\` text not null, \`resultaat\` json not null, \`aangemaakt_op\` datetime not null);`,
    );
    this.addSql(`create unique index \`idempotency_key_uuid_unique\` on \`idempotency_key\` (\`uuid\`);`);
    this.addSql(`create unique index \`idempotency_key_client_sleutel_unique\` on \`idempotency_key\` (\`client_id\`, \`sleutel\`);`);
  }
}
