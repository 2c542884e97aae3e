/**
 * The scopes a client can be given, named the ZGW way (`<area>.<action>`): read, write and delete
 * per area of the standard, plus the scopes that lift one protection each (identificator values,
 * vertrouwelijke klantcontacten, partijen with geheimhouding) and the auditor's scope.
 */

export const AREAS = ["partijen", "klantcontacten", "opvolging"] as const;
export type Area = (typeof AREAS)[number];

export const ACTIONS = ["lezen", "schrijven", "verwijderen"] as const;
export type Action = (typeof ACTIONS)[number];

/** What each scope allows (Dutch: these descriptions are for the municipality's administrators). */
export const SCOPE_DESCRIPTIONS = {
  "partijen.lezen": "Partijen, hun identificatoren, digitale adressen, rekeningnummers, vertegenwoordigingen en categorieën lezen.",
  "partijen.schrijven": "Partijen en wat erbij hoort aanmaken en wijzigen.",
  "partijen.verwijderen": "Partijen en wat erbij hoort verwijderen.",
  "klantcontacten.lezen": "Klantcontacten, betrokkenen, onderwerpobjecten, bijlagen en actoren van klantcontacten lezen.",
  "klantcontacten.schrijven": "Klantcontacten en wat erbij hoort aanmaken en wijzigen.",
  "klantcontacten.verwijderen": "Klantcontacten en wat erbij hoort verwijderen.",
  "opvolging.lezen": "Interne taken en actoren lezen.",
  "opvolging.schrijven": "Interne taken en actoren aanmaken en wijzigen.",
  "opvolging.verwijderen": "Interne taken en actoren verwijderen.",
  "identificatoren.lezen":
    "De waarden van identificatoren zien (BSN, RSIN, KvK-nummer, vestigingsnummer en elk objectId van een partij-identificator) en erop zoeken.",
  "vertrouwelijk.lezen": "Klantcontacten met vertrouwelijk = true zien.",
  "geheimhouding.lezen": "Partijen met indicatieGeheimhouding = true en hun klantcontacten zien.",
  "audit.lezen": "Het auditlog raadplegen: wie heeft wanneer en waarom gegevens van een persoon verwerkt.",
} as const;

export type Scope = keyof typeof SCOPE_DESCRIPTIONS;

export const SCOPES = Object.keys(SCOPE_DESCRIPTIONS) as readonly Scope[];

const KNOWN = new Set<string>(SCOPES);

export function isScope(name: string): name is Scope {
  return KNOWN.has(name);
}

/** The scope for an action in an area: areaScope("partijen", "lezen") is "partijen.lezen". */
export function areaScope(area: Area, action: Action): Scope {
  return `${area}.${action}`;
}

/** Which area's scopes govern each resource of the standard. */
export const AREA_OF = {
  Partij: "partijen",
  PartijIdentificator: "partijen",
  DigitaalAdres: "partijen",
  Rekeningnummer: "partijen",
  Vertegenwoordiging: "partijen",
  Categorie: "partijen",
  CategorieRelatie: "partijen",
  Klantcontact: "klantcontacten",
  Betrokkene: "klantcontacten",
  Onderwerpobject: "klantcontacten",
  Bijlage: "klantcontacten",
  ActorKlantcontact: "klantcontacten",
  InterneTaak: "opvolging",
  Actor: "opvolging",
} as const satisfies Record<string, Area>;
