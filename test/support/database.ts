import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DatabaseOptions } from "../../src/database/mikro-orm.config";

/**
 * A database of its own for each test file: an in-memory SQLite database, or, when DATABASE_URL
 * names a PostgreSQL server, a fresh database on it (created here, dropped afterwards), so test
 * files can run in parallel and never see each other's rows.
 */
export interface TestDatabase {
  options(onQuery?: DatabaseOptions["onQuery"]): DatabaseOptions;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { options: (onQuery) => ({ databaseFile: ":memory:", onQuery }), drop: async () => {} };
  }
  const name = `ki_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    options: (onQuery) => ({ databaseUrl: url.toString(), onQuery }),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const dialect = process.env.DATABASE_URL ? "postgresql" : "sqlite";
