import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { openDatabase, PendingMigrationsError } from "../../src/database/orm";
import { migrations } from "../../src/database/migrations";
import { createLogger } from "../../src/logger";
import { startSubgraph, type Subgraph } from "../../src/main";
import { createTestDatabase, dialect, type TestDatabase } from "../support/database";
import { CapturedLogs, sqliteFileDatabase } from "../support/http-server";

/** Several processes may start at once on one database; migrations run once, or only when asked. */

function configFor(database: TestDatabase, env: NodeJS.ProcessEnv = {}) {
  const options = database.options();
  return loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    DATABASE_URL: options.databaseUrl,
    DATABASE_FILE: options.databaseFile,
    ...env,
  });
}

async function executedMigrations(subgraph: Subgraph): Promise<string[]> {
  const rows: Array<{ name: string }> = await subgraph.orm.em.getConnection().execute("select name from mikro_orm_migrations order by id");
  return rows.map((row) => row.name);
}

describe.runIf(dialect === "postgresql")("three subgraphs on one PostgreSQL database", () => {
  it("start at once on an empty database: all start, and the migrations are applied once", async () => {
    const database = await createTestDatabase();
    const logs = [new CapturedLogs(), new CapturedLogs(), new CapturedLogs()];
    const starts = await Promise.allSettled(logs.map((log) => startSubgraph(configFor(database), createLogger("info", log.stream))));
    const subgraphs = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
    try {
      expect(starts.filter((start) => start.status === "rejected")).toEqual([]);
      for (const subgraph of subgraphs) {
        const ready = await fetch(new URL("/ready", subgraph.url));
        expect(ready.status).toBe(200);
        expect(await executedMigrations(subgraph)).toEqual(migrations.postgresql.map((m) => m.name));
      }
      // One of them applied each migration; the others found it applied.
      const applied = logs.flatMap((log) => log.lines.filter((line) => String(line.msg).startsWith("Applied ")));
      expect(applied).toHaveLength(migrations.postgresql.length);
    } finally {
      for (const subgraph of subgraphs) await subgraph.close();
      await database.drop();
    }
  });
});

describe(`MIGRATE_ON_START=false (${dialect})`, () => {
  async function freshDatabase(): Promise<TestDatabase> {
    // SQLite in memory would be a new database for every connection: a file it is.
    return dialect === "sqlite" ? sqliteFileDatabase() : createTestDatabase();
  }

  it("refuses to start on a database that lacks migrations, and names them", async () => {
    const database = await freshDatabase();
    try {
      await expect(startSubgraph(configFor(database, { MIGRATE_ON_START: "false" }), createLogger("silent"))).rejects.toBeInstanceOf(
        PendingMigrationsError,
      );
      const orm = await openDatabase(database.options(), { migrate: false }).catch((err: unknown) => err);
      expect(orm).toBeInstanceOf(PendingMigrationsError);
      expect((orm as PendingMigrationsError).pending).toEqual(migrations[dialect].map((m) => m.name));
    } finally {
      await database.drop();
    }
  });

  it("starts on a database that `npm run migrate` brought up to date", async () => {
    const database = await freshDatabase();
    try {
      await (await openDatabase(database.options(), { migrate: true })).close();
      const logs = new CapturedLogs();
      const subgraph = await startSubgraph(configFor(database, { MIGRATE_ON_START: "false" }), createLogger("info", logs.stream));
      try {
        expect((await fetch(new URL("/ready", subgraph.url))).status).toBe(200);
        expect(logs.lines.filter((line) => String(line.msg).startsWith("Applied "))).toEqual([]);
      } finally {
        await subgraph.close();
      }
    } finally {
      await database.drop();
    }
  });
});
