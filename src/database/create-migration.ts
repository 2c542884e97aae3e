import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MikroORM } from "@mikro-orm/core";
import { loadConfig } from "../config";
import { createOrmOptions, dialectOf, migrationsPath } from "./mikro-orm.config";

/**
 * `npm run migration:create`: writes the migration that brings the configured database (migrated
 * to the latest committed migration) in line with the entities. Run it once per dialect: without
 * DATABASE_URL for SQLite, with a DATABASE_URL of an empty PostgreSQL database for PostgreSQL.
 */
async function main() {
  const config = loadConfig();
  const options = { databaseUrl: config.databaseUrl, databaseFile: config.databaseUrl ? undefined : ":memory:" };
  const orm = await MikroORM.init(createOrmOptions(options));
  const migrator = orm.getMigrator();
  await migrator.up();
  const pending = await migrator.getExecutedMigrations();
  const result = pending.length === 0 ? await migrator.createInitialMigration() : await migrator.createMigration();
  console.log(result.fileName ? `Wrote ${dialectOf(options)} migration ${result.fileName}` : "No changes: the migrations match the entities.");
  await orm.close();
  writeIndex();
}

/** Rewrites migrations/index.ts from the migration files of both dialects. */
function writeIndex() {
  const dialects = ["sqlite", "postgresql"] as const;
  const names = Object.fromEntries(
    dialects.map((d) => [d, readdirSync(migrationsPath(d)).filter((f) => /^Migration\d+\.ts$/.test(f)).map((f) => f.slice(0, -3)).sort()]),
  ) as Record<(typeof dialects)[number], string[]>;
  const lines = [
    "// Written by `npm run migration:create`; lists the committed migrations of each dialect in order.",
    "// Imported rather than found on disk, so that tsx, vitest and a tsc build all load them alike.",
    'import type { MigrationObject } from "@mikro-orm/core";',
    ...dialects.flatMap((d) => names[d].map((n) => `import { ${n} } from "./${d}/${n}";`)),
    "",
    'export const migrations: Record<"sqlite" | "postgresql", MigrationObject[]> = {',
    ...dialects.map((d) => `  ${d}: [${names[d].map((n) => `{ name: "${n}", class: ${n} }`).join(", ")}],`),
    "};",
    "",
  ];
  writeFileSync(path.join(migrationsPath("sqlite"), "..", "index.ts"), lines.join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
