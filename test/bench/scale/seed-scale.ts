import { setImmediate as yieldToIo } from "node:timers/promises";
import type { MikroORM } from "@mikro-orm/core";
import type { AbstractSqlConnection } from "@mikro-orm/knex";
import { PostgreSqlPlatform } from "@mikro-orm/postgresql";
import type { ClientBase } from "pg";
import { postgresSql, sqliteSql, withoutIndexes, type Sql } from "./bulk-load";
import { planFor, ScaleData, type FirstIds, type ScalePlan } from "./generate";
import { Random } from "./random";
import { TABLE_NAMES, type TableName } from "./tables";
import { PostgresWriter, SqliteWriter, type BatchWriter, type SqliteDatabase } from "./writers";

export interface SeedScaleOptions {
  partijen: number;
  /** Same seed, same rows (default 1). */
  seed?: number;
  /** Empty the database first; without it a database that holds partijen is refused. */
  replace?: boolean;
  /** Mean klantcontacten per partij (default 10). */
  klantcontactenPerPartij?: number;
  /** Rows generated before a batch is written (default 50,000): what memory holds, twice. */
  batchRows?: number;
  /** Called now and then with the partijen written so far. */
  onProgress?: (progress: { partijen: number; klantcontacten: number }) => void;
}

export interface SeedScaleSummary {
  dialect: "postgresql" | "sqlite";
  /** Rows written per table. */
  rows: Record<TableName, number>;
  /** The most klantcontacten one partij has. */
  langsteHistorie: number;
  seconds: number;
}

/** The database holds partijen and --replace was not given. */
export class SeedRefusedError extends Error {
  constructor(readonly partijen: number) {
    super(
      `the database already holds ${partijen} partijen: run seed:scale with --replace to empty it first, ` +
        "or point DATABASE_URL / DATABASE_FILE at another database",
    );
    this.name = "SeedRefusedError";
  }
}

/**
 * Fills a migrated database with scale data (generate.ts) in batches written straight in SQL
 * (writers.ts). On PostgreSQL the next batch is generated while the previous one is written. No
 * audit records are written: the data is what a municipality would have, not what was read.
 */
export async function seedScale(orm: MikroORM, options: SeedScaleOptions): Promise<SeedScaleSummary> {
  const started = performance.now();
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const dialect = orm.em.getPlatform() instanceof PostgreSqlPlatform ? "postgresql" : "sqlite";
  const execute = <T>(sql: string) => connection.execute(sql) as Promise<T[]>;

  const [{ count }] = await execute<{ count: number | string }>("select count(*) as count from partij");
  if (Number(count) > 0 && !options.replace) throw new SeedRefusedError(Number(count));
  if (options.replace) await emptyDatabase(orm, dialect);

  const firstIds = {} as FirstIds;
  for (const table of TABLE_NAMES) {
    const [{ next }] = await execute<{ next: number | string }>(`select coalesce(max(id), 0) + 1 as next from ${table}`);
    firstIds[table] = Number(next);
  }

  const plan = planFor(options.partijen, options.klantcontactenPerPartij ?? 10);
  const data = new ScaleData(new Random(options.seed ?? 1), plan, firstIds);
  const batchRows = options.batchRows ?? 50_000;

  // SQLite's pool holds one connection: everything above went through it before it is taken here.
  const knex = connection.getKnex();
  const raw: unknown = await knex.client.acquireConnection();
  try {
    const sql = dialect === "postgresql" ? postgresSql(raw as ClientBase) : sqliteSql(raw as SqliteDatabase);
    const writer: BatchWriter = dialect === "postgresql" ? new PostgresWriter(raw as ClientBase) : new SqliteWriter(raw as SqliteDatabase);
    const restoreSettings = dialect === "sqlite" ? await tuneSqliteForLoad(sql) : undefined;
    const restoreIndexes = await withoutIndexes(sql, dialect);
    try {
      await generateAndWrite(data, plan, writer, batchRows, options.onProgress);
    } finally {
      await restoreIndexes();
      await restoreSettings?.();
    }
  } finally {
    await knex.client.releaseConnection(raw);
  }
  options.onProgress?.({ partijen: data.partijen, klantcontacten: data.counts.klantcontact });

  if (dialect === "postgresql") {
    // The ids were given here; the sequences must continue after them.
    for (const table of TABLE_NAMES) {
      await execute(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 1), max(id) is not null) from ${table}`);
    }
  }
  await execute("analyze");

  return { dialect, rows: { ...data.counts }, langsteHistorie: data.langsteHistorie, seconds: (performance.now() - started) / 1000 };
}

/**
 * Drops every table and migrates afresh: the database then holds exactly what this seed writes.
 * Deleting rows would not do: the audit log is append-only, which the database itself enforces.
 */
async function emptyDatabase(orm: MikroORM, dialect: "postgresql" | "sqlite"): Promise<void> {
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  if (dialect === "postgresql") {
    await connection.execute("drop schema public cascade");
    await connection.execute("create schema public");
  } else {
    const tables = (await connection.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")) as Array<{
      name: string;
    }>;
    await connection.execute("pragma foreign_keys = off");
    for (const { name } of tables) await connection.execute(`drop table if exists \`${name}\``);
    await connection.execute("pragma foreign_keys = on");
  }
  await orm.getMigrator().up();
}

/**
 * Generates the rows and writes them batch by batch. On PostgreSQL the next batch is generated
 * while the previous one is being written.
 */
async function generateAndWrite(
  data: ScaleData,
  plan: ScalePlan,
  writer: BatchWriter,
  batchRows: number,
  onProgress: SeedScaleOptions["onProgress"],
): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = data.take();
    await pending; // one batch in flight at a time
    pending = writer.write(batch);
    pending.catch(() => undefined); // observed at the next await of pending
  };
  const whenFull = async () => {
    if (data.buffered() >= batchRows) await flush();
  };
  for (let step = 1; data.partijen < plan.partijen; step++) {
    await data.nextPartij(whenFull);
    await whenFull();
    if (step % 64 === 0) {
      onProgress?.({ partijen: data.partijen, klantcontacten: data.counts.klantcontact });
      // Lets pg read the answers of the batch in flight while the next one is generated.
      await yieldToIo();
    }
  }
  await flush();
  await pending;
}

/**
 * SQLite, for the load and the index builds after it: no fsync per batch (a failed seed is redone
 * with --replace), a page cache of 128 MB, and a helper thread for the sorts of CREATE INDEX.
 * Returns what puts the connection's settings back, since the ORM goes on using that connection.
 */
async function tuneSqliteForLoad(sql: Sql): Promise<() => Promise<void>> {
  const settings = { synchronous: "off", cache_size: "-131072", threads: "2" };
  const previous: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings)) {
    const [row] = await sql.rows<Record<string, unknown>>(`pragma ${name}`);
    previous[name] = Number(row[name]);
    await sql.run(`pragma ${name} = ${value}`);
  }
  return async () => {
    for (const [name, value] of Object.entries(previous)) await sql.run(`pragma ${name} = ${value}`);
  };
}
