import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import { gql } from "graphql-tag";
import { zaken, type FixtureZaak } from "./zaken-fixtures";

/**
 * A test double of the Zaak subgraph: the contract (schema/zaken.graphql) exactly as written,
 * served from fixture zaken. It finds a partij's zaken the way the real one asks a Zaken API:
 * by rol betrokkeneIdentificatie (inpBsn, vestigingsNummer, innNnpId with RSIN or KvK-nummer).
 */
export const ZAKEN_SDL = readFileSync(path.join(__dirname, "..", "..", "schema", "zaken.graphql"), "utf8");

interface PartijIdentificatie {
  uuid: string;
  bsn?: string | null;
  kvkNummer?: string | null;
  vestigingsnummer?: string | null;
  rsin?: string | null;
}

function zakenVanPartij(partij: PartijIdentificatie, fixtures: FixtureZaak[]): FixtureZaak[] {
  return fixtures.filter((zaak) =>
    zaak.rollen.some(
      (rol) =>
        (partij.bsn && rol.betrokkeneType === "NATUURLIJK_PERSOON" && rol.inpBsn === partij.bsn) ||
        (partij.vestigingsnummer && rol.betrokkeneType === "VESTIGING" && rol.vestigingsNummer === partij.vestigingsnummer) ||
        (rol.betrokkeneType === "NIET_NATUURLIJK_PERSOON" &&
          rol.innNnpId !== undefined &&
          (rol.innNnpId === partij.rsin || rol.innNnpId === partij.kvkNummer)),
    ),
  );
}

export function buildZaakSubgraph(fixtures: FixtureZaak[] = zaken): GraphQLSchema {
  // Maps, so that the double stays cheap with the thousands of zaken of the benchmark.
  const uuids = new Map(fixtures.map((z) => [z.uuid, z]));
  const identificaties = new Map(fixtures.map((z) => [z.identificatie, z]));
  const byUuid = (uuid: string) => uuids.get(uuid) ?? null;
  const byIdentificatie = (identificatie: string) => identificaties.get(identificatie) ?? null;
  return buildSubgraphSchema([
    {
      typeDefs: gql(ZAKEN_SDL),
      resolvers: {
        Query: {
          zaak: (_: unknown, { uuid }: { uuid: string }) => byUuid(uuid),
          zaakOpIdentificatie: (_: unknown, { identificatie }: { identificatie: string }) => byIdentificatie(identificatie),
        },
        Zaak: {
          __resolveReference: (ref: { uuid?: string; identificatie?: string }) =>
            ref.uuid ? byUuid(ref.uuid) : ref.identificatie ? byIdentificatie(ref.identificatie) : null,
        },
        Partij: {
          __resolveReference: (ref: PartijIdentificatie) => ref,
          zaken: (partij: PartijIdentificatie, { afgesloten }: { afgesloten?: boolean | null }) =>
            zakenVanPartij(partij, fixtures)
              .filter((z) => afgesloten === undefined || afgesloten === null || (z.einddatum !== null) === afgesloten)
              .sort((a, b) => b.startdatum.localeCompare(a.startdatum)),
        },
      } as never,
    },
  ]);
}
