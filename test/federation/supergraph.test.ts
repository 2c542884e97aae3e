import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { composeSupergraph, SUPERGRAPH_FILE } from "./compose";
import { ZAKEN_SDL } from "./zaak-subgraph";

const SHARED_CONTRACT = path.join(__dirname, "..", "..", "..", "shared", "contracts", "zaken-subgraph.graphql");

describe("the supergraph", () => {
  it("composes this subgraph with the Zaak subgraph without errors, as committed (run `npm run supergraph:print`)", async () => {
    expect(readFileSync(SUPERGRAPH_FILE, "utf8")).toBe(await composeSupergraph());
  });

  it.skipIf(!existsSync(SHARED_CONTRACT))("uses the Zaak subgraph contract unchanged", () => {
    expect(ZAKEN_SDL).toBe(readFileSync(SHARED_CONTRACT, "utf8"));
  });
});
