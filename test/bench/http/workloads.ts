import { randomUUID } from "node:crypto";
import type { PeerName } from "./peers";
import type { Samples } from "./samples";

/**
 * The six workloads of the HTTP benchmark, defined once for the three peers: what our subgraph is
 * asked (the GraphQL a router or front-end sends), what the hand-written baseline is asked (its own
 * small JSON endpoint per workload, answering the same `data`), and the equivalent query for
 * PostGraphile (reads only). Each request picks a random sample key (samples.ts).
 */

export type WorkloadName = "klantbeeld" | "klantbeeld-lang" | "werkvoorraad" | "email" | "entities" | "registreer";

export const WORKLOAD_NAMES: readonly WorkloadName[] = ["klantbeeld", "klantbeeld-lang", "werkvoorraad", "email", "entities", "registreer"];

/** One request's worth of input, the same for every peer. */
export type Key = Record<string, unknown>;

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Workload {
  name: WorkloadName;
  description: string;
  write: boolean;
  /** A random key for one request. */
  key(samples: Samples, random: () => number): Key;
  ours(key: Key): GraphqlRequest;
  /** The JSON body of the baseline's endpoint (POST /<name>): the key itself. */
  baseline(key: Key): unknown;
  /** PostGraphile's equivalent (reads only). */
  postgraphile?(key: Key): GraphqlRequest;
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)];

/** `count` different elements (all of them when the list is shorter). */
function pickDistinct<T>(list: readonly T[], count: number, random: () => number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list, random));
  return [...chosen];
}

/**
 * The subgraph's share of the README's klantbeeld, exactly as the router's query plan fetches it
 * from this subgraph (the Zaak subgraph's `zaak` and `zaken` left out; the router adds __typename,
 * the keys and the fields the Zaak subgraph @requires).
 */
const KLANTBEELD = /* GraphQL */ `
  query Klantbeeld($bsn: String!) {
    partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: $bsn } }, first: 1) {
      edges {
        node {
          __typename
          uuid
          partijIdentificatie { __typename ... on Persoon { volledigeNaam } }
          digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
          klantcontacten(first: 20) {
            edges {
              node {
                kanaal onderwerp inhoud plaatsgevondenOp
                hadBetrokkenActoren { naam }
                gingOverOnderwerpobjecten {
                  __typename uuid
                  onderwerpobjectidentificator { objectId codeObjecttype codeRegister codeSoortObjectId }
                }
              }
            }
          }
          interneTaken(filter: { status: TE_VERWERKEN }) {
            edges { node { gevraagdeHandeling toegewezenAanActoren { naam } } }
          }
          bsn kvkNummer vestigingsnummer rsin
        }
      }
    }
  }
`;

/** The klantbeeld for PostGraphile: the partij nested; its klantcontacten and open taken through relation filters. */
const KLANTBEELD_POSTGRAPHILE = /* GraphQL */ `
  query Klantbeeld($bsn: String!) {
    allPartijIdentificatorsList(condition: { codeSoortObjectId: "bsn", objectId: $bsn }, first: 1) {
      partijByIdentificeerdePartijId {
        uuid soortPartij contactnaamVoornaam contactnaamVoorvoegselAchternaam contactnaamAchternaam
        digitaalAdresByVerstrektDoorPartijIdList { id adres soortDigitaalAdres isStandaardAdres }
        partijIdentificatorsByIdentificeerdePartijIdList {
          codeSoortObjectId objectId
          partijIdentificatorBySubIdentificatorVanId { codeSoortObjectId objectId }
        }
      }
    }
    allKlantcontactsList(
      filter: { betrokkenesByHadKlantcontactId: { some: { partijByWasPartijId: {
        partijIdentificatorsByIdentificeerdePartijId: { some: { codeSoortObjectId: { equalTo: "bsn" }, objectId: { equalTo: $bsn } } } } } } }
      orderBy: [PLAATSGEVONDEN_OP_DESC, ID_DESC]
      first: 20
    ) {
      kanaal onderwerp inhoud plaatsgevondenOp
      actorKlantcontactsByKlantcontactIdList { actorByActorId { naam } }
      onderwerpobjectsByKlantcontactIdList {
        uuid onderwerpobjectidentificatorObjectId onderwerpobjectidentificatorCodeObjecttype
        onderwerpobjectidentificatorCodeRegister onderwerpobjectidentificatorCodeSoortObjectId
      }
    }
    allInterneTaaksList(
      filter: { status: { equalTo: "te_verwerken" }, klantcontactByAanleidinggevendKlantcontactId: { betrokkenesByHadKlantcontactId: { some: {
        partijByWasPartijId: { partijIdentificatorsByIdentificeerdePartijId: { some: {
          codeSoortObjectId: { equalTo: "bsn" }, objectId: { equalTo: $bsn } } } } } } } }
      orderBy: [TOEGEWEZEN_OP_DESC, ID_DESC]
      first: 20
    ) {
      gevraagdeHandeling
      toewijzingsByInterneTaakIdList(orderBy: ID_ASC) { actorByActorId { naam } }
    }
  }
`;

/** ITA's work queue: the open taken of one actor, oldest first, with what its list shows (reference/clients.md). */
const WERKVOORRAAD = /* GraphQL */ `
  query Werkvoorraad($actor: ID!) {
    interneTaken(filter: { toegewezenAanActoren: [$actor], statussen: [TE_VERWERKEN] }, volgorde: OUDSTE_EERST, first: 50) {
      edges {
        node {
          uuid referentienummer gevraagdeHandeling toelichting status toegewezenOp afgehandeldOp
          toegewezenAanActoren { uuid naam soortActor }
          aanleidinggevendKlantcontact {
            uuid onderwerp plaatsgevondenOp
            hadBetrokkenen { rol initiator volledigeNaam wasPartij { uuid } }
          }
        }
      }
      pageInfo { hasNextPage }
    }
  }
`;

const WERKVOORRAAD_POSTGRAPHILE = /* GraphQL */ `
  query Werkvoorraad($actor: UUID!) {
    allInterneTaaksList(
      filter: { status: { equalTo: "te_verwerken" }, toewijzingsByInterneTaakId: { some: { actorByActorId: { uuid: { equalTo: $actor } } } } }
      orderBy: [TOEGEWEZEN_OP_ASC, ID_ASC]
      first: 51
    ) {
      uuid referentienummer gevraagdeHandeling toelichting status toegewezenOp afgehandeldOp
      toewijzingsByInterneTaakIdList(orderBy: ID_ASC) { actorByActorId { uuid naam soortActor } }
      klantcontactByAanleidinggevendKlantcontactId {
        uuid onderwerp plaatsgevondenOp
        betrokkenesByHadKlantcontactIdList {
          rol initiator contactnaamVoornaam contactnaamVoorvoegselAchternaam contactnaamAchternaam
          partijByWasPartijId { uuid }
        }
      }
    }
  }
`;

/** KISS finding a partij by e-mail address: the addresses that match, with the partij that gave them. */
const EMAIL = /* GraphQL */ `
  query ZoekOpEmail($email: String!) {
    digitaleAdressen(filter: { adres: $email, soortDigitaalAdres: EMAIL }, first: 20) {
      edges {
        node {
          uuid adres soortDigitaalAdres isStandaardAdres
          verstrektDoorPartij {
            uuid soortPartij bsn
            partijIdentificatie { __typename ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
          }
        }
      }
    }
  }
`;

const EMAIL_POSTGRAPHILE = /* GraphQL */ `
  query ZoekOpEmail($zoekadres: String!) {
    allDigitaalAdresList(condition: { zoekadres: $zoekadres, soortDigitaalAdres: "email" }, orderBy: [ID_DESC], first: 20) {
      uuid adres soortDigitaalAdres isStandaardAdres
      partijByVerstrektDoorPartijId {
        uuid soortPartij organisatienaam contactnaamVoornaam contactnaamVoorvoegselAchternaam contactnaamAchternaam
        partijIdentificatorsByIdentificeerdePartijIdList(condition: { codeSoortObjectId: "bsn" }) { objectId }
      }
    }
  }
`;

/** A batch of 100 Partij references from the router, with what another subgraph's view of a betrokkene shows. */
const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Partij {
        uuid soortPartij bsn kvkNummer
        partijIdentificatie { __typename ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
        digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
      }
    }
  }
`;

const ENTITIES_POSTGRAPHILE = /* GraphQL */ `
  query Entities($uuids: [UUID!]!) {
    allPartijsList(filter: { uuid: { in: $uuids } }) {
      uuid soortPartij organisatienaam contactnaamVoornaam contactnaamVoorvoegselAchternaam contactnaamAchternaam
      partijIdentificatorsByIdentificeerdePartijIdList {
        codeSoortObjectId objectId
        partijIdentificatorBySubIdentificatorVanId { codeSoortObjectId objectId }
      }
      digitaalAdresByVerstrektDoorPartijIdList { id adres soortDigitaalAdres isStandaardAdres }
    }
  }
`;

/** KISS's contactmoment: klantcontact, the klant (an existing partij), the medewerker by uuid, the zaak. */
const REGISTREER = /* GraphQL */ `
  mutation Registreer($input: RegistreerKlantcontactInput!) {
    registreerKlantcontact(input: $input) {
      herhaald
      klantcontact { uuid kanaal onderwerp inhoud taal vertrouwelijk indicatieContactGelukt plaatsgevondenOp }
      actoren { uuid }
      betrokkenen { uuid rol initiator wasPartij { uuid } }
      onderwerpobjecten { uuid onderwerpobjectidentificator { objectId codeObjecttype codeRegister codeSoortObjectId } }
    }
  }
`;

/** The input of one registreerKlantcontact, the same for ours and the baseline. */
export function registreerInput(key: Key) {
  return {
    klantcontact: {
      kanaal: "telefoon",
      onderwerp: "Parkeervergunning",
      inhoud: "Wanneer wordt mijn aanvraag beoordeeld?",
      taal: "nld",
      vertrouwelijk: false,
      indicatieContactGelukt: true,
      plaatsgevondenOp: key.plaatsgevondenOp,
    },
    actoren: [{ uuid: key.actor }],
    betrokkenen: [{ wasPartij: key.partij, rol: "KLANT", initiator: true }],
    onderwerpobjecten: [{ zaak: { uuid: key.zaak } }],
  };
}

const ENTITY_BATCH = 100;

export const WORKLOADS: Record<WorkloadName, Workload> = {
  klantbeeld: {
    name: "klantbeeld",
    description: "klantbeeld of a random partij by BSN",
    write: false,
    key: (samples, random) => ({ bsn: pick(samples.bsns, random) }),
    ours: (key) => ({ query: KLANTBEELD, variables: key }),
    baseline: (key) => key,
    postgraphile: (key) => ({ query: KLANTBEELD_POSTGRAPHILE, variables: key }),
  },
  "klantbeeld-lang": {
    name: "klantbeeld-lang",
    description: "klantbeeld of the partij with the longest history",
    write: false,
    key: (samples) => ({ bsn: samples.longestHistoryBsn }),
    ours: (key) => ({ query: KLANTBEELD, variables: key }),
    baseline: (key) => key,
    postgraphile: (key) => ({ query: KLANTBEELD_POSTGRAPHILE, variables: key }),
  },
  werkvoorraad: {
    name: "werkvoorraad",
    description: "ITA's work queue of a random actor (50 open taken, oldest first)",
    write: false,
    key: (samples, random) => ({ actor: pick(samples.actorsWithOpenTaken, random) }),
    ours: (key) => ({ query: WERKVOORRAAD, variables: key }),
    baseline: (key) => key,
    postgraphile: (key) => ({ query: WERKVOORRAAD_POSTGRAPHILE, variables: key }),
  },
  email: {
    name: "email",
    description: "search by e-mail address",
    write: false,
    key: (samples, random) => ({ email: pick(samples.emails, random) }),
    ours: (key) => ({ query: EMAIL, variables: key }),
    baseline: (key) => key,
    // PostGraphile compares the stored search form (lower case), as a client of it would.
    postgraphile: (key) => ({ query: EMAIL_POSTGRAPHILE, variables: { zoekadres: String(key.email).toLowerCase() } }),
  },
  entities: {
    name: "entities",
    description: `_entities with ${ENTITY_BATCH} Partij references`,
    write: false,
    key: (samples, random) => ({ uuids: pickDistinct(samples.partijUuids, ENTITY_BATCH, random) }),
    ours: (key) => ({
      query: ENTITIES,
      variables: { representations: (key.uuids as string[]).map((uuid) => ({ __typename: "Partij", uuid })) },
    }),
    baseline: (key) => key,
    postgraphile: (key) => ({ query: ENTITIES_POSTGRAPHILE, variables: key }),
  },
  registreer: {
    name: "registreer",
    description: "registreerKlantcontact (KISS's contactmoment)",
    write: true,
    key: (samples, random) => ({
      partij: pick(samples.partijUuids, random),
      actor: pick(samples.actors, random),
      zaak: randomUUID(),
      plaatsgevondenOp: new Date().toISOString(),
    }),
    ours: (key) => ({ query: REGISTREER, variables: { input: registreerInput(key) } }),
    baseline: (key) => registreerInput(key),
  },
};

/** Whether a peer serves a workload (PostGraphile: reads only). */
export const applies = (peer: PeerName, workload: Workload) => peer !== "postgraphile" || workload.postgraphile !== undefined;

/** The JSON body a peer takes for one key of a workload. */
export function bodyFor(peer: PeerName, workload: Workload, key: Key): string {
  const body = peer === "baseline" ? workload.baseline(key) : peer === "ours" ? workload.ours(key) : workload.postgraphile!(key);
  return JSON.stringify(body);
}
