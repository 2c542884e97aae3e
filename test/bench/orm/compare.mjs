// MikroORM 6 against 7 on this subgraph's hot ORM paths, on the same data: em.find of 1000
// klantcontacten with their betrokkenen (and partijen) and onderwerpobjecten into the identity
// map (3200 entities), and the unit-of-work flush of a registreerKlantcontact-sized graph.
// Standalone: plain EntitySchema entities shaped like ours, no code of the project, so that one
// file runs on either version. run.sh installs each version in a directory of its own and runs
// this file there. Env: DATABASE_URL (PostgreSQL; else SQLite :memory: through libsql),
// STRATEGY (load strategy; default: the version's own), FIND_RUNS, FLUSH_RUNS.
// Prints one JSON line: ops/s, wall and CPU milliseconds per op, statements per op.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const pg = Boolean(process.env.DATABASE_URL);
const mod = await import(pg ? "@mikro-orm/postgresql" : "@mikro-orm/libsql");
const { MikroORM, EntitySchema } = mod;
const require = createRequire(import.meta.url);
const version = require("@mikro-orm/core/package.json").version;

class Partij {}
class Klantcontact {}
class Betrokkene {}
class Onderwerpobject {}
class InterneTaak {}

const id = { type: "integer", primary: true, autoincrement: true };
const uuid = { type: "string", length: 36, unique: true, onCreate: () => randomUUID() };
const schemas = [
  new EntitySchema({
    class: Partij,
    tableName: "partij",
    properties: {
      id,
      uuid,
      nummer: { type: "string" },
      bsn: { type: "string", nullable: true },
      voornaam: { type: "string" },
      achternaam: { type: "string" },
      indicatieActief: { type: "boolean" },
      aangemaaktOp: { type: "datetime", onCreate: () => new Date() },
    },
  }),
  new EntitySchema({
    class: Klantcontact,
    tableName: "klantcontact",
    properties: {
      id,
      uuid,
      kanaal: { type: "string" },
      onderwerp: { type: "string" },
      inhoud: { type: "text", nullable: true },
      taal: { type: "string" },
      vertrouwelijk: { type: "boolean" },
      plaatsgevondenOp: { type: "datetime" },
      betrokkenen: { kind: "1:m", entity: () => Betrokkene, mappedBy: "hadKlantcontact" },
      onderwerpobjecten: { kind: "1:m", entity: () => Onderwerpobject, mappedBy: "klantcontact" },
    },
  }),
  new EntitySchema({
    class: Betrokkene,
    tableName: "betrokkene",
    properties: {
      id,
      uuid,
      rol: { type: "string" },
      initiator: { type: "boolean" },
      organisatienaam: { type: "string", nullable: true },
      hadKlantcontact: { kind: "m:1", entity: () => Klantcontact },
      wasPartij: { kind: "m:1", entity: () => Partij, nullable: true },
    },
  }),
  new EntitySchema({
    class: Onderwerpobject,
    tableName: "onderwerpobject",
    properties: {
      id,
      uuid,
      objectId: { type: "string" },
      codeObjecttype: { type: "string" },
      codeSoortObjectId: { type: "string" },
      codeRegister: { type: "string" },
      klantcontact: { kind: "m:1", entity: () => Klantcontact },
    },
  }),
  new EntitySchema({
    class: InterneTaak,
    tableName: "interne_taak",
    properties: {
      id,
      uuid,
      gevraagdeHandeling: { type: "string" },
      status: { type: "string" },
      toegewezenOp: { type: "datetime", onCreate: () => new Date() },
      aanleidinggevendKlantcontact: { kind: "m:1", entity: () => Klantcontact },
    },
  }),
];

let statements = 0;
const options = {
  // Counts what reaches the database (onQuery may rewrite a statement; it returns it unchanged).
  onQuery: (sql) => {
    statements++;
    return sql;
  },
  entities: schemas,
  allowGlobalContext: false,
  forceUtcTimezone: true,
  debug: false,
  ...(process.env.STRATEGY && { loadStrategy: process.env.STRATEGY }),
  ...(pg ? { clientUrl: process.env.DATABASE_URL } : { dbName: ":memory:", pool: { min: 1, max: 1 } }),
};
const orm = await MikroORM.init(options);
// v7 renamed the schema generator's methods (createSchema → create, dropSchema → drop).
const schema = orm.schema;
await (schema.drop ?? schema.dropSchema).call(schema).catch(() => {});
await (schema.create ?? schema.createSchema).call(schema);

// Seed: 200 partijen; 1000 klantcontacten, each with 1 betrokkene (a partij) and 1 onderwerpobject.
{
  const em = orm.em.fork();
  const partijen = [];
  for (let i = 0; i < 200; i++)
    partijen.push(
      em.create(Partij, {
        nummer: String(i),
        bsn: String(100000000 + i),
        voornaam: "Jan",
        achternaam: `de Vries ${i}`,
        indicatieActief: true,
      }),
    );
  for (let i = 0; i < 1000; i++) {
    const k = em.create(Klantcontact, {
      kanaal: "telefoon",
      onderwerp: `Onderwerp ${i}`,
      inhoud: "Inhoud van het contact",
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
    em.create(Betrokkene, { hadKlantcontact: k, wasPartij: partijen[i % 200], rol: "klant", initiator: true });
    em.create(Onderwerpobject, {
      klantcontact: k,
      objectId: randomUUID(),
      codeObjecttype: "zaak",
      codeSoortObjectId: "uuid",
      codeRegister: "openzaak",
    });
  }
  await em.flush();
}
const partijIds = (await orm.em.fork().find(Partij, {}, { fields: ["id"] })).map((p) => p.id);

async function measure(name, runs, op) {
  for (let i = 0; i < Math.max(5, runs / 10); i++) await op(i); // warm-up (JIT, statement caches)
  globalThis.gc?.();
  const statements0 = statements;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await op(i);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    name,
    runs,
    opsPerSec: +(runs / (ms / 1000)).toFixed(1),
    msPerOp: +(ms / runs).toFixed(3),
    cpuMsPerOp: +(cpuMs / runs).toFixed(3),
    statementsPerOp: (statements - statements0) / runs,
  };
}

let loaded = 0;
const find = await measure(
  "find 1000 klantcontacten + betrokkenen.wasPartij + onderwerpobjecten",
  Number(process.env.FIND_RUNS ?? 40),
  async () => {
    const em = orm.em.fork();
    const rows = await em.find(Klantcontact, {}, { populate: ["betrokkenen.wasPartij", "onderwerpobjecten"], orderBy: { id: "asc" } });
    if (rows.length !== 1000 || rows[999].betrokkenen.getItems()[0].wasPartij.voornaam !== "Jan" || rows[5].onderwerpobjecten.length !== 1)
      throw new Error("wrong result");
    loaded = em.getUnitOfWork().getIdentityMap().values().length;
  },
);

const flush = await measure(
  "flush registreerKlantcontact graph (1 klantcontact, 3 betrokkenen, 2 onderwerpobjecten, 1 interne taak)",
  Number(process.env.FLUSH_RUNS ?? 2000),
  async (i) => {
    const em = orm.em.fork();
    const k = em.create(Klantcontact, {
      kanaal: "e-mail",
      onderwerp: "Vraag over parkeervergunning",
      inhoud: "Graag teruggebeld",
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: new Date(),
    });
    for (let b = 0; b < 3; b++)
      em.create(Betrokkene, {
        hadKlantcontact: k,
        wasPartij: em.getReference(Partij, partijIds[(i + b) % partijIds.length]),
        rol: b === 0 ? "klant" : "vertegenwoordiger",
        initiator: b === 0,
      });
    for (let o = 0; o < 2; o++)
      em.create(Onderwerpobject, {
        klantcontact: k,
        objectId: randomUUID(),
        codeObjecttype: "zaak",
        codeSoortObjectId: "uuid",
        codeRegister: "openzaak",
      });
    em.create(InterneTaak, { aanleidinggevendKlantcontact: k, gevraagdeHandeling: "Terugbellen", status: "te_verwerken" });
    await em.flush();
  },
);

console.log(
  JSON.stringify({
    mikroOrm: version,
    node: process.version,
    database: pg ? "postgresql" : "sqlite (libsql, :memory:)",
    loadStrategy: orm.config.get("loadStrategy"),
    entitiesInIdentityMap: loaded,
    results: [find, flush],
  }),
);
await orm.close(true);
