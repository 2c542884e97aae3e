import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/database/orm";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { seedScale } from "../scale/seed-scale";
import { canonical } from "./canonical";
import { ask, benchAuth, startPeer, type Peer, type PeerName } from "./peers";
import { readSamples, seededRandom, type Samples, type Target } from "./samples";
import { applies, WORKLOADS, type Workload } from "./workloads";

/**
 * The proof that the benchmark's yardsticks answer the same question: on a small seeded database,
 * our subgraph, the hand-written baseline and (on PostgreSQL) PostGraphile, each in its own process
 * as `npm run bench` starts them, give equal canonical answers to every read workload for several
 * keys, and the baseline writes the same audit records for them as the subgraph. A
 * registreerKlantcontact through the subgraph and through the baseline writes the same rows.
 */

const KEYS_PER_WORKLOAD = 4;
const READS = Object.values(WORKLOADS).filter((w) => !w.write);

type Row = Record<string, unknown>;

let database: TestDatabase | undefined;
let sqliteFile: string | undefined;
let target: Target;
let samples: Samples;
const peers = new Map<PeerName, Peer>();
let query: (sql: string) => Promise<Row[]>;
let closeQuery: () => Promise<void>;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    target = { dialect: "postgresql", url: database.options().databaseUrl! };
  } else {
    // The peers are processes of their own: they share a file, not an in-memory database.
    sqliteFile = path.join(os.tmpdir(), `bench-peers-${randomBytes(6).toString("hex")}.db`);
    target = { dialect: "sqlite", file: sqliteFile };
  }
  const orm = await openDatabase(target.dialect === "postgresql" ? { databaseUrl: target.url } : { databaseFile: target.file });
  try {
    await seedScale(orm, { partijen: 400, seed: 9 });
  } finally {
    await orm.close();
  }
  if (target.dialect === "postgresql") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    query = async (sql) => (await client.query(sql)).rows as Row[];
    closeQuery = () => client.end();
  } else {
    const db = new Database(target.file);
    query = async (sql) => (db.prepare(sql).all() as Row[]).map(({ _metadata, ...row }) => row);
    closeQuery = async () => {
      db.close();
    };
  }
  samples = await readSamples(target);
  const auth = await benchAuth();
  const names: PeerName[] = target.dialect === "postgresql" ? ["ours", "baseline", "postgraphile"] : ["ours", "baseline"];
  await Promise.all(names.map(async (name) => peers.set(name, await startPeer(name, { target, auth, quiet: true }))));
}, 180_000);

afterAll(async () => {
  await Promise.all([...peers.values()].map((peer) => peer.stop()));
  await closeQuery?.();
  await database?.drop();
  if (sqliteFile) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile + suffix, { force: true });
}, 60_000);

const maxId = async (table: string) => Number((await query(`select coalesce(max(id), 0) as m from ${table}`))[0].m);

/** The audit records written since `after`, without what differs per request by nature (id, uuid, moment, trace). */
async function auditSince(after: number): Promise<Row[]> {
  const rows = await query(
    `select operatie, verwerkingsactiviteit, client_id, user_id, user_representation, betrokkene_hash, soort, uitkomst
     from audit_record where id > ${after} order by betrokkene_hash, soort`,
  );
  return rows;
}

/** The peer's canonical answer to one key, and the audit records its request wrote. */
async function answerOf(name: PeerName, workload: Workload, key: Record<string, unknown>) {
  const before = await maxId("audit_record");
  const answer = canonical(workload.name, name, await ask(peers.get(name)!, workload, key));
  return { answer, audit: await auditSince(before) };
}

describe.each(READS.map((w) => [w.name, w] as const))("%s", (_name, workload) => {
  it(`answers the same from every peer, and the baseline audits what the subgraph audits`, async () => {
    const random = seededRandom(7);
    for (let i = 0; i < KEYS_PER_WORKLOAD; i++) {
      const key = workload.key(samples, random);
      const ours = await answerOf("ours", workload, key);
      const baseline = await answerOf("baseline", workload, key);
      expect(baseline.answer, `baseline for ${JSON.stringify(key).slice(0, 120)}`).toEqual(ours.answer);
      expect(baseline.audit, `baseline's audit records for ${JSON.stringify(key).slice(0, 120)}`).toEqual(ours.audit);
      if (peers.has("postgraphile") && applies("postgraphile", workload)) {
        const postgraphile = await answerOf("postgraphile", workload, key);
        expect(postgraphile.answer, `PostGraphile for ${JSON.stringify(key).slice(0, 120)}`).toEqual(ours.answer);
      }
    }
  });

  it("finds something for its keys (an empty answer would prove nothing)", async () => {
    const key = workload.key(samples, seededRandom(7));
    const text = JSON.stringify((await answerOf("ours", workload, key)).answer);
    expect(text).toMatch(/"uuid"|"kanaal"/);
  });
});

describe("registreer", () => {
  const TABLES = [
    "klantcontact",
    "actor_klantcontact",
    "betrokkene",
    "onderwerpobject",
    "audit_record",
    "partij",
    "digitaal_adres",
    "actor",
    "interne_taak",
  ];

  /** Every row written since `before`, per table, with ids and generated values replaced by what they stand for. */
  async function writtenSince(before: Record<string, number>): Promise<Record<string, Row[]>> {
    const written: Record<string, Row[]> = {};
    for (const table of TABLES) {
      const rows = await query(`select * from ${table} where id > ${before[table]} order by id`);
      written[table] = rows.map((row) => {
        const { id: _id, uuid: _uuid, tijdstip: _tijdstip, trace_id: _trace, ...rest } = row;
        for (const column of ["klantcontact_id", "had_klantcontact_id"]) if (column in rest) rest[column] = "<the new klantcontact>";
        // the same moment, whatever the driver makes of it (Date, text, epoch milliseconds)
        if ("plaatsgevonden_op" in rest) rest.plaatsgevonden_op = new Date(rest.plaatsgevonden_op as string).toISOString();
        return rest;
      });
    }
    return written;
  }

  async function registerThrough(name: PeerName, key: Record<string, unknown>) {
    const before = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await maxId(t)] as const)));
    const answer = canonical("registreer", name, await ask(peers.get(name)!, WORKLOADS.registreer, key));
    return { answer, written: await writtenSince(before) };
  }

  it("writes the same rows and answers the same through the subgraph and through the baseline", async () => {
    const key = WORKLOADS.registreer.key(samples, seededRandom(3));
    const ours = await registerThrough("ours", key);
    const baseline = await registerThrough("baseline", key);
    expect(baseline.answer).toEqual(ours.answer);
    expect(baseline.written).toEqual(ours.written);
    // the contactmoment itself: one row each, and one audit record (schrijven) for its partij
    for (const table of ["klantcontact", "actor_klantcontact", "betrokkene", "onderwerpobject", "audit_record"])
      expect(ours.written[table], table).toHaveLength(1);
    expect(ours.written.audit_record[0]).toMatchObject({
      soort: "schrijven",
      uitkomst: "gelukt",
      operatie: "Registreer registreerKlantcontact",
    });
  });
});
