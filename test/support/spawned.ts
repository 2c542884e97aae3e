import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { captureLogLines } from "./log-capture";
import { testClientsEnv } from "./principals";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A process started as an operator would (`npm start`, `node dist/main.js`), in a process group of
 * its own, with its stdout read as JSON log lines.
 */
export class SpawnedProcess {
  /** Every line on stdout, as written. */
  readonly stdout: string[] = [];
  stderr = "";
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private readonly waiting: Array<{ test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> =
    [];
  private partial = "";

  constructor(command: string, args: string[], options: { env: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.on("data", (chunk: Buffer) => this.read(chunk.toString("utf8")));
    this.child.stderr!.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.child.on("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The JSON lines on stdout (a line that is not JSON fails the parse, and the test). */
  get lines(): Array<Record<string, unknown>> {
    return this.stdout.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The first line (already written or still to come) that passes the test. */
  waitForLine(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    const seen = this.lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.waiting.push({ test, resolve });
      void this.exited.then((exit) =>
        reject(new Error(`exited (${JSON.stringify(exit)}) before the line; stdout:\n${this.stdout.join("\n")}\nstderr:\n${this.stderr}`)),
      );
    });
  }

  /** The URL of the subgraph, from its "listening" line. */
  async url(): Promise<string> {
    const line = await this.waitForLine((l) => typeof l.url === "string");
    return line.url as string;
  }

  signal(signal: NodeJS.Signals): void {
    process.kill(this.pid, signal);
  }

  /** Whether any process of its group (the command and whatever it started) still runs. */
  groupAlive(): boolean {
    try {
      process.kill(-this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Ends the whole group, if anything of it is left (a test that failed half-way). */
  kill(): void {
    if (this.groupAlive()) process.kill(-this.pid, "SIGKILL");
  }

  private read(text: string): void {
    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (line === "") continue;
      this.stdout.push(line);
      captureLogLines(line);
      if (!line.startsWith("{")) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      for (const waiter of [...this.waiting]) {
        if (waiter.test(parsed)) {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          waiter.resolve(parsed);
        }
      }
    }
  }
}

/**
 * The environment for a subgraph process: this one's PATH and nothing of its configuration, with
 * the test client (so that no development client is made in the project's data/).
 */
export function processEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: "127.0.0.1", PORT: "0", ...testClientsEnv() };
  return { ...base, ...env };
}

/** `npm start`'s command without npm: one node process. */
export function startMain(env: NodeJS.ProcessEnv): SpawnedProcess {
  return new SpawnedProcess(process.execPath, ["--import", "tsx", "src/main.ts"], { env: processEnv(env) });
}
