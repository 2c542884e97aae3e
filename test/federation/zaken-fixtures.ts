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

/** BSN, KvK and vestigingsnummer values the demo data and the tests give their partijen. */
export const DEMO_BSN = "999993653";
export const DEMO_KVK = "69599084";
export const DEMO_VESTIGINGSNUMMER = "000038509504";
export const DEMO_RSIN = "857567433";

export const zaken: FixtureZaak[] = [
  {
    uuid: "d3c5e6a1-7b8f-4c2d-9e0a-1b2c3d4e5f60",
    identificatie: "ZAAK-2026-0000042",
    url: `${ZAKEN_API}/d3c5e6a1-7b8f-4c2d-9e0a-1b2c3d4e5f60`,
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
      { betrokkeneType: "NATUURLIJK_PERSOON", omschrijvingGeneriek: "initiator", roltoelichting: null, naam: "Jan de Vries", inpBsn: DEMO_BSN },
      behandelaar,
    ],
  },
  {
    uuid: "5b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    identificatie: "ZAAK-2026-0000007",
    url: `${ZAKEN_API}/5b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b`,
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
      { betrokkeneType: "NATUURLIJK_PERSOON", omschrijvingGeneriek: "initiator", roltoelichting: null, naam: "Jan de Vries", inpBsn: DEMO_BSN },
    ],
  },
  {
    uuid: "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3",
    identificatie: "ZAAK-2026-0000113",
    url: `${ZAKEN_API}/8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3`,
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
      { betrokkeneType: "VESTIGING", omschrijvingGeneriek: "initiator", roltoelichting: null, naam: "Bakkerij De Korenaar", vestigingsNummer: DEMO_VESTIGINGSNUMMER },
      { betrokkeneType: "NIET_NATUURLIJK_PERSOON", omschrijvingGeneriek: "belanghebbende", roltoelichting: null, naam: "De Korenaar B.V.", innNnpId: DEMO_KVK },
    ],
  },
];
