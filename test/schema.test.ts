import { readFileSync } from "node:fs";
import { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrmOptions } from "../src/database/mikro-orm.config";
import { printKlantinteractiesSchema, SCHEMA_FILE } from "../src/print-schema";
import { TestApp } from "./support/app";
import { dialect } from "./support/database";

/** Tables, columns and indexes of a SQLite database, in a form two databases can be compared in. */
async function sqliteShape(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  const tables: Array<{ name: string }> = await connection.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'mikro_orm_migrations' order by name",
  );
  const shape: string[] = [];
  for (const { name } of tables) {
    const columns: Array<Record<string, unknown>> = await connection.execute(`pragma table_info(\`${name}\`)`);
    for (const c of columns) shape.push(`${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value}`);
    const indexes: Array<{ name: string; unique: number; partial: number }> = await connection.execute(`pragma index_list(\`${name}\`)`);
    for (const i of indexes.filter((i) => !i.name.startsWith("sqlite_autoindex"))) {
      const cols: Array<{ name: string }> = await connection.execute(`pragma index_info(\`${i.name}\`)`);
      shape.push(`${name} index ${i.name} unique=${i.unique} partial=${i.partial} (${cols.map((c) => c.name).join(",")})`);
    }
  }
  return shape.sort();
}

describe("committed artefacts", () => {
  it("schema/klantinteracties.graphql is the schema the code builds (run `npm run schema:print`)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await printKlantinteractiesSchema());
  });

  describe(`migrations (${dialect})`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start();
    });
    afterAll(() => app.stop());

    it("bring a fresh database exactly to the entities (run `npm run migration:create`)", async () => {
      if (dialect === "postgresql") {
        const diff = await app.orm.schema.getUpdateSchemaSQL({ wrap: false });
        expect(diff.trim()).toBe("");
      } else {
        // MikroORM's SQLite diff reports check constraints it cannot read back, so compare the
        // migrated database with one created straight from the entities instead.
        const fromEntities = await MikroORM.init(createOrmOptions({ databaseFile: ":memory:" }));
        await fromEntities.schema.createSchema();
        expect(await sqliteShape(app.orm)).toEqual(await sqliteShape(fromEntities));
        await fromEntities.close(true);
      }
    });
  });
});
