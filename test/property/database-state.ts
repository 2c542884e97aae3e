import type { MikroORM } from "@mikro-orm/core";
import { dialect } from "../support/database";

/**
 * The stored rows, read straight from the database (not through the ORM or the API), to tell
 * whether a refused mutation wrote anything, and to empty the database between runs. The tables
 * come from the database itself, so a table added later is watched as well.
 */

/** Per table: its rows, each as JSON, sorted (row order in a table means nothing). */
export type Snapshot = Map<string, string[]>;

export class DatabaseState {
  private constructor(
    private readonly orm: MikroORM,
    readonly tables: string[],
    /** One statement that reads every row of every table, each table's rows as one JSON array. */
    private readonly readAll: string,
  ) {}

  static async open(orm: MikroORM): Promise<DatabaseState> {
    const connection = orm.em.getConnection();
    const rows: Array<{ name: string }> =
      dialect === "postgresql"
        ? await connection.execute("select tablename as name from pg_tables where schemaname = current_schema() order by tablename")
        : await connection.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    // The audit log is append-only (its triggers refuse TRUNCATE and DELETE) and records refused
    // writes too (uitkomst mislukt); it is no data a mutation answers, and is tested on its own.
    const tables = rows.map((r) => r.name).filter((name) => name !== "mikro_orm_migrations" && name !== "audit_record");
    const perTable: string[] = [];
    for (const table of tables) {
      if (dialect === "postgresql") {
        perTable.push(`(select coalesce(json_agg(r), '[]'::json) from "${table}" r)`);
      } else {
        // SQLite has no row-to-JSON: name the columns.
        const columns: Array<{ name: string }> = await connection.execute(`select name from pragma_table_info('${table}')`);
        const pairs = columns.map((c) => `'${c.name}', "${c.name}"`).join(", ");
        perTable.push(`(select coalesce(json_group_array(json_object(${pairs})), '[]') from "${table}")`);
      }
    }
    // One round trip per snapshot: the test takes one after every step.
    const readAll = `select ${perTable.map((sql, i) => `${sql} as t${i}`).join(", ")}`;
    return new DatabaseState(orm, tables, readAll);
  }

  async snapshot(): Promise<Snapshot> {
    const [row]: Array<Record<string, unknown>> = await this.orm.em.getConnection().execute(this.readAll);
    const snapshot: Snapshot = new Map();
    this.tables.forEach((table, i) => {
      const value = row[`t${i}`];
      const rows = (typeof value === "string" ? JSON.parse(value) : value) as unknown[];
      snapshot.set(table, rows.map((r) => JSON.stringify(r)).sort());
    });
    return snapshot;
  }

  /** Empties every table (and restarts the id sequences), so that each run starts from the same state. */
  async reset(): Promise<void> {
    const connection = this.orm.em.getConnection();
    if (dialect === "postgresql") {
      await connection.execute(`truncate table ${this.tables.map((t) => `"${t}"`).join(", ")} restart identity cascade`);
      return;
    }
    await connection.execute("pragma foreign_keys = off");
    for (const table of this.tables) await connection.execute(`delete from "${table}"`);
    const sequences: unknown[] = await connection.execute("select name from sqlite_master where name = 'sqlite_sequence'");
    if (sequences.length > 0) await connection.execute("delete from sqlite_sequence");
    await connection.execute("pragma foreign_keys = on");
  }
}

/** What changed between two snapshots: per table the row counts and a few rows that appeared or went. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [table, rowsAfter] of after) {
    const rowsBefore = before.get(table) ?? [];
    const gone = rowsBefore.filter((r) => !rowsAfter.includes(r));
    const came = rowsAfter.filter((r) => !rowsBefore.includes(r));
    if (gone.length === 0 && came.length === 0) continue;
    out.push(`${table}: ${rowsBefore.length} → ${rowsAfter.length} rows`);
    for (const row of gone.slice(0, 2)) out.push(`  - ${row.slice(0, 300)}`);
    for (const row of came.slice(0, 2)) out.push(`  + ${row.slice(0, 300)}`);
  }
  return out;
}
