import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { MikroORM } from "@mikro-orm/core";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { startSubgraph } from "../../src/main";
import type { ObservabilityOptions } from "../../src/observability/observability";
import { createTestDatabase, type TestDatabase } from "./database";
import { captureLogLines } from "./log-capture";
import { testClientsEnv } from "./principals";
import { bearer } from "./tokens";

/** How `graphql` sends: with a token of the test client (default), another Authorization header, or none (null). */
export interface GraphqlRequestOptions {
  authorization?: string | null;
  headers?: Record<string, string>;
}

/** What the process logged, one parsed JSON object a line, and the raw text to search. */
export class CapturedLogs {
  readonly raw: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      const text = chunk.toString("utf8");
      this.raw.push(...text.split("\n").filter(Boolean));
      // Also searched for personal data at the end of the test file (test/setup.ts).
      captureLogLines(text);
      done();
    },
  });

  get lines(): Array<Record<string, unknown>> {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Lines whose msg is this. */
  withMessage(msg: string): Array<Record<string, unknown>> {
    return this.lines.filter((line) => line.msg === msg);
  }

  get text(): string {
    return this.raw.join("\n");
  }
}

export interface HttpResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * The subgraph as `npm start` runs it (src/main.ts's startSubgraph: migrations, write probe,
 * express, authentication, Apollo), in-process on a free port and on a fresh test database, its
 * logs captured. It knows the test client (TEST_CLIENT) unless `env` configures AUTH_CLIENTS
 * itself, so that no development client is made.
 */
export class TestServer {
  private constructor(
    readonly url: string,
    readonly orm: MikroORM,
    readonly logs: CapturedLogs,
    readonly database: TestDatabase,
    private readonly close: () => Promise<void>,
  ) {}

  /** `env` as the process would get it; DATABASE_FILE defaults to an in-memory SQLite database. */
  static async start(env: NodeJS.ProcessEnv = {}, database?: TestDatabase, observability: ObservabilityOptions = {}): Promise<TestServer> {
    const db = database ?? (await createTestDatabase());
    const options = db.options();
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      DATABASE_FILE: options.databaseFile,
      ...(env.AUTH_CLIENTS_FILE === undefined && testClientsEnv()),
      ...env,
    });
    const logs = new CapturedLogs();
    try {
      const subgraph = await startSubgraph(config, createLogger(config.logLevel, logs.stream), observability);
      return new TestServer(subgraph.url, subgraph.orm, logs, db, subgraph.close);
    } catch (err) {
      await db.drop();
      throw err;
    }
  }

  /** `/graphql`, `/ready`, ... on this server. */
  at(path: string): string {
    return new URL(path, this.url).toString();
  }

  async fetch<T = Record<string, unknown>>(path: string, init: RequestInit = {}): Promise<HttpResponse<T>> {
    const response = await fetch(this.at(path), init);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  /** POST /graphql with a JSON body, as the test client (a fresh token with every scope) unless told otherwise. */
  async graphql(query: string, variables?: Record<string, unknown>, options: GraphqlRequestOptions = {}) {
    const authorization = options.authorization === undefined ? (await bearer()).authorization : options.authorization;
    return this.fetch<{ data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>(
      "/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization !== null && { authorization }), ...options.headers },
        body: JSON.stringify({ query, variables }),
      },
    );
  }

  ready() {
    return this.fetch<{ status: string; fault?: string }>("/ready");
  }

  async stop(): Promise<void> {
    await this.close();
    await this.database.drop();
  }
}

/** A SQLite database in a file of its own, in a directory of its own (removed by drop). */
export async function sqliteFileDatabase(): Promise<TestDatabase & { directory: string; file: string }> {
  const directory = await mkdtemp(path.join(tmpdir(), "ki-test-"));
  const file = path.join(directory, "klantinteracties.db");
  return {
    directory,
    file,
    options: (onQuery) => ({ databaseFile: file, onQuery }),
    drop: () => rm(directory, { recursive: true, force: true }),
  };
}
