import type { MikroORM } from "@mikro-orm/core";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { loadConfig, type Config } from "../../src/config";
import { RequestContext } from "../../src/common/context";
import { openDatabase } from "../../src/database/orm";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { Observability, type ObservabilityOptions } from "../../src/observability/observability";
import { createApolloServer } from "../../src/server";
import type { Principal } from "../../src/auth/principal";
import { createTestDatabase, type TestDatabase } from "./database";
import { testLogger } from "./log-capture";
import { testPrincipal } from "./principals";

/** How one operation is sent. */
export interface ExecuteOptions {
  /** Who asks (default: testPrincipal(), a client with every scope). */
  principal?: Principal;
  /** Request headers as the HTTP request would carry them (traceparent, x-verwerkingsactiviteit). */
  headers?: Record<string, string>;
  operationName?: string;
}

export interface Result<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The subgraph in-process on a fresh, migrated database: operations go through the real Apollo
 * Server (limits, error formatting and audit included) with a request context per operation, as
 * over HTTP once the token is verified (test/support/http-server.ts tests that part), and are
 * observed as there (src/observability: trace id, request log line, metrics). Everything it logs,
 * SQL included, goes at debug level into the file's log capture (test/support/log-capture.ts).
 */
export class TestApp {
  /** Every SQL statement sent, in order. */
  readonly statements: string[] = [];

  private constructor(
    readonly orm: MikroORM,
    private readonly server: ApolloServer<RequestContext>,
    private readonly database: TestDatabase,
    readonly config: Config,
    readonly observability: Observability,
  ) {}

  /** `createServer`: the Apollo Server to test (default: src/server.ts's, as `npm start` runs it). */
  static async start(
    env: NodeJS.ProcessEnv = {},
    createServer: (schema: GraphQLSchema, logger: Logger) => ApolloServer<RequestContext> = createApolloServer,
    observability: ObservabilityOptions = {},
  ): Promise<TestApp> {
    const database = await createTestDatabase();
    const statements: string[] = [];
    const logger = testLogger();
    const orm = await openDatabase({
      ...database.options((sql, durationMs) => statements.push(durationMs === undefined ? sql : `${sql} [took ${durationMs} ms]`)),
      logger,
      logSql: true,
    });
    const server = createServer(await buildKlantinteractiesSchema(), logger);
    await server.start();
    const config = loadConfig(env);
    const app = new TestApp(orm, server, database, config, Observability.create(config, logger, orm, observability));
    // Share the array so that the ORM's logger fills the app's list.
    (app as { statements: string[] }).statements = statements;
    return app;
  }

  /** Runs one GraphQL operation as one request. */
  async execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options: ExecuteOptions = {},
  ): Promise<Result<TData>> {
    const query = typeof document === "string" ? document : print(document);
    const http = options.headers && { method: "POST", headers: new HeaderMap(Object.entries(options.headers)), search: "", body: {} };
    return this.observability.observe(options.headers ?? {}, async (observed) => {
      const response = await this.server.executeOperation(
        { query, variables, operationName: options.operationName, ...(http && { http }) },
        { contextValue: new RequestContext(this.orm, this.config, options.principal ?? testPrincipal(), observed) },
      );
      observed.answered(response.http.status ?? 200);
      if (response.body.kind !== "single") throw new Error("incremental responses are not used");
      return response.body.singleResult as Result<TData>;
    });
  }

  /** Runs an operation and insists it succeeded; returns its data. */
  async ok<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: ExecuteOptions,
  ): Promise<TData> {
    const result = await this.execute(document, variables, options);
    if (result.errors?.length) throw new Error(`operation failed: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /** The number of SQL statements one operation sends. */
  async countStatements<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: ExecuteOptions,
  ): Promise<{ count: number; data: TData }> {
    const before = this.statements.length;
    const data = await this.ok(document, variables, options);
    return { count: this.statements.length - before, data };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.observability.close();
    await this.orm.close(true);
    await this.database.drop();
  }
}

/** The invalidParams of the first error, as [name, code] pairs, to compare in one assertion. */
export function invalidParams(result: Result<unknown>): Array<[string, string]> {
  const error = result.errors?.[0];
  const params = (error?.extensions?.invalidParams ?? []) as Array<{ name: string; code: string }>;
  return params.map((p) => [p.name, p.code]);
}

/** extensions.code of the first error. */
export function errorCode(result: Result<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}
