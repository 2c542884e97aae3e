import { createRequire } from "node:module";
import path from "node:path";

/**
 * Preloaded (`--import`) into every server process of the benchmark: counts the SQL statements the
 * process sends, the same way for each peer, at the drivers themselves:
 * - PostgreSQL: pg's Client.prototype.query (knex, under MikroORM, and PostGraphile and the
 *   baseline's Pool all end there), BEGIN and COMMIT included;
 * - SQLite: libsql's Statement run/get/iterate (its `all` runs `iterate`) and Database.exec
 *   (knex's libsql dialect, under MikroORM, prepares and runs each statement; transactions go
 *   through exec).
 * The runner asks for the count over IPC (child_process.fork): { type: "sql-count" } → { type:
 * "sql-count", statements }.
 */
let statements = 0;

// Resolved from the project root, as the servers resolve them (one copy of each in node_modules).
const projectRequire = createRequire(path.join(process.cwd(), "package.json"));

function count<T extends object>(prototype: T, methods: ReadonlyArray<keyof T & string>): void {
  for (const method of methods) {
    const original = prototype[method] as unknown as (...args: unknown[]) => unknown;
    if (typeof original !== "function") continue;
    (prototype as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
}

function optional(name: string): unknown {
  try {
    return projectRequire(name);
  } catch {
    return undefined;
  }
}

const pg = optional("pg") as { Client: { prototype: object } } | undefined;
if (pg) count(pg.Client.prototype as { query: unknown }, ["query"]);

type LibsqlDatabase = { prototype: object; new (file: string): { prepare(sql: string): object; close(): void } };
const Database = optional("libsql") as LibsqlDatabase | undefined;
if (Database) {
  // The Statement class is not exported: take it from a statement of a throw-away database.
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
  probe.close();
  count(statementPrototype, ["run", "get", "iterate"]);
  count(Database.prototype as Record<string, unknown>, ["exec"]);
}

process.on("message", (message: unknown) => {
  if ((message as { type?: string } | null)?.type === "sql-count") process.send?.({ type: "sql-count", statements });
});
