import { Migration } from '@mikro-orm/migrations';

/** The partijen with geheimhouding, which the policies of staff without geheimhouding.lezen hide: a small partial index. */
export class Migration20261201141001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "partij_geheimhouding_index" on "partij" ("id") where "indicatie_geheimhouding" = true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "partij_geheimhouding_index";`);
  }

}
