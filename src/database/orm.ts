import { MikroORM } from "@mikro-orm/core";
import type { Config } from "../config";
import { createOrmOptions, type DatabaseOptions } from "./mikro-orm.config";

export function databaseOptions(config: Config, onQuery?: (sql: string) => void): DatabaseOptions {
  return { databaseUrl: config.databaseUrl, databaseFile: config.databaseFile, onQuery };
}

/** Connects and brings the schema up to date with the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(createOrmOptions(options));
  await orm.getMigrator().up();
  return orm;
}
