import { writeFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
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
 * router's composition does. Throws with every composition error.
 */
export async function composeSupergraph(): Promise<string> {
  const result = composeServices([
    { name: "klantinteracties", url: SUBGRAPH_URLS.klantinteracties, typeDefs: gql(await printKlantinteractiesSchema()) },
    { name: "zaken", url: SUBGRAPH_URLS.zaken, typeDefs: gql(ZAKEN_SDL) },
  ]);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return result.supergraphSdl + "\n";
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
