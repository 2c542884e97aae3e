import pg from "pg";

/**
 * Every statement the subgraph sends to the database, with its parameters, caught where it leaves
 * for the driver: pg's Client#query and libsql's Database#prepare (what knex, and so MikroORM,
 * call; and what any plain-SQL path on the same drivers calls too). TestApp's statement list comes
 * from MikroORM's logger and has the SQL without its parameters; EXPLAIN needs both, and a
 * statement that bypasses the ORM must not escape the check.
 */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
  /** The libsql connection it ran on (SQLite): an in-memory database is that connection's alone. */
  connection?: LibSqlDatabase;
}

export interface LibSqlDatabase {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

type Prepared = Record<"all" | "get" | "run" | "iterate", (...params: unknown[]) => unknown>;

let recording: CapturedStatement[] | null = null;
let installed = false;

function record(statement: CapturedStatement): void {
  recording?.push(statement);
}

function install(): void {
  if (installed) return;
  installed = true;

  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
    const sql = typeof config === "string" ? config : config?.text;
    if (typeof sql === "string") {
      const params = Array.isArray(values) ? values : typeof config === "object" ? (config.values ?? []) : [];
      record({ sql, params });
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;

  // knex's libsql dialect requires "libsql" itself; this is that same module.
  const Database = require("libsql") as { prototype: { prepare(sql: string): Prepared } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: LibSqlDatabase, sql: string) {
    const statement = prepare.call(this, sql);
    if (recording === null) return statement;
    const connection = this;
    // all() runs iterate(): a statement is recorded by the outermost call only.
    let running = false;
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const run = statement[method];
      statement[method] = function (this: unknown, ...params: unknown[]) {
        if (running) return run.apply(this, params);
        record({ sql, params: params.length === 1 && Array.isArray(params[0]) ? params[0] : params, connection });
        running = true;
        try {
          return run.apply(this, params);
        } finally {
          running = false;
        }
      };
    }
    return statement;
  };
}

/** Runs `work` and returns the statements it sent (statements sent by others meanwhile included: run nothing else). */
export async function captureStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  install();
  if (recording !== null) throw new Error("captureStatements does not nest");
  const statements: CapturedStatement[] = [];
  recording = statements;
  try {
    return { result: await work(), statements };
  } finally {
    recording = null;
  }
}

/** Statements that are no query to plan: transaction control and session settings. */
export function isTransactionControl(sql: string): boolean {
  return /^\s*(begin|commit|rollback|savepoint|release|set|start transaction|pragma)\b/i.test(sql);
}
