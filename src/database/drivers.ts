import { createHash } from "node:crypto";
import type { Configuration, LogContext } from "@mikro-orm/core";
import { AbstractSqlDriver, type AbstractSqlConnection, type Knex } from "@mikro-orm/knex";
import { LibSqlConnection, LibSqlPlatform } from "@mikro-orm/libsql";
import { PostgreSqlConnection, PostgreSqlPlatform } from "@mikro-orm/postgresql";
import { inStatementSpan } from "../observability/tracing";

/**
 * MikroORM's drivers for SQLite (libsql) and PostgreSQL, with two additions:
 * - a failed statement's SQL, with its placeholders, stays on the error. MikroORM sends SQL with the
 *   values inlined, and knex puts that SQL in the error's message, so the message cannot go to the
 *   log; the statement with placeholders can, and says which query failed;
 * - a transaction whose BEGIN failed is refused with that failure. knex hands such a transaction
 *   out as if it had started (on a connection the database has just closed, say), and every
 *   statement in it then fails with "Transaction query already complete", which hides the cause;
 * - `select`: a statement with its parameters bound. MikroORM's own `execute` inlines the values
 *   into the SQL text, so every statement is new to PostgreSQL, which parses and plans it again;
 *   the read path sends constant texts with parameters, as named (prepared) statements;
 * - the statements of one transaction are sent one after the other. DataLoader batches of a
 *   mutation's result run concurrently, and on the transaction's one connection the pg driver
 *   would queue them itself, a use it deprecates;
 * - with tracing on, every statement gets a span of its own, with its SQL as built (placeholders,
 *   no values), as a child of the running operation's span (src/observability/tracing.ts).
 */

/** A string property: MikroORM copies the driver error's own string-keyed properties onto its DriverException. */
const FAILED_STATEMENT = "failedStatement";

/** The SQL (placeholders, no values) of the statement whose failure caused this error, if known. */
export function failedStatementOf(err: Error): string | undefined {
  const statement = (err as Error & { [FAILED_STATEMENT]?: unknown })[FAILED_STATEMENT];
  return typeof statement === "string" ? statement : undefined;
}

type ConnectionClass<C extends AbstractSqlConnection> = abstract new (...args: never[]) => C;

/** The last statement sent in each open transaction, which the next one waits for. */
const inTransaction = new WeakMap<Knex.Transaction, Promise<unknown>>();

function oneAfterTheOther<T>(transaction: Knex.Transaction | undefined, run: () => Promise<T>): Promise<T> {
  if (!transaction) return run();
  const previous = inTransaction.get(transaction);
  const result = previous ? previous.then(run, run) : run();
  inTransaction.set(
    transaction,
    result.catch(() => undefined),
  );
  return result;
}

/** The names given so far, so that a statement's text is hashed once, not on every execution. */
const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 10_000;

/** A statement's name for the driver: the same text gets the same name, so each connection prepares it once. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `ki_${createHash("sha1").update(sql).digest("base64url").slice(0, 20)}`;
    // The read path's texts are constant, so this stays small; the bound only guards against a shape that is not.
    if (statementNames.size >= MAX_STATEMENT_NAMES) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

/** What the read path's connection offers beyond MikroORM's (see `select` below). */
export interface SelectingConnection {
  select(sql: string, bindings: readonly unknown[], transaction?: Knex.Transaction): Promise<Array<Record<string, unknown>>>;
}

function reportingFailures<C extends AbstractSqlConnection>(Base: ConnectionClass<C>, system: "postgresql" | "sqlite") {
  abstract class ReportingFailures extends (Base as unknown as ConnectionClass<AbstractSqlConnection>) {
    override async begin(options?: Parameters<AbstractSqlConnection["begin"]>[0]): Promise<Knex.Transaction> {
      const transaction = await super.begin(options);
      if (transaction.isCompleted()) {
        throw await transaction.executionPromise.then(
          () => new Error("the transaction ended before it began"),
          (failure: unknown) => failure,
        );
      }
      return transaction;
    }

    override execute<T>(...args: Parameters<AbstractSqlConnection["execute"]>): Promise<T> {
      const transaction = (args[3] ?? undefined) as Knex.Transaction | undefined;
      return oneAfterTheOther(transaction, () => super.execute(...args) as Promise<T>);
    }

    /**
     * Runs a statement (with `?` placeholders) with its parameters bound, logged like MikroORM's
     * own statements. On PostgreSQL as a named statement: prepared once per connection and text.
     */
    async select(sql: string, bindings: readonly unknown[], transaction?: Knex.Transaction): Promise<Array<Record<string, unknown>>> {
      await this.ensureConnection();
      const named = this.getPlatform() instanceof PostgreSqlPlatform;
      return oneAfterTheOther(transaction, () =>
        this.executeQuery(
          sql,
          async () => {
            const query = this.getKnex().raw(sql, bindings as Knex.RawBinding[]);
            if (named) query.options({ name: statementName(sql) });
            if (transaction) query.transacting(transaction);
            return this.transformRawResult<Array<Record<string, unknown>>>(await query, "all");
          },
          { query: sql, params: bindings as unknown[] },
        ),
      );
    }

    protected override async executeQuery<T>(query: string, cb: () => Promise<T>, context?: LogContext): Promise<T> {
      // context.query is the statement as built, before MikroORM inlines the parameters (`query`).
      const sql = typeof context?.query === "string" ? context.query : undefined;
      try {
        return await inStatementSpan(system, sql, () => super.executeQuery(query, cb, context));
      } catch (err) {
        if (err instanceof Error && sql !== undefined) (err as Error & { [FAILED_STATEMENT]?: string })[FAILED_STATEMENT] = sql;
        throw err;
      }
    }
  }
  return ReportingFailures as unknown as new (
    config: Configuration,
    options?: unknown,
    type?: "read" | "write",
  ) => C;
}

const LibSqlConnectionReportingFailures = reportingFailures(LibSqlConnection, "sqlite");
const PostgreSqlConnectionReportingFailures = reportingFailures(PostgreSqlConnection, "postgresql");

/** What MikroORM's LibSqlDriver is, with the connection above. */
export class LibSqlDriver extends AbstractSqlDriver<LibSqlConnection, LibSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new LibSqlPlatform(), LibSqlConnectionReportingFailures, ["knex", "libsql"]);
  }
}

/** What MikroORM's PostgreSqlDriver is, with the connection above. */
export class PostgreSqlDriver extends AbstractSqlDriver<PostgreSqlConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), PostgreSqlConnectionReportingFailures, ["knex", "pg"]);
  }
}
