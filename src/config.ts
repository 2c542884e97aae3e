import { parseAuditConfig, type AuditConfig } from "./audit/audit-config";

/**
 * The only reader of process.env. Everything the subgraph can be told from outside is read and
 * checked here once at start; a bad value stops the process with a message that names the variable.
 */
export interface Config {
  /** TCP port of the GraphQL endpoint (`/graphql`) and of `/health` and `/ready`. */
  port: number;
  host: string;
  /** PostgreSQL connection URL; when absent the embedded SQLite database at `databaseFile` is used. */
  databaseUrl: string | undefined;
  databaseFile: string;
  /** Log level for pino: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Log every SQL statement at debug level. */
  logSql: boolean;
  /** Fill an empty database with the demo partijen, klantcontacten and taken. */
  seedDemoData: boolean;
  /**
   * Values of Onderwerpobjectidentificator.codeObjecttype that mean "this is a zaak"
   * (KISS and ITA write "zgw-Zaak", Open Klant's CloudEvents and Open Inwoner use "zaak").
   */
  zaakObjecttypes: string[];
  /** AUDIT_HASH_KEY and AUDIT_VERWERKINGSACTIVITEIT (src/audit/audit-config.ts). */
  audit: AuditConfig;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded SQLite database)`,
    );
  }
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  const zaakObjecttypes = (env.ZAAK_OBJECTTYPES ?? "zaak,zgw-Zaak")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (zaakObjecttypes.length === 0) {
    throw new ConfigError("ZAAK_OBJECTTYPES must name at least one codeObjecttype");
  }
  const audit = parseAuditConfig(env);
  if (!audit.ok) throw new ConfigError(audit.problems.join("; "));
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    databaseFile: env.DATABASE_FILE ?? "data/klantinteracties.db",
    logLevel,
    logSql: bool(env, "LOG_SQL", false),
    seedDemoData: bool(env, "SEED_DEMO_DATA", false),
    zaakObjecttypes,
    audit: audit.config,
  };
}
