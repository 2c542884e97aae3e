/**
 * The words the scale data is made of: Dutch first names, surname prefixes and surnames as they
 * occur in a municipality, streets and towns with their postcode ranges, netnummers and BAG
 * gemeentecodes, organisation names, and what people contact a municipality about.
 */

export const VOORNAMEN = [
  "Jan", "Pieter", "Kees", "Hendrik", "Willem", "Johannes", "Cornelis", "Gerrit", "Dirk", "Jacob",
  "Daan", "Sem", "Lucas", "Levi", "Finn", "Noah", "Milan", "Luuk", "Thijs", "Bram", "Ruben", "Jesse",
  "Mohamed", "Ahmed", "Yusuf", "Omar", "Mehmet", "Hüseyin", "Ömer", "Emre", "Kofi", "Rajesh", "Wei",
  "Maria", "Johanna", "Anna", "Cornelia", "Elisabeth", "Wilhelmina", "Geertje", "Hendrika", "Aaltje",
  "Emma", "Julia", "Sophie", "Tess", "Zoë", "Sanne", "Lotte", "Anouk", "Fleur", "Noor", "Lieke", "Iris",
  "Fatima", "Aïcha", "Khadija", "Yasmina", "Elif", "Ayşe", "Zeynep", "Priya", "Mei", "Chantal", "Ingrid",
  "Marieke", "Esther", "Petra", "Monique", "Annemarie", "Gerda", "Wendy", "Kim", "Sven", "Mark", "Erik",
];

/** Surnames with their prefix (voorvoegsel), about a third of Dutch surnames having one. */
export const ACHTERNAMEN: ReadonlyArray<readonly [string | null, string]> = [
  [null, "Jansen"], ["de", "Vries"], [null, "Bakker"], [null, "Visser"], [null, "Smit"], [null, "Meijer"],
  [null, "Mulder"], ["de", "Boer"], [null, "Bos"], [null, "Vos"], [null, "Peters"], [null, "Hendriks"],
  [null, "Dekker"], [null, "Brouwer"], ["de", "Wit"], [null, "Dijkstra"], [null, "Smits"], ["de", "Graaf"],
  ["van der", "Linden"], [null, "Kok"], [null, "Jacobs"], ["de", "Haan"], [null, "Vermeulen"],
  ["van den", "Heuvel"], ["van der", "Veen"], ["van den", "Broek"], ["de", "Bruijn"], ["van den", "Berg"],
  [null, "Schouten"], [null, "Willems"], [null, "Hoekstra"], [null, "Koster"], [null, "Prins"],
  ["van", "Leeuwen"], [null, "Postma"], [null, "Kuipers"], [null, "Huisman"], ["van de", "Wal"],
  [null, "Gerritsen"], [null, "Maas"], [null, "Verhoeven"], ["ter", "Horst"], ["in 't", "Veld"],
  ["van 't", "Hof"], ["op de", "Beek"], ["den", "Hartog"], ["te", "Riele"],
  [null, "Yılmaz"], [null, "Kaya"], [null, "Demir"], [null, "Şahin"], [null, "Çelik"], [null, "El Amrani"],
  [null, "Bouzid"], [null, "El Idrissi"], [null, "Benali"], [null, "Ouali"], [null, "Pinas"], [null, "Tjon"],
  [null, "Kartosen"], [null, "Ramdin"], [null, "Nguyen"], [null, "Wang"], [null, "Kowalski"], [null, "Nowak"],
  [null, "Singh"], [null, "Mahabier"],
];

export interface Stad {
  naam: string;
  /** Four-digit postcode range of the town. */
  postcodes: readonly [number, number];
  /** Netnummer without the leading 0, three digits. */
  netnummer: string;
  /** CBS gemeentecode, the first four digits of a BAG nummeraanduiding-id. */
  gemeentecode: string;
  /** Share of the inhabitants in the data. */
  gewicht: number;
}

export const STEDEN: readonly Stad[] = [
  { naam: "Amsterdam", postcodes: [1011, 1109], netnummer: "20", gemeentecode: "0363", gewicht: 30 },
  { naam: "Rotterdam", postcodes: [3011, 3089], netnummer: "10", gemeentecode: "0599", gewicht: 20 },
  { naam: "'s-Gravenhage", postcodes: [2491, 2599], netnummer: "70", gemeentecode: "0518", gewicht: 18 },
  { naam: "Utrecht", postcodes: [3511, 3585], netnummer: "30", gemeentecode: "0344", gewicht: 12 },
  { naam: "Eindhoven", postcodes: [5611, 5658], netnummer: "40", gemeentecode: "0772", gewicht: 7 },
  { naam: "Groningen", postcodes: [9711, 9747], netnummer: "50", gemeentecode: "0014", gewicht: 6 },
  { naam: "Tilburg", postcodes: [5011, 5049], netnummer: "13", gemeentecode: "0855", gewicht: 6 },
  { naam: "Almere", postcodes: [1311, 1365], netnummer: "36", gemeentecode: "0034", gewicht: 6 },
  { naam: "Breda", postcodes: [4811, 4841], netnummer: "76", gemeentecode: "0758", gewicht: 5 },
  { naam: "Nijmegen", postcodes: [6511, 6546], netnummer: "24", gemeentecode: "0268", gewicht: 5 },
  { naam: "Arnhem", postcodes: [6811, 6846], netnummer: "26", gemeentecode: "0202", gewicht: 4 },
  { naam: "Haarlem", postcodes: [2011, 2037], netnummer: "23", gemeentecode: "0392", gewicht: 4 },
  { naam: "Zwolle", postcodes: [8011, 8048], netnummer: "38", gemeentecode: "0193", gewicht: 3 },
  { naam: "Leiden", postcodes: [2311, 2334], netnummer: "71", gemeentecode: "0546", gewicht: 3 },
  { naam: "Maastricht", postcodes: [6211, 6229], netnummer: "43", gemeentecode: "0935", gewicht: 3 },
  { naam: "Amersfoort", postcodes: [3811, 3829], netnummer: "33", gemeentecode: "0307", gewicht: 3 },
  { naam: "Apeldoorn", postcodes: [7311, 7339], netnummer: "55", gemeentecode: "0200", gewicht: 3 },
  { naam: "Enschede", postcodes: [7511, 7548], netnummer: "53", gemeentecode: "0153", gewicht: 3 },
];

/** Letters that Dutch postcodes use (PostNL leaves out F, I, O, Q, U and Y). */
export const POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

export const STRAATNAMEN = [
  "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianalaan", "Beatrixstraat",
  "Wilhelminastraat", "Marktplein", "Nieuwstraat", "Kastanjelaan", "Eikenlaan", "Lindelaan", "Parkweg",
  "Industrieweg", "Sportlaan", "Prins Bernhardlaan", "Oranjestraat", "Prinsengracht", "Herengracht",
  "Keizersgracht", "Burgemeester de Withstraat", "Van Goghstraat", "Rembrandtlaan", "Vondelstraat",
  "Spinozastraat", "Anne Frankstraat", "Tulpstraat", "Rozenstraat", "Zonnebloemstraat", "Hoofdstraat",
  "Havenstraat", "Dijkweg", "Veldweg", "Bosweg", "Weteringstraat", "Noordsingel", "Zuidwal", "Oostersingel",
];

export const HUISNUMMERTOEVOEGINGEN = ["A", "B", "C", "1", "2", "3", "hs", "I", "II", "bis", "rd"];

export const EMAILDOMEINEN = [
  "gmail.com", "hotmail.com", "outlook.com", "live.nl", "ziggo.nl", "kpnmail.nl", "xs4all.nl",
  "planet.nl", "home.nl", "icloud.com", "hotmail.nl", "telfort.nl", "upcmail.nl", "caiway.nl",
];

export const BRANCHES = [
  "Bakkerij", "Installatiebedrijf", "Schildersbedrijf", "Administratiekantoor", "Café", "Restaurant",
  "Kapsalon", "Autobedrijf", "Bouwbedrijf", "Transportbedrijf", "Hoveniersbedrijf", "Tandartspraktijk",
  "Fysiotherapie", "Kinderopvang", "Slagerij", "Bloemenhandel", "Rijwielhandel", "Makelaardij",
];

export const ORGANISATIE_NAMEN = [
  "De Korenaar", "Het Anker", "De Zon", "De Eendracht", "Noorderlicht", "De Hoop", "Zuiderzee",
  "De Molen", "Het Wapen", "De Ster", "De Linde", "Het Centrum", "De Brug", "Stadshart", "De Kroon",
];

export const RECHTSVORMEN = ["B.V.", "V.O.F.", "", "", "Holding B.V.", "& Zn."];

export const STICHTINGEN = [
  "Stichting Woonzorg", "Stichting Buurtwerk", "Woningcorporatie", "Stichting Voedselbank",
  "Vereniging van Eigenaren", "Stichting Jeugdzorg", "Sportvereniging",
];

export const KANALEN = [
  ["telefoon", 45],
  ["e-mail", 18],
  ["webformulier", 12],
  ["balie", 10],
  ["chat", 9],
  ["brief", 6],
] as const;

/** What a contact is about, with the zaaktype it concerns (null: a question without a zaak). */
export const ONDERWERPEN = [
  { onderwerp: "Parkeervergunning", zaaktype: "PARKEERVERGUNNING", vraag: "Wanneer wordt mijn aanvraag voor een parkeervergunning beoordeeld?" },
  { onderwerp: "Afvalinzameling", zaaktype: null, vraag: "De container is deze week niet geleegd. Wanneer komen ze alsnog?" },
  { onderwerp: "Paspoort aanvragen", zaaktype: null, vraag: "Welke documenten moet ik meenemen voor een nieuw paspoort?" },
  { onderwerp: "Melding openbare ruimte", zaaktype: "MOR", vraag: "Er ligt een losse stoeptegel voor mijn deur, iemand is al gestruikeld." },
  { onderwerp: "Bijstandsuitkering", zaaktype: "BIJSTAND", vraag: "Ik heb mijn uitkering deze maand niet ontvangen." },
  { onderwerp: "Verhuizing doorgeven", zaaktype: "VERHUIZING", vraag: "Ik ben verhuisd en wil mijn nieuwe adres doorgeven." },
  { onderwerp: "Terrasvergunning", zaaktype: "TERRAS", vraag: "Mag ik mijn terras uitbreiden tot de hoek van de straat?" },
  { onderwerp: "Omgevingsvergunning", zaaktype: "OMGEVINGSVERGUNNING", vraag: "Heb ik een vergunning nodig voor een dakkapel aan de achterkant?" },
  { onderwerp: "WOZ-waarde", zaaktype: "WOZ-BEZWAAR", vraag: "Ik ben het niet eens met de WOZ-waarde van mijn woning." },
  { onderwerp: "Gemeentelijke belastingen", zaaktype: "KWIJTSCHELDING", vraag: "Kan ik kwijtschelding krijgen van de afvalstoffenheffing?" },
  { onderwerp: "Wmo-voorziening", zaaktype: "WMO", vraag: "Mijn moeder heeft hulp in het huishouden nodig. Hoe vraag ik dat aan?" },
  { onderwerp: "Geluidsoverlast", zaaktype: "MOR", vraag: "Bij de buren is elke nacht harde muziek tot na tweeën." },
  { onderwerp: "Grofvuil ophalen", zaaktype: null, vraag: "Ik wil een bank en een kast laten ophalen. Kan dat volgende week?" },
  { onderwerp: "Uittreksel BRP", zaaktype: null, vraag: "Ik heb een uittreksel uit de basisregistratie nodig voor mijn werkgever." },
  { onderwerp: "Huwelijk of partnerschap", zaaktype: "HUWELIJK", vraag: "Wij willen in juni trouwen in het stadhuis. Is er nog een datum vrij?" },
  { onderwerp: "Schuldhulpverlening", zaaktype: "SCHULDHULP", vraag: "Ik kom niet meer rond en wil graag hulp bij mijn schulden." },
  { onderwerp: "Evenementenvergunning", zaaktype: "EVENEMENT", vraag: "Wij organiseren een buurtfeest en willen de straat afsluiten." },
  { onderwerp: "Straatverlichting", zaaktype: "MOR", vraag: "De lantaarnpaal op de hoek doet het al twee weken niet." },
] as const;

export const REACTIES = [
  "Uitgelegd hoe het werkt en de informatie op de website toegelicht.",
  "Doorverbonden met de vakafdeling.",
  "De klant wordt binnen drie werkdagen teruggebeld.",
  "Melding aangemaakt; de klant krijgt bericht zodra het is opgelost.",
  "Status van de aanvraag doorgegeven: in behandeling.",
  "",
] as const;

export const GEVRAAGDE_HANDELINGEN = [
  ["Terugbellen", 50],
  ["Informatie verstrekken", 15],
  ["Beantwoorden vraag", 15],
  ["Doorzetten naar vakafdeling", 12],
  ["Zaak aanmaken", 8],
] as const;

export const TAAK_TOELICHTINGEN = [
  "Klant wil graag vandaag nog teruggebeld worden, liefst na 16:00 uur.",
  "Graag contact opnemen over de status van de aanvraag.",
  "Klant heeft al twee keer gebeld, graag met voorrang oppakken.",
  "Vraag kon niet direct beantwoord worden; uitzoeken bij de vakafdeling.",
  "",
] as const;

export const FUNCTIES = [
  "KCC-medewerker", "Klantcontactmedewerker", "Medewerker Burgerzaken", "Vergunningverlener",
  "Consulent Werk en Inkomen", "Wijkregisseur", "Teamleider KCC", "Handhaver", "Belastingadviseur",
  "Consulent Wmo", "Schuldhulpverlener", "Medewerker Openbare Ruimte",
];

export const AFDELINGEN = [
  ["VERG", "Vergunningen", "Vergunningen, toezicht en handhaving"],
  ["BZ", "Burgerzaken", "Paspoorten, rijbewijzen en de basisregistratie personen"],
  ["WI", "Werk en Inkomen", "Bijstand en re-integratie"],
  ["WMO", "Wmo-loket", "Maatschappelijke ondersteuning"],
  ["BEL", "Belastingen", "Gemeentelijke belastingen en WOZ"],
  ["OR", "Openbare Ruimte", "Beheer en onderhoud van de openbare ruimte"],
  ["AFV", "Afval", "Afvalinzameling en grondstoffen"],
  ["SHV", "Schuldhulpverlening", "Hulp bij geldzaken en schulden"],
  ["KCC", "Klantcontactcentrum", "Eerste lijn telefoon, chat en balie"],
  ["HH", "Handhaving", "Boa's en toezicht"],
  ["RO", "Ruimtelijke Ordening", "Bestemmingsplannen en omgevingsvisie"],
  ["JZ", "Jeugdzorg", "Jeugdhulp en opvoedondersteuning"],
  ["EV", "Evenementen", "Evenementen en markten"],
  ["PZ", "Parkeren", "Parkeervergunningen en -beheer"],
  ["SZ", "Sociale Zaken", "Beleid sociaal domein"],
  ["BO", "Bezwaar en Beroep", "Behandeling van bezwaarschriften"],
] as const;

export const TALEN = [
  ["nld", 94],
  ["eng", 3],
  ["tur", 1],
  ["ara", 1],
  ["pol", 1],
] as const;
