import { randomUUID } from "node:crypto";
import { parse, print, visit, type FieldNode } from "graphql";
import { DEMO } from "../../src/database/demo-data";
import { KlantbeeldOpIdentificatorDocument, ZaakMetKlantcontactenDocument } from "../generated/supergraph";
import { KLANTBEELD } from "../federation/klantbeeld-query";
import { zaken } from "../federation/zaken-fixtures";
import { FederatedTestApp } from "../support/gateway";

/**
 * The operations the limits are calibrated on: what real clients send, which must pass, and the
 * abusive operations of issue 7, which must be refused.
 */

export interface RouterFetch {
  query: string;
  variables: Record<string, unknown>;
}

export interface RouterFetches {
  /** The README's klantbeeld: what the router asks this subgraph. */
  readmeKlantbeeld: RouterFetch;
  /** test/federation/klantbeeld.graphql's klantbeeld (more fields than the README's). */
  klantbeeld: RouterFetch;
  /** The klantbeeld's fields for 100 Partij references, as the router asks them with `_entities`. */
  klantbeeldVan100Partijen: (partijUuids: string[]) => RouterFetch;
  /** Zaak.klantcontacten (test/federation/klantbeeld.graphql) for 20 zaken at once. */
  klantcontactenVan20Zaken: RouterFetch;
}

/**
 * Sends the klantbeelden and a zaak with its klantcontacten through the router (Apollo Gateway, as
 * test/support/gateway.ts composes it) and keeps what it asks this subgraph: the operations to
 * calibrate on are the router's own, not a rendition of them.
 */
export async function captureRouterFetches(): Promise<RouterFetches> {
  const router = await FederatedTestApp.start();
  try {
    const fetchOf = async (send: () => Promise<unknown>) => {
      await send();
      const fetches = router.fetches.filter((fetch) => fetch.subgraph === "klantinteracties");
      if (fetches.length !== 1) throw new Error(`expected one fetch of this subgraph, got ${fetches.length}`);
      return fetches[0].query;
    };
    const klantbeeldVariables = { soort: "BSN" as const, objectId: DEMO.bsn };
    const readme = await fetchOf(() => router.query(KLANTBEELD));
    const klantbeeld = await fetchOf(() => router.query(KlantbeeldOpIdentificatorDocument, klantbeeldVariables));
    const zaakKlantcontacten = await fetchOf(() =>
      router.query(ZaakMetKlantcontactenDocument, { uuid: DEMO.zaken.parkeervergunning.uuid }),
    );

    const partijFields = print(partijSelection(parse(klantbeeld)));
    const entitiesOfPartijen = `query Klantbeeld__entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Partij ${partijFields} } }`;
    const zaakRepresentations = Array.from({ length: 20 }, (_, i) =>
      i < zaken.length
        ? { __typename: "Zaak", uuid: zaken[i].uuid, identificatie: zaken[i].identificatie }
        : { __typename: "Zaak", uuid: randomUUID(), identificatie: `ZAAK-2026-${String(9000 + i).padStart(7, "0")}` },
    );
    return {
      readmeKlantbeeld: { query: readme, variables: {} },
      klantbeeld: { query: klantbeeld, variables: klantbeeldVariables },
      klantbeeldVan100Partijen: (uuids) => ({
        query: entitiesOfPartijen,
        variables: { representations: uuids.map((uuid) => ({ __typename: "Partij", uuid })) },
      }),
      klantcontactenVan20Zaken: { query: zaakKlantcontacten, variables: { representations: zaakRepresentations } },
    };
  } finally {
    await router.stop();
  }
}

/** The selection under `partijen.edges.node` of the router's klantbeeld fetch. */
function partijSelection(document: ReturnType<typeof parse>) {
  let selection: FieldNode["selectionSet"];
  visit(document, {
    Field(field) {
      if (field.name.value === "node" && !selection) selection = field.selectionSet;
    },
  });
  if (!selection) throw new Error("the klantbeeld fetch has no partijen.edges.node");
  return selection;
}

// The abusive operations of issue 7 ("Why").

/**
 * The anonymous query that drove the process out of memory: partij → klantcontacten(first: 100)
 * → hadBetrokkenen → wasPartij, three levels (reconstructed from issue 7).
 */
export const DRIE_NIVEAUS = `query {
  partijen(first: 100) { edges { node {
    klantcontacten(first: 100) { edges { node { hadBetrokkenen { wasPartij {
      klantcontacten(first: 100) { edges { node { hadBetrokkenen { wasPartij {
        klantcontacten(first: 100) { edges { node { hadBetrokkenen { wasPartij {
          uuid bsn rsin kvkNummer
        } } } } }
      } } } } }
    } } } } }
  } } }
}
`;

/** `count` aliases of a nested list in one query. */
export function aliasesOfNestedList(count: number): string {
  const alias = (i: number) => `a${i}: klantcontacten(first: 100) { edges { node { uuid hadBetrokkenen { uuid } } } }`;
  return `{ ${Array.from({ length: count }, (_, i) => alias(i)).join("\n")} }`;
}

/** `count` aliased mutations in one request. */
export function aliasedMutations(count: number): string {
  const alias = (i: number) => `m${i}: createActor(input: { naam: "Actor ${i}", soortActor: ORGANISATORISCHE_EENHEID }) { uuid }`;
  return `mutation { ${Array.from({ length: count }, (_, i) => alias(i)).join("\n")} }`;
}

/** A narrow query `levels` levels of vertegenwoordigden deep under a partij: deep, but cheap. */
export function vertegenwoordigdenDeep(levels: number): string {
  return `{ partijen(first: 1) { edges { node { ${"vertegenwoordigden { ".repeat(levels)}uuid${" }".repeat(levels)} } } } }`;
}

/** One field asked `count` times: a document of about `count` tokens. */
export function tokenBomb(count: number): string {
  return `{ partijen(first: 1) { edges { node { ${"uuid ".repeat(count)}} } } }`;
}

/** `count` directives on one field. */
export function directiveBomb(count: number): string {
  return `{ __typename ${"@a".repeat(count)} }`;
}
