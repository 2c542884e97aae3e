import { randomFillSync } from "node:crypto";
import { InvalidInputError } from "../common/errors";
import { MAX_VERWERKINGSACTIVITEIT_LENGTH, type Verwerkingsactiviteiten } from "./audit-config";
import type { AuditUitkomst } from "./enums";

/** What every record of one flush shares: the operation, who did it, when, and how it ended. */
export interface AuditMeta {
  /** Moment of the processing; the moment of the flush when not given. */
  tijdstip?: Date;
  traceId: string;
  operatie: string;
  verwerkingsactiviteit: string;
  clientId: string;
  /** The employee, "" when the token names none. */
  userId: string;
  userRepresentation: string;
  uitkomst: AuditUitkomst;
}

export const VERWERKINGSACTIVITEIT_HEADER = "x-verwerkingsactiviteit";

// version "-" trace-id "-" parent-id "-" flags (W3C Trace Context); a later version may append fields.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-|$)/;

/**
 * The trace id of a request: that of its W3C `traceparent` header when it carries a valid one,
 * so that the record can be found in the caller's logs too, otherwise a new random one.
 */
export function traceIdFrom(traceparent: string | undefined): string {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (match) {
    const [, version, traceId, parentId, more] = match;
    // Version ff and all-zero ids are invalid; version 00 has nothing after the flags.
    const valid = version !== "ff" && !/^0+$/.test(traceId) && !/^0+$/.test(parentId) && (version !== "00" || more === "");
    if (valid) return traceId;
  }
  return randomTraceId();
}

/**
 * Random bytes are drawn from the system 4 KB at a time and handed out 16 at a time: one draw per
 * request was a system call per request, and showed in the profile.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomTraceId(): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.toString("hex", used - 16, used);
}

/** "<operation name> <root fields>", e.g. "Klantbeeld partijen", or only the fields of an anonymous operation. */
export function operatieOf(operationName: string | null | undefined, rootFields: readonly string[]): string {
  return [operationName, rootFields.join(",")].filter(Boolean).join(" ");
}

/**
 * The processing activity of a request: what the client names in the x-verwerkingsactiviteit
 * header (it knows why its user looks), else the configured one for the operation kind.
 */
export function verwerkingsactiviteitFor(
  configured: Verwerkingsactiviteiten,
  kind: "query" | "mutation",
  header: string | undefined,
): string {
  if (header === undefined) return configured[kind];
  const value = header.trim();
  // Printable characters only: the value is stored and shown to auditors as it is.
  if (value === "" || value.length > MAX_VERWERKINGSACTIVITEIT_LENGTH || /[\p{Cc}\p{Cs}]/u.test(value)) {
    throw InvalidInputError.of(
      VERWERKINGSACTIVITEIT_HEADER,
      "invalid",
      `De verwerkingsactiviteit moet een naam of URL van 1 tot ${MAX_VERWERKINGSACTIVITEIT_LENGTH} leesbare tekens zijn.`,
    );
  }
  return value;
}
