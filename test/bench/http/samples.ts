import Database from "libsql";
import pg from "pg";

/**
 * The sample keys the workloads pick from, read with plain SQL from the seeded tables (the bench
 * may read tables directly; only src/ goes through the gates).
 */
export interface Samples {
  bsns: string[];
  /** The BSN of the person with the most klantcontacten. */
  longestHistoryBsn: string;
  longestHistoryKlantcontacten: number;
  /** Actors that have open (te_verwerken) taken. */
  actorsWithOpenTaken: string[];
  /** Any actors, for the medewerker of a new klantcontact. */
  actors: string[];
  /** E-mail addresses that a partij gave. */
  emails: string[];
  partijUuids: string[];
}

export type Target = { dialect: "postgresql"; url: string } | { dialect: "sqlite"; file: string };

/** Where the data lives: DATABASE_URL when set, else the SQLite file DATABASE_FILE (default data/scale.db). */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  return env.DATABASE_URL
    ? { dialect: "postgresql", url: env.DATABASE_URL }
    : { dialect: "sqlite", file: env.DATABASE_FILE || "data/scale.db" };
}

const POOL = 1000;

/** A small deterministic PRNG (mulberry32): the equality checks ask every peer the same. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plain SQL, valid on both dialects; random() orders randomly on both.
const QUERIES = {
  bsns: `select object_id as v from partij_identificator where code_soort_object_id = 'bsn' order by random() limit ${POOL}`,
  longest: `select i.object_id as v, count(distinct b.had_klantcontact_id) as n from betrokkene b
    join partij_identificator i on i.identificeerde_partij_id = b.was_partij_id and i.code_soort_object_id = 'bsn'
    group by i.object_id order by n desc, i.object_id limit 1`,
  actorsWithOpenTaken: `select a.uuid as v from actor a where exists (select 1 from toewijzing t join interne_taak it on it.id = t.interne_taak_id
    where t.actor_id = a.id and it.status = 'te_verwerken') order by random() limit ${POOL}`,
  actors: `select uuid as v from actor order by random() limit ${POOL}`,
  emails: `select adres as v from digitaal_adres where soort_digitaal_adres = 'email' and verstrekt_door_partij_id is not null
    order by random() limit ${POOL}`,
  partijUuids: `select uuid as v from partij order by random() limit ${POOL * 5}`,
};

type Row = { v: string; n?: number | string };

async function query(target: Target, run: (sql: string) => Promise<Row[]>): Promise<Samples> {
  const values = async (sql: string) => (await run(sql)).map((row) => String(row.v));
  const [longest] = await run(QUERIES.longest);
  const samples: Samples = {
    bsns: await values(QUERIES.bsns),
    longestHistoryBsn: longest ? String(longest.v) : "",
    longestHistoryKlantcontacten: longest ? Number(longest.n) : 0,
    actorsWithOpenTaken: await values(QUERIES.actorsWithOpenTaken),
    actors: await values(QUERIES.actors),
    emails: await values(QUERIES.emails),
    partijUuids: await values(QUERIES.partijUuids),
  };
  const empty = Object.entries(samples).filter(([, v]) => (Array.isArray(v) ? v.length === 0 : !v));
  if (empty.length) {
    throw new Error(`the ${target.dialect} database has no ${empty.map(([k]) => k).join(", ")}: fill it first (npm run seed:scale)`);
  }
  return samples;
}

export async function readSamples(target: Target): Promise<Samples> {
  if (target.dialect === "postgresql") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      return await query(target, async (sql) => (await client.query<Row>(sql)).rows);
    } finally {
      await client.end();
    }
  }
  const db = new Database(target.file, { readonly: true } as never);
  try {
    return await query(target, async (sql) => db.prepare(sql).all() as Row[]);
  } finally {
    db.close();
  }
}
