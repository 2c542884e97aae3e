import { Migration } from "@mikro-orm/migrations";

export class Migration20261201092710 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_record\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`tijdstip\` datetime not null, \`trace_id\` text not null, \`operatie\` text not null, \`verwerkingsactiviteit\` text not null, \`client_id\` text not null, \`user_id\` text not null, \`user_representation\` text not null, \`betrokkene_hash\` text not null, \`soort\` text check (\`soort\` in ('lezen', 'schrijven', 'verwijderen')) not null, \`uitkomst\` text check (\`uitkomst\` in ('gelukt', 'geweigerd', 'mislukt')) not null);`,
    );
    this.addSql(`create unique index \`audit_record_uuid_unique\` on \`audit_record\` (\`uuid\`);`);
    this.addSql(`create index \`audit_record_betrokkene_index\` on \`audit_record\` (\`betrokkene_hash\`, \`tijdstip\`, \`id\`);`);

    // Written by hand: the audit log is append-only, so the database itself refuses to change or
    // remove a record. (The generator also rebuilt four unchanged tables, SQLite diff noise about
    // check constraints it cannot read back; those statements are left out.)
    this.addSql(
      `create trigger \`audit_record_no_update\` before update on \`audit_record\` begin select raise(abort, 'audit_record is append-only'); end;`,
    );
    this.addSql(
      `create trigger \`audit_record_no_delete\` before delete on \`audit_record\` begin select raise(abort, 'audit_record is append-only'); end;`,
    );
  }
}
