import type { ClientBase } from "pg";
import { BUFFER_NAMES, type Batch, type ColumnType, type RowBuffer, type TableSpec } from "./tables";

/** Writes batches straight in SQL, each in one transaction, bypassing the ORM. */
export interface BatchWriter {
  write(batch: Batch): Promise<void>;
}

/**
 * PostgreSQL: one `insert ... select * from unnest($1::int[], $2::uuid[], ...)` per table and batch,
 * so a statement carries thousands of rows in as many parameters as the table has columns.
 */
export class PostgresWriter implements BatchWriter {
  constructor(private readonly client: ClientBase) {}

  async write(batch: Batch): Promise<void> {
    await this.client.query("begin");
    try {
      // A seed can be redone: no need to wait for the WAL to reach the disk at every commit.
      await this.client.query("set local synchronous_commit to off");
      for (const name of BUFFER_NAMES) {
        const buffer = batch.buffers[name];
        if (buffer.length === 0) continue;
        await this.client.query({ name: `seed-scale-${name}`, text: insertUnnest(buffer.spec), values: pgColumns(buffer) });
      }
      const { partij, adres } = batch.voorkeuren;
      if (partij.length > 0) {
        await this.client.query({
          name: "seed-scale-voorkeur",
          text: `update partij set voorkeurs_digitaal_adres_id = v.adres from unnest($1::int[], $2::int[]) as v(partij, adres) where partij.id = v.partij`,
          values: [partij, adres],
        });
      }
      await this.client.query("commit");
    } catch (err) {
      await this.client.query("rollback").catch(() => undefined);
      throw err;
    }
  }
}

function insertUnnest(spec: TableSpec): string {
  const columns = spec.columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  return `insert into "${spec.name}" (${columns}) select * from unnest(${arrays})`;
}

function pgColumns(buffer: RowBuffer): unknown[] {
  return buffer.columns.map((values, i) => {
    const type = buffer.spec.columns[i][1];
    return type === "timestamptz" ? values.map((v) => (v === null ? null : new Date(v as number).toISOString())) : values;
  });
}

/** What seed:scale needs of a libsql (better-sqlite3 compatible) connection. */
export interface SqliteDatabase {
  prepare(sql: string): { run(parameters: unknown[]): unknown; all(): unknown[] };
  exec(sql: string): unknown;
}

/** SQLite allows 32766 parameters per statement; a little under that, and at most this many rows. */
const SQLITE_PARAMETERS = 30_000;
const SQLITE_ROWS_PER_STATEMENT = 500;

/**
 * SQLite through libsql's synchronous prepared statements: multi-row inserts of up to 500 rows,
 * prepared once per table and row count, inside one transaction per batch.
 */
export class SqliteWriter implements BatchWriter {
  private readonly statements = new Map<string, ReturnType<SqliteDatabase["prepare"]>>();

  constructor(private readonly db: SqliteDatabase) {}

  async write(batch: Batch): Promise<void> {
    this.db.exec("begin");
    try {
      for (const name of BUFFER_NAMES) this.insert(batch.buffers[name]);
      const { partij, adres } = batch.voorkeuren;
      const update = this.statement("voorkeur", () => "update partij set voorkeurs_digitaal_adres_id = ? where id = ?");
      for (let i = 0; i < partij.length; i++) update.run([adres[i], partij[i]]);
      this.db.exec("commit");
    } catch (err) {
      try {
        this.db.exec("rollback");
      } catch {
        // the transaction is gone already; the first error is the one to report
      }
      throw err;
    }
  }

  private insert(buffer: RowBuffer): void {
    const { spec, columns } = buffer;
    const width = spec.columns.length;
    const perStatement = Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_PARAMETERS / width));
    const types = spec.columns.map(([, type]) => type);
    for (let start = 0; start < buffer.length; ) {
      // Full statements, then the rest one row at a time: two statements per buffer, not one per remainder.
      const rows = buffer.length - start >= perStatement ? perStatement : 1;
      const statement = this.statement(`${buffer.name}:${rows}`, () => insertValues(spec, rows));
      const parameters = new Array<unknown>(rows * width);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < width; c++) parameters[r * width + c] = sqliteValue(columns[c][start + r], types[c]);
      }
      statement.run(parameters);
      start += rows;
    }
  }

  private statement(key: string, sql: () => string) {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }
}

function insertValues(spec: TableSpec, rows: number): string {
  const columns = spec.columns.map(([name]) => `\`${name}\``).join(", ");
  const row = `(${spec.columns.map(() => "?").join(", ")})`;
  return `insert into \`${spec.name}\` (${columns}) values ${Array.from({ length: rows }, () => row).join(", ")}`;
}

/** MikroORM stores booleans as 1 / 0 on SQLite; timestamps are epoch milliseconds already. */
function sqliteValue(value: unknown, type: ColumnType): unknown {
  if (type === "bool" && value !== null) return value ? 1 : 0;
  return value;
}
