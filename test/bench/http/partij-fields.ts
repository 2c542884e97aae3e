/**
 * Two rules of the subgraph's Partij fields that the baseline and canonical.ts both apply to raw
 * rows, so that they answer as the subgraph does (src/partijen/partij.service.ts
 * identificatorWaarde, src/common/embeddables.ts volledigeNaam).
 */

export interface IdentificatorRow {
  soort: string;
  objectId: string;
  /** The identificator it falls under (a vestiging's KvK-nummer), if any. */
  parentSoort: string | null;
  parentObjectId: string | null;
}

/** The identificator (of another partij, maybe) whose KvK-nummer a vestiging without one of its own shows. */
export function kvkNummerVia(own: readonly IdentificatorRow[]): IdentificatorRow | undefined {
  if (own.some((i) => i.soort === "kvk_nummer")) return undefined;
  const vestiging = own.find((i) => i.soort === "vestigingsnummer" && i.parentSoort);
  return vestiging?.parentSoort === "kvk_nummer" ? vestiging : undefined;
}

/** bsn, kvk_nummer, ...: the partij's own identificator; a vestiging's kvkNummer is that of the KvK-nummer it falls under. */
export function identificatorWaarde(own: readonly IdentificatorRow[], soort: string): string | null {
  const found = own.find((i) => i.soort === soort);
  if (found) return found.objectId;
  return soort === "kvk_nummer" ? (kvkNummerVia(own)?.parentObjectId ?? null) : null;
}

/** Voornaam, voorvoegsel and achternaam, the empty ones left out. */
export function volledigeNaam(voornaam: unknown, voorvoegsel: unknown, achternaam: unknown): string {
  return [voornaam, voorvoegsel, achternaam].filter((part) => typeof part === "string" && part.trim()).join(" ");
}
