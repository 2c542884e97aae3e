import { testPrincipal } from "./principals";
import { ApolloServer } from "@apollo/server";
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { RequestContext } from "../../src/common/context";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { composeSupergraph } from "../federation/compose";
import { namingFailures } from "../federation/subgraph-failures";
import { ZaakSubgraphDouble } from "../federation/zaak-subgraph";
import type { FixtureZaak } from "../federation/zaken-fixtures";
import { TestApp, type Result } from "./app";

/** Every fetch the router sends to a subgraph, in order. */
export interface SubgraphFetch {
  subgraph: string;
  query: string;
}

/**
 * The supergraph in-process: an Apollo Gateway (router) composed from this subgraph and the Zaak
 * subgraph double, each executed locally. This subgraph gets a fresh request context per fetch,
 * as it would per HTTP request behind a real router. `zaken.down = true` stops the Zaak subgraph.
 */
export class FederatedTestApp {
  readonly fetches: SubgraphFetch[] = [];

  private constructor(
    readonly subgraph: TestApp,
    readonly zaken: ZaakSubgraphDouble,
    private readonly router: ApolloServer,
  ) {}

  /**
   * `zaken`: what the Zaak double serves (default: the fixtures that match the demo data);
   * `subgraph`: an app already started (and seeded), which the router then serves and stops.
   */
  static async start(options: { zaken?: FixtureZaak[]; subgraph?: TestApp } = {}): Promise<FederatedTestApp> {
    const subgraph = options.subgraph ?? (await TestApp.start());
    const klantinteracties = new LocalGraphQLDataSource(await buildKlantinteractiesSchema());
    const zaken = new ZaakSubgraphDouble(options.zaken);
    const fetches: SubgraphFetch[] = [];

    const gateway = new ApolloGateway({
      supergraphSdl: await composeSupergraph(),
      buildService: ({ name }) =>
        namingFailures(name, {
          process: (options: GraphQLDataSourceProcessOptions) => {
            fetches.push({ subgraph: name, query: options.request.query ?? "" });
            if (name === "zaken") return zaken.process(options);
            const context = new RequestContext(subgraph.orm, subgraph.config, testPrincipal());
            return klantinteracties.process({ ...options, context } as GraphQLDataSourceProcessOptions);
          },
        }),
    });
    const router = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
    await router.start();
    const app = new FederatedTestApp(subgraph, zaken, router);
    (app as { fetches: SubgraphFetch[] }).fetches = fetches;
    return app;
  }

  /** One query through the router; the fetches it caused are in `this.fetches` afterwards. */
  async query<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
  ): Promise<Result<TData>> {
    this.fetches.length = 0;
    const query = typeof document === "string" ? document : print(document);
    const response = await this.router.executeOperation({ query, variables });
    if (response.body.kind !== "single") throw new Error("incremental responses are not used");
    return response.body.singleResult as Result<TData>;
  }

  async stop(): Promise<void> {
    await this.router.stop();
    await this.subgraph.stop();
  }
}
