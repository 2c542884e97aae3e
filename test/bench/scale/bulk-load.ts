import type { ClientBase } from "pg";
import { TABLE_NAMES } from "./tables";
import type { SqliteDatabase } from "./writers";

/** Plain SQL on the one connection the load runs on. */
export interface Sql {
  rows<T>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
}

export function postgresSql(client: ClientBase): Sql {
  return {
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    run: async (sql) => {
      await client.query(sql);
    },
  };
}

export function sqliteSql(db: SqliteDatabase): Sql {
  return {
    rows: async <T>(sql: string) => db.prepare(sql).all() as T[],
    run: async (sql) => {
      db.exec(sql);
    },
  };
}

const TABLES = TABLE_NAMES.map((table) => `'${table}'`).join(", ");

/**
 * Takes the secondary indexes (and on PostgreSQL the unique and foreign-key constraints) off the
 * tables the seed fills, as pg_restore does: keeping them up to date row by row costs most of a
 * bulk load, building them once over all rows a fraction of it. Returns what puts every one of them
 * back, exactly as the migrations made them (read back from the catalogue). Adding a foreign key
 * back checks every row, so nothing goes unchecked. Primary keys stay.
 *
 * SQLite keeps its foreign keys (part of the table; a check against the parent's rowid is cheap).
 */
export async function withoutIndexes(sql: Sql, dialect: "postgresql" | "sqlite"): Promise<() => Promise<void>> {
  return dialect === "postgresql" ? withoutPostgresIndexes(sql) : withoutSqliteIndexes(sql);
}

async function withoutSqliteIndexes(sql: Sql): Promise<() => Promise<void>> {
  const indexes = await sql.rows<{ name: string; sql: string }>(
    `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES})`,
  );
  for (const { name } of indexes) await sql.run(`drop index \`${name}\``);
  return async () => {
    for (const index of indexes) await sql.run(index.sql);
  };
}

async function withoutPostgresIndexes(sql: Sql): Promise<() => Promise<void>> {
  const constraints = await sql.rows<{ name: string; table: string; definition: string; type: "f" | "u" }>(
    `select c.conname as name, t.relname as table, pg_get_constraintdef(c.oid) as definition, c.contype as type
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema() and c.contype in ('f', 'u') and t.relname in (${TABLES})
      order by c.contype, c.conname`,
  );
  const indexes = await sql.rows<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in (${TABLES})
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u', 'x'))`,
  );
  const foreign = constraints.filter((c) => c.type === "f");
  const unique = constraints.filter((c) => c.type === "u");
  // Foreign keys first: a unique constraint may be what one of them refers to.
  for (const c of [...foreign, ...unique]) await sql.run(`alter table "${c.table}" drop constraint "${c.name}"`);
  for (const index of indexes) await sql.run(`drop index "${index.name}"`);
  return async () => {
    await sql.run("set maintenance_work_mem = '256MB'");
    for (const index of indexes) await sql.run(index.definition);
    for (const c of [...unique, ...foreign]) await sql.run(`alter table "${c.table}" add constraint "${c.name}" ${c.definition}`);
    await sql.run("reset maintenance_work_mem");
  };
}
