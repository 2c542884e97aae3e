import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildKlantinteractiesSchema } from "./schema";

export const SCHEMA_FILE = path.join(__dirname, "..", "schema", "klantinteracties.graphql");

/** The SDL clients and the router see, as committed in schema/klantinteracties.graphql. */
export async function printKlantinteractiesSchema(): Promise<string> {
  return printSubgraphSchema(await buildKlantinteractiesSchema()) + "\n";
}

if (require.main === module) {
  printKlantinteractiesSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE}`);
  });
}
