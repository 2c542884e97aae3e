import { ReferenceKind } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

async function query<T>(sql: string): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute<T[]>(sql);
}

/** Per table, the first column of every index that covers all rows (no partial indexes). */
async function leadingColumns(): Promise<Map<string, Set<string>>> {
  const leading = new Map<string, Set<string>>();
  const add = (table: string, column: string) => leading.set(table, (leading.get(table) ?? new Set()).add(column));
  if (dialect === "postgresql") {
    const rows = await query<{ table: string; column: string }>(
      `select t.relname as "table", a.attname as "column" from pg_index i
         join pg_class t on t.oid = i.indrelid
         join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
         join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
       where i.indpred is null`,
    );
    for (const row of rows) add(row.table, row.column);
  } else {
    const tables = await query<{ name: string }>(`select name from sqlite_master where type = 'table'`);
    for (const { name: table } of tables) {
      for (const index of await query<{ name: string; partial: number }>(`pragma index_list('${table}')`)) {
        if (index.partial) continue;
        const [first] = await query<{ name: string | null }>(`pragma index_info('${index.name}')`);
        if (first?.name) add(table, first.name);
      }
    }
  }
  return leading;
}

describe("indexes", () => {
  // PostgreSQL does not index foreign keys by itself (SQLite migrations got them from MikroORM):
  // without them every loader (betrokkenen of a partij, onderwerpobjecten of klantcontacten) and
  // every cascading delete reads the whole child table.
  it("every foreign key column leads an index, so that loaders and cascades never scan a table", async () => {
    const leading = await leadingColumns();
    const missing: string[] = [];
    for (const meta of Object.values(app.orm.getMetadata().getAll())) {
      if (meta.embeddable || meta.abstract || !meta.tableName) continue;
      for (const prop of meta.relations) {
        if (prop.kind !== ReferenceKind.MANY_TO_ONE) continue;
        const column = prop.fieldNames[0];
        if (!leading.get(meta.tableName)?.has(column)) missing.push(`${meta.tableName}.${column}`);
      }
    }
    expect(leading.get("betrokkene")).toBeDefined();
    expect(missing).toEqual([]);
  });
});
