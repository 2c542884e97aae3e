import type { LogContext, Logger as OrmLogger, LoggerNamespace } from "@mikro-orm/core";
import type { Logger } from "pino";

export interface OrmLogging {
  /** Where the ORM's own messages go (migrations applied, warnings); none: nowhere. */
  logger?: Logger;
  /** Log every SQL statement at debug level. */
  logSql?: boolean;
  /** Called with every SQL statement the ORM sends, and how long it took (tests count them). */
  onQuery?: (sql: string, durationMs?: number) => void;
}

/**
 * MikroORM's logging, into pino as JSON. A statement is logged as MikroORM builds it, with its
 * placeholders: the parameters (values from input and database) are never logged, which is why
 * "query-params" is never enabled.
 */
export class PinoOrmLogger implements OrmLogger {
  constructor(private readonly logging: OrmLogging) {}

  isEnabled(namespace: LoggerNamespace | string): boolean {
    if (namespace === "query-params") return false;
    if (namespace === "query") return Boolean(this.logging.onQuery || (this.logging.logSql && this.logging.logger));
    return Boolean(this.logging.logger);
  }

  setDebugMode(): void {
    // What is logged follows LOG_LEVEL and LOG_SQL, not MikroORM's debug mode.
  }

  logQuery(context: LogContext): void {
    const sql = context.query;
    if (typeof sql !== "string") return;
    this.logging.onQuery?.(sql, context.took);
    if (this.logging.logSql)
      this.logging.logger?.debug({ sql, durationMs: context.took, failed: context.level === "error" || undefined }, "sql");
  }

  log(namespace: string, message: string, context?: LogContext): void {
    if (context?.level === "error") {
      this.error(namespace, message);
      return;
    }
    if (context?.level === "warning") {
      this.warn(namespace, message);
      return;
    }
    // "Applied 'Migration…'" is worth an operator's eye; discovery and connection chatter is not.
    if (namespace === "migrator") this.logging.logger?.info({ component: "mikro-orm" }, message);
    else this.logging.logger?.debug({ component: "mikro-orm", namespace }, message);
  }

  warn(namespace: string, message: string): void {
    this.logging.logger?.warn({ component: "mikro-orm", namespace }, message);
  }

  error(namespace: string, message: string): void {
    this.logging.logger?.error({ component: "mikro-orm", namespace }, message);
  }
}

/**
 * knex's own warnings ("Connection Error: ..." when the database drops a connection), as JSON.
 * Only the text before the first colon is kept: after it knex puts the driver's message.
 */
export function knexLog(logger: Logger | undefined) {
  const text = (message: unknown) => String(message).split(":")[0];
  return {
    warn: (message: unknown) => logger?.warn({ component: "knex" }, text(message)),
    error: (message: unknown) => logger?.error({ component: "knex" }, text(message)),
    deprecate: (method: unknown) => logger?.debug({ component: "knex" }, `deprecated: ${String(method)}`),
    debug: (message: unknown) => logger?.debug({ component: "knex" }, text(message)),
  };
}
