import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { canonical, differences } from "./canonical";
import { ask, benchAuth, PEER_NAMES, startPeer, type BenchAuth, type Peer, type PeerName } from "./peers";
import { readSamples, seededRandom, targetFromEnv, type Samples, type Target } from "./samples";
import { applies, bodyFor, WORKLOAD_NAMES, WORKLOADS, type Workload, type WorkloadName } from "./workloads";

/**
 * `npm run bench -- [--duration 10] [--warmup 2] [--connections 1,20] [--only klantbeeld,...]
 * [--peers ours,baseline,postgraphile] [--out file] [--check]`: the six workloads over HTTP against our
 * subgraph, the hand-written baseline and PostGraphile (PostgreSQL only), on the database that
 * DATABASE_URL or DATABASE_FILE names (as seed:scale filled it). First one answer per workload from
 * each peer is compared (canonical.ts); a difference stops the bench. Then each peer runs alone,
 * each workload at each connection count for a fixed time after a warm-up. Figures only: nothing
 * passes or fails on speed.
 */

const USAGE = `Usage: npm run bench -- [--duration S] [--warmup S] [--connections 1,20] [--only ${WORKLOAD_NAMES.join(",")}]
                        [--peers ${PEER_NAMES.join(",")}] [--out data/bench-<dialect>.json] [--check]
--check only compares one answer per workload from each peer and measures nothing.
The database: DATABASE_URL (PostgreSQL), else DATABASE_FILE (SQLite, default data/scale.db), filled by npm run seed:scale.`;

interface Options {
  duration: number;
  warmup: number;
  connections: number[];
  workloads: Workload[];
  peers: PeerName[];
  out: string;
  /** Only compare the answers; measure nothing. */
  checkOnly: boolean;
}

function options(target: Target): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      connections: { type: "string", default: "1,20" },
      only: { type: "string" },
      peers: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const list = (text: string) =>
    text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const positive = (name: string, text: string) => {
    const n = Number(text);
    if (!(n > 0)) throw new UsageError(`--${name} must be a positive number`);
    return n;
  };
  const nonNegative = (name: string, text: string) => {
    const n = Number(text);
    if (!(n >= 0)) throw new UsageError(`--${name} must be zero or more`);
    return n;
  };
  const only = values.only ? list(values.only) : [...WORKLOAD_NAMES];
  const unknown = only.filter((name) => !WORKLOAD_NAMES.includes(name as WorkloadName));
  if (unknown.length) throw new UsageError(`unknown workload ${unknown.join(", ")} (known: ${WORKLOAD_NAMES.join(", ")})`);
  const peers = (
    values.peers ? list(values.peers) : PEER_NAMES.filter((p) => p !== "postgraphile" || target.dialect === "postgresql")
  ) as PeerName[];
  const unknownPeers = peers.filter((p) => !PEER_NAMES.includes(p));
  if (unknownPeers.length) throw new UsageError(`unknown peer ${unknownPeers.join(", ")} (known: ${PEER_NAMES.join(", ")})`);
  if (peers.includes("postgraphile") && target.dialect !== "postgresql")
    throw new UsageError("PostGraphile runs on PostgreSQL only (set DATABASE_URL)");
  return {
    duration: positive("duration", values.duration!),
    warmup: nonNegative("warmup", values.warmup!),
    connections: list(values.connections!).map((c) => Math.round(positive("connections", c))),
    workloads: only.map((name) => WORKLOADS[name as WorkloadName]),
    peers,
    out: values.out ?? path.join("data", `bench-${target.dialect}.json`),
    checkOnly: values.check ?? false,
  };
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// The equality check

/** One key per workload, asked of every peer; returns the differences, empty when all agree. */
async function compareAnswers(peers: Peer[], workloads: Workload[], samples: Samples): Promise<string[]> {
  const problems: string[] = [];
  for (const workload of workloads) {
    const key = workload.key(samples, seededRandom(WORKLOAD_NAMES.indexOf(workload.name) + 1));
    const answers = [];
    for (const peer of peers.filter((p) => applies(p.name, workload))) {
      try {
        answers.push({ peer: peer.name, answer: canonical(workload.name, peer.name, await ask(peer, workload, key)) });
      } catch (err) {
        problems.push(`${workload.name}: ${(err as Error).message}`);
      }
    }
    const [first, ...others] = answers;
    for (const other of others) {
      const diff = differences(first.answer, other.answer);
      if (diff.length)
        problems.push(
          `${workload.name}: ${first.peer} and ${other.peer} differ (key ${JSON.stringify(key).slice(0, 200)}):\n    ${diff.join("\n    ")}`,
        );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Measuring

export interface Figures {
  workload: WorkloadName;
  connections: number;
  peer: PeerName;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerRequest: number;
  sqlPerRequest: number;
  peakRssMb: number;
  /** Non-2xx answers, answers with GraphQL errors, connection errors and timeouts. */
  errors: number;
  /** The error codes seen (extensions.code, or the HTTP status), with how often. */
  errorCodes: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function load(peer: Peer, workload: Workload, samples: Samples, connections: number, seconds: number) {
  const times: number[] = [];
  let failed = 0;
  const errorCodes: Record<string, number> = {};
  const instance = autocannon({
    url: peer.origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: peer.path(workload.name),
        headers: peer.headers,
        setupRequest: (request) => ({ ...request, body: bodyFor(peer.name, workload, workload.key(samples, Math.random)) }),
        // GraphQL reports errors with 200; a peer that fails must not look fast.
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors":[')) return;
          if (status === 200) failed++;
          const code = status === 200 ? (/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? "GRAPHQL_ERROR") : `HTTP ${status}`;
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  if (result.errors) errorCodes["connection error"] = result.errors;
  if (result.timeouts) errorCodes.timeout = result.timeouts;
  return { result, times, failed, errorCodes };
}

/**
 * Waits until the peer has finished the requests autocannon left under way when it stopped (its
 * SQL count no longer moves), so that a measurement starts on an idle peer.
 */
async function settled(peer: Peer): Promise<number> {
  let last = await peer.statements();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await peer.statements();
    if (now === last) return now;
    last = now;
  }
}

const SEQUENTIAL = 10;

/**
 * SQL statements per request, exactly: from requests sent one at a time (under load, the requests
 * cut off when autocannon stops would blur the count; it does not depend on the load).
 */
async function sqlPerRequest(peer: Peer, workload: Workload, samples: Samples): Promise<number> {
  const before = await settled(peer);
  for (let i = 0; i < SEQUENTIAL; i++) await ask(peer, workload, workload.key(samples, Math.random));
  return ((await peer.statements()) - before) / SEQUENTIAL;
}

async function measure(peer: Peer, workload: Workload, samples: Samples, connections: number, options: Options): Promise<Figures> {
  if (options.warmup > 0) await load(peer, workload, samples, connections, options.warmup);
  await settled(peer);
  const cpuBefore = peer.cpuMs();
  peer.resetPeakRss();
  const started = performance.now();
  const { result, times, failed, errorCodes } = await load(peer, workload, samples, connections, options.duration);
  const elapsed = (performance.now() - started) / 1000;
  // Read at once: the CPU the peer spent in the window per answer it gave in the window (the work
  // on the requests still under way at the end is in it, as that on the first ones is not).
  const cpu = peer.cpuMs() - cpuBefore;
  const peakRssMb = peer.peakRssMb();
  const sorted = Float64Array.from(times).sort();
  const requests = times.length;
  return {
    workload: workload.name,
    connections,
    peer: peer.name,
    requests,
    requestsPerSecond: requests / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuMsPerRequest: cpu / requests,
    sqlPerRequest: await sqlPerRequest(peer, workload, samples),
    peakRssMb,
    errors: result.non2xx + failed + result.errors + result.timeouts,
    errorCodes,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
  const rule = `|${widths.map((w, c) => (c < 3 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

function figuresTable(figures: Figures[]): string {
  return table([
    ["workload", "conn", "peer", "req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "SQL/req", "peak RSS MB", "errors"],
    ...figures.map((f) => [
      f.workload,
      String(f.connections),
      f.peer,
      fixed(f.requestsPerSecond, 0),
      fixed(f.p50, 1),
      fixed(f.p95, 1),
      fixed(f.p99, 1),
      fixed(f.cpuMsPerRequest, 2),
      fixed(f.sqlPerRequest, 1),
      fixed(f.peakRssMb, 0),
      String(f.errors),
    ]),
  ]);
}

export interface Ratio {
  workload: WorkloadName;
  connections: number;
  /** Our req/s divided by the peer's (above 1: we serve more). */
  throughputVsBaseline: number | null;
  throughputVsPostgraphile: number | null;
  /** Our p50 divided by the peer's (below 1: we answer faster). */
  p50VsBaseline: number | null;
  p50VsPostgraphile: number | null;
}

function ratios(figures: Figures[]): Ratio[] {
  const find = (w: WorkloadName, c: number, p: PeerName) => figures.find((f) => f.workload === w && f.connections === c && f.peer === p);
  const keys = [...new Map(figures.map((f) => [`${f.workload}/${f.connections}`, f])).values()];
  return keys.map(({ workload, connections }) => {
    const ours = find(workload, connections, "ours");
    const baseline = find(workload, connections, "baseline");
    const postgraphile = find(workload, connections, "postgraphile");
    const q = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : null);
    return {
      workload,
      connections,
      throughputVsBaseline: q(ours?.requestsPerSecond, baseline?.requestsPerSecond),
      throughputVsPostgraphile: q(ours?.requestsPerSecond, postgraphile?.requestsPerSecond),
      p50VsBaseline: q(ours?.p50, baseline?.p50),
      p50VsPostgraphile: q(ours?.p50, postgraphile?.p50),
    };
  });
}

function ratiosTable(list: Ratio[]): string {
  const r = (n: number | null) => (n === null ? "n/a" : n.toFixed(2));
  return table([
    ["workload", "conn", "", "req/s ours÷baseline", "req/s ours÷PostGraphile", "p50 ours÷baseline", "p50 ours÷PostGraphile"],
    ...list.map((x) => [
      x.workload,
      String(x.connections),
      "",
      r(x.throughputVsBaseline),
      r(x.throughputVsPostgraphile),
      r(x.p50VsBaseline),
      r(x.p50VsPostgraphile),
    ]),
  ]);
}

/** One of the issue's targets (issue 9, point 3) and how this run measured against it. */
export interface Target9 {
  target: string;
  measured: string;
  met: boolean | null;
}

/**
 * The issue's targets at 20 connections (or the largest count measured): figures, not a test; a
 * target whose peer was not measured is null.
 */
function targets(figures: Figures[], list: Ratio[]): Target9[] {
  const connections = Math.max(...figures.map((f) => f.connections));
  const ratio = (w: WorkloadName) => list.find((r) => r.workload === w && r.connections === connections);
  const out: Target9[] = [];
  const atLeast = (label: string, value: number | null | undefined, bound: number) =>
    out.push({
      target: `${label} ≥ ${bound}`,
      measured: value == null ? "n/a" : value.toFixed(2),
      met: value == null ? null : value >= bound,
    });
  for (const w of ["klantbeeld", "entities", "werkvoorraad"] as const) {
    atLeast(`${w} req/s ours÷PostGraphile at ${connections}`, ratio(w)?.throughputVsPostgraphile, 1);
    atLeast(`${w} req/s ours÷baseline at ${connections}`, ratio(w)?.throughputVsBaseline, 0.6);
  }
  const lang = ratio("klantbeeld-lang")?.p50VsBaseline;
  out.push({
    target: `klantbeeld-lang p50 ours÷baseline at ${connections} ≤ 1.2`,
    measured: lang == null ? "n/a" : lang.toFixed(2),
    met: lang == null ? null : lang <= 1.2,
  });
  atLeast(`registreer req/s ours÷baseline at ${connections}`, ratio("registreer")?.throughputVsBaseline, 0.5);
  const ours = figures.filter((f) => f.peer === "ours");
  const rss = ours.length ? Math.max(...ours.map((f) => f.peakRssMb)) : null;
  out.push({
    target: "our peak RSS under load < 300 MB",
    measured: rss == null ? "n/a" : `${rss.toFixed(0)} MB`,
    met: rss == null ? null : rss < 300,
  });
  const sql = (w: WorkloadName) => ours.find((f) => f.workload === w && f.connections === connections)?.sqlPerRequest;
  const [kort, lang2] = [sql("klantbeeld"), sql("klantbeeld-lang")];
  out.push({
    // a typical partij may lack a list the long history has (open taken: one batch more), so "constant" is: less than 2 apart
    target: "SQL per klantbeeld, typical and longest history, < 2 apart",
    measured: kort == null || lang2 == null ? "n/a" : `${kort.toFixed(1)} and ${lang2.toFixed(1)}`,
    met: kort == null || lang2 == null ? null : Math.abs(kort - lang2) < 2,
  });
  return out;
}

function targetsTable(list: Target9[]): string {
  return table([
    ["target", "", "", "measured", "met"],
    ...list.map((t) => [t.target, "", "", t.measured, t.met === null ? "n/a" : t.met ? "yes" : "no"]),
  ]);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const target = targetFromEnv();
  let opts: Options;
  try {
    opts = options(target);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw err;
    console.error(`npm run bench: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}`;
  const where = target.dialect === "postgresql" ? target.url.replace(/\/\/[^@/]*@/, "//") : target.file;
  console.log(
    `HTTP benchmark on ${target.dialect} (${where}); ${machine}; load average ${loadAverageAtStart.map((l) => l.toFixed(1)).join(" ")}`,
  );
  console.log(
    `peers ${opts.peers.join(", ")}; ${opts.connections.join(" and ")} connections, ${opts.warmup} s warm-up and ${opts.duration} s per measurement\n`,
  );

  const samples = await readSamples(target);
  console.log(
    `samples: ${samples.bsns.length} BSNs, longest history ${samples.longestHistoryKlantcontacten} klantcontacten, ` +
      `${samples.actorsWithOpenTaken.length} actors with open taken, ${samples.emails.length} e-mail addresses, ${samples.partijUuids.length} partij uuids`,
  );
  const auth: BenchAuth = await benchAuth();

  // 1. The same answers from every peer, before any figure counts.
  const started = new Map<PeerName, Peer>();
  const stopAll = () => Promise.all([...started.values()].map((p) => p.stop()));
  process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
  let problems: string[];
  try {
    for (const name of opts.peers) started.set(name, await startPeer(name, { target, auth }));
    problems = await compareAnswers([...started.values()], opts.workloads, samples);
  } catch (err) {
    await stopAll();
    throw err;
  }
  if (problems.length || opts.checkOnly) {
    await stopAll();
    if (problems.length) console.error(`\nThe peers do not answer the same; no figures are measured:\n  ${problems.join("\n  ")}`);
    else console.log(`equal answers from ${opts.peers.join(", ")} for ${opts.workloads.map((w) => w.name).join(", ")}`);
    return problems.length ? 1 : 0;
  }
  console.log(`equal answers from ${opts.peers.join(", ")} for ${opts.workloads.map((w) => w.name).join(", ")}\n`);
  // Each peer is measured alone; the first is kept running for its own measurement.
  for (const name of opts.peers.slice(1)) await started.get(name)!.stop();

  // 2. Each peer alone: reads first, then the write (which adds rows).
  const figures: Figures[] = [];
  for (const [i, name] of opts.peers.entries()) {
    const peer = i === 0 ? started.get(name)! : await startPeer(name, { target, auth });
    try {
      for (const workload of opts.workloads.filter((w) => applies(name, w))) {
        for (const connections of opts.connections) {
          const f = await measure(peer, workload, samples, connections, opts);
          figures.push(f);
          console.log(
            `${workload.name.padEnd(16)} ${String(connections).padStart(3)} conn  ${name.padEnd(12)} ${fixed(f.requestsPerSecond, 0).padStart(6)} req/s  ` +
              `p50 ${fixed(f.p50, 1)} ms  CPU ${fixed(f.cpuMsPerRequest, 2)} ms/req  SQL ${fixed(f.sqlPerRequest, 1)}/req` +
              (f.errors ? `  ${f.errors} errors: ${JSON.stringify(f.errorCodes)}` : ""),
          );
        }
      }
    } finally {
      await peer.stop();
    }
  }

  const list = ratios(figures);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const goals = targets(figures, list);
  console.log(`\n${figuresTable(figures)}\n\nOur ratios (PostGraphile serves reads only):\n${ratiosTable(list)}\n`);
  console.log(`The issue's targets (figures, not a test):\n${targetsTable(goals)}\n`);
  console.log(`whole run ${fixed(seconds, 0)} s; figures measured while other processes used the CPU are noisy`);
  mkdirSync(path.dirname(opts.out), { recursive: true });
  const report = {
    startedAt: startedAt.toISOString(),
    seconds,
    dialect: target.dialect,
    database: where,
    machine,
    loadAverageAtStart,
    options: {
      duration: opts.duration,
      warmup: opts.warmup,
      connections: opts.connections,
      workloads: opts.workloads.map((w) => w.name),
      peers: opts.peers,
    },
    samples: {
      bsns: samples.bsns.length,
      longestHistoryKlantcontacten: samples.longestHistoryKlantcontacten,
      actors: samples.actorsWithOpenTaken.length,
    },
    workloads: Object.fromEntries(opts.workloads.map((w) => [w.name, w.description])),
    figures,
    ratios: list,
    targets: goals,
  };
  writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${opts.out}`);
  const failing = figures.filter((f) => f.errors > 0);
  // Errors under overload (EXECUTION_TIMEOUT, say) are part of the figures, not a failed run.
  for (const f of failing)
    console.log(
      `note: ${f.peer} answered ${f.errors} requests of ${f.workload} at ${f.connections} connections with errors ${JSON.stringify(f.errorCodes)}`,
    );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
