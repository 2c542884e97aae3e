import { loadConfig } from "../config";
import { databaseOptions, openDatabase } from "./orm";

/** `npm run migrate`: applies the committed migrations to the configured database and stops. */
async function main() {
  const orm = await openDatabase(databaseOptions(loadConfig()));
  const executed = await orm.getMigrator().getExecutedMigrations();
  console.log(`Database is up to date (${executed.length} migrations applied).`);
  await orm.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
