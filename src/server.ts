import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { MikroORM } from "@mikro-orm/core";
import type { Config } from "./config";
import { auditPlugin } from "./audit/audit-plugin";
import { RequestAuthenticator } from "./auth/request-authenticator";
import { RequestContext } from "./common/context";
import { inputHygienePlugin } from "./common/input-hygiene";
import { operationTransactionPlugin, trackRootMutationFields } from "./common/operation-transaction";
import { DatabaseReadiness } from "./database/readiness";
import { formatError, httpStatusFromErrors } from "./error-mapping";
import { EXPLORER_PATH, serveExplorerAsset } from "./explorer/assets";
import { subgraphExplorer } from "./explorer/subgraph-explorer";
import { FailureLog } from "./failure-log";
import { apolloHeadersOf, sendApolloResponse } from "./apollo-http";
import { readJsonBody } from "./http-body";
import { HttpError, INTERNAL_ERROR, methodNotAllowed, sendError, sendJson, UNKNOWN_PATH } from "./http-errors";
import { withLimits, type LimitsEnvironment } from "./limits/limits";
import { DEFAULT_LIMITS, type Limits } from "./limits/limits-config";
import { apolloLogger, type Logger } from "./logger";
import { Observability, observabilityPlugin, type ObservabilityOptions } from "./observability/observability";
import type { ObservedRequest } from "./observability/observed-request";

export interface SubgraphServerOptions {
  /** The cost limits of one operation (default: DEFAULT_LIMITS). */
  limits?: Limits;
  /** Production: no introspection, no landing page. Tests may also drive the execution clock. */
  environment?: LimitsEnvironment;
  /** Plugins of the HTTP face (e.g. draining the HTTP server). */
  plugins?: ApolloServerPlugin<RequestContext>[];
  failures?: FailureLog;
}

/**
 * The GraphQL engine, the same in `npm start` and in the tests. Its plugins act on a request in
 * this order: the limits and the input check refuse an operation before it executes (so before any
 * SQL); the HTTP status follows from the errors; a mutation operation commits or rolls back its one
 * transaction once it has executed (src/common/operation-transaction.ts); the audit plugin writes
 * the operation's records last, because it replaces the response when they cannot be stored.
 *
 * No plugin hooks willResolveField: work per field runs in the resolvers that need it (the time
 * limit, the root fields of a mutation), since Apollo would otherwise dispatch to every plugin for
 * every field of every operation. For the same reason Apollo's cache-control plugin is off (nothing
 * here sets cache hints, and it hooks every field), and so are the reports to Apollo's cloud (usage,
 * schema), which Apollo would otherwise switch on by itself from APOLLO_* variables.
 */
export function createApolloServer(schema: GraphQLSchema, logger: Logger, options: SubgraphServerOptions = {}) {
  const failures = options.failures ?? new FailureLog(logger);
  const limited = withLimits<RequestContext, ApolloServerOptionsWithSchema<RequestContext>>(
    {
      schema,
      formatError: formatError(failures),
      includeStacktraceInErrorResponses: false,
      logger: apolloLogger(logger),
      // main.ts stops on SIGTERM itself: Apollo's own handler would re-raise the signal once the
      // HTTP server is drained and so end the process before the database is closed.
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        inputHygienePlugin(),
        httpStatusFromErrors<RequestContext>(),
        observabilityPlugin,
        ...(options.plugins ?? []),
      ],
    },
    options.limits ?? DEFAULT_LIMITS,
    options.environment ?? { production: false },
  );
  // Around the time limit's check, which withLimits put in the resolvers: a root field the time
  // limit refuses counts as started, and failed.
  trackRootMutationFields(schema);
  // The audit plugin after the limits' own plugins (the time limit replaces a late answer): nothing
  // may change the response once its records are written.
  return new ApolloServer<RequestContext>({
    ...limited,
    plugins: [...limited.plugins, operationTransactionPlugin(failures), auditPlugin(failures)],
  });
}

export interface RunningServer {
  url: string;
  /** Stops taking requests, lets those under way finish (at most 10 s), then stops. */
  close(): Promise<void>;
}

/**
 * The HTTP face: POST/GET /graphql, GET /health (the process runs), GET /ready (a write to the
 * database would succeed, and the process is not stopping) and GET /metrics (Prometheus, unless
 * METRICS_ENABLED is false); outside production also the explorer's files under /explorer/
 * (src/explorer/). Every other answer is a JSON error.
 *
 * Plain node:http rather than express: a handful of routes need no router, and express with its body
 * parser and Apollo's express integration cost about 0.2 ms of CPU per request more than this
 * (measured on a trivial query: 310–360 µs against 140 µs per request, Apollo included).
 */
export async function startHttpServer(
  schema: GraphQLSchema,
  orm: MikroORM,
  config: Config,
  logger: Logger,
  observabilityOptions: ObservabilityOptions = {},
): Promise<RunningServer> {
  const httpServer = http.createServer();
  const observability = Observability.create(config, logger, orm, observabilityOptions);
  const failures = new FailureLog(logger);
  // Outside production: the explorer (GraphiQL) as the page of GET /graphql, its files under /explorer/.
  const explorer = subgraphExplorer(config);
  const apollo = createApolloServer(schema, logger, {
    limits: config.limits,
    environment: { production: config.production },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(explorer ? [explorer] : [])],
    failures,
  });
  await apollo.start();
  const readiness = new DatabaseReadiness(orm);
  const authenticator = new RequestAuthenticator(
    config.auth,
    (reason) => logger.warn({ reason }, "request not authenticated"),
    config.limits.maxTokens,
  );
  let stopping = false;

  async function ready(res: ServerResponse): Promise<void> {
    if (stopping) return sendJson(res, 503, { status: "stopping" });
    const state = await readiness.check();
    if (state.ready) return sendJson(res, 200, { status: "ready" });
    failures.warn(state.error, "database not ready", { fault: state.fault });
    sendJson(res, 503, { status: "not ready", fault: state.fault });
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    await observability.observe(req.headers, (observed) => answerGraphql(req, res, search, observed));
  }

  async function answerGraphql(req: IncomingMessage, res: ServerResponse, search: string, observed: ObservedRequest): Promise<void> {
    const method = req.method;
    if (method !== "GET" && method !== "POST") throw methodNotAllowed(method);
    const body = method === "POST" ? await readJsonBody(req) : undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: apolloHeadersOf(req), search, body },
      // Before any SQL: a refused request gets its 401 without the database being touched.
      context: async () => {
        const principal = await authenticator.principalOf({ headers: req.headers, query: documentOf(method, body, search) });
        return new RequestContext(orm, config, principal, observed);
      },
    });
    observed.answeredOverHttp(response);
    await sendApolloResponse(res, response);
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path, search } = target(req.url ?? "/");
    if (path === "/graphql") return graphql(req, res, search);
    if (explorer && path.startsWith(EXPLORER_PATH)) return serveExplorerAsset(req, res, path);
    // GET routes answer HEAD too, without the body (Node leaves it out).
    if (req.method === "GET" || req.method === "HEAD") {
      if (path === "/health") return sendJson(res, 200, { status: "ok" });
      if (path === "/ready") return ready(res);
      if (path === "/metrics" && observability.metrics) return observability.metrics.respond(res);
    }
    throw UNKNOWN_PATH;
  }

  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res).catch((err: unknown) => {
      if (!(err instanceof HttpError)) failures.error(err, "unexpected error in HTTP handling");
      if (res.headersSent) res.destroy();
      else sendError(res, err instanceof HttpError ? err : INTERNAL_ERROR);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    url: `http://localhost:${port}/graphql`,
    close: async () => {
      stopping = true;
      await apollo.stop();
      await observability.close();
    },
  };
}

/** The path (without a trailing slash) and the query string (with its `?`) of a request target. */
function target(url: string): { path: string; search: string } {
  let path = url;
  let search = "";
  if (!url.startsWith("/")) {
    // The absolute form (`http://host/graphql`) that a proxy may send; anything else names no path here.
    try {
      ({ pathname: path, search } = new URL(url));
    } catch {
      return { path: "", search: "" };
    }
  } else {
    const question = url.indexOf("?");
    if (question >= 0) {
      path = url.slice(0, question);
      search = url.slice(question);
    }
  }
  return { path: path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path, search };
}

/** The GraphQL document of a POST (JSON body) or GET (query parameter), for the authenticator's look. */
function documentOf(method: string, body: unknown, search: string): unknown {
  if (method === "GET") return new URLSearchParams(search).get("query") ?? undefined;
  return typeof body === "object" && body !== null ? (body as { query?: unknown }).query : undefined;
}
