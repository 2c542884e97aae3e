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

/** bsn, kvk_nummer, ...: the partij's own identificator; a vestiging's kvkNummer is that of the KvK-nummer it falls under. */
export function identificatorWaarde(own: readonly IdentificatorRow[], soort: string): string | null {
  const found = own.find((i) => i.soort === soort);
  if (found) return found.objectId;
  if (soort !== "kvk_nummer") return null;
  const vestiging = own.find((i) => i.soort === "vestigingsnummer" && i.parentSoort);
  return vestiging?.parentSoort === "kvk_nummer" ? vestiging.parentObjectId : null;
}

/** Voornaam, voorvoegsel and achternaam, the empty ones left out. */
export function volledigeNaam(voornaam: unknown, voorvoegsel: unknown, achternaam: unknown): string {
  return [voornaam, voorvoegsel, achternaam].filter((part) => typeof part === "string" && part.trim()).join(" ");
}
