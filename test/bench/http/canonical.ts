import { identificatorWaarde, volledigeNaam, type IdentificatorRow } from "./partij-fields";
import type { PeerName } from "./peers";
import type { WorkloadName } from "./workloads";

/**
 * One canonical JSON per answer, so that the three peers' answers to the same key can be compared:
 * - our subgraph's and the baseline's `data` have the same shape already; PostGraphile's answer is
 *   mapped onto it (its own field names, enums in lower case, names from the contactnaam columns);
 * - `__typename` is dropped; date-times become ISO 8601 UTC with milliseconds;
 * - ordered lists keep their order: klantcontacten newest plaatsgevondenOp first, ties by id desc
 *   (the standard's order); interne taken by toegewezenOp (newest first in the klantbeeld, oldest
 *   first in the work queue), ties by id the same way; digitale adressen found by e-mail newest
 *   first. Lists without an order in the contract (a partij's digitale adressen, a contact's actors,
 *   onderwerpobjecten and betrokkenen) and the entities of a batch are sorted;
 * - the uuids a write made are replaced by "<new>".
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, unknown>;

export interface Answer {
  data?: unknown;
  errors?: unknown[];
}

const DATE_TIME_FIELDS = new Set(["plaatsgevondenOp", "toegewezenOp", "afgehandeldOp"]);
const UNORDERED_LISTS = new Set(["digitaleAdressen", "hadBetrokkenActoren", "gingOverOnderwerpobjecten", "hadBetrokkenen"]);

/** Keys sorted, so that two equal values print the same. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function normalise(value: unknown, key?: string): Json {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item));
    return key && UNORDERED_LISTS.has(key) ? items.sort((a, b) => (stableStringify(a) < stableStringify(b) ? -1 : 1)) : items;
  }
  if (value && typeof value === "object") {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Obj)) if (k !== "__typename") out[k] = normalise(v, k);
    return out;
  }
  if (key && DATE_TIME_FIELDS.has(key) && typeof value === "string") return new Date(value).toISOString();
  return (value ?? null) as Json;
}

const upper = (value: unknown) => (value == null ? null : String(value).toUpperCase());

// ---------------------------------------------------------------------------------------------
// PostGraphile's answers in the subgraph's shape

interface PgIdentificator {
  codeSoortObjectId: string;
  objectId: string;
  partijIdentificatorBySubIdentificatorVanId: { codeSoortObjectId: string; objectId: string } | null;
}

const identificatoren = (list: PgIdentificator[]): IdentificatorRow[] =>
  list.map((i) => ({
    soort: i.codeSoortObjectId,
    objectId: i.objectId,
    parentSoort: i.partijIdentificatorBySubIdentificatorVanId?.codeSoortObjectId ?? null,
    parentObjectId: i.partijIdentificatorBySubIdentificatorVanId?.objectId ?? null,
  }));

const naam = (row: Obj) => volledigeNaam(row.contactnaamVoornaam, row.contactnaamVoorvoegselAchternaam, row.contactnaamAchternaam);

/** `... on Persoon { volledigeNaam }`, and `... on Organisatie { naam }` when asked. */
function partijIdentificatie(partij: Obj, organisatieNaam: boolean): Obj {
  if (partij.soortPartij === "persoon") return { volledigeNaam: naam(partij) };
  if (partij.soortPartij === "organisatie" && organisatieNaam) return { naam: partij.organisatienaam ?? null };
  return {};
}

const adressen = (list: Obj[]) =>
  list.map((a) => ({ adres: a.adres, soortDigitaalAdres: upper(a.soortDigitaalAdres), isStandaardAdres: a.isStandaardAdres }));

function objectidentificator(o: Obj): Obj | null {
  const identificator = {
    objectId: o.onderwerpobjectidentificatorObjectId ?? null,
    codeObjecttype: o.onderwerpobjectidentificatorCodeObjecttype ?? null,
    codeRegister: o.onderwerpobjectidentificatorCodeRegister ?? null,
    codeSoortObjectId: o.onderwerpobjectidentificatorCodeSoortObjectId ?? null,
  };
  return Object.values(identificator).some((v) => v !== null) ? identificator : null;
}

const POSTGRAPHILE: Partial<Record<WorkloadName, (data: Obj) => unknown>> = {
  klantbeeld: klantbeeldOfPostgraphile,
  "klantbeeld-lang": klantbeeldOfPostgraphile,
  werkvoorraad: (data) => {
    const taken = data.allInterneTaaksList as Obj[];
    return {
      interneTaken: {
        edges: taken.slice(0, 50).map((t) => {
          const k = t.klantcontactByAanleidinggevendKlantcontactId as Obj;
          return {
            node: {
              uuid: t.uuid,
              referentienummer: t.referentienummer,
              gevraagdeHandeling: t.gevraagdeHandeling,
              toelichting: t.toelichting,
              status: upper(t.status),
              toegewezenOp: t.toegewezenOp,
              afgehandeldOp: t.afgehandeldOp,
              toegewezenAanActoren: (t.toewijzingsByInterneTaakIdList as Obj[]).map((w) => {
                const a = w.actorByActorId as Obj;
                return { uuid: a.uuid, naam: a.naam, soortActor: upper(a.soortActor) };
              }),
              aanleidinggevendKlantcontact: {
                uuid: k.uuid,
                onderwerp: k.onderwerp,
                plaatsgevondenOp: k.plaatsgevondenOp,
                hadBetrokkenen: (k.betrokkenesByHadKlantcontactIdList as Obj[]).map((b) => ({
                  rol: upper(b.rol),
                  initiator: b.initiator,
                  volledigeNaam: naam(b),
                  wasPartij: b.partijByWasPartijId ?? null,
                })),
              },
            },
          };
        }),
        pageInfo: { hasNextPage: taken.length > 50 },
      },
    };
  },
  email: (data) => ({
    digitaleAdressen: {
      edges: (data.allDigitaalAdresList as Obj[]).map((d) => {
        const p = d.partijByVerstrektDoorPartijId as Obj | null;
        return {
          node: {
            uuid: d.uuid,
            adres: d.adres,
            soortDigitaalAdres: upper(d.soortDigitaalAdres),
            isStandaardAdres: d.isStandaardAdres,
            verstrektDoorPartij: p
              ? {
                  uuid: p.uuid,
                  soortPartij: upper(p.soortPartij),
                  bsn: (p.partijIdentificatorsByIdentificeerdePartijIdList as Obj[])[0]?.objectId ?? null,
                  partijIdentificatie: partijIdentificatie(p, true),
                }
              : null,
          },
        };
      }),
    },
  }),
  entities: (data) => ({
    _entities: (data.allPartijsList as Obj[]).map((p) => {
      const own = identificatoren(p.partijIdentificatorsByIdentificeerdePartijIdList as PgIdentificator[]);
      return {
        uuid: p.uuid,
        soortPartij: upper(p.soortPartij),
        bsn: identificatorWaarde(own, "bsn"),
        kvkNummer: identificatorWaarde(own, "kvk_nummer"),
        partijIdentificatie: partijIdentificatie(p, true),
        digitaleAdressen: adressen(p.digitaalAdresByVerstrektDoorPartijIdList as Obj[]),
      };
    }),
  }),
};

function klantbeeldOfPostgraphile(data: Obj): unknown {
  const found = (data.allPartijIdentificatorsList as Obj[])[0]?.partijByIdentificeerdePartijId as Obj | undefined;
  if (!found) return { partijen: { edges: [] } };
  const own = identificatoren(found.partijIdentificatorsByIdentificeerdePartijIdList as PgIdentificator[]);
  const node = {
    uuid: found.uuid,
    partijIdentificatie: partijIdentificatie(found, false),
    digitaleAdressen: adressen(found.digitaalAdresByVerstrektDoorPartijIdList as Obj[]),
    klantcontacten: {
      edges: (data.allKlantcontactsList as Obj[]).map((k) => ({
        node: {
          kanaal: k.kanaal,
          onderwerp: k.onderwerp,
          inhoud: k.inhoud,
          plaatsgevondenOp: k.plaatsgevondenOp,
          hadBetrokkenActoren: (k.actorKlantcontactsByKlantcontactIdList as Obj[]).map((l) => ({ naam: (l.actorByActorId as Obj).naam })),
          gingOverOnderwerpobjecten: (k.onderwerpobjectsByKlantcontactIdList as Obj[]).map((o) => ({
            uuid: o.uuid,
            onderwerpobjectidentificator: objectidentificator(o),
          })),
        },
      })),
    },
    interneTaken: {
      edges: (data.allInterneTaaksList as Obj[]).map((t) => ({
        node: {
          gevraagdeHandeling: t.gevraagdeHandeling,
          toegewezenAanActoren: (t.toewijzingsByInterneTaakIdList as Obj[]).map((w) => ({ naam: (w.actorByActorId as Obj).naam })),
        },
      })),
    },
    bsn: identificatorWaarde(own, "bsn"),
    kvkNummer: identificatorWaarde(own, "kvk_nummer"),
    vestigingsnummer: identificatorWaarde(own, "vestigingsnummer"),
    rsin: identificatorWaarde(own, "rsin"),
  };
  return { partijen: { edges: [{ node }] } };
}

// ---------------------------------------------------------------------------------------------

/** The entities of a batch as a set: sorted by uuid, the unresolved (null) left out. */
function entitySet(data: unknown): unknown {
  const list = ((data as Obj)._entities as Array<Obj | null>).filter((e): e is Obj => e !== null);
  return {
    _entities: [...new Map(list.map((e) => [String(e.uuid), e])).values()].sort((a, b) => (String(a.uuid) < String(b.uuid) ? -1 : 1)),
  };
}

/** What a write answers, without the uuids it made (they differ per peer by nature). */
function withoutNewUuids(data: unknown): unknown {
  const result = structuredClone((data as Obj).registreerKlantcontact) as Obj;
  (result.klantcontact as Obj).uuid = "<new>";
  for (const list of ["betrokkenen", "onderwerpobjecten"]) for (const item of result[list] as Obj[]) item.uuid = "<new>";
  return { registreerKlantcontact: result };
}

export class AnswerError extends Error {}

/** The canonical JSON of one peer's answer to one workload; an answer with errors or without data throws. */
export function canonical(workload: WorkloadName, peer: PeerName, answer: Answer): Json {
  if (answer.errors?.length || answer.data == null) {
    throw new AnswerError(`${peer} answered ${workload} with errors: ${JSON.stringify(answer.errors ?? answer).slice(0, 2000)}`);
  }
  let data = peer === "postgraphile" ? POSTGRAPHILE[workload]!(answer.data as Obj) : answer.data;
  if (workload === "entities") data = entitySet(data);
  if (workload === "registreer") data = withoutNewUuids(data);
  return normalise(data);
}

/** The paths at which two canonical answers differ, with both values (at most `limit`). */
export function differences(a: Json, b: Json, limit = 10, at = "data"): string[] {
  if (stableStringify(a) === stableStringify(b)) return [];
  const show = (v: Json) => {
    const text = stableStringify(v);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  };
  if (Array.isArray(a) && Array.isArray(b)) {
    const found: string[] = [];
    if (a.length !== b.length) found.push(`${at}: ${a.length} items against ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length) && found.length < limit; i++)
      found.push(...differences(a[i], b[i], limit - found.length, `${at}[${i}]`));
    return found.slice(0, limit);
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const found: string[] = [];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (found.length >= limit) break;
      if (!(key in b)) found.push(`${at}.${key}: only in the first (${show(a[key])})`);
      else if (!(key in a)) found.push(`${at}.${key}: only in the second (${show(b[key])})`);
      else found.push(...differences(a[key], b[key], limit - found.length, `${at}.${key}`));
    }
    return found.slice(0, limit);
  }
  return [`${at}: ${show(a)} against ${show(b)}`];
}
