import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/principal";
import { loadOrCreateDevClient } from "../../src/auth/dev-client";
import { signToken } from "../../src/auth/token-cli";
import { TokenVerifier } from "../../src/auth/token-verifier";
import { loadConfig } from "../../src/config";
import { seedDemoDataIfEmpty } from "../../src/database/demo-data";
import { TestApp } from "../support/app";
import { FederatedTestApp } from "../support/gateway";
import { KLANTBEELD } from "../federation/klantbeeld-query";
import { differences, readReadmeOperations, substitute } from "./readme-blocks";

/**
 * The README's operations, pasted in order as a newcomer would into the explorer of
 * `npm run supergraph`: the subgraph on the demo data, the Zaak subgraph double and the router,
 * asked with the development client's token (every scope).
 */
const operations = readReadmeOperations(path.join(__dirname, "..", "..", "README.md"));

/** Who the demo router's token of the development client makes the caller: signed and verified as `npm run supergraph` does. */
async function developmentClientPrincipal(): Promise<Principal> {
  const folder = mkdtempSync(path.join(tmpdir(), "readme-dev-client-"));
  const { client } = loadOrCreateDevClient(path.join(folder, "dev-client.json"));
  rmSync(folder, { recursive: true });
  const token = await signToken(client.clientId, client.secret as string, {
    scopes: [],
    burger: undefined,
    userId: "demo",
    userRepresentation: "Demo",
  });
  const verified = await new TokenVerifier({ ...loadConfig({}).auth, clients: [client] }).verify(`Bearer ${token}`);
  if (!verified.ok) throw new Error(`the development token is refused: ${verified.reason}`);
  return verified.principal;
}

describe("README examples", () => {
  let supergraph: FederatedTestApp;
  let devToken: Principal;
  const answers = new Map<string, unknown>();

  beforeAll(async () => {
    devToken = await developmentClientPrincipal();
    const subgraph = await TestApp.start();
    await seedDemoDataIfEmpty(subgraph.orm.em.fork());
    supergraph = await FederatedTestApp.start({ subgraph });
  });
  afterAll(() => supergraph?.stop());

  it("are named operations with unique names, the klantbeeld and the walkthrough among them", () => {
    const names = operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      "Klantbeeld",
      "MaakActor",
      "MaakPartij",
      "RegistreerContactverzoek",
      "OpenTaken",
      "HandelTaakAf",
      "KlantbeeldEva",
    ]) {
      expect(names).toContain(name);
    }
    expect(names.indexOf("MaakActor")).toBeLessThan(names.indexOf("HandelTaakAf"));
  });

  it("holds the Klantbeeld that the demo router's explorer opens with", () => {
    const klantbeeld = operations.find((o) => o.name === "Klantbeeld");
    expect(klantbeeld?.document.trim()).toBe(KLANTBEELD.trim());
  });

  // One test per block, in README order: each runs on what the blocks before it wrote.
  for (const operation of operations) {
    it(`${operation.name} (README.md line ${operation.line}) succeeds${operation.answer ? " and answers what the README shows" : ""}`, async () => {
      const variables = substitute(operation.variables, answers) as Record<string, unknown>;
      const result = await supergraph.query(operation.document, variables, { principal: devToken });
      expect(result.errors ?? []).toEqual([]);
      answers.set(operation.name, result.data);
      if (operation.answer) expect(differences(operation.answer.data, result.data)).toEqual([]);
    });
  }

  it("leaves the walkthrough's task closed", async () => {
    const taak = substitute("<OpenTaken: interneTaken.edges.0.node.uuid>", answers);
    const result = await supergraph.query(
      `query Taak($taak: ID!) { interneTaak(uuid: $taak) { status afgehandeldOp } }`,
      { taak },
      { principal: devToken },
    );
    expect(result.errors).toBeUndefined();
    const { interneTaak } = result.data as { interneTaak: { status: string; afgehandeldOp: string | null } };
    expect(interneTaak.status).toBe("VERWERKT");
    expect(interneTaak.afgehandeldOp).not.toBeNull();
  });
});
