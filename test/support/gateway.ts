import { ApolloServer } from "@apollo/server";
import { ApolloGateway, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { Principal } from "../../src/auth/principal";
import { composeSupergraphForApolloGateway } from "../federation/compose";
import { namingFailures } from "../federation/subgraph-failures";
import { ZaakSubgraphDouble } from "../federation/zaak-subgraph";
import type { FixtureZaak } from "../federation/zaken-fixtures";
import { TestApp, type Result } from "./app";
import { testPrincipal } from "./principals";

/** What the router's request context carries to the subgraph: who asks (forwarded as a token would be). */
interface RouterContext {
  principal?: Principal;
}

/** Every fetch the router sends to a subgraph, in order. */
export interface SubgraphFetch {
  subgraph: string;
  query: string;
}

/**
 * The supergraph in-process: an Apollo Gateway (router) composed from this subgraph and the Zaak
 * subgraph double, each executed locally. Every fetch of this subgraph is one operation of the
 * subgraph's own Apollo Server (limits, errors, audit), with a fresh request context and the
 * principal of the router's request, as a router forwarding the caller's token would have it.
 * `zaken.down = true` stops the Zaak subgraph.
 */
export class FederatedTestApp {
  readonly fetches: SubgraphFetch[] = [];

  private constructor(
    readonly subgraph: TestApp,
    readonly zaken: ZaakSubgraphDouble,
    private readonly router: ApolloServer<RouterContext>,
  ) {}

  /**
   * `zaken`: what the Zaak double serves (default: the fixtures that match the demo data);
   * `subgraph`: an app already started (and seeded), which the router then serves and stops.
   */
  static async start(options: { zaken?: FixtureZaak[]; subgraph?: TestApp } = {}): Promise<FederatedTestApp> {
    const subgraph = options.subgraph ?? (await TestApp.start());
    const zaken = new ZaakSubgraphDouble(options.zaken);
    const fetches: SubgraphFetch[] = [];

    const gateway = new ApolloGateway({
      supergraphSdl: await composeSupergraphForApolloGateway(),
      buildService: ({ name }) =>
        namingFailures(name, {
          process: async (options: GraphQLDataSourceProcessOptions) => {
            const { query = "", variables, operationName } = options.request;
            fetches.push({ subgraph: name, query });
            if (name === "zaken") return zaken.process(options);
            const principal = (options.context as RouterContext | undefined)?.principal ?? testPrincipal();
            return subgraph.execute(query, variables, { principal, operationName: operationName ?? undefined });
          },
        }),
    });
    const router = new ApolloServer<RouterContext>({ gateway, includeStacktraceInErrorResponses: false });
    await router.start();
    const app = new FederatedTestApp(subgraph, zaken, router);
    (app as { fetches: SubgraphFetch[] }).fetches = fetches;
    return app;
  }

  /**
   * One query through the router, asked by `principal` (default: a client with every scope); the
   * fetches it caused are in `this.fetches` afterwards.
   */
  async query<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options: { principal?: Principal } = {},
  ): Promise<Result<TData>> {
    this.fetches.length = 0;
    const query = typeof document === "string" ? document : print(document);
    const contextValue: RouterContext = { principal: options.principal };
    const response = await this.router.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("incremental responses are not used");
    return response.body.singleResult as Result<TData>;
  }

  async stop(): Promise<void> {
    await this.router.stop();
    await this.subgraph.stop();
  }
}
