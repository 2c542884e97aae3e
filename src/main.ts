import "reflect-metadata";
import type { MikroORM } from "@mikro-orm/core";
import { DevClientError, withDevelopmentClient } from "./auth/dev-client";
import { ConfigError, loadConfig, type Config } from "./config";
import { seedDemoDataIfEmpty } from "./database/demo-data";
import { databaseFault } from "./database/faults";
import { databaseOptions, openDatabase, PendingMigrationsError } from "./database/orm";
import { DatabaseReadiness } from "./database/readiness";
import { createLogger, logProcessWarnings, type Logger } from "./logger";
import type { ObservabilityOptions } from "./observability/observability";
import { buildKlantinteractiesSchema } from "./schema";
import { startHttpServer, type RunningServer } from "./server";

export interface Subgraph extends RunningServer {
  /** The database the subgraph serves (tests reach it to simulate faults). */
  orm: MikroORM;
}

/**
 * Start: clients (outside production and with none configured, the development client, see
 * src/auth/dev-client.ts) → database (migrated, or checked to be, optionally seeded) → schema →
 * HTTP server. A
 * database that cannot be written at start (unreachable, read-only, full) stops the start with its
 * error: a process that reported itself started would only fail every write, while a failed start
 * is what an orchestrator sees, restarts with back-off, and shows to the operator.
 * `observability` can send the spans elsewhere than the configuration says (tests).
 */
export async function startSubgraph(
  configured: Config,
  logger: Logger = createLogger(configured.logLevel),
  observability: ObservabilityOptions = {},
): Promise<Subgraph> {
  const config: Config = { ...configured, auth: withDevelopmentClient(configured.auth, logger) };
  const orm = await openDatabase(databaseOptions(config, logger), { migrate: config.migrateOnStart });
  try {
    const state = await new DatabaseReadiness(orm).check();
    if (!state.ready) throw state.error;
    logger.info({ database: config.databaseUrl ? "postgresql" : `sqlite:${config.databaseFile}` }, "database ready");
    if (config.seedDemoData && (await seedDemoDataIfEmpty(orm.em.fork()))) logger.info("demo data loaded");
    const schema = await buildKlantinteractiesSchema();
    const server = await startHttpServer(schema, orm, config, logger, observability);
    // Says whether this is a production process (NODE_ENV, see Config.production).
    logger.info({ url: server.url, production: config.production }, "Klantinteracties subgraph listening");
    return {
      url: server.url,
      orm,
      close: async () => {
        await server.close();
        await orm.close();
      },
    };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}

/**
 * Stops cleanly on SIGTERM/SIGINT: no new connections, requests under way finish, then the
 * database closes and the process ends. A second signal changes nothing: draining ends by itself
 * after at most 10 s.
 */
export function closeOnSignal(close: () => Promise<void>, logger?: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger?.info({ signal }, "stopping: finishing the requests under way");
    close().then(
      () => {
        logger?.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        logger?.error({ err }, "stopping failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The process: every line it writes is a JSON log line, also when the configuration or the start fails. */
async function main() {
  let logger = createLogger("info");
  logProcessWarnings(() => logger);
  const die = (message: string) => (err: unknown) => {
    logger.fatal({ err, fault: databaseFault(err) }, message);
    process.exit(1);
  };
  process.on("uncaughtException", die("uncaught exception"));
  process.on("unhandledRejection", die("unhandled promise rejection"));

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    logger.fatal({ invalidVariables: err.problems }, "invalid configuration");
    process.exit(1);
  }
  logger = createLogger(config.logLevel);
  let server: RunningServer;
  try {
    server = await startSubgraph(config, logger);
  } catch (err) {
    if (err instanceof DevClientError) {
      logger.fatal({ err }, `cannot start: ${err.message}`);
      process.exit(1);
    }
    if (err instanceof PendingMigrationsError) {
      logger.fatal(
        { pendingMigrations: err.pending },
        "cannot start: the database lacks migrations and MIGRATE_ON_START is false (run `npm run migrate`)",
      );
      process.exit(1);
    }
    const fault = databaseFault(err);
    return die(fault ? `cannot start: database ${fault.replace("_", " ")}` : "cannot start")(err);
  }
  closeOnSignal(server.close, logger);
}

if (require.main === module) void main();
