import type { GraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";

/**
 * A data source of the router whose failed fetches (subgraph stopped, unreachable, answering with
 * an HTTP error) name the subgraph. Apollo Gateway labels the errors a subgraph returns with
 * `extensions.serviceName`, but passes a failed fetch on as the bare network error, which tells a
 * client nothing about what is missing; Apollo Router names the subgraph itself. The cause (a URL,
 * a port, the subgraph's HTTP body) stays out of the answer. An HTTP error keeps the code Apollo
 * Gateway gave it (401 is UNAUTHENTICATED, 403 FORBIDDEN), so a client still learns it was refused.
 */
export function namingFailures(serviceName: string, source: GraphQLDataSource): GraphQLDataSource {
  return {
    process: (options) =>
      source.process(options).catch((err: unknown) => {
        const answered = err instanceof GraphQLError && err.extensions.response !== undefined;
        if (answered && (err.extensions.code === "UNAUTHENTICATED" || err.extensions.code === "FORBIDDEN")) {
          throw new GraphQLError(`De subgraph "${serviceName}" weigerde het verzoek.`, {
            extensions: { code: err.extensions.code, serviceName },
          });
        }
        throw new GraphQLError(`De subgraph "${serviceName}" antwoordde niet; de velden van die subgraph zijn null.`, {
          extensions: { code: "DOWNSTREAM_SERVICE_ERROR", serviceName },
        });
      }),
  };
}
