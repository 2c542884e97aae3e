import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { SignJWT } from "jose";
import { SCOPES } from "../../../src/auth/scopes";
import type { Answer } from "./canonical";
import type { Target } from "./samples";
import { bodyFor, type Key, type Workload } from "./workloads";

/**
 * Starting the three peers of the benchmark, each as its own Node process on a free port, all
 * with the SQL counter preloaded (sql-counter.ts), and reading their CPU time and memory from
 * /proc. The same preload, the same measurement and the same database for each.
 */

export type PeerName = "ours" | "baseline" | "postgraphile";
export const PEER_NAMES: readonly PeerName[] = ["ours", "baseline", "postgraphile"];

const ROOT = path.resolve(__dirname, "../../..");
const SQL_COUNTER = path.join(__dirname, "sql-counter.ts");

/** The bench's client: every scope, a fresh random secret per run, a token signed for it. */
export interface BenchAuth {
  clientId: string;
  secret: string;
  auditHashKey: string;
  token: string;
}

export async function benchAuth(): Promise<BenchAuth> {
  const clientId = "bench";
  const secret = randomBytes(32).toString("hex");
  const token = await new SignJWT({ client_id: clientId, user_id: "bench-medewerker", user_representation: "Bench Medewerker" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
  return { clientId, secret, auditHashKey: randomBytes(32).toString("hex"), token };
}

export interface Peer {
  name: PeerName;
  /** http://127.0.0.1:<port> */
  origin: string;
  pid: number;
  /** Where the peer takes the request of a workload. */
  path(workload: string): string;
  headers: Record<string, string>;
  /** SQL statements sent since the process started (sql-counter.ts). */
  statements(): Promise<number>;
  /** utime + stime of the process so far, in milliseconds. */
  cpuMs(): number;
  /** Peak resident set (VmHWM) in MB since the last resetPeakRss. */
  peakRssMb(): number;
  /** Resets VmHWM to the current RSS (Linux clear_refs 5), so that a peak belongs to one measurement. */
  resetPeakRss(): boolean;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command (which may hold spaces) start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function statusKb(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}

interface StartOptions {
  target: Target;
  auth: BenchAuth;
  /** Extra environment (tests: LOG_LEVEL, ...). */
  env?: Record<string, string>;
  /** Where the peer's own output goes; by default only stderr is shown. */
  quiet?: boolean;
}

function databaseEnv(target: Target): Record<string, string> {
  return target.dialect === "postgresql" ? { DATABASE_URL: target.url } : { DATABASE_FILE: target.file };
}

function environment(name: PeerName, port: number, options: StartOptions): NodeJS.ProcessEnv {
  const { auth, target } = options;
  const common = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), ...databaseEnv(target) };
  switch (name) {
    case "ours":
      return {
        ...common,
        HOST: "127.0.0.1",
        AUTH_CLIENTS: JSON.stringify([{ clientId: auth.clientId, secret: auth.secret, scopes: SCOPES }]),
        AUTH_TOKEN_MAX_AGE: "86400",
        AUDIT_HASH_KEY: auth.auditHashKey,
        LOG_LEVEL: "warn",
        MIGRATE_ON_START: "true",
        ...options.env,
      };
    case "baseline":
      return {
        ...common,
        BENCH_CLIENT_ID: auth.clientId,
        BENCH_CLIENT_SECRET: auth.secret,
        AUDIT_HASH_KEY: auth.auditHashKey,
        ...options.env,
      };
    case "postgraphile":
      // NODE_NO_WARNINGS: PostGraphile 4 triggers pg 8's deprecation warning on concurrent client.query.
      return { ...common, NODE_NO_WARNINGS: "1", ...options.env };
  }
}

const ENTRY: Record<PeerName, string> = {
  ours: path.join(ROOT, "src/main.ts"),
  baseline: path.join(__dirname, "baseline-server.ts"),
  postgraphile: path.join(__dirname, "postgraphile-server.ts"),
};

/** Sends one request that needs the database; true once the peer answers it with 200. */
async function answers(name: PeerName, origin: string, auth: BenchAuth): Promise<boolean> {
  try {
    const response =
      name === "postgraphile"
        ? await fetch(`${origin}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: '{"query":"{ __typename }"}',
          })
        : await fetch(`${origin}/ready`, { headers: { authorization: `Bearer ${auth.token}` } });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startPeer(name: PeerName, options: StartOptions): Promise<Peer> {
  if (name === "postgraphile" && options.target.dialect !== "postgresql") throw new Error("PostGraphile runs on PostgreSQL only");
  const port = await freePort();
  const child: ChildProcess = fork(ENTRY[name], [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx", "--import", SQL_COUNTER],
    env: environment(name, port, options),
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const origin = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  while (!(await answers(name, origin, options.auth))) {
    if (gone) throw new Error(`${name} exited before it was ready (exit code ${await exited})`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not become ready within 120 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const pid = child.pid!;
  return {
    name,
    origin,
    pid,
    path: (workload) => (name === "baseline" ? `/${workload}` : "/graphql"),
    headers: {
      "content-type": "application/json",
      ...(name === "postgraphile" ? {} : { authorization: `Bearer ${options.auth.token}` }),
    },
    statements: () =>
      new Promise<number>((resolve, reject) => {
        // Generous: on SQLite the driver blocks the event loop, and 20 slow requests may be queued before this one.
        const timer = setTimeout(() => reject(new Error(`${name} did not report its SQL count within 5 minutes`)), 300_000);
        const onMessage = (message: { type?: string; statements?: number }) => {
          if (message?.type !== "sql-count") return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve(message.statements ?? 0);
        };
        child.on("message", onMessage);
        child.send({ type: "sql-count" });
      }),
    cpuMs: () => cpuMsOf(pid),
    peakRssMb: () => statusKb(pid, "VmHWM") / 1024,
    resetPeakRss: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, "5");
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      if (gone) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One request of a workload to a peer, its JSON answer (an answer that is no JSON becomes an error). */
export async function ask(peer: Peer, workload: Workload, key: Key): Promise<Answer> {
  const response = await fetch(peer.origin + peer.path(workload.name), {
    method: "POST",
    headers: peer.headers,
    body: bodyFor(peer.name, workload, key),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return { errors: [`HTTP ${response.status}: ${text.slice(0, 500)}`] };
  }
}
