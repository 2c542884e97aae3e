import { ApolloServer, HeaderMap, type GraphQLResponse } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { RequestContext } from "../../src/common/context";
import type { LimitsEnvironment } from "../../src/limits/limits";
import { readLimits, type Limits } from "../../src/limits/limits-config";
import { formatError } from "../../src/error-mapping";
import { FailureLog } from "../../src/failure-log";
import { createApolloServer } from "../../src/server";
import { TestApp } from "../support/app";
import { testPrincipal } from "../support/principals";

/** What one request got back, and how many SQL statements it sent. */
export interface Sent {
  status: number | undefined;
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[];
  statements: number;
}

/** The limits `env` (LIMIT_* variables) sets; a bad value fails the test. */
export function limitsOf(env: Record<string, string> = {}): Limits {
  const result = readLimits(env);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.limits;
}

/**
 * A fresh database with the subgraph served as src/server.ts's createApolloServer builds it (limits,
 * error formatting, audit), by as many servers as a test needs: the default limits (`send`), other
 * limits (`server(env)`), or, to show what the limits change, a bare Apollo Server (`unlimited()`).
 */
export class LimitedApp {
  private readonly servers: ApolloServer<RequestContext>[] = [];
  private readonly defaults: LimitedServer;

  private constructor(
    readonly app: TestApp,
    private readonly schema: GraphQLSchema,
    private readonly logger: Logger,
    server: ApolloServer<RequestContext>,
  ) {
    this.defaults = new LimitedServer(app, server);
  }

  static async start(): Promise<LimitedApp> {
    let built: { schema: GraphQLSchema; logger: Logger; server: ApolloServer<RequestContext> } | undefined;
    const app = await TestApp.start({}, (schema, logger) => {
      const server = limitedServer(schema, logger, limitsOf(), { production: false });
      built = { schema, logger, server };
      return server;
    });
    return new LimitedApp(app, built!.schema, built!.logger, built!.server);
  }

  /** One operation with the default limits. */
  send(query: string, variables?: Record<string, unknown>): Promise<Sent> {
    return this.defaults.send(query, variables);
  }

  /** A server on the same database with the limits of `env`. */
  async server(env: Record<string, string>, environment: Partial<LimitsEnvironment> = {}): Promise<LimitedServer> {
    return this.started(limitedServer(this.schema, this.logger, limitsOf(env), { production: false, ...environment }));
  }

  /** A server on the same database with the error formatting of src/server.ts and Apollo's defaults for the rest: no limits. */
  async unlimited(): Promise<LimitedServer> {
    return this.started(
      new ApolloServer<RequestContext>({
        schema: this.schema,
        formatError: formatError(new FailureLog(this.logger)),
        includeStacktraceInErrorResponses: false,
        plugins: [ApolloServerPluginInlineTraceDisabled()],
      }),
    );
  }

  private async started(server: ApolloServer<RequestContext>): Promise<LimitedServer> {
    await server.start();
    this.servers.push(server);
    return new LimitedServer(this.app, server);
  }

  async stop(): Promise<void> {
    for (const server of this.servers) await server.stop();
    await this.app.stop();
  }
}

export class LimitedServer {
  constructor(
    private readonly app: TestApp,
    private readonly server: ApolloServer<RequestContext>,
  ) {}

  /** One operation as one request (its HTTP status included). */
  async send(query: string, variables?: Record<string, unknown>): Promise<Sent> {
    const before = this.app.statements.length;
    const response = await this.server.executeOperation({ query, variables }, { contextValue: this.context() });
    return { ...resultOf(response.body), status: response.http.status, statements: this.app.statements.length - before };
  }

  /** An HTTP request to /graphql as a browser or a client library sends it. */
  async http(method: "GET" | "POST", headers: Record<string, string>, body?: unknown) {
    const response = await this.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: new HeaderMap(Object.entries(headers)), search: "", body },
      context: async () => this.context(),
    });
    const text = response.body.kind === "complete" ? response.body.string : "";
    return { status: response.status ?? 200, contentType: response.headers.get("content-type"), text };
  }

  private context(): RequestContext {
    return new RequestContext(this.app.orm, this.app.config, testPrincipal());
  }
}

function limitedServer(schema: GraphQLSchema, logger: Logger, limits: Limits, environment: LimitsEnvironment) {
  return createApolloServer(schema, logger, { limits, environment });
}

function resultOf(body: GraphQLResponse["body"]): Pick<Sent, "data" | "errors"> {
  if (body.kind !== "single") throw new Error("incremental responses are not used");
  return { data: body.singleResult.data, errors: body.singleResult.errors ?? [] };
}

/** The limits (extensions.limit) that refused an operation, in the order of its errors. */
export function refusedBy(sent: Sent): unknown[] {
  return sent.errors.map((error) => error.extensions?.limit).filter((limit) => limit !== undefined);
}
