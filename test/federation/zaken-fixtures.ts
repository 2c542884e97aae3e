import { DEMO } from "../../src/database/demo-data";

/**
 * The zaken the Zaak subgraph double serves. Each rol carries the identification the real Zaken
 * API filters on (rol__betrokkeneIdentificatie__...), which the contract does not expose.
 */
export interface FixtureRol {
  betrokkeneType: "NATUURLIJK_PERSOON" | "NIET_NATUURLIJK_PERSOON" | "VESTIGING" | "ORGANISATORISCHE_EENHEID" | "MEDEWERKER";
  omschrijvingGeneriek: string;
  roltoelichting: string | null;
  naam: string | null;
  inpBsn?: string;
  innNnpId?: string;
  vestigingsNummer?: string;
}

export interface FixtureZaak {
  uuid: string;
  identificatie: string;
  url: string;
  bronorganisatie: string;
  omschrijving: string;
  toelichting: string | null;
  zaaktype: { url: string; identificatie: string; omschrijving: string };
  registratiedatum: string;
  startdatum: string;
  einddatumGepland: string | null;
  einddatum: string | null;
  status: {
    statustype: { omschrijving: string; volgnummer: number; isEindstatus: boolean };
    datumStatusGezet: string;
    statustoelichting: string | null;
  } | null;
  rollen: FixtureRol[];
}

const ZAKEN_API = "https://zaken.example.nl/zaken/api/v1/zaken";
const CATALOGI_API = "https://zaken.example.nl/catalogi/api/v1/zaaktypen";

function zaaktype(identificatie: string, omschrijving: string) {
  return { url: `${CATALOGI_API}/${identificatie.toLowerCase()}`, identificatie, omschrijving };
}

function status(omschrijving: string, volgnummer: number, isEindstatus: boolean, datumStatusGezet: string) {
  return { statustype: { omschrijving, volgnummer, isEindstatus }, datumStatusGezet, statustoelichting: null };
}

const behandelaar: FixtureRol = {
  betrokkeneType: "MEDEWERKER",
  omschrijvingGeneriek: "behandelaar",
  roltoelichting: null,
  naam: "Fatima El Amrani",
};

export const zaken: FixtureZaak[] = [
  {
    ...DEMO.zaken.parkeervergunning,
    url: `${ZAKEN_API}/${DEMO.zaken.parkeervergunning.uuid}`,
    bronorganisatie: "002220647",
    omschrijving: "Aanvraag parkeervergunning bewoners",
    toelichting: null,
    zaaktype: zaaktype("PARKEERVERGUNNING", "Parkeervergunning aanvragen"),
    registratiedatum: "2026-10-01",
    startdatum: "2026-10-01",
    einddatumGepland: "2026-11-12",
    einddatum: null,
    status: status("In behandeling", 2, false, "2026-10-03T09:12:00Z"),
    rollen: [
      {
        betrokkeneType: "NATUURLIJK_PERSOON",
        omschrijvingGeneriek: "initiator",
        roltoelichting: null,
        naam: "Jan de Vries",
        inpBsn: DEMO.bsn,
      },
      behandelaar,
    ],
  },
  {
    ...DEMO.zaken.stoeptegel,
    url: `${ZAKEN_API}/${DEMO.zaken.stoeptegel.uuid}`,
    bronorganisatie: "002220647",
    omschrijving: "Melding losliggende stoeptegel",
    toelichting: "Voor huisnummer 12",
    zaaktype: zaaktype("MOR", "Melding openbare ruimte"),
    registratiedatum: "2026-03-14",
    startdatum: "2026-03-14",
    einddatumGepland: "2026-03-28",
    einddatum: "2026-03-20",
    status: status("Afgehandeld", 3, true, "2026-03-20T15:40:00Z"),
    rollen: [
      {
        betrokkeneType: "NATUURLIJK_PERSOON",
        omschrijvingGeneriek: "initiator",
        roltoelichting: null,
        naam: "Jan de Vries",
        inpBsn: DEMO.bsn,
      },
    ],
  },
  {
    ...DEMO.zaken.terras,
    url: `${ZAKEN_API}/${DEMO.zaken.terras.uuid}`,
    bronorganisatie: "002220647",
    omschrijving: "Aanvraag terrasvergunning",
    toelichting: null,
    zaaktype: zaaktype("TERRAS", "Terrasvergunning aanvragen"),
    registratiedatum: "2026-09-02",
    startdatum: "2026-09-02",
    einddatumGepland: null,
    einddatum: null,
    status: null,
    rollen: [
      {
        betrokkeneType: "VESTIGING",
        omschrijvingGeneriek: "initiator",
        roltoelichting: null,
        naam: "Bakkerij De Korenaar",
        vestigingsNummer: DEMO.vestigingsnummer,
      },
      {
        betrokkeneType: "NIET_NATUURLIJK_PERSOON",
        omschrijvingGeneriek: "belanghebbende",
        roltoelichting: null,
        naam: "De Korenaar B.V.",
        innNnpId: DEMO.kvkNummer,
      },
    ],
  },
];
