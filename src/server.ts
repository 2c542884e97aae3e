import http from "node:http";
import express from "express";
import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { MikroORM } from "@mikro-orm/core";
import type { Request } from "express";
import type { Config } from "./config";
import { auditPlugin } from "./audit/audit-plugin";
import { RequestAuthenticator } from "./auth/request-authenticator";
import { RequestContext } from "./common/context";
import { inputHygienePlugin } from "./common/input-hygiene";
import { operationTransactionPlugin, trackRootMutationFields } from "./common/operation-transaction";
import { DatabaseReadiness } from "./database/readiness";
import { formatError, httpStatusFromErrors } from "./error-mapping";
import { FailureLog } from "./failure-log";
import { errorHandler, onlyGetAndPost, unknownPath } from "./http-errors";
import { withLimits, type LimitsEnvironment } from "./limits/limits";
import { DEFAULT_LIMITS, type Limits } from "./limits/limits-config";
import { apolloLogger, type Logger } from "./logger";

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
 * The HTTP face: POST/GET /graphql, GET /health (the process runs) and GET /ready (a write to the
 * database would succeed, and the process is not stopping). Every other answer is a JSON error.
 */
export async function startHttpServer(schema: GraphQLSchema, orm: MikroORM, config: Config, logger: Logger): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const failures = new FailureLog(logger);
  const apollo = createApolloServer(schema, logger, {
    limits: config.limits,
    environment: { production: config.production },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
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

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: "stopping" });
      return;
    }
    const state = await readiness.check();
    if (state.ready) {
      res.json({ status: "ready" });
      return;
    }
    failures.warn(state.error, "database not ready", { fault: state.fault });
    res.status(503).json({ status: "not ready", fault: state.fault });
  });
  app.use(
    "/graphql",
    onlyGetAndPost,
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      // Before any SQL: a refused request gets its 401 without the database being touched.
      context: async ({ req }) => new RequestContext(orm, config, await authenticator.principalOf(authenticationRequest(req))),
    }),
  );
  app.use(unknownPath);
  app.use(errorHandler(failures));

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
    },
  };
}

/** The headers and the document of a POST (JSON body) or GET (query parameter) request. */
function authenticationRequest(req: Request) {
  const source: unknown = req.method === "GET" ? req.query : req.body;
  const query = typeof source === "object" && source !== null ? (source as { query?: unknown }).query : undefined;
  return { headers: req.headers, query };
}
