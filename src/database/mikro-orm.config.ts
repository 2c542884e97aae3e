import "reflect-metadata";
import path from "node:path";
import { defineConfig as defineLibSqlConfig } from "@mikro-orm/libsql";
import { defineConfig as definePostgreSqlConfig } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import type { Options } from "@mikro-orm/core";
import { entities } from "./entities";
import { migrations } from "./migrations";

export interface DatabaseOptions {
  /** postgresql:// URL; when absent the embedded SQLite database is used. */
  databaseUrl?: string;
  /** SQLite file (or ":memory:"), used when there is no databaseUrl. */
  databaseFile?: string;
  /** Called with every SQL statement the ORM sends (tests count them, LOG_SQL logs them). */
  onQuery?: (sql: string) => void;
}

export type Dialect = "postgresql" | "sqlite";

export function dialectOf(options: DatabaseOptions): Dialect {
  return options.databaseUrl ? "postgresql" : "sqlite";
}

/** Each dialect has its own migrations, generated from the same entities. */
export function migrationsPath(dialect: Dialect): string {
  return path.join(__dirname, "migrations", dialect);
}

export function createOrmOptions(options: DatabaseOptions): Options {
  const dialect = dialectOf(options);
  const common = {
    entities,
    extensions: [Migrator],
    // The identity map is per request (em.fork in the context), never global.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Every SQL statement goes to onQuery; colours off so the lines can be matched (STACK.md trap 5).
    debug: options.onQuery ? (["query"] as const).slice() : false,
    colors: false,
    logger: (message: string) => options.onQuery?.(message),
    migrations: {
      path: migrationsPath(dialect),
      pathTs: migrationsPath(dialect),
      migrationsList: migrations[dialect],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: "ts" as const,
    },
  };
  if (dialect === "postgresql") {
    return definePostgreSqlConfig({ ...common, clientUrl: options.databaseUrl });
  }
  return defineLibSqlConfig({
    ...common,
    dbName: options.databaseFile ?? ":memory:",
    // One connection: SQLite has one writer, and ":memory:" is a database per connection.
    pool: { min: 1, max: 1 },
  });
}
