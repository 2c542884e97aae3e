import { MikroORM } from "@mikro-orm/core";
import type { AbstractSqlConnection } from "@mikro-orm/knex";
import type { Logger } from "pino";
import type { Config } from "../config";
import { createOrmOptions, dialectOf, type DatabaseOptions } from "./mikro-orm.config";

export function databaseOptions(config: Config, logger?: Logger): DatabaseOptions {
  return { databaseUrl: config.databaseUrl, databaseFile: config.databaseFile, logger, logSql: config.logSql };
}

export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(`the database lacks ${pending.length} migration(s) and MIGRATE_ON_START is false: run \`npm run migrate\` first`);
    this.name = "PendingMigrationsError";
  }
}

/**
 * Any number for pg_advisory_xact_lock, as long as it is this subgraph's alone: every process that
 * migrates (or checks for pending migrations) takes it first.
 */
const MIGRATION_LOCK = 7_306_117_001;

/**
 * Connects and brings the schema up to date with the committed migrations (or, with
 * `migrate: false`, insists that it is). On PostgreSQL several processes may start at once on one
 * database: each takes the migration lock in a transaction, runs the migrations inside that same
 * transaction, and releases the lock at commit, so the second finds them applied. SQLite serves
 * one process and needs no lock.
 */
export async function openDatabase(options: DatabaseOptions, { migrate = true }: { migrate?: boolean } = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(createOrmOptions(options));
  try {
    const migrator = orm.getMigrator();
    if (dialectOf(options) === "postgresql") {
      const connection = orm.em.getConnection() as AbstractSqlConnection;
      await connection.transactional(async (transaction) => {
        await connection.execute("select pg_advisory_xact_lock(?)", [MIGRATION_LOCK], "all", transaction);
        if (migrate) await migrator.up({ transaction });
        else await insistMigrated(orm);
      });
    } else if (migrate) {
      await migrator.up();
    } else {
      await insistMigrated(orm);
    }
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  return orm;
}

async function insistMigrated(orm: MikroORM): Promise<void> {
  const pending = await orm.getMigrator().getPendingMigrations();
  if (pending.length > 0) throw new PendingMigrationsError(pending.map((m) => m.name));
}
