import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import httpTransport from "@graphql-mesh/transport-http";
import type { HttpRouter, RouterSubgraphs } from "./gateway";

/**
 * Hive Gateway (The Guild's router, @graphql-hive/gateway-runtime: the documented programmatic
 * form of `hive-gateway`) in-process, on schema/supergraph.graphql as composed for routers (with
 * @requiresScopes and @authenticated; Hive enforces those only with its `genericAuth` option, not
 * set here: the subgraph enforces every rule itself), fetching both subgraphs over HTTP as
 * deployed. It forwards the caller's Authorization header to the subgraphs and sends the router
 * secret to this subgraph as a static header of its transport, as a platform would configure it.
 * Requests reach the router through its fetch handler: no port of its own. Its default error
 * masking stays on: a failed subgraph fetch reaches the client as "Unexpected error." with the
 * path of the field, never with the subrequest (which carries the representations, BSN included).
 */
export async function startHiveGateway(supergraph: string, subgraphs: RouterSubgraphs): Promise<HttpRouter> {
  const gateway = createGatewayRuntime({
    supergraph,
    logging: false,
    // Given, not looked up at run time: the runtime otherwise imports @graphql-mesh/transport-<kind> itself.
    transports: { http: httpTransport },
    transportEntries: {
      klantinteracties: {
        location: subgraphs.klantinteracties,
        ...(subgraphs.routerSecret && { headers: [[subgraphs.routerSecret.header, subgraphs.routerSecret.value]] }),
      },
      zaken: { location: subgraphs.zaken },
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }),
    },
  });
  return {
    name: "Hive Gateway",
    async post(body, headers) {
      const response = await gateway.fetch("http://hive-gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    stop: async () => {
      await gateway.dispose();
    },
  };
}
