import "reflect-metadata";
import path from "node:path";
import { defineConfig as defineLibSqlConfig } from "@mikro-orm/libsql";
import { defineConfig as definePostgreSqlConfig } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import type { Options } from "@mikro-orm/core";
import { LibSqlDriver, PostgreSqlDriver } from "./drivers";
import { entities } from "./entities";
import { migrations } from "./migrations";
import { knexLog, PinoOrmLogger, type OrmLogging } from "./orm-logger";

export interface DatabaseOptions extends OrmLogging {
  /** postgresql:// URL; when absent the embedded SQLite database is used. */
  databaseUrl?: string;
  /** SQLite file (or ":memory:"), used when there is no databaseUrl. */
  databaseFile?: string;
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
    // The ORM's messages and statements go to pino and onQuery (orm-logger.ts); no colour codes in them.
    loggerFactory: () => new PinoOrmLogger(options),
    colors: false,
    driverOptions: { log: knexLog(options.logger) },
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
    return definePostgreSqlConfig({ ...common, driver: PostgreSqlDriver, clientUrl: options.databaseUrl });
  }
  return defineLibSqlConfig({
    ...common,
    driver: LibSqlDriver,
    dbName: options.databaseFile ?? ":memory:",
    // One connection: SQLite has one writer, and ":memory:" is a database per connection.
    pool: { min: 1, max: 1 },
  });
}
