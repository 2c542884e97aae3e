import { testPrincipal } from "./principals";
import type { Principal } from "../../src/auth/principal";
import type { MikroORM } from "@mikro-orm/core";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import pino, { type Logger } from "pino";
import type { ApolloServer } from "@apollo/server";
import { loadConfig, type Config } from "../../src/config";
import { RequestContext } from "../../src/common/context";
import { openDatabase } from "../../src/database/orm";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { createApolloServer } from "../../src/server";
import { createTestDatabase, type TestDatabase } from "./database";

export interface Result<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The subgraph in-process on a fresh, migrated database: operations go through the real Apollo
 * Server (error formatting included) with a request context per operation, as over HTTP.
 */
export class TestApp {
  /** Every SQL statement sent, in order. */
  readonly statements: string[] = [];

  private constructor(
    readonly orm: MikroORM,
    private readonly server: ApolloServer<RequestContext>,
    private readonly database: TestDatabase,
    readonly config: Config,
  ) {}

  /** `createServer`: the Apollo Server to test (default: src/server.ts's, as `npm start` runs it). */
  static async start(
    env: NodeJS.ProcessEnv = {},
    createServer: (schema: GraphQLSchema, logger: Logger) => ApolloServer<RequestContext> = createApolloServer,
  ): Promise<TestApp> {
    const database = await createTestDatabase();
    const statements: string[] = [];
    const orm = await openDatabase(
      database.options((sql, durationMs) => statements.push(durationMs === undefined ? sql : `${sql} [took ${durationMs} ms]`)),
    );
    const server = createServer(await buildKlantinteractiesSchema(), pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }));
    await server.start();
    const app = new TestApp(orm, server, database, loadConfig(env));
    // Share the array so that the ORM's logger fills the app's list.
    (app as { statements: string[] }).statements = statements;
    return app;
  }

  /** Runs one GraphQL operation as one request, as `options.principal` (default: a client with every scope). */
  async execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: { principal?: Principal },
  ): Promise<Result<TData>> {
    const query = typeof document === "string" ? document : print(document);
    const response = await this.server.executeOperation(
      { query, variables },
      { contextValue: new RequestContext(this.orm, this.config, options?.principal ?? testPrincipal()) },
    );
    if (response.body.kind !== "single") throw new Error("incremental responses are not used");
    return response.body.singleResult as Result<TData>;
  }

  /** Runs an operation and insists it succeeded; returns its data. */
  async ok<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: { principal?: Principal },
  ): Promise<TData> {
    const result = await this.execute(document, variables, options);
    if (result.errors?.length) throw new Error(`operation failed: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /** The number of SQL statements one operation sends. */
  async countStatements<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: { principal?: Principal },
  ): Promise<{ count: number; data: TData }> {
    const before = this.statements.length;
    const data = await this.ok(document, variables, options);
    return { count: this.statements.length - before, data };
  }

  async stop(): Promise<void> {
    await this.server.stop();
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
