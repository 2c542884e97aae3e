import "reflect-metadata";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { DEV_CLIENT_ID, loadOrCreateDevClient } from "../../src/auth/dev-client";
import { ConfigError, loadConfig, type ConfigProblem } from "../../src/config";
import { EXPLORER_PATH, serveExplorerAsset } from "../../src/explorer/assets";
import { developmentAuthorization } from "../../src/explorer/development-token";
import { explorerLandingPage } from "../../src/explorer/page";
import { apolloHeadersOf, sendApolloResponse } from "../../src/apollo-http";
import { readJsonBody } from "../../src/http-body";
import { HttpError, INTERNAL_ERROR, methodNotAllowed, sendError, UNKNOWN_PATH } from "../../src/http-errors";
import { apolloLogger, createLogger, logProcessWarnings, type Logger } from "../../src/logger";
import { closeOnSignal, startSubgraph } from "../../src/main";
import { composeSupergraphForApolloGateway } from "./compose";
import { KLANTBEELD } from "./klantbeeld-query";
import { namingFailures } from "./subgraph-failures";
import { buildZaakSubgraph } from "./zaak-subgraph";

/**
 * `npm run supergraph`: the whole house on one machine for people trying it: this subgraph on
 * the embedded database with demo data (PORT, 4001), the Zaak subgraph double (ZAKEN_PORT, 4002),
 * and a router (Apollo Gateway) on ROUTER_PORT (4000) whose /graphql opens the API explorer in a
 * browser (GraphiQL from node_modules, src/explorer/) with the README's Klantbeeld. Port 0 takes a
 * free port; the lines written give the URLs. Every line is a JSON log line.
 *
 * The subgraph wants a token for every operation. A request to the router that carries its own
 * Authorization header is passed on with it; one without gets a fresh token of the development
 * client (every scope), so that the README's klantbeeld works as it is from any client. (A real
 * router forwards the caller's token only.)
 */

/** What the router keeps of a request for the subgraph fetches. */
interface RouterContext {
  authorization?: string;
  /** The caller's W3C trace context, passed on so that the subgraph's spans continue its trace. */
  traceparent?: string;
}

async function main(logger: Logger, apolloLogs: Logger) {
  const config = loadConfig({ DATABASE_FILE: "data/supergraph-demo.db", SEED_DEMO_DATA: "true", LOG_LEVEL: "warn", ...process.env });
  const ports = demoPorts(process.env);
  const klantinteracties = await startSubgraph(config, createLogger(config.logLevel));

  // closeOnSignal below stops all three in order; Apollo's own signal handlers would race it.
  const zaken = new ApolloServer({
    schema: buildZaakSubgraph(),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    stopOnTerminationSignals: false,
  });
  const zakenListening = await startStandaloneServer(zaken, { listen: { port: ports.zaken, host: config.host } });
  const subgraphUrls: Record<string, string> = {
    klantinteracties: klantinteracties.url,
    zaken: `http://localhost:${new URL(zakenListening.url).port}/graphql`,
  };

  const devClient = config.auth.clients.length === 0 ? loadOrCreateDevClient(config.auth.devClientFile).client : undefined;
  const routerSecret = config.auth.routerSecret;
  const demoAuthorization = devClient && developmentAuthorization(devClient, { userId: "demo", userRepresentation: "Demo" });
  const gateway = new ApolloGateway({
    supergraphSdl: await composeSupergraphForApolloGateway(),
    logger: apolloLogger(apolloLogs),
    buildService: ({ name }) =>
      namingFailures(
        name,
        new RemoteGraphQLDataSource<RouterContext>({
          // The composed supergraph names the default ports; these are the ones bound.
          url: subgraphUrls[name],
          async willSendRequest({ request, context }) {
            if (name !== "klantinteracties") return;
            const authorization = context.authorization ?? (await demoAuthorization?.());
            if (authorization) request.http?.headers.set("authorization", authorization);
            if (routerSecret) request.http?.headers.set(routerSecret.header, routerSecret.secret);
            if (context.traceparent) request.http?.headers.set("traceparent", context.traceparent);
          },
          // The router's answer only names the subgraph (namingFailures); the log tells why.
          didEncounterError(error, _request, response) {
            logger.warn({ subgraph: name, httpStatus: response?.status, err: error }, "subgraph fetch failed");
            throw error;
          },
        }),
      ),
  });
  const httpServer = http.createServer();
  const router = new ApolloServer<RouterContext>({
    gateway,
    logger: apolloLogger(apolloLogs),
    // No stack traces in answers, in any mode (as the subgraph itself).
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      explorerLandingPage<RouterContext>({ query: KLANTBEELD, authorization: devClient && developmentAuthorization(devClient) }),
    ],
  });
  await router.start();
  const routerPort = await listen(httpServer, router, ports.router, config.host, logger);
  logger.info({ role: "subgraph", url: klantinteracties.url }, "Klantinteracties subgraph");
  logger.info({ role: "zaken", url: subgraphUrls.zaken }, "Zaak subgraph (test double)");
  logger.info({ role: "router", url: `http://localhost:${routerPort}/graphql` }, "Router: open its URL in a browser for the API explorer");
  if (devClient) {
    logger.info(
      { clientId: DEV_CLIENT_ID, token: "npm run --silent token" },
      `The router calls the subgraph with a token of the development client "${DEV_CLIENT_ID}" (every scope) unless a request brings its own Authorization header; for the subgraph itself: TOKEN=$(npm run --silent token)`,
    );
  } else {
    logger.info(
      "AUTH_CLIENTS configures the clients: send 'Authorization: Bearer <token of your client>' to the router; it passes it on to the subgraph",
    );
  }

  closeOnSignal(async () => {
    await router.stop();
    await zaken.stop();
    await klantinteracties.close();
  }, logger);
}

/** ROUTER_PORT, ZAKEN_PORT (PORT, the subgraph's, is read by loadConfig). */
function demoPorts(env: NodeJS.ProcessEnv): { router: number; zaken: number } {
  const problems: ConfigProblem[] = [];
  const port = (variable: string, fallback: number) => {
    const raw = env[variable];
    const value = Number(raw || fallback);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
      problems.push({ variable, problem: `must be a port number (0 to 65535), got "${raw}"` });
    return value;
  };
  const ports = { router: port("ROUTER_PORT", 4000), zaken: port("ZAKEN_PORT", 4002) };
  if (problems.length > 0) throw new ConfigError(problems);
  return ports;
}

/**
 * The router's HTTP face: /graphql (Apollo; the explorer page for a browser) and the explorer's
 * files under /explorer/; anything else is the JSON 404 of the subgraph's HTTP face. Resolves with
 * the port bound.
 */
async function listen(
  httpServer: http.Server,
  router: ApolloServer<RouterContext>,
  port: number,
  host: string,
  logger: Logger,
): Promise<number> {
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, search } = new URL(req.url ?? "/", "http://router");
    if (pathname.startsWith(EXPLORER_PATH)) return serveExplorerAsset(req, res, pathname);
    if (pathname !== "/graphql" && pathname !== "/graphql/") throw UNKNOWN_PATH;
    const method = req.method;
    if (method !== "GET" && method !== "POST") throw methodNotAllowed(method);
    const response = await router.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: apolloHeadersOf(req), search, body: method === "POST" ? await readJsonBody(req) : undefined },
      context: async () => ({ authorization: req.headers.authorization, traceparent: single(req.headers.traceparent) }),
    });
    await sendApolloResponse(res, response);
  }
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res).catch((err: unknown) => {
      if (!(err instanceof HttpError)) logger.error({ err }, "unexpected error in the router's HTTP handling");
      if (res.headersSent) res.destroy();
      else sendError(res, err instanceof HttpError ? err : INTERNAL_ERROR);
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  return typeof address === "object" && address ? address.port : port;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const logs = createLogger("info");
logProcessWarnings(() => logs);
const logger = logs.child({ component: "supergraph-demo" });
main(logger, logs).catch((err: unknown) => {
  if (err instanceof ConfigError) logger.fatal({ invalidVariables: err.problems }, "invalid configuration");
  else logger.fatal({ err }, "cannot start the demo supergraph");
  process.exit(1);
});
