import { writeFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { Kind, visit, type DocumentNode } from "graphql";
import { gql } from "graphql-tag";
import { printKlantinteractiesSchema } from "../../src/print-schema";
import { ZAKEN_SDL } from "./zaak-subgraph";

export const SUPERGRAPH_FILE = path.join(__dirname, "..", "..", "schema", "supergraph.graphql");

/** Where the demo (`npm run supergraph`) serves each subgraph; the composed file names these URLs. */
export const SUBGRAPH_URLS = {
  klantinteracties: "http://localhost:4001/graphql",
  zaken: "http://localhost:4002/graphql",
};

/**
 * Composes this subgraph (as the code builds it) with the Zaak subgraph contract, as the
 * router's composition does. Throws with every composition error. This is the supergraph for
 * routers that enforce @requiresScopes and @authenticated (Apollo Router, Hive, Cosmo), written to
 * schema/supergraph.graphql.
 */
export async function composeSupergraph(): Promise<string> {
  return compose(gql(await printKlantinteractiesSchema()));
}

/** The access-control directives of the subgraph SDL that a router may enforce at the edge. */
export const ROUTER_AUTHORIZATION_DIRECTIVES = ["requiresScopes", "authenticated"];

/**
 * The supergraph for @apollo/gateway (the in-process router of the tests and `npm run
 * supergraph`): the same composition, from the subgraph SDL without @requiresScopes and
 * @authenticated. The JS gateway refuses a supergraph that uses them ("feature
 * https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported") and cannot
 * enforce them; nothing is lost, because the subgraph enforces every rule itself.
 */
export async function composeSupergraphForApolloGateway(): Promise<string> {
  return compose(withoutRouterAuthorization(gql(await printKlantinteractiesSchema())));
}

/** The SDL with every use of the ROUTER_AUTHORIZATION_DIRECTIVES removed (their @link import stays: unused, it composes to nothing). */
export function withoutRouterAuthorization(sdl: DocumentNode): DocumentNode {
  return visit(sdl, {
    [Kind.DIRECTIVE]: (directive) => (ROUTER_AUTHORIZATION_DIRECTIVES.includes(directive.name.value) ? null : undefined),
  });
}

function compose(klantinteracties: DocumentNode): string {
  const result = composeServices([
    { name: "klantinteracties", url: SUBGRAPH_URLS.klantinteracties, typeDefs: klantinteracties },
    { name: "zaken", url: SUBGRAPH_URLS.zaken, typeDefs: gql(ZAKEN_SDL) },
  ]);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl}\n`;
}

if (require.main === module) {
  composeSupergraph().then(
    (sdl) => {
      writeFileSync(SUPERGRAPH_FILE, sdl);
      console.log(`Wrote ${SUPERGRAPH_FILE}`);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
