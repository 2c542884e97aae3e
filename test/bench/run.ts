import "reflect-metadata";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Kind, parse, print, type DefinitionNode } from "graphql";
import { seedDemoData } from "../../src/database/demo-data";
import { zaken as demoZaken } from "../federation/zaken-fixtures";
import { SCOPES } from "../../src/auth/scopes";
import { TestApp } from "../support/app";
import { testPrincipal } from "../support/principals";
import { FederatedTestApp } from "../support/gateway";
import { countRows, random, seedSlice, type SeedSizes } from "./seed";

/**
 * `npm run bench`: speed and memory of the subgraph on a municipality slice, as figures (no
 * pass/fail). SQLite in memory by default, PostgreSQL when DATABASE_URL names a server (a fresh
 * database is created and dropped). Sizes and run counts come from BENCH_* variables.
 */

function num(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
  return n;
}

const sizes: SeedSizes = {
  partijen: num("BENCH_PARTIJEN", 2000),
  organisaties: num("BENCH_ORGANISATIES", 0.15),
  minContacten: num("BENCH_MIN_CONTACTEN", 10),
  maxContacten: num("BENCH_MAX_CONTACTEN", 50),
  taken: num("BENCH_TAKEN", 0.1),
  actoren: num("BENCH_ACTOREN", 60),
  batch: num("BENCH_BATCH", 100),
};
const RUNS = num("BENCH_RUNS", 200);
const WARMUP = num("BENCH_WARMUP", 20);
const WRITES = num("BENCH_WRITES", RUNS);
const dialect = process.env.DATABASE_URL ? "postgresql" : "sqlite";
/** BENCH_SQL=1 prints the statements (with their time) of one request per scenario. */
const SHOW_SQL = Boolean(process.env.BENCH_SQL);

// ---------------------------------------------------------------------------------------------
// Operations

const klantbeeldSubgraph = /* GraphQL */ `
  query BenchKlantbeeld($bsn: String!) {
    partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: $bsn } }, first: 1) {
      edges {
        node {
          uuid
          bsn
          partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
          partijIdentificatoren { partijIdentificator { codeSoortObjectId objectId } }
          digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
          klantcontacten(first: 20) {
            edges {
              node {
                uuid kanaal onderwerp inhoud plaatsgevondenOp
                hadBetrokkenActoren { naam soortActor }
                gingOverOnderwerpobjecten {
                  onderwerpobjectidentificator { objectId codeObjecttype codeSoortObjectId }
                }
              }
            }
            pageInfo { hasNextPage }
          }
          interneTaken(filter: { status: TE_VERWERKEN }, first: 20) {
            edges { node { gevraagdeHandeling status toegewezenOp toegewezenAanActoren { naam soortActor } } }
          }
        }
      }
    }
  }
`;

/** The klantbeeld query of the federation tests, exactly as KISS-like clients send it to the router. */
function klantbeeldRouter(): string {
  const document = parse(readFileSync(path.join(__dirname, "..", "federation", "klantbeeld.graphql"), "utf8"));
  const definitions = document.definitions.filter(
    (d: DefinitionNode) => d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && d.name?.value === "KlantbeeldOpIdentificator"),
  );
  return print({ ...document, definitions });
}

const lijstpagina = /* GraphQL */ `
  query BenchPartijenLijst($after: String) {
    partijen(first: 100, after: $after) {
      edges {
        node {
          uuid
          soortPartij
          bsn
          kvkNummer
          partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } }
          partijIdentificatoren { partijIdentificator { codeSoortObjectId objectId } }
          digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
          klantcontacten(first: 3) { edges { node { onderwerp kanaal plaatsgevondenOp } } }
          interneTaken(filter: { status: TE_VERWERKEN }, first: 3) { edges { node { gevraagdeHandeling status } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const werkvoorraad = /* GraphQL */ `
  query BenchWerkvoorraad($actor: ID!) {
    interneTaken(filter: { toegewezenAanActor: $actor, status: TE_VERWERKEN }, first: 50) {
      edges {
        node {
          uuid gevraagdeHandeling toelichting status toegewezenOp
          toegewezenAanActoren { uuid naam soortActor }
          aanleidinggevendKlantcontact {
            uuid kanaal onderwerp inhoud plaatsgevondenOp
            hadBetrokkenActoren { naam }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const zaakKlantcontacten = /* GraphQL */ `
  query BenchZaakKlantcontacten($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Zaak { klantcontacten(first: 10) { edges { node { onderwerp } } } }
    }
  }
`;

const maakKlantcontact = /* GraphQL */ `
  mutation BenchMaakKlantcontact($input: MaakKlantcontactInput!) {
    maakKlantcontact(input: $input) {
      klantcontact { uuid }
      betrokkene { uuid }
      onderwerpobject { uuid }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  scenario: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
  statements: string;
  fetches: string;
  heapBefore: number;
  heapAfter: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function spread(values: number[]): string {
  if (values.length === 0) return "-";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}-${max}`;
}

/**
 * Warm-up runs with SQL logging on, to count the statements (and router fetches) per request;
 * then the timed runs with SQL logging off, as in production.
 */
async function measure(
  app: FederatedTestApp,
  scenario: string,
  runs: number,
  request: (i: number) => Promise<unknown>,
): Promise<Figures> {
  const logger = app.subgraph.orm.config.getLogger();
  const statements = app.subgraph.statements;
  const heapBefore = heapMb();

  const counted: number[] = [];
  const fetches: number[] = [];
  logger.setDebugMode(["query"]);
  for (let i = 0; i < Math.max(WARMUP, 1); i++) {
    statements.length = 0;
    app.fetches.length = 0;
    await request(runs + i);
    counted.push(statements.length);
    fetches.push(app.fetches.length);
    if (SHOW_SQL && i === 0) console.log(`  ${scenario}, SQL of one request:\n` + statements.map((s) => `    ${s}`).join("\n"));
  }
  statements.length = 0;
  logger.setDebugMode(false);

  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await request(i);
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  const heapAfter = heapMb();
  logger.setDebugMode(["query"]);

  times.sort((a, b) => a - b);
  const figures: Figures = {
    scenario,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    perSecond: (runs / elapsed) * 1000,
    statements: spread(counted),
    fetches: fetches.some((f) => f > 0) ? spread(fetches) : "-",
    heapBefore,
    heapAfter,
  };
  console.log(
    `  ${scenario}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ${figures.statements} SQL/request` +
      (figures.fetches !== "-" ? `, ${figures.fetches} subgraph fetches` : ""),
  );
  return figures;
}

function ok<T>(result: { data?: T | null; errors?: readonly unknown[] }, scenario: string): T {
  if (result.errors?.length) throw new Error(`${scenario} failed: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => "| " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ") + " |";
  return [line(rows[0]), "|" + widths.map((w, c) => (c === 0 ? "-".repeat(w + 1) + "-" : "-".repeat(w + 1) + ":")).join("|") + "|", ...rows.slice(1).map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cpus = os.cpus();
  console.log(`Klantinteracties benchmark on ${dialect}`);
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, ${os.platform()} ${os.arch()}`);
  if (!gc) console.log("(run with --expose-gc for stable heap figures)");
  console.log(`sizes: ${JSON.stringify(sizes)}, runs ${RUNS}, warm-up ${WARMUP}\n`);

  const subgraph = await TestApp.start();
  const logger = subgraph.orm.config.getLogger();
  const version = dialect === "sqlite" ? "select sqlite_version() as v" : "select version() as v";
  const [{ v: databaseVersion }] = await subgraph.orm.em.fork().getConnection().execute<Array<{ v: string }>>(version);

  // 1. Data volume
  logger.setDebugMode(false);
  const seedStarted = performance.now();
  await seedDemoData(subgraph.orm.em.fork());
  const seeded = await seedSlice(subgraph.orm, sizes);
  const seedMs = performance.now() - seedStarted;
  const counts = await countRows(subgraph.orm);
  const rows = counts.reduce((s, [, n]) => s + n, 0);
  console.log(`seeded ${rows} rows in ${(seedMs / 1000).toFixed(1)} s (${Math.round(rows / (seedMs / 1000))} rows/s)`);
  console.log("  " + counts.map(([name, n]) => `${name} ${n}`).join(", ") + "\n");
  logger.setDebugMode(["query"]);
  subgraph.statements.length = 0;

  const app = await FederatedTestApp.start({ subgraph, zaken: [...demoZaken, ...seeded.zaken] });
  const rnd = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const results: Figures[] = [];

  // (a) klantbeeld by BSN, subgraph alone: a different citizen each request.
  results.push(
    await measure(app, "(a) klantbeeld by BSN, subgraph", RUNS, async () => {
      const data = ok(await subgraph.execute(klantbeeldSubgraph, { bsn: pick(seeded.bsns) }), "(a)") as {
        partijen: { edges: unknown[] };
      };
      if (data.partijen.edges.length !== 1) throw new Error("(a) found no partij");
    }),
  );

  // (a2) the same for a contact-centre client without vertrouwelijk.lezen and geheimhouding.lezen:
  // what the read gate's visibility sub-queries cost on top of (a).
  const kcc = testPrincipal(SCOPES.filter((scope) => scope !== "vertrouwelijk.lezen" && scope !== "geheimhouding.lezen"));
  results.push(
    await measure(app, "(a2) klantbeeld, gate restricting", RUNS, async () => {
      const result = await subgraph.execute(klantbeeldSubgraph, { bsn: pick(seeded.bsns) }, { principal: kcc });
      ok(result, "(a2)");
    }),
  );

  // (b) the same through the router, with the zaken of the partij and of its klantcontacten.
  const klantbeeld = klantbeeldRouter();
  results.push(
    await measure(app, "(b) klantbeeld by BSN, router + Zaak", RUNS, async () => {
      const data = ok(await app.query(klantbeeld, { soort: "BSN", objectId: pick(seeded.bsns) }), "(b)") as {
        partijen: { edges: Array<{ node: { zaken: unknown[] } }> };
      };
      if (!data.partijen.edges[0]?.node.zaken.length) throw new Error("(b) found no zaken");
    }),
  );

  // (c) list pages of 100 partijen with their relations, paging on through the whole list.
  let after: string | null = null;
  results.push(
    await measure(app, "(c) list page of 100 partijen", RUNS, async () => {
      const data = ok(await subgraph.execute(lijstpagina, { after }), "(c)") as {
        partijen: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
      after = data.partijen.pageInfo.hasNextPage ? data.partijen.pageInfo.endCursor : null;
    }),
  );

  // (d) ITA's work queue: the open taken of one actor.
  results.push(
    await measure(app, "(d) work queue of an actor (50 taken)", RUNS, async () => {
      ok(await subgraph.execute(werkvoorraad, { actor: pick(seeded.actorUuids) }), "(d)");
    }),
  );

  // (e) Zaak.klantcontacten for 20 zaken in one _entities request, as the router sends it.
  results.push(
    await measure(app, "(e) Zaak.klantcontacten, 20 zaken", RUNS, async () => {
      const representations = Array.from({ length: 20 }, () => {
        const zaak = pick(seeded.zaken);
        return { __typename: "Zaak", uuid: zaak.uuid, identificatie: zaak.identificatie };
      });
      const data = ok(await subgraph.execute(zaakKlantcontacten, { r: representations }), "(e)") as { _entities: unknown[] };
      if (data._entities.length !== 20) throw new Error("(e) wrong number of entities");
    }),
  );

  // (f) writes: maakKlantcontact with a betrokkene and an onderwerpobject about a zaak.
  results.push(
    await measure(app, "(f) maakKlantcontact (write)", WRITES, async () => {
      const zaak = pick(seeded.zaken);
      ok(
        await subgraph.execute(maakKlantcontact, {
          input: {
            klantcontact: { kanaal: "telefoon", onderwerp: "Vraag over zaak", inhoud: "Wanneer is er een besluit?", taal: "nld", vertrouwelijk: false },
            betrokkene: { wasPartij: pick(seeded.partijUuids), rol: "KLANT", initiator: true },
            onderwerpobject: {
              onderwerpobjectidentificator: { objectId: zaak.uuid, codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" },
            },
          },
        }),
        "(f)",
      );
    }),
  );

  const memory = process.memoryUsage();
  await app.stop();

  console.log(`\n## ${dialect} (${databaseVersion})`);
  console.log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim()}), node ${process.version}; ` +
      `${sizes.partijen} partijen, ${rows} rows seeded in ${(seedMs / 1000).toFixed(1)} s; rss at end ${Math.round(memory.rss / 2 ** 20)} MB\n`,
  );
  console.log(
    table([
      ["scenario", "runs", "p50 ms", "p95 ms", "max ms", "req/s", "SQL/req", "fetches/req", "heap MB before→after"],
      ...results.map((r) => [
        r.scenario,
        String(r.runs),
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.max.toFixed(1),
        r.perSecond.toFixed(0),
        r.statements,
        r.fetches,
        `${r.heapBefore.toFixed(0)}→${r.heapAfter.toFixed(0)}`,
      ]),
    ]),
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
