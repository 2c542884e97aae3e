import { ConfigError, loadConfig } from "../config";
import { createLogger } from "../logger";
import { databaseFault } from "./faults";
import { databaseOptions, openDatabase } from "./orm";

/**
 * `npm run migrate` (built: `node dist/database/migrate.js`): applies the committed migrations to
 * the configured database under the same lock as a start, and stops. JSON log lines, as the server.
 */
async function main() {
  let logger = createLogger("info");
  try {
    const config = loadConfig();
    logger = createLogger(config.logLevel);
    const orm = await openDatabase(databaseOptions(config, logger), { migrate: true });
    const executed = await orm.getMigrator().getExecutedMigrations();
    logger.info({ migrations: executed.length }, "database is up to date");
    await orm.close();
  } catch (err) {
    if (err instanceof ConfigError) logger.fatal({ invalidVariables: err.problems }, "invalid configuration");
    else logger.fatal({ err, fault: databaseFault(err) }, "migration failed");
    process.exit(1);
  }
}

void main();
