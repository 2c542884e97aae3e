import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { jwtVerify } from "jose";
import Database from "libsql";
import pg from "pg";
import { SQL, type Dialect } from "./baseline-sql";
import { identificatorWaarde, kvkNummerVia, volledigeNaam, type IdentificatorRow } from "./partij-fields";

/**
 * The hand-written baseline of the benchmark: what a competent engineer would serve for each
 * workload without a framework. node:http, the project's drivers (pg's Pool; libsql, which
 * MikroORM's libsql driver uses), the SQL of baseline-sql.ts, JSON.stringify. Per request it does
 * what the subgraph must also do: check the bearer token (HS256, jose), and insert one audit record
 * per data subject whose data it returns or writes (the same rows as src/audit writes). It answers
 * the `data` of the subgraph's GraphQL answer, so that canonical.ts can compare the two.
 * POST /<workload> with the workload's key as JSON body (workloads.ts); GET /ready.
 */

const port = Number(process.env.PORT);
const clientId = process.env.BENCH_CLIENT_ID ?? "";
const secret = new TextEncoder().encode(process.env.BENCH_CLIENT_SECRET ?? "");
const hashKey = process.env.AUDIT_HASH_KEY ?? "";
if (!port || !clientId || !hashKey) throw new Error("baseline-server needs PORT, BENCH_CLIENT_ID, BENCH_CLIENT_SECRET and AUDIT_HASH_KEY");

// ---------------------------------------------------------------------------------------------
// The database: one `query` for both dialects.

type Row = Record<string, unknown>;
type Statement = keyof typeof SQL;

interface Db {
  dialect: Dialect;
  query(statement: Statement, params: unknown[]): Promise<Row[]>;
  /** SQLite only: several statements in one write transaction. */
  transaction?<T>(work: () => T): T;
  run?(sql: string, params: unknown[]): { lastInsertRowid: number | bigint };
}

function openDb(): Db {
  if (process.env.DATABASE_URL) {
    // knex's default pool under MikroORM is 10 connections too.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return {
      dialect: "postgresql",
      // Named statements: prepared once per connection, as the texts are constant.
      query: async (statement, params) =>
        (await pool.query({ name: statement, text: (SQL[statement] as Record<Dialect, string>).postgresql, values: params })).rows,
    };
  }
  const db = new Database(process.env.DATABASE_FILE || "data/scale.db");
  db.exec("pragma foreign_keys = on");
  type Prepared = { all(...params: unknown[]): Row[]; run(...params: unknown[]): { lastInsertRowid: number | bigint } };
  const prepared = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql) as unknown as Prepared;
      prepared.set(sql, statement);
    }
    return statement;
  };
  return {
    dialect: "sqlite",
    query: async (statement, params) => prepare((SQL[statement] as Record<Dialect, string>).sqlite).all(...params),
    transaction: (work) => db.transaction(work).immediate(),
    run: (sql, params) => prepare(sql).run(...params),
  };
}

const db = openDb();
const sqlite = db.dialect === "sqlite";

/** An array parameter: a real array on PostgreSQL, JSON text for json_each on SQLite. */
const array = (values: unknown[]) => (sqlite ? JSON.stringify(values) : values);
/** JSON columns come parsed from pg and as text from SQLite. */
const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
/** timestamptz (Date, or text inside JSON) on PostgreSQL, epoch milliseconds on SQLite. */
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());
/** The enums are stored in lower case and named in upper case in GraphQL. */
const upper = (value: unknown) => String(value).toUpperCase();

// ---------------------------------------------------------------------------------------------
// Audit: the same records as src/audit (one per data subject: a keyed hash of "bsn:<bsn>", or of
// "partij:<uuid>" for a partij without BSN).

interface Subject {
  uuid: string;
  bsn: string | null | undefined;
}

interface Who {
  userId: string;
  userRepresentation: string;
  traceId: string;
}

function hashes(subjects: Subject[]): string[] {
  const keys = new Set(subjects.map((s) => (s.bsn ? `bsn:${s.bsn}` : `partij:${s.uuid.toLowerCase()}`)));
  return [...keys].map((key) => createHmac("sha256", hashKey).update(key).digest("hex"));
}

function auditParams(who: Who, operatie: string, kind: "query" | "mutation", subjects: Subject[]) {
  const tijdstip = sqlite ? Date.now() : new Date();
  const activiteit = kind === "query" ? "klantinteracties-raadplegen" : "klantinteracties-vastleggen";
  const rows = hashes(subjects).map((hash) => [randomUUID(), hash] as const);
  return { shared: [tijdstip, who.traceId, operatie, activiteit, clientId, who.userId, who.userRepresentation], rows };
}

async function audit(who: Who, operatie: string, subjects: Subject[]): Promise<void> {
  if (subjects.length === 0) return;
  const { shared, rows } = auditParams(who, operatie, "query", subjects);
  const params = sqlite
    ? [...shared, "lezen", JSON.stringify(rows)]
    : [...shared, "lezen", rows.map(([uuid]) => uuid), rows.map(([, hash]) => hash)];
  await db.query("audit", params);
}

// ---------------------------------------------------------------------------------------------
// Partijen as the subgraph shows them.

/** An identificator as the baseline reads it: with the partij of the one it falls under, a data subject when its KvK-nummer is shown. */
interface Identificator extends IdentificatorRow {
  parentPartij: string | null;
  parentPartijBsn: string | null;
}

/** The data subjects of a partij whose kvkNummer is shown: the partij, and the one whose KvK-nummer a vestiging shows. */
function partijSubjects(uuid: string, own: Identificator[], withKvkNummer: boolean): Subject[] {
  const subjects: Subject[] = [{ uuid, bsn: identificatorWaarde(own, "bsn") }];
  const via = withKvkNummer ? (kvkNummerVia(own) as Identificator | undefined) : undefined;
  if (via?.parentPartij) subjects.push({ uuid: via.parentPartij, bsn: via.parentPartijBsn });
  return subjects;
}

interface Adres {
  id: number;
  adres: string;
  soort: string;
  isStandaardAdres: boolean | number;
}

const contactnaamLeeg = (row: Row) => !row.contactnaam_voornaam && !row.contactnaam_voorvoegsel_achternaam && !row.contactnaam_achternaam;

/** partijIdentificatie with `... on Persoon { volledigeNaam }` and, when asked, `... on Organisatie { naam }`. */
function partijIdentificatie(row: Row, withOrganisatieNaam: boolean) {
  const soort = upper(row.soort_partij);
  const naam = () =>
    contactnaamLeeg(row) ? "" : volledigeNaam(row.contactnaam_voornaam, row.contactnaam_voorvoegsel_achternaam, row.contactnaam_achternaam);
  if (soort === "PERSOON") return { __typename: "Persoon", volledigeNaam: naam() };
  if (soort === "ORGANISATIE")
    return withOrganisatieNaam ? { __typename: "Organisatie", naam: row.organisatienaam ?? null } : { __typename: "Organisatie" };
  return { __typename: "Contactpersoon" };
}

/** The voorkeur first, then the standaard adres of each soort, then the rest, each in storage order. */
function digitaleAdressen(row: Row) {
  const rank = (a: Adres) => (a.id === row.voorkeurs_digitaal_adres_id ? 0 : a.isStandaardAdres ? 1 : 2);
  return [...json<Adres[]>(row.adressen)]
    .sort((a, b) => rank(a) - rank(b))
    .map((a) => ({ adres: a.adres, soortDigitaalAdres: upper(a.soort), isStandaardAdres: Boolean(a.isStandaardAdres) }));
}

// ---------------------------------------------------------------------------------------------
// The workloads: each returns the answer's `data` after writing its audit records.

type Handler = (body: Record<string, unknown>, who: Who) => Promise<unknown>;

class BadRequest extends Error {}

const text = (value: unknown, name: string, max: number, min = 1): string => {
  if (typeof value !== "string" || [...value].length < min || [...value].length > max)
    throw new BadRequest(`${name}: ${min} to ${max} characters`);
  return value;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown, name: string): string => {
  if (typeof value !== "string" || !UUID.test(value)) throw new BadRequest(`${name}: not a uuid`);
  return value.toLowerCase();
};

const klantbeeld: Handler = async (body, who) => {
  const bsn = text(body.bsn, "bsn", 9, 9);
  const [partij] = await db.query("partijByBsn", [bsn]);
  if (!partij) return { partijen: { edges: [] } };
  const [contacten, taken] = await Promise.all([
    db.query("klantcontactenVanPartij", [partij.id]),
    db.query("openTakenVanPartij", [partij.id]),
  ]);
  const own = json<Identificator[]>(partij.identificatoren);
  await audit(who, "Klantbeeld partijen", [
    ...partijSubjects(String(partij.uuid), own, true),
    ...contacten.flatMap((k) => json<Subject[]>(k.partijen)),
  ]);
  const node = {
    __typename: "Partij",
    uuid: partij.uuid,
    partijIdentificatie: partijIdentificatie(partij, false),
    digitaleAdressen: digitaleAdressen(partij),
    klantcontacten: {
      edges: contacten.map((k) => ({
        node: {
          kanaal: k.kanaal,
          onderwerp: k.onderwerp,
          inhoud: k.inhoud,
          plaatsgevondenOp: iso(k.plaatsgevonden_op),
          hadBetrokkenActoren: json<string[]>(k.actoren).map((naam) => ({ naam })),
          gingOverOnderwerpobjecten: json<Row[]>(k.onderwerpobjecten).map(({ uuid, ...identificator }) => ({
            __typename: "Onderwerpobject",
            uuid,
            onderwerpobjectidentificator: Object.values(identificator).some((v) => v !== null) ? identificator : null,
          })),
        },
      })),
    },
    interneTaken: {
      edges: taken.map((t) => ({
        node: { gevraagdeHandeling: t.gevraagde_handeling, toegewezenAanActoren: json<string[]>(t.actoren).map((naam) => ({ naam })) },
      })),
    },
    bsn: identificatorWaarde(own, "bsn"),
    kvkNummer: identificatorWaarde(own, "kvk_nummer"),
    vestigingsnummer: identificatorWaarde(own, "vestigingsnummer"),
    rsin: identificatorWaarde(own, "rsin"),
  };
  return { partijen: { edges: [{ node }] } };
};

const werkvoorraad: Handler = async (body, who) => {
  const actor = uuid(body.actor, "actor");
  const rows = await db.query("werkvoorraad", [actor]);
  const page = rows.slice(0, 50);
  const betrokkenen = page.map((t) => json<Row[]>(t.betrokkenen));
  await audit(
    who,
    "Werkvoorraad interneTaken",
    betrokkenen.flat().flatMap((b) => (b.partij ? [{ uuid: String(b.partij), bsn: b.bsn as string | null }] : [])),
  );
  return {
    interneTaken: {
      edges: page.map((t, i) => ({
        node: {
          uuid: t.uuid,
          referentienummer: t.referentienummer ?? null,
          gevraagdeHandeling: t.gevraagde_handeling,
          toelichting: t.toelichting,
          status: upper(t.status),
          toegewezenOp: iso(t.toegewezen_op),
          afgehandeldOp: iso(t.afgehandeld_op),
          toegewezenAanActoren: json<Row[]>(t.actoren).map((a) => ({ uuid: a.uuid, naam: a.naam, soortActor: upper(a.soortActor) })),
          aanleidinggevendKlantcontact: {
            uuid: t.klantcontact_uuid,
            onderwerp: t.onderwerp,
            plaatsgevondenOp: iso(t.plaatsgevonden_op),
            hadBetrokkenen: betrokkenen[i].map((b) => ({
              rol: upper(b.rol),
              initiator: Boolean(b.initiator),
              volledigeNaam: volledigeNaam(b.voornaam, b.voorvoegsel, b.achternaam),
              wasPartij: b.partij ? { uuid: b.partij } : null,
            })),
          },
        },
      })),
      pageInfo: { hasNextPage: rows.length > 50 },
    },
  };
};

const email: Handler = async (body, who) => {
  const adres = text(body.email, "email", 80);
  const rows = await db.query("emailAdressen", [adres.trim().toLowerCase()]);
  await audit(
    who,
    "ZoekOpEmail digitaleAdressen",
    rows.flatMap((r) => (r.partij_uuid ? [{ uuid: String(r.partij_uuid), bsn: r.bsn as string | null }] : [])),
  );
  return {
    digitaleAdressen: {
      edges: rows.map((r) => ({
        node: {
          uuid: r.uuid,
          adres: r.adres,
          soortDigitaalAdres: upper(r.soort_digitaal_adres),
          isStandaardAdres: Boolean(r.is_standaard_adres),
          verstrektDoorPartij: r.partij_uuid
            ? {
                uuid: r.partij_uuid,
                soortPartij: upper(r.soort_partij),
                bsn: r.bsn ?? null,
                partijIdentificatie: partijIdentificatie(r, true),
              }
            : null,
        },
      })),
    },
  };
};

const entities: Handler = async (body, who) => {
  if (!Array.isArray(body.uuids) || body.uuids.length > 100) throw new BadRequest("uuids: a list of at most 100");
  const uuids = body.uuids.map((u, i) => uuid(u, `uuids.${i}`));
  const rows = await db.query("partijenByUuid", [array([...new Set(uuids)])]);
  const byUuid = new Map(rows.map((row) => [String(row.uuid), row]));
  const identificatoren = new Map(rows.map((row) => [String(row.uuid), json<Identificator[]>(row.identificatoren)]));
  await audit(
    who,
    "Entities _entities",
    rows.flatMap((row) => partijSubjects(String(row.uuid), identificatoren.get(String(row.uuid))!, true)),
  );
  return {
    _entities: uuids.map((u) => {
      const row = byUuid.get(u);
      if (!row) return null;
      const own = identificatoren.get(u)!;
      return {
        uuid: row.uuid,
        soortPartij: upper(row.soort_partij),
        bsn: identificatorWaarde(own, "bsn"),
        kvkNummer: identificatorWaarde(own, "kvk_nummer"),
        partijIdentificatie: partijIdentificatie(row, true),
        digitaleAdressen: digitaleAdressen(row),
      };
    }),
  };
};

/** The contactmoment of workloads.ts (registreerInput): one actor, one betrokkene with an existing partij, one zaak. */
const registreer: Handler = async (body, who) => {
  const input = body as {
    klantcontact?: Record<string, unknown>;
    actoren?: Array<{ uuid?: unknown }>;
    betrokkenen?: Array<{ wasPartij?: unknown; rol?: unknown; initiator?: unknown }>;
    onderwerpobjecten?: Array<{ zaak?: { uuid?: unknown } }>;
  };
  const k = input.klantcontact ?? {};
  const kanaal = text(k.kanaal, "klantcontact.kanaal", 50);
  const onderwerp = text(k.onderwerp, "klantcontact.onderwerp", 200);
  const inhoud = text(k.inhoud ?? "", "klantcontact.inhoud", 1000, 0);
  const taal = text(k.taal, "klantcontact.taal", 3, 3);
  if (typeof k.vertrouwelijk !== "boolean") throw new BadRequest("klantcontact.vertrouwelijk: true or false");
  const gelukt = k.indicatieContactGelukt ?? null;
  if (gelukt !== null && typeof gelukt !== "boolean") throw new BadRequest("klantcontact.indicatieContactGelukt: true, false or null");
  const plaatsgevondenOp = k.plaatsgevondenOp == null ? new Date() : new Date(String(k.plaatsgevondenOp));
  if (Number.isNaN(plaatsgevondenOp.getTime())) throw new BadRequest("klantcontact.plaatsgevondenOp: not a date-time");
  const [actorRef] = input.actoren ?? [];
  const [betrokkene] = input.betrokkenen ?? [];
  const [onderwerpobject] = input.onderwerpobjecten ?? [];
  const actorUuid = uuid(actorRef?.uuid, "actoren.0.uuid");
  const partijUuid = uuid(betrokkene?.wasPartij, "betrokkenen.0.wasPartij");
  const rol = betrokkene?.rol === "KLANT" || betrokkene?.rol === "VERTEGENWOORDIGER" ? betrokkene.rol.toLowerCase() : undefined;
  if (!rol) throw new BadRequest("betrokkenen.0.rol: KLANT or VERTEGENWOORDIGER");
  if (typeof betrokkene.initiator !== "boolean") throw new BadRequest("betrokkenen.0.initiator: true or false");
  const zaak = uuid(onderwerpobject?.zaak?.uuid, "onderwerpobjecten.0.zaak.uuid");

  const [found] = await db.query("registreerVerwijzingen", [partijUuid, actorUuid]);
  if (found.partij_id == null) throw new BadRequest("betrokkenen.0.wasPartij: does_not_exist");
  if (found.actor_id == null) throw new BadRequest("actoren.0.uuid: does_not_exist");

  const ids = { klantcontact: randomUUID(), actorKlantcontact: randomUUID(), betrokkene: randomUUID(), onderwerpobject: randomUUID() };
  const { shared, rows } = auditParams(who, "Registreer registreerKlantcontact", "mutation", [
    { uuid: partijUuid, bsn: found.bsn as string | null },
  ]);
  if (sqlite) {
    const { run, transaction } = db as Required<Db>;
    transaction(() => {
      const klantcontactId = run(SQL.sqliteKlantcontact, [
        ids.klantcontact,
        kanaal,
        onderwerp,
        inhoud,
        gelukt === null ? null : Number(gelukt),
        taal,
        Number(k.vertrouwelijk),
        plaatsgevondenOp.getTime(),
      ]).lastInsertRowid;
      run(SQL.sqliteActorKlantcontact, [ids.actorKlantcontact, found.actor_id, klantcontactId]);
      run(SQL.sqliteBetrokkene, [ids.betrokkene, found.partij_id, klantcontactId, rol, Number(betrokkene.initiator)]);
      run(SQL.sqliteOnderwerpobject, [ids.onderwerpobject, klantcontactId, zaak]);
      // the audit statement reads its parameters in order; soort goes before the rows
      run(SQL.audit.sqlite, [...shared, "schrijven", JSON.stringify(rows)]);
    });
  } else {
    await db.query("registreer", [
      ids.klantcontact,
      kanaal,
      onderwerp,
      inhoud,
      gelukt,
      taal,
      k.vertrouwelijk,
      plaatsgevondenOp,
      ids.actorKlantcontact,
      found.actor_id,
      ids.betrokkene,
      found.partij_id,
      rol,
      betrokkene.initiator,
      ids.onderwerpobject,
      zaak,
      ...shared,
      rows.map(([u]) => u),
      rows.map(([, hash]) => hash),
    ]);
  }
  return {
    registreerKlantcontact: {
      herhaald: false,
      klantcontact: {
        uuid: ids.klantcontact,
        kanaal,
        onderwerp,
        inhoud,
        taal,
        vertrouwelijk: k.vertrouwelijk,
        indicatieContactGelukt: gelukt,
        plaatsgevondenOp: plaatsgevondenOp.toISOString(),
      },
      actoren: [{ uuid: actorUuid }],
      betrokkenen: [{ uuid: ids.betrokkene, rol: upper(rol), initiator: betrokkene.initiator, wasPartij: { uuid: partijUuid } }],
      onderwerpobjecten: [
        {
          uuid: ids.onderwerpobject,
          onderwerpobjectidentificator: { objectId: zaak, codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" },
        },
      ],
    },
  };
};

const HANDLERS: Record<string, Handler> = {
  "/klantbeeld": klantbeeld,
  "/klantbeeld-lang": klantbeeld,
  "/werkvoorraad": werkvoorraad,
  "/email": email,
  "/entities": entities,
  "/registreer": registreer,
};

// ---------------------------------------------------------------------------------------------
// HTTP

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

async function authenticate(request: IncomingMessage): Promise<Who | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith("Bearer ")) return null;
  try {
    const { payload } = await jwtVerify(header.slice(7), secret, { algorithms: ["HS256"], issuer: clientId, maxTokenAge: 86_400 });
    if (payload.client_id !== undefined && payload.client_id !== clientId) return null;
    const trace = TRACEPARENT.exec(String(request.headers.traceparent ?? ""));
    return {
      userId: String(payload.user_id ?? payload.sub ?? ""),
      userRepresentation: String(payload.user_representation ?? ""),
      traceId: trace ? trace[1] : randomBytes(16).toString("hex"),
    };
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new BadRequest("body larger than 1 MB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === "GET" && request.url === "/ready") {
    await db.query("registreerVerwijzingen", [randomUUID(), randomUUID()]);
    return send(response, 200, { status: "ready" });
  }
  const handler = request.method === "POST" ? HANDLERS[request.url ?? ""] : undefined;
  if (!handler) return send(response, 404, { errors: [{ message: "not found" }] });
  const who = await authenticate(request);
  if (!who) return send(response, 401, { errors: [{ message: "not authenticated", extensions: { code: "UNAUTHENTICATED" } }] });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch (err) {
    return send(response, 400, { errors: [{ message: err instanceof BadRequest ? err.message : "body is no JSON" }] });
  }
  if (typeof body !== "object" || body === null) return send(response, 400, { errors: [{ message: "body is no JSON object" }] });
  try {
    send(response, 200, { data: await handler(body as Record<string, unknown>, who) });
  } catch (err) {
    if (err instanceof BadRequest)
      return send(response, 400, { errors: [{ message: err.message, extensions: { code: "BAD_USER_INPUT" } }] });
    throw err;
  }
}

createServer((request, response) => {
  handle(request, response).catch((err: unknown) => {
    console.error("baseline: request failed", (err as Error).message);
    if (!response.headersSent) send(response, 500, { errors: [{ message: "internal error" }] });
  });
}).listen(port, "127.0.0.1");

process.on("SIGTERM", () => process.exit(0));
