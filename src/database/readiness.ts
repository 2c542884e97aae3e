import type { MikroORM } from "@mikro-orm/core";
import type { AbstractSqlConnection } from "@mikro-orm/knex";
import { PostgreSqlPlatform } from "@mikro-orm/postgresql";
import { databaseFault, type DatabaseFault } from "./faults";

export type Readiness = { ready: true } | { ready: false; fault: DatabaseFault | "unknown"; error: unknown };

/**
 * Whether a write would succeed now, found out by writing and rolling back: a table is created
 * and a row inserted, in a transaction that is then undone, so nothing stays behind. That fails on
 * an unreachable database, a read-only one (file, standby, default_transaction_read_only) and a
 * full one (the new table and row need pages). On PostgreSQL the table is a temporary one, which
 * needs no more rights than the subgraph's own tables.
 */
export class DatabaseReadiness {
  /** One probe at a time: concurrent `/ready` calls share the answer of the probe under way. */
  private running: Promise<Readiness> | undefined;

  constructor(private readonly orm: MikroORM) {}

  check(): Promise<Readiness> {
    this.running ??= this.probe().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probe(): Promise<Readiness> {
    const connection = this.orm.em.getConnection() as AbstractSqlConnection;
    const statements =
      connection.getPlatform() instanceof PostgreSqlPlatform
        ? [
            "create temporary table readiness_probe (filler bytea) on commit drop",
            "insert into readiness_probe (filler) values (decode(repeat('00', 4096), 'hex'))",
          ]
        : ["create table readiness_probe (filler blob)", "insert into readiness_probe (filler) values (zeroblob(4096))"];
    try {
      const transaction = await connection.begin();
      try {
        for (const sql of statements) await connection.execute(sql, [], "run", transaction);
      } finally {
        // SQLite ends the transaction itself when the disk is full; a failing rollback changes nothing then.
        await connection.rollback(transaction).catch(() => undefined);
      }
      return { ready: true };
    } catch (error) {
      return { ready: false, fault: databaseFault(error) ?? "unknown", error };
    }
  }
}
