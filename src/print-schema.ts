import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { graphql } from "graphql";
import { buildKlantinteractiesSchema } from "./schema";

export const SCHEMA_FILE = path.join(__dirname, "..", "schema", "klantinteracties.graphql");

/**
 * The SDL clients and the router see, as committed in schema/klantinteracties.graphql: exactly
 * what the router fetches with `_service { sdl }`. (Since @apollo/subgraph 2.15 its
 * printSubgraphSchema prints the complete schema, federation definitions and `_entities`
 * included, which is not what a router composes from.)
 */
export async function printKlantinteractiesSchema(): Promise<string> {
  const result = await graphql({ schema: await buildKlantinteractiesSchema(), source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
  if (!sdl) throw new Error(`_service { sdl } gave no SDL: ${JSON.stringify(result.errors)}`);
  return `${sdl.trimEnd()}\n`;
}

if (require.main === module) {
  printKlantinteractiesSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE}`);
  });
}
