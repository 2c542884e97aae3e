import http from "node:http";
import express from "express";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { MikroORM } from "@mikro-orm/core";
import type { Config } from "./config";
import { RequestContext } from "./common/context";
import { inputHygienePlugin } from "./common/input-hygiene";
import { DatabaseReadiness } from "./database/readiness";
import { formatError, httpStatusFromErrors } from "./error-mapping";
import { FailureLog } from "./failure-log";
import { errorHandler, onlyGetAndPost, unknownPath } from "./http-errors";
import { apolloLogger, type Logger } from "./logger";

export function createApolloServer(
  schema: GraphQLSchema,
  logger: Logger,
  plugins: ApolloServerPlugin<RequestContext>[] = [],
  failures: FailureLog = new FailureLog(logger),
) {
  return new ApolloServer<RequestContext>({
    schema,
    formatError: formatError(failures),
    includeStacktraceInErrorResponses: false,
    logger: apolloLogger(logger),
    // main.ts stops on SIGTERM itself: Apollo's own handler would re-raise the signal once the
    // HTTP server is drained and so end the process before the database is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      httpStatusFromErrors<RequestContext>(),
      inputHygienePlugin(),
      ...plugins,
    ],
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
  const apollo = createApolloServer(schema, logger, [ApolloServerPluginDrainHttpServer({ httpServer })], failures);
  await apollo.start();
  const readiness = new DatabaseReadiness(orm);
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
    // Interim until authentication is wired in: a principal without any scope.
    expressMiddleware(apollo, { context: async () => new RequestContext(orm, config, { clientId: "", userId: "", userRepresentation: "", scopes: new Set() }) }),
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
