import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../common/context";
import type { Config } from "../config";
import { developmentAuthorization, developmentClientOf } from "./development-token";
import { explorerLandingPage } from "./page";

/**
 * The operation the subgraph's explorer opens with: the klantbeeld of the first partijen as far as
 * this subgraph knows it, on any database (the README's Klantbeeld also asks for zaken, which only
 * the router of `npm run supergraph` has).
 */
export const SUBGRAPH_EXPLORER_QUERY = `# The first partijen with their contact details and latest contacts.
# The zaken of a partij come through the router (npm run supergraph).
query Klantbeelden {
  partijen(first: 5) {
    edges {
      node {
        partijIdentificatie {
          ... on Persoon { volledigeNaam }
          ... on Contactpersoon { volledigeNaam }
          ... on Organisatie { naam }
        }
        digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
        klantcontacten(first: 10) {
          edges {
            node { kanaal onderwerp plaatsgevondenOp hadBetrokkenActoren { naam } }
          }
        }
      }
    }
  }
}
`;

/**
 * The subgraph's explorer page, outside production only (production has no page and no
 * /explorer/ route): with a fresh token of the development client when that is the client in use.
 */
export function subgraphExplorer(config: Config): ApolloServerPlugin<RequestContext> | undefined {
  if (config.production) return undefined;
  const client = developmentClientOf(config.auth);
  return explorerLandingPage({ query: SUBGRAPH_EXPLORER_QUERY, authorization: client && developmentAuthorization(client) });
}
