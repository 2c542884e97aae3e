import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { Principal } from "../../src/auth/principal";
import { composeSupergraph, composeSupergraphForApolloGateway } from "../federation/compose";
import { namingFailures } from "../federation/subgraph-failures";
import { ZaakSubgraphDouble, ZaakSubgraphServer } from "../federation/zaak-subgraph";
import type { FixtureZaak } from "../federation/zaken-fixtures";
import { TestApp, type Result } from "./app";
import { startHiveGateway } from "./hive-gateway";
import { TestServer } from "./http-server";
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

/** Where a router that fetches over HTTP finds the subgraphs, and the router secret it sends this subgraph. */
export interface RouterSubgraphs {
  klantinteracties: string;
  zaken: string;
  routerSecret?: { header: string; value: string };
}

/** A GraphQL request as a client POSTs it, and the router's answer. */
export interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}
export interface RouterResponse<TData = Record<string, unknown>> {
  status: number;
  body: Result<TData>;
}

/** A router in-process that clients reach with HTTP requests (headers included) and that fetches its subgraphs over HTTP. */
export interface HttpRouter {
  readonly name: string;
  post<TData = Record<string, unknown>>(body: GraphqlBody, headers: Record<string, string>): Promise<RouterResponse<TData>>;
  stop(): Promise<void>;
}

/** What the Apollo router's request context carries to its data sources: the caller's Authorization header. */
interface ForwardingContext {
  authorization?: string;
}

/**
 * Apollo Gateway as a deployed router runs it: on the supergraph for @apollo/gateway, fetching
 * the subgraphs over HTTP with the caller's Authorization header and the router secret, failed
 * fetches naming the subgraph (namingFailures). Requests reach it through Apollo Server's HTTP
 * handler: no port of its own.
 */
export async function startApolloGatewayOverHttp(subgraphs: RouterSubgraphs): Promise<HttpRouter> {
  const urls: Record<string, string> = { klantinteracties: subgraphs.klantinteracties, zaken: subgraphs.zaken };
  const gateway = new ApolloGateway({
    supergraphSdl: await composeSupergraphForApolloGateway(),
    buildService: ({ name }) =>
      namingFailures(
        name,
        new RemoteGraphQLDataSource<ForwardingContext>({
          url: urls[name],
          willSendRequest: ({ request, context }) => {
            if (context.authorization) request.http?.headers.set("authorization", context.authorization);
            if (name === "klantinteracties" && subgraphs.routerSecret) {
              request.http?.headers.set(subgraphs.routerSecret.header, subgraphs.routerSecret.value);
            }
          },
        }),
      ),
  });
  const server = new ApolloServer<ForwardingContext>({ gateway, includeStacktraceInErrorResponses: false });
  await server.start();
  return {
    name: "Apollo Gateway",
    async post(body, headers) {
      const httpGraphQLRequest = {
        method: "POST",
        headers: new HeaderMap(Object.entries({ "content-type": "application/json", ...headers })),
        search: "",
        body,
      };
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => ({ authorization: httpGraphQLRequest.headers.get("authorization") }),
      });
      if (response.body.kind !== "complete") throw new Error("incremental responses are not used");
      return { status: response.status ?? 200, body: JSON.parse(response.body.string) as never };
    },
    stop: () => server.stop(),
  };
}

/**
 * The supergraph as deployed, twice: this subgraph over real HTTP (src/main.ts, its
 * authentication and router secret included) and the Zaak double over HTTP, each behind two
 * routers, Apollo Gateway and Hive Gateway, so that a test can ask both the same question.
 */
export class RoutersOverHttp {
  private constructor(
    readonly subgraph: TestServer,
    readonly zaken: ZaakSubgraphServer,
    readonly routers: readonly HttpRouter[],
  ) {}

  /** `env`: the subgraph's environment (e.g. ROUTER_SECRET); `routerSecret`: what the routers send. */
  static async start(options: { env?: NodeJS.ProcessEnv; routerSecret?: RouterSubgraphs["routerSecret"] } = {}): Promise<RoutersOverHttp> {
    const subgraph = await TestServer.start(options.env);
    const zaken = await ZaakSubgraphServer.start();
    const endpoints: RouterSubgraphs = { klantinteracties: subgraph.at("/graphql"), zaken: zaken.url, routerSecret: options.routerSecret };
    const routers = [await startApolloGatewayOverHttp(endpoints), await startHiveGateway(await composeSupergraph(), endpoints)];
    return new RoutersOverHttp(subgraph, zaken, routers);
  }

  async stop(): Promise<void> {
    for (const router of this.routers) await router.stop();
    await this.zaken.stop();
    await this.subgraph.stop();
  }
}
