import type { Principal } from "../../../src/auth/principal";
import { SCOPES } from "../../../src/auth/scopes";
import { testPrincipal } from "../../support/principals";
import type { PlanData } from "./seed";

/**
 * What real clients send (../shared/reference/clients.md), as the benchmark measures it (the
 * issue-9 workloads) plus the common root lists with their filters: every statement these send
 * must be served by an index. Each runs as every principal it names, because a restricted principal
 * adds conditions (geheimhouding, vertrouwelijk, a citizen's own partij) that need indexes too.
 */

export type PrincipalName = "alle scopes" | "zonder vertrouwelijk/geheimhouding" | "burger";

export function principals(data: PlanData): Record<PrincipalName, Principal> {
  return {
    "alle scopes": testPrincipal(),
    "zonder vertrouwelijk/geheimhouding": testPrincipal(SCOPES.filter((s) => s !== "vertrouwelijk.lezen" && s !== "geheimhouding.lezen")),
    // Mijn Omgeving with the token of a citizen who logged in with DigiD.
    burger: testPrincipal(["partijen.lezen", "partijen.schrijven", "klantcontacten.lezen", "klantcontacten.schrijven"], {
      clientId: "mijn-omgeving",
      userId: "",
      userRepresentation: "",
      burger: { bsn: data.bsn },
    }),
  };
}

export interface Workload {
  name: string;
  document: string;
  variables: (data: PlanData, run: number) => Record<string, unknown>;
  as: PrincipalName[];
}

const STAFF: PrincipalName[] = ["alle scopes", "zonder vertrouwelijk/geheimhouding"];
const EVERYONE: PrincipalName[] = [...STAFF, "burger"];

const KLANTCONTACT_IN_KLANTBEELD = /* GraphQL */ `
  uuid kanaal onderwerp inhoud plaatsgevondenOp
  hadBetrokkenActoren { naam soortActor }
  gingOverOnderwerpobjecten { onderwerpobjectidentificator { objectId codeObjecttype codeSoortObjectId } }
`;

/** The subgraph's share of the README's klantbeeld (what the router asks of it; the Zaak fields are the Zaak subgraph's). */
const KLANTBEELD = /* GraphQL */ `
  query Klantbeeld($soort: CodeSoortObjectId!, $objectId: String!) {
    partijen(filter: { partijIdentificator: { codeSoortObjectId: $soort, objectId: $objectId } }, first: 1) {
      edges {
        node {
          uuid soortPartij bsn kvkNummer vestigingsnummer
          partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
          partijIdentificatoren { partijIdentificator { codeSoortObjectId objectId } }
          digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
          klantcontacten(first: 20) { edges { node { ${KLANTCONTACT_IN_KLANTBEELD} } } pageInfo { hasNextPage } }
          interneTaken(filter: { status: TE_VERWERKEN }, first: 20) {
            edges { node { gevraagdeHandeling status toegewezenOp toegewezenAanActoren { naam soortActor } } }
          }
        }
      }
    }
  }
`;

/** ITA's work queue: what its list shows of each contactverzoek. */
const WERKVOORRAAD = /* GraphQL */ `
  query Werkvoorraad($filter: InterneTaakFilter!) {
    interneTaken(filter: $filter, volgorde: OUDSTE_EERST, first: 50) {
      totalCount
      edges {
        node {
          uuid nummer gevraagdeHandeling toelichting status toegewezenOp afgehandeldOp
          toegewezenAanActoren { uuid naam soortActor }
          aanleidinggevendKlantcontact {
            uuid referentienummer kanaal onderwerp inhoud plaatsgevondenOp
            hadBetrokkenActoren { naam }
            hadBetrokkenen { volledigeNaam organisatienaam wasPartij { uuid } digitaleAdressen { adres soortDigitaalAdres } }
            gingOverOnderwerpobjecten { onderwerpobjectidentificator { objectId codeObjecttype } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const DIGITALE_ADRESSEN = /* GraphQL */ `
  query DigitaleAdressen($filter: DigitaalAdresFilter!) {
    digitaleAdressen(filter: $filter, first: 20) {
      edges {
        node {
          uuid adres soortDigitaalAdres
          verstrektDoorPartij { uuid bsn partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } } }
          verstrektDoorBetrokkene { uuid volledigeNaam hadKlantcontact { uuid onderwerp plaatsgevondenOp } }
        }
      }
    }
  }
`;

const KLANTCONTACTEN = /* GraphQL */ `
  query Klantcontacten($filter: KlantcontactFilter) {
    klantcontacten(filter: $filter, first: 20) {
      edges {
        node {
          uuid referentienummer kanaal onderwerp plaatsgevondenOp
          hadBetrokkenen { rol initiator volledigeNaam wasPartij { uuid bsn } }
          gingOverOnderwerpobjecten { onderwerpobjectidentificator { objectId codeObjecttype } }
          wasOnderwerpobjecten { klantcontact { uuid } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const INTERNE_TAKEN = /* GraphQL */ `
  query InterneTaken($filter: InterneTaakFilter, $volgorde: Volgorde) {
    interneTaken(filter: $filter, volgorde: $volgorde, first: 20) {
      edges { node { uuid gevraagdeHandeling status toegewezenOp toegewezenAanActoren { naam } aanleidinggevendKlantcontact { uuid onderwerp } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const PARTIJEN = /* GraphQL */ `
  query Partijen($filter: PartijFilter) {
    partijen(filter: $filter, first: 20) {
      edges {
        node {
          uuid soortPartij bsn kvkNummer vestigingsnummer
          partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
          digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** `_entities` with Partij references, the fields the router asks of a Partij (the Zaak subgraph @requires the identificatoren). */
const PARTIJ_ENTITIES = /* GraphQL */ `
  query PartijEntities($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Partij {
        uuid soortPartij bsn kvkNummer vestigingsnummer rsin
        partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
        digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
        klantcontacten(first: 5) { edges { node { uuid onderwerp plaatsgevondenOp } } }
      }
    }
  }
`;

/** Zaak.klantcontacten as the router asks it: the Zaak subgraph gives uuid and identificatie. */
const ZAAK_ENTITIES = /* GraphQL */ `
  query ZaakEntities($r: [_Any!]!, $initiatorPartij: ID) {
    _entities(representations: $r) {
      ... on Zaak {
        klantcontacten(first: 10, initiatorPartij: $initiatorPartij) {
          edges {
            node {
              onderwerp plaatsgevondenOp
              hadBetrokkenen { rol initiator wasPartij { uuid bsn partijIdentificatie { ... on Persoon { volledigeNaam } } } }
            }
          }
        }
      }
    }
  }
`;

const KLANTCONTACT_DETAIL = /* GraphQL */ `
  query KlantcontactDetail($uuid: ID!) {
    klantcontact(uuid: $uuid) {
      uuid onderwerp inhoud plaatsgevondenOp
      hadBetrokkenen { uuid volledigeNaam digitaleAdressen { adres } wasPartij { uuid digitaleAdressen { adres } } }
      gingOverOnderwerpobjecten { uuid onderwerpobjectidentificator { objectId } }
      wasOnderwerpobjecten { klantcontact { uuid onderwerp } }
      omvatteBijlagen { uuid }
      hadBetrokkenActoren { naam }
      leiddeTotInterneTaken { uuid status toegewezenAanActoren { naam } }
    }
  }
`;

const ACTOREN = /* GraphQL */ `
  query Actoren($filter: ActorFilter) {
    actoren(filter: $filter, first: 3) { edges { node { uuid naam soortActor } } }
  }
`;

/** A citizen's own klantbeeld in Mijn Omgeving: its partij (the only one it sees) and its questions. */
const MIJN_KLANTBEELD = /* GraphQL */ `
  query MijnKlantbeeld {
    partijen(first: 1) {
      edges {
        node {
          uuid bsn digitaleAdressen { adres soortDigitaalAdres }
          klantcontacten(first: 20, filter: { alleenAlsInitiator: true }) {
            edges { node { uuid onderwerp inhoud plaatsgevondenOp wasOnderwerpobjecten { klantcontact { uuid inhoud } } } }
          }
        }
      }
    }
  }
`;

const REGISTREER = /* GraphQL */ `
  mutation Registreer($input: RegistreerKlantcontactInput!) {
    registreerKlantcontact(input: $input) {
      klantcontact { uuid onderwerp hadBetrokkenActoren { uuid } gingOverOnderwerpobjecten { uuid } }
      betrokkenen { uuid wasPartij { uuid } digitaleAdressen { uuid } }
      onderwerpobjecten { uuid }
      interneTaak { uuid toegewezenAanActoren { uuid } }
    }
  }
`;

/** What Mijn Omgeving asks back: a citizen's token reads no actors or tasks (opvolging). */
const REGISTREER_VRAAG = /* GraphQL */ `
  mutation RegistreerVraag($input: RegistreerKlantcontactInput!) {
    registreerKlantcontact(input: $input) {
      klantcontact { uuid onderwerp }
      betrokkenen { uuid wasPartij { uuid } }
    }
  }
`;

const contact = (run: number) => ({
  kanaal: "telefoon",
  onderwerp: `Vraag ${run}`,
  inhoud: "Vraag over de aanslag.",
  taal: "nld",
  vertrouwelijk: false,
});
const bsnGroep = (objectId: string) => ({ codeObjecttype: "NATUURLIJK_PERSOON", codeSoortObjectId: "BSN", objectId, codeRegister: "BRP" });

export const WORKLOADS: Workload[] = [
  { name: "klantbeeld op BSN", document: KLANTBEELD, variables: (d) => ({ soort: "BSN", objectId: d.bsn }), as: STAFF },
  {
    name: "klantbeeld met lange historie",
    document: KLANTBEELD,
    variables: (d) => ({ soort: "BSN", objectId: d.langeHistorieBsn }),
    as: STAFF,
  },
  { name: "klantbeeld met geheimhouding", document: KLANTBEELD, variables: (d) => ({ soort: "BSN", objectId: d.geheimBsn }), as: STAFF },
  { name: "klantbeeld op KvK-nummer", document: KLANTBEELD, variables: (d) => ({ soort: "KVK_NUMMER", objectId: d.kvkNummer }), as: STAFF },
  {
    name: "klantbeeld op vestigingsnummer",
    document: KLANTBEELD,
    variables: (d) => ({ soort: "VESTIGINGSNUMMER", objectId: d.vestigingsnummer }),
    as: STAFF,
  },
  { name: "mijn klantbeeld", document: MIJN_KLANTBEELD, variables: () => ({}), as: ["burger"] },
  {
    name: "werkvoorraad van een medewerker en zijn afdeling",
    document: WERKVOORRAAD,
    variables: (d) => ({ filter: { toegewezenAanActoren: [d.actorUuid, d.afdelingUuid], statussen: ["TE_VERWERKEN"] } }),
    as: STAFF,
  },
  {
    name: "werkvoorraad op actoridentificator",
    document: WERKVOORRAAD,
    variables: (d) => ({
      filter: { actoridentificator: { objectId: d.actoridentificatorObjectId, codeObjecttype: "mdw" }, status: "TE_VERWERKEN" },
    }),
    as: STAFF,
  },
  {
    name: "actor op actoridentificator",
    document: ACTOREN,
    variables: (d) => ({
      filter: {
        actoridentificator: {
          objectId: d.actoridentificatorObjectId,
          codeObjecttype: "mdw",
          codeRegister: "msei",
          codeSoortObjectId: "email",
        },
      },
    }),
    as: STAFF,
  },
  {
    name: "zoeken op e-mailadres",
    document: DIGITALE_ADRESSEN,
    variables: (d) => ({ filter: { adres: d.email.toUpperCase() } }),
    as: EVERYONE,
  },
  {
    name: "zoeken op telefoonnummer",
    document: DIGITALE_ADRESSEN,
    variables: (d) => ({ filter: { adres: `+31 6 ${d.telefoonnummer.slice(2)}`, soortDigitaalAdres: "TELEFOONNUMMER" } }),
    as: STAFF,
  },
  {
    name: "klantcontacten op e-mailadres van een betrokkene",
    document: KLANTCONTACTEN,
    variables: (d) => ({ filter: { betrokkeneDigitaalAdres: { adres: d.anoniemEmail } } }),
    as: STAFF,
  },
  {
    name: "contactverzoeken op e-mailadres",
    document: INTERNE_TAKEN,
    variables: (d) => ({ filter: { betrokkeneDigitaalAdres: { adres: d.anoniemEmail, alleenZonderPartij: true } } }),
    as: STAFF,
  },
  {
    name: "_entities: 100 partijen",
    document: PARTIJ_ENTITIES,
    variables: (d) => ({ r: d.partijUuids.slice(0, 100).map((uuid) => ({ __typename: "Partij", uuid })) }),
    as: EVERYONE,
  },
  {
    name: "_entities: Zaak.klantcontacten",
    document: ZAAK_ENTITIES,
    variables: (d) => ({ r: [{ __typename: "Zaak", uuid: d.zaakUuid, identificatie: d.zaakIdentificatie }] }),
    as: EVERYONE,
  },
  {
    name: "_entities: Zaak.klantcontacten van een initiator",
    document: ZAAK_ENTITIES,
    variables: (d) => ({
      r: [{ __typename: "Zaak", uuid: d.zaakUuid, identificatie: d.zaakIdentificatie }],
      initiatorPartij: d.partijUuid,
    }),
    as: STAFF,
  },
  { name: "partijen (lijst)", document: PARTIJEN, variables: () => ({}), as: EVERYONE },
  {
    name: "partijen op soort",
    document: PARTIJEN,
    variables: () => ({ filter: { soortPartij: "ORGANISATIE", indicatieActief: true } }),
    as: STAFF,
  },
  {
    name: "partijen op BSN",
    document: PARTIJEN,
    variables: (d) => ({ filter: { partijIdentificator: { codeSoortObjectId: "BSN", objectId: d.bsn } } }),
    as: STAFF,
  },
  {
    name: "vestigingen van een KvK-nummer",
    document: PARTIJEN,
    variables: (d) => ({ filter: { subIdentificatorVan: { codeSoortObjectId: "KVK_NUMMER", objectId: d.kvkNummer } } }),
    as: STAFF,
  },
  { name: "klantcontacten (lijst)", document: KLANTCONTACTEN, variables: () => ({}), as: EVERYONE },
  {
    name: "klantcontacten van een partij",
    document: KLANTCONTACTEN,
    variables: (d) => ({ filter: { wasPartij: d.partijUuid } }),
    as: STAFF,
  },
  {
    name: "klantcontacten op BSN",
    document: KLANTCONTACTEN,
    variables: (d) => ({ filter: { wasPartijIdentificator: { codeSoortObjectId: "BSN", objectId: d.bsn } } }),
    as: STAFF,
  },
  {
    name: "klantcontacten over een zaak",
    document: KLANTCONTACTEN,
    variables: (d) => ({
      filter: { onderwerpobjectidentificator: { objectId: d.zaakUuid, codeObjecttype: "zgw-Zaak", codeRegister: "openzaak" } },
    }),
    as: STAFF,
  },
  {
    name: "vervolgcontacten van een klantcontact",
    document: KLANTCONTACTEN,
    variables: (d) => ({ filter: { onderwerpobjectidentificator: { objectId: d.klantcontactUuid } } }),
    as: STAFF,
  },
  {
    name: "klantcontact op referentienummer",
    document: KLANTCONTACTEN,
    variables: (d) => ({ filter: { referentienummer: d.referentienummer } }),
    as: STAFF,
  },
  {
    name: "klantcontacten met een open taak",
    document: KLANTCONTACTEN,
    variables: () => ({ filter: { interneTaakStatus: "TE_VERWERKEN" } }),
    as: STAFF,
  },
  { name: "klantcontact met alles erbij", document: KLANTCONTACT_DETAIL, variables: (d) => ({ uuid: d.klantcontactUuid }), as: STAFF },
  { name: "interne taken (lijst)", document: INTERNE_TAKEN, variables: () => ({}), as: STAFF },
  {
    name: "interne taken op status, oudste eerst",
    document: INTERNE_TAKEN,
    variables: () => ({ filter: { status: "TE_VERWERKEN" }, volgorde: "OUDSTE_EERST" }),
    as: STAFF,
  },
  {
    name: "interne taken van een actor",
    document: INTERNE_TAKEN,
    variables: (d) => ({ filter: { toegewezenAanActor: d.actorUuid } }),
    as: STAFF,
  },
  {
    name: "nieuwe interne taken (ITA's poller)",
    document: INTERNE_TAKEN,
    variables: () => ({ filter: { toegewezenNa: "2026-11-01T00:00:00Z" }, volgorde: "OUDSTE_EERST" }),
    as: STAFF,
  },
  {
    name: "interne taak van een klantcontact",
    document: INTERNE_TAKEN,
    variables: (d) => ({ filter: { aanleidinggevendKlantcontact: d.klantcontactUuid } }),
    as: STAFF,
  },
  {
    name: "registreerKlantcontact: contactmoment (KISS)",
    document: REGISTREER,
    variables: (d, run) => ({
      input: {
        klantcontact: contact(run),
        actoren: [{ uuid: d.actorUuid }],
        betrokkenen: [{ rol: "KLANT", initiator: true, wasPartij: d.partijUuids[30 + run] }],
        onderwerpobjecten: [{ zaak: { uuid: d.zaakUuid } }],
      },
    }),
    as: STAFF,
  },
  {
    name: "registreerKlantcontact: contactverzoek op BSN",
    document: REGISTREER,
    variables: (d, run) => ({
      input: {
        klantcontact: contact(run),
        actoren: [{ uuid: d.actorUuid }],
        betrokkenen: [
          {
            rol: "KLANT",
            initiator: true,
            vindOfMaakPartij: { identificator: bsnGroep(d.langeHistorieBsn) },
            nieuweDigitaleAdressen: [{ adres: `terugbellen${run}@example.nl`, soortDigitaalAdres: "EMAIL" }],
          },
        ],
        interneTaak: {
          gevraagdeHandeling: "Terugbellen",
          toegewezenAanActoren: [
            { uuid: d.afdelingUuid },
            {
              vindOfMaak: {
                naam: "Nieuwe Medewerker",
                soortActor: "MEDEWERKER",
                actoridentificator: {
                  objectId: `nieuw${run}@gemeente.example.nl`,
                  codeObjecttype: "mdw",
                  codeRegister: "msei",
                  codeSoortObjectId: "email",
                },
              },
            },
          ],
        },
      },
    }),
    as: STAFF,
  },
  {
    name: "registreerKlantcontact: eigen vraag (Mijn Omgeving)",
    document: REGISTREER_VRAAG,
    variables: (d, run) => ({
      input: { klantcontact: contact(run), betrokkenen: [{ rol: "KLANT", initiator: true, wasPartij: d.partijUuid }] },
    }),
    as: ["burger"],
  },
];
