import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { LocalGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, type GraphQLSchema } from "graphql";
import { gql } from "graphql-tag";
import { zaken, type FixtureZaak } from "./zaken-fixtures";

/**
 * A test double of the Zaak subgraph: the contract (schema/zaken.graphql) exactly as written,
 * served from fixture zaken, answering as the real one would. It finds a partij's zaken the way
 * the real one asks a Zaken API: by rol betrokkeneIdentificatie (inpBsn, vestigingsNummer,
 * innNnpId with RSIN or KvK-nummer); and the zaak behind an onderwerpobjectidentificator by either
 * of its keys.
 */
export const ZAKEN_SDL = readFileSync(path.join(__dirname, "..", "..", "schema", "zaken.graphql"), "utf8");

/** The codeObjecttype values that mean "zaak" in real data: the Zaak subgraph's knowledge (contract version 2). */
const ZAAK_OBJECTTYPES = ["zaak", "zgw-zaak"];

interface PartijIdentificatie {
  uuid: string;
  bsn?: string | null;
  kvkNummer?: string | null;
  vestigingsnummer?: string | null;
  rsin?: string | null;
}

interface Objectidentificator {
  objectId?: string | null;
  codeObjecttype?: string | null;
  codeRegister?: string | null;
  codeSoortObjectId?: string | null;
}

/** Onderwerpobject as the router hands it over: its key and the identificator this subgraph @requires. */
interface OnderwerpobjectRepresentatie {
  uuid: string;
  onderwerpobjectidentificator?: Objectidentificator | null;
}

interface KlantcontactRepresentatie {
  uuid: string;
  gingOverOnderwerpobjecten?: Array<Omit<OnderwerpobjectRepresentatie, "uuid">> | null;
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
  // Maps, so that the double stays cheap with the thousands of zaken of the benchmark. A uuid is
  // found in any case, as a Zaken API parses it; an identificatie only exactly.
  const uuids = new Map(fixtures.map((z) => [z.uuid.toLowerCase(), z]));
  const identificaties = new Map(fixtures.map((z) => [z.identificatie, z]));
  const byUuid = (uuid: string) => uuids.get(uuid.toLowerCase()) ?? null;
  const byIdentificatie = (identificatie: string) => identificaties.get(identificatie) ?? null;

  /** The zaak an identificator names; null for other objects and for zaken this zaaksysteem does not know. */
  const zaakVan = (identificator: Objectidentificator | null | undefined): FixtureZaak | null => {
    const { objectId, codeObjecttype, codeSoortObjectId } = identificator ?? {};
    if (!objectId || !codeObjecttype || !ZAAK_OBJECTTYPES.includes(codeObjecttype.toLowerCase())) return null;
    switch (codeSoortObjectId?.toLowerCase()) {
      case "uuid":
        return byUuid(objectId);
      case "identificatie":
        return byIdentificatie(objectId);
      default:
        return null;
    }
  };

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
        Onderwerpobject: {
          __resolveReference: (ref: OnderwerpobjectRepresentatie) => ref,
          zaak: (onderwerpobject: OnderwerpobjectRepresentatie) => zaakVan(onderwerpobject.onderwerpobjectidentificator),
        },
        Klantcontact: {
          __resolveReference: (ref: KlantcontactRepresentatie) => ref,
          // Each zaak once, in the order of the onderwerpobjecten; unknown ones left out.
          zaken: (klantcontact: KlantcontactRepresentatie) => [
            ...new Set(
              (klantcontact.gingOverOnderwerpobjecten ?? [])
                .map((onderwerpobject) => zaakVan(onderwerpobject.onderwerpobjectidentificator))
                .filter((zaak) => zaak !== null),
            ),
          ],
        },
      } as never,
    },
  ]);
}

/**
 * The double as the in-process router's data source. While `down` is true every fetch to it
 * fails, as when the Zaak subgraph is stopped or unreachable.
 */
export class ZaakSubgraphDouble implements GraphQLDataSource {
  down = false;
  private readonly source: LocalGraphQLDataSource;

  constructor(fixtures: FixtureZaak[] = zaken) {
    this.source = new LocalGraphQLDataSource(buildZaakSubgraph(fixtures));
  }

  process(options: GraphQLDataSourceProcessOptions) {
    if (this.down) return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:4002"));
    return this.source.process({ ...options, context: {} } as GraphQLDataSourceProcessOptions);
  }
}

/**
 * The double over HTTP on 127.0.0.1 (a free port), for routers that fetch their subgraphs over
 * the network (RoutersOverHttp in test/support/gateway.ts). While `down` is true it drops every connection without
 * an answer, as a stopped or unreachable Zaak subgraph would.
 */
export class ZaakSubgraphServer {
  down = false;

  private constructor(
    readonly url: string,
    private readonly server: Server,
  ) {}

  static async start(fixtures: FixtureZaak[] = zaken): Promise<ZaakSubgraphServer> {
    const schema = buildZaakSubgraph(fixtures);
    let double: ZaakSubgraphServer | undefined;
    const server = createServer(async (request, response) => {
      if (double?.down) {
        request.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, never>;
      const result = await graphql({ schema, source: query, variableValues: variables, operationName });
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    double = new ZaakSubgraphServer(`http://127.0.0.1:${port}/graphql`, server);
    return double;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}
