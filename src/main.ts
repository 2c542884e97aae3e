import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { seedDemoDataIfEmpty } from "./database/demo-data";
import { databaseOptions, openDatabase } from "./database/orm";
import { createLogger } from "./logger";
import { buildKlantinteractiesSchema } from "./schema";
import { startHttpServer } from "./server";

/** Start: config → database (migrated) → schema → HTTP server; stops cleanly on SIGTERM/SIGINT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const orm = await openDatabase(
    databaseOptions(config, config.logSql ? (sql) => logger.debug({ sql }, "sql") : undefined),
  );
  logger.info(
    { database: config.databaseUrl ? "postgresql" : `sqlite:${config.databaseFile}` },
    "database migrated",
  );
  if (config.seedDemoData && (await seedDemoDataIfEmpty(orm.em.fork()))) logger.info("demo data loaded");
  const schema = await buildKlantinteractiesSchema();
  const server = await startHttpServer(schema, orm, config, logger);
  logger.info(`Klantinteracties subgraph ready at ${server.url}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await server.close();
    await orm.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
