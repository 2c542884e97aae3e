import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { loadConfig } from "../../src/config";
import { closeOnSignal, startSubgraph } from "../../src/main";
import { composeSupergraphForApolloGateway } from "./compose";
import { namingFailures } from "./subgraph-failures";
import { buildZaakSubgraph } from "./zaak-subgraph";

/**
 * `npm run supergraph`: the whole house on one machine for people trying it: this subgraph on
 * the embedded database with demo data (port 4001), the Zaak subgraph double (4002), and a router
 * (Apollo Gateway) on http://localhost:4000/graphql with Apollo's landing page.
 */
async function main() {
  const config = loadConfig({
    DATABASE_FILE: "data/supergraph-demo.db",
    SEED_DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    ...process.env,
    PORT: "4001",
  });
  const klantinteracties = await startSubgraph(config);

  const zaken = new ApolloServer({ schema: buildZaakSubgraph(), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await startStandaloneServer(zaken, { listen: { port: 4002 } });

  const gateway = new ApolloGateway({
    supergraphSdl: await composeSupergraphForApolloGateway(),
    buildService: ({ name, url }) => namingFailures(name, new RemoteGraphQLDataSource({ url })),
  });
  // No stack traces in answers, in any mode (as the subgraph itself).
  const router = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  await startStandaloneServer(router, { listen: { port: 4000 } });
  console.log(`Klantinteracties subgraph: ${klantinteracties.url}`);
  console.log("Zaak subgraph (test double): http://localhost:4002/graphql");
  console.log("Router: http://localhost:4000/graphql  (open it in a browser for Apollo's sandbox)");

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
