import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../config";

type Dialect = "sqlite" | "postgresql";

// Not imported from mikro-orm.config: that module loads the migrations index, which this script
// rewrites before the ORM starts.
const migrationsPath = (dialect: Dialect) => path.join(__dirname, "migrations", dialect);

/**
 * `npm run migration:create`: writes the migration that brings a database migrated to the latest
 * committed migration in line with the entities. Run it once per dialect: without DATABASE_URL
 * for SQLite (in memory), with DATABASE_URL naming an empty PostgreSQL database for PostgreSQL.
 * `npm run migration:create -- --initial` replaces that dialect's migrations by one initial
 * migration (only before a release: a deployed database would not know it).
 */
const DIALECTS: Dialect[] = ["sqlite", "postgresql"];

function migrationNames(dialect: Dialect): string[] {
  return readdirSync(migrationsPath(dialect))
    .filter((f) => /^Migration\d+\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Rewrites migrations/index.ts from the migration files of both dialects. */
function writeIndex(): void {
  const lines = [
    "// Written by `npm run migration:create`; lists the committed migrations of each dialect in order.",
    "// Imported rather than found on disk, so that tsx, vitest and a tsc build all load them alike.",
    'import type { MigrationObject } from "@mikro-orm/core";',
    ...DIALECTS.flatMap((d) => migrationNames(d).map((n) => `import { ${n} } from "./${d}/${n}";`)),
    "",
    'export const migrations: Record<"sqlite" | "postgresql", MigrationObject[]> = {',
    ...DIALECTS.map(
      (d) =>
        `  ${d}: [${migrationNames(d)
          .map((n) => `{ name: "${n}", class: ${n} }`)
          .join(", ")}],`,
    ),
    "};",
    "",
  ];
  writeFileSync(path.join(migrationsPath("sqlite"), "..", "index.ts"), lines.join("\n"));
}

async function main() {
  const config = loadConfig();
  const dialect: Dialect = config.databaseUrl ? "postgresql" : "sqlite";
  if (process.argv.includes("--initial")) {
    for (const name of migrationNames(dialect)) rmSync(path.join(migrationsPath(dialect), `${name}.ts`));
    writeIndex();
  }
  // Imported only now: the ORM options import the migrations index written above.
  const { MikroORM } = await import("@mikro-orm/core");
  const { createOrmOptions } = await import("./mikro-orm.config");
  const orm = await MikroORM.init(
    createOrmOptions({ databaseUrl: config.databaseUrl, databaseFile: config.databaseUrl ? undefined : ":memory:" }),
  );
  const migrator = orm.getMigrator();
  await migrator.up();
  const executed = await migrator.getExecutedMigrations();
  const result = executed.length === 0 ? await migrator.createInitialMigration() : await migrator.createMigration();
  console.log(result.fileName ? `Wrote ${dialect} migration ${result.fileName}` : "No changes: the migrations match the entities.");
  await orm.close();
  writeIndex();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
