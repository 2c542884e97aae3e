import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { DEV_CLIENT_ID, loadOrCreateDevClient } from "../../src/auth/dev-client";
import { signToken } from "../../src/auth/token-cli";
import { loadConfig } from "../../src/config";
import { closeOnSignal, startSubgraph } from "../../src/main";
import { composeSupergraphForApolloGateway } from "./compose";
import { namingFailures } from "./subgraph-failures";
import { buildZaakSubgraph } from "./zaak-subgraph";

/**
 * `npm run supergraph`: the whole house on one machine for people trying it: this subgraph on
 * the embedded database with demo data (port 4001), the Zaak subgraph double (4002), and a router
 * (Apollo Gateway) on http://localhost:4000/graphql with Apollo's landing page.
 *
 * The subgraph wants a token for every operation. A request to the router that carries its own
 * Authorization header is passed on with it; one without gets a fresh token of the development
 * client (every scope), so that the README's klantbeeld works in the sandbox as it is. (A real
 * router forwards the caller's token only.)
 */
/** What the router keeps of a request for the subgraph fetches. */
interface RouterContext {
  authorization?: string;
}

async function main() {
  const config = loadConfig({
    DATABASE_FILE: "data/supergraph-demo.db",
    SEED_DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    ...process.env,
    PORT: "4001",
  });
  const klantinteracties = await startSubgraph(config);

  // closeOnSignal below stops all three in order; Apollo's own signal handlers would race it.
  const zaken = new ApolloServer({ schema: buildZaakSubgraph(), plugins: [ApolloServerPluginInlineTraceDisabled()], stopOnTerminationSignals: false });
  await startStandaloneServer(zaken, { listen: { port: 4002 } });

  const devClient = config.auth.clients.length === 0 ? loadOrCreateDevClient(config.auth.devClientFile).client : undefined;
  const routerSecret = config.auth.routerSecret;
  const gateway = new ApolloGateway({
    supergraphSdl: await composeSupergraphForApolloGateway(),
    buildService: ({ name, url }) =>
      namingFailures(
        name,
        new RemoteGraphQLDataSource<RouterContext>({
          url,
          async willSendRequest({ request, context }) {
            if (name !== "klantinteracties") return;
            const authorization =
              context.authorization ??
              (devClient && `Bearer ${await signToken(devClient.clientId, devClient.secret as string, { scopes: [], burger: undefined, userId: "demo", userRepresentation: "Demo" })}`);
            if (authorization) request.http?.headers.set("authorization", authorization);
            if (routerSecret) request.http?.headers.set(routerSecret.header, routerSecret.secret);
          },
        }),
      ),
  });
  // No stack traces in answers, in any mode (as the subgraph itself).
  const router = new ApolloServer<RouterContext>({ gateway, includeStacktraceInErrorResponses: false, stopOnTerminationSignals: false });
  await startStandaloneServer(router, {
    listen: { port: 4000 },
    context: async ({ req }) => ({ authorization: typeof req.headers.authorization === "string" ? req.headers.authorization : undefined }),
  });
  console.log(`Klantinteracties subgraph: ${klantinteracties.url}`);
  console.log("Zaak subgraph (test double): http://localhost:4002/graphql");
  console.log("Router: http://localhost:4000/graphql  (open it in a browser for Apollo's sandbox)");
  console.log(
    devClient
      ? `The router calls the subgraph with a token of the development client "${DEV_CLIENT_ID}" (every scope) unless a request brings its own Authorization header; for the subgraph itself: TOKEN=$(npm run --silent token)`
      : "AUTH_CLIENTS configures the clients: send 'Authorization: Bearer <token of your client>' to the router; it passes it on to the subgraph",
  );

  closeOnSignal(async () => {
    await router.stop();
    await zaken.stop();
    await klantinteracties.close();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
