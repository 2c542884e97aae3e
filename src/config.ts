import { parseAuditConfig, type AuditConfig } from "./audit/audit-config";
import { isProduction, parseAuthConfig, type AuthConfig } from "./auth/auth-config";
import { readLimits, type Limits } from "./limits/limits-config";

/**
 * The only reader of process.env. Everything the subgraph can be told from outside is read and
 * checked here once at start; every bad variable is reported at once (ConfigError), so that an
 * operator fixes the environment in one go.
 */
export interface Config {
  /** TCP port of the GraphQL endpoint (`/graphql`) and of `/health` and `/ready`; 0 picks a free one. */
  port: number;
  host: string;
  /** PostgreSQL connection URL; when absent the embedded SQLite database at `databaseFile` is used. */
  databaseUrl: string | undefined;
  databaseFile: string;
  /** Log level for pino: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Log every SQL statement (with placeholders, never values) at debug level. */
  logSql: boolean;
  /** Fill an empty database with the demo partijen, klantcontacten and taken. */
  seedDemoData: boolean;
  /** Apply pending migrations at start; when false, a start on a database with pending migrations fails. */
  migrateOnStart: boolean;
  /**
   * NODE_ENV is "production": no development client, key or secret, no introspection, no landing
   * page. The one switch for production on purpose: graphql-js reads the same variable when it is
   * loaded and in production skips its development checks (about half of its execution time), so
   * a process gets the production settings and the fast path together, or neither.
   */
  production: boolean;
  /** Clients, identity provider and router secret: the AUTH_* and ROUTER_SECRET* variables (src/auth/auth-config.ts). */
  auth: AuthConfig;
  /** AUDIT_HASH_KEY and AUDIT_VERWERKINGSACTIVITEIT (src/audit/audit-config.ts). */
  audit: AuditConfig;
  /** The cost limits of one operation: the LIMIT_* variables (src/limits/limits-config.ts). */
  limits: Limits;
  /** Traces, metrics and the request log (src/observability). */
  observability: ObservabilityConfig;
}

export interface ObservabilityConfig {
  /**
   * Where spans go over OTLP/HTTP: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is, or
   * OTEL_EXPORTER_OTLP_ENDPOINT with `/v1/traces` appended (the OpenTelemetry rule). Unset: no
   * tracing at all, not even spans that go nowhere.
   */
  tracesEndpoint: string | undefined;
  /** OTEL_SERVICE_NAME: service.name of the spans. */
  serviceName: string;
  /** METRICS_ENABLED: Prometheus metrics on GET /metrics. */
  metricsEnabled: boolean;
  /** LOG_REQUESTS: one info line per GraphQL request. */
  logRequests: boolean;
}

/** One environment variable with a bad value, and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.problem}`).join("; "));
    this.name = "ConfigError";
  }
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, text: string) => problems.push({ variable, problem: text });

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
    if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
    problem(name, `must be true or false, got "${raw}"`);
    return fallback;
  };

  const port = Number(env.PORT || 4001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problem("PORT", `must be a port number (0 to 65535), got "${env.PORT}"`);

  const databaseUrl = env.DATABASE_URL || undefined;
  // The value is not repeated: a connection URL carries the password.
  if (databaseUrl && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    problem("DATABASE_URL", "must be a postgresql:// URL (leave it unset for the embedded SQLite database)");
  }

  const logLevel = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) problem("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);

  const tracesEndpoint = otlpTracesEndpoint(env, problem);

  const auth = parseAuthConfig(env);
  const audit = parseAuditConfig(env);
  const limits = readLimits(env);
  for (const part of [auth, audit, limits]) if (!part.ok) problems.push(...part.problems.map(problemOfSentence));

  const config: Config = {
    port,
    host: env.HOST || "0.0.0.0",
    databaseUrl,
    databaseFile: env.DATABASE_FILE || "data/klantinteracties.db",
    logLevel,
    logSql: bool("LOG_SQL", false),
    seedDemoData: bool("SEED_DEMO_DATA", false),
    migrateOnStart: bool("MIGRATE_ON_START", true),
    production: isProduction(env),
    auth: auth.ok ? auth.config : (undefined as never),
    audit: audit.ok ? audit.config : (undefined as never),
    limits: limits.ok ? limits.limits : (undefined as never),
    observability: {
      tracesEndpoint,
      serviceName: env.OTEL_SERVICE_NAME || "klantinteracties-subgraph",
      metricsEnabled: bool("METRICS_ENABLED", true),
      logRequests: bool("LOG_REQUESTS", true),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The OTLP/HTTP URL of the traces, as the OpenTelemetry specification reads its variables: the
 * signal's own endpoint is used as it is, the general one is a base to which `/v1/traces` is added.
 * The values are not repeated in a problem: a collector URL may carry a token.
 */
function otlpTracesEndpoint(env: NodeJS.ProcessEnv, problem: (variable: string, text: string) => void): string | undefined {
  const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (traces) {
    if (isHttpUrl(traces)) return traces;
    problem("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "must be an http:// or https:// URL");
    return undefined;
  }
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!base) return undefined;
  if (isHttpUrl(base)) return `${base.replace(/\/+$/, "")}/v1/traces`;
  problem("OTEL_EXPORTER_OTLP_ENDPOINT", "must be an http:// or https:// URL");
  return undefined;
}

/**
 * The parts' parsers (auth, audit, limits) report whole sentences that start with the variable
 * they are about ("AUTH_CLIENTS[0].secret must be ...", "AUTH_CLIENTS and AUTH_CLIENTS_FILE are
 * both set ..."): the variable is that leading name, the problem the sentence as written.
 */
export function problemOfSentence(sentence: string): ConfigProblem {
  return { variable: /^[A-Z][A-Z0-9_]*/.exec(sentence)?.[0] ?? "", problem: sentence };
}
