import http from "node:http";
import express from "express";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { MikroORM } from "@mikro-orm/core";
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from "@mikro-orm/core";
import type { Logger } from "pino";
import type { Config } from "./config";
import { RequestContext } from "./common/context";
import { InvalidInputError, NotFoundError } from "./common/errors";
import { inputHygienePlugin } from "./common/input-hygiene";

/**
 * Maps what a resolver threw onto the error a client sees (ARCHITECTURE.md, Errors):
 * invalid input → BAD_USER_INPUT with invalidParams, not found → NOT_FOUND, GraphQL's own errors as
 * they are, and anything unexpected → a masked INTERNAL_SERVER_ERROR (logged, never a stack trace).
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof InvalidInputError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "BAD_USER_INPUT", invalidParams: original.invalidParams },
      };
    }
    if (original instanceof NotFoundError) {
      return { message: original.message, path: formatted.path, extensions: { code: "NOT_FOUND" } };
    }
    // A constraint the services did not foresee (e.g. two requests racing for the same value).
    if (original instanceof UniqueConstraintViolationException) {
      return {
        message: "Deze gegevens bestaan al.",
        path: formatted.path,
        extensions: {
          code: "BAD_USER_INPUT",
          invalidParams: [{ name: "nonFieldErrors", code: "unique", reason: "Deze gegevens bestaan al (gelijktijdige wijziging)." }],
        },
      };
    }
    if (original instanceof ForeignKeyConstraintViolationException) {
      return {
        message: "Dit object wordt nog gebruikt of verwijst naar een object dat niet bestaat.",
        path: formatted.path,
        extensions: {
          code: "BAD_USER_INPUT",
          invalidParams: [{ name: "nonFieldErrors", code: "protected", reason: "Dit object wordt nog gebruikt." }],
        },
      };
    }
    // GraphQL's own errors (parse, validation, variable coercion) arrive with their code. Not
    // checked with instanceof GraphQLError: graphql can be loaded twice (CommonJS and ESM).
    const code = formatted.extensions?.code;
    if (code && code !== "INTERNAL_SERVER_ERROR") {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error in resolver");
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

export function createApolloServer(schema: GraphQLSchema, logger: Logger, plugins: ApolloServerPlugin<RequestContext>[] = []) {
  return new ApolloServer<RequestContext>({
    schema,
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), inputHygienePlugin(), ...plugins],
  });
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The HTTP face: POST/GET /graphql, GET /health (process up) and GET /ready (database reachable). */
export async function startHttpServer(
  schema: GraphQLSchema,
  orm: MikroORM,
  config: Config,
  logger: Logger,
): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(schema, logger, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    try {
      await orm.em.getConnection().execute("select 1");
      res.json({ status: "ready" });
    } catch (err) {
      logger.warn({ err }, "database not reachable");
      res.status(503).json({ status: "database unavailable" });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => new RequestContext(orm, config) }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}/graphql`;
  return {
    url,
    close: async () => {
      await apollo.stop();
    },
  };
}
