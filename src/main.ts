import "reflect-metadata";
import { ConfigError, loadConfig, type Config } from "./config";
import { seedDemoDataIfEmpty } from "./database/demo-data";
import { databaseOptions, openDatabase } from "./database/orm";
import { createLogger } from "./logger";
import { buildKlantinteractiesSchema } from "./schema";
import { startHttpServer, type RunningServer } from "./server";

/** Start: database (migrated, optionally seeded) → schema → HTTP server. */
export async function startSubgraph(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const orm = await openDatabase(
    databaseOptions(config, config.logSql ? (sql) => logger.debug({ sql }, "sql") : undefined),
  );
  logger.info({ database: config.databaseUrl ? "postgresql" : `sqlite:${config.databaseFile}` }, "database migrated");
  if (config.seedDemoData && (await seedDemoDataIfEmpty(orm.em.fork()))) logger.info("demo data loaded");
  const schema = await buildKlantinteractiesSchema();
  const server = await startHttpServer(schema, orm, config, logger);
  logger.info(`Klantinteracties subgraph ready at ${server.url}`);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await orm.close();
    },
  };
}

/** Stops cleanly on SIGTERM/SIGINT: in-flight requests finish, then the database closes. */
export function closeOnSignal(close: () => Promise<void>): void {
  const shutdown = async () => {
    await close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const server = await startSubgraph(config);
  closeOnSignal(server.close);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
