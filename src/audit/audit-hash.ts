import { createHmac } from "node:crypto";

/**
 * The data subject of an audit record: a person by BSN, or any other partij by its uuid. The log
 * stores neither, only a keyed hash of it, so that the log leaks no BSN while an auditor who
 * names a BSN (and the service, which holds the key) can still find every record about it.
 */
export type AuditBetrokkene = { bsn: string } | { partij: string };

/** What is hashed: "bsn:<bsn>" or "partij:<uuid>" (lower case, so that a uuid's spelling does not matter). */
export function betrokkeneKey(betrokkene: AuditBetrokkene): string {
  return "bsn" in betrokkene ? `bsn:${betrokkene.bsn}` : `partij:${betrokkene.partij.toLowerCase()}`;
}

/**
 * HMAC-SHA256 under the configured key, hex. Keyed because a plain hash of a BSN is no
 * protection: there are only a billion BSNs, all of them hashed in minutes.
 */
export function betrokkeneHash(betrokkene: AuditBetrokkene, key: string): string {
  return createHmac("sha256", key).update(betrokkeneKey(betrokkene)).digest("hex");
}
