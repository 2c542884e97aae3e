import { chmod, rm } from "node:fs/promises";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/database/orm";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { createTestDatabase, dialect } from "../support/database";
import { sqliteFileDatabase, TestServer } from "../support/http-server";
import { startMain } from "../support/spawned";

/**
 * The faults that are the infrastructure's, not the request's: the client gets HTTP 503 with
 * SERVICE_UNAVAILABLE and no details, /ready answers 503 while writes cannot succeed, nothing is
 * written, the log says what happened once rather than per request, and all of it ends when the
 * fault does.
 */

// inhoud and reactie together are larger than a SQLite page, so the row needs new pages.
const MAAK_KLANTCONTACT = `mutation ($inhoud: String, $reactie: String) {
  createKlantcontact(input: { kanaal: "telefoon", onderwerp: "Storing", taal: "nld", vertrouwelijk: false, inhoud: $inhoud, reactie: $reactie }) { uuid }
}`;
const KLANTCONTACTEN = "{ klantcontacten(first: 5) { edges { node { uuid } } } }";
const contact = { inhoud: "i".repeat(1000), reactie: "r".repeat(4000) };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function expectUnavailable(response: Awaited<ReturnType<TestServer["graphql"]>>) {
  expect(response.status).toBe(503);
  expect(response.body.errors).toEqual([
    {
      message: "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.",
      path: ["createKlantcontact"],
      extensions: { code: "SERVICE_UNAVAILABLE" },
    },
  ]);
}

async function storedKlantcontacten(s: TestServer): Promise<number> {
  return s.orm.em.fork().count(Klantcontact);
}

/** The lines logged for failing requests: one per fault and interval, however many requests failed. */
function faultLines(s: TestServer, fault: string) {
  return s.logs.withMessage("database fault").filter((line) => line.fault === fault);
}

describe.runIf(dialect === "sqlite")("faults of SQLite", () => {
  it("a full disk: writes get 503, /ready is 503, reads go on, and all recovers when there is room again", async () => {
    server = await TestServer.start();
    const connection = server.orm.em.getConnection();
    await server.graphql(MAAK_KLANTCONTACT, contact);
    // No free pages left, and no new ones allowed: SQLite answers SQLITE_FULL as on a full disk.
    await connection.execute("vacuum");
    await connection.execute("pragma max_page_count = 1");

    for (let i = 0; i < 5; i++) await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
    expect(await storedKlantcontacten(server)).toBe(1);
    expect(await server.ready()).toMatchObject({ status: 503, body: { status: "not ready", fault: "disk_full" } });
    const read = await server.graphql(KLANTCONTACTEN);
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect(faultLines(server, "disk_full")).toHaveLength(1);
    expect(faultLines(server, "disk_full")[0].err).toMatchObject({ code: "SQLITE_FULL", fault: "disk_full" });

    await connection.execute("pragma max_page_count = 1000000");
    expect(await server.ready()).toMatchObject({ status: 200, body: { status: "ready" } });
    const write = await server.graphql(MAAK_KLANTCONTACT, contact);
    expect(write.status).toBe(200);
    expect(write.body.errors).toBeUndefined();
  });

  it("a read-only database: writes get 503, /ready is 503, reads go on, and all recovers when it is writable again", async () => {
    server = await TestServer.start();
    const connection = server.orm.em.getConnection();
    // The connection refuses every write with SQLITE_READONLY, as a read-only file does.
    await connection.execute("pragma query_only = on");
    await expect(connection.execute("create table proef (x)")).rejects.toMatchObject({ code: "SQLITE_READONLY" });

    for (let i = 0; i < 5; i++) await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
    expect(await server.ready()).toMatchObject({ status: 503, body: { fault: "read_only" } });
    expect((await server.graphql(KLANTCONTACTEN)).status).toBe(200);
    expect(faultLines(server, "read_only")).toHaveLength(1);

    await connection.execute("pragma query_only = off");
    expect(await server.ready()).toMatchObject({ status: 200 });
    expect((await server.graphql(MAAK_KLANTCONTACT, contact)).status).toBe(200);
  });

  it("a database file whose directory vanished: writes get 503 and /ready is 503", async () => {
    const database = await sqliteFileDatabase();
    server = await TestServer.start({}, database);
    expect((await server.graphql(MAAK_KLANTCONTACT, contact)).status).toBe(200);
    await rm(database.directory, { recursive: true });

    await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
    const ready = await server.ready();
    expect(ready.status).toBe(503);
    // The open connection finds its file moved (read-only); a new one cannot open it at all.
    expect(["read_only", "unavailable"]).toContain(ready.body.fault);
  });

  it("a start on a read-only database file is refused with one JSON line", async () => {
    const database = await sqliteFileDatabase();
    try {
      await (await openDatabase(database.options())).close();
      await chmod(database.file, 0o444);
      await chmod(database.directory, 0o555);
      // Root writes to any file whatever its mode (and CI runs as root): there the file is opened
      // through SQLite's read-only URI instead, which refuses writes the same way.
      const readOnly = process.getuid?.() === 0 ? `file:${database.file}?mode=ro` : database.file;
      await expect(writeTo(readOnly)).resolves.toBe("SQLITE_READONLY");

      const subgraph = startMain({ DATABASE_FILE: readOnly });
      expect(await subgraph.exited).toEqual({ code: 1, signal: null });
      expect(subgraph.stderr).toBe("");
      const last = subgraph.lines.at(-1);
      expect(last).toMatchObject({
        level: "fatal",
        msg: "cannot start: database read only",
        fault: "read_only",
        err: { code: "SQLITE_READONLY" },
      });
      expect(subgraph.lines.some((line) => typeof line.url === "string")).toBe(false);
    } finally {
      await chmod(database.directory, 0o755);
      await database.drop();
    }
  });
});

/** What a write to this SQLite database answers, tried by another process. */
async function writeTo(file: string): Promise<string> {
  const { spawn } = await import("node:child_process");
  const script = `const D = require(${JSON.stringify(require.resolve("libsql"))});
    try { new D(${JSON.stringify(file)}).exec("create table proef (x)"); console.log("written"); } catch (e) { console.log(e.code); }`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on("exit", resolve));
  return out.trim();
}

describe.runIf(dialect === "postgresql")("faults of PostgreSQL", () => {
  let admin: Client | undefined;
  afterEach(async () => {
    await admin?.end();
    admin = undefined;
  });

  /** A superuser connection to the server's own database. */
  async function connectAdmin(s: TestServer): Promise<Client> {
    admin = new Client({ connectionString: s.database.options().databaseUrl });
    await admin.connect();
    return admin;
  }

  const databaseName = (s: TestServer) => new URL(s.database.options().databaseUrl!).pathname.slice(1);

  /** Ends the subgraph's sessions and waits until PostgreSQL has none left, so its pool has seen them close. */
  async function terminateSessions(client: Client, name: string): Promise<void> {
    const others = "from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'";
    await client.query(`select pg_terminate_backend(pid) ${others}`, [name]);
    for (let i = 0; i < 1000; i++) {
      if ((await client.query(`select count(*)::int as n ${others}`, [name])).rows[0].n === 0) return;
    }
    throw new Error("the sessions did not end");
  }

  it("a full disk (SQLSTATE 53100): writes get 503, /ready is 503, reads go on, and all recovers", async () => {
    server = await TestServer.start();
    const client = await connectAdmin(server);
    // PostgreSQL's disk_full error, raised where a full disk would raise it: extending a table
    // for the request's row, and creating the probe table for /ready.
    await client.query(`
      create function disk_full() returns trigger language plpgsql as $$ begin raise exception 'could not extend file' using errcode = 'disk_full'; end $$;
      create trigger disk_full before insert on klantcontact for each row execute function disk_full();
      create function disk_full_ddl() returns event_trigger language plpgsql as $$ begin raise exception 'could not extend file' using errcode = 'disk_full'; end $$;
      create event trigger disk_full_ddl on ddl_command_start execute function disk_full_ddl();`);

    for (let i = 0; i < 5; i++) await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
    expect(await storedKlantcontacten(server)).toBe(0);
    expect(await server.ready()).toMatchObject({ status: 503, body: { fault: "disk_full" } });
    expect((await server.graphql(KLANTCONTACTEN)).status).toBe(200);
    expect(faultLines(server, "disk_full")).toHaveLength(1);
    expect(faultLines(server, "disk_full")[0].err).toMatchObject({ code: "53100", fault: "disk_full" });

    await client.query("drop event trigger disk_full_ddl; drop trigger disk_full on klantcontact");
    expect(await server.ready()).toMatchObject({ status: 200 });
    expect((await server.graphql(MAAK_KLANTCONTACT, contact)).status).toBe(200);
  });

  it("a read-only database (SQLSTATE 25006): writes get 503, /ready is 503, reads go on, and all recovers", async () => {
    server = await TestServer.start();
    const client = await connectAdmin(server);
    const name = databaseName(server);
    await client.query(`alter database ${name} set default_transaction_read_only = on`);
    await terminateSessions(client, name);

    for (let i = 0; i < 5; i++) await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
    expect(await server.ready()).toMatchObject({ status: 503, body: { fault: "read_only" } });
    expect((await server.graphql(KLANTCONTACTEN)).status).toBe(200);
    expect(await storedKlantcontacten(server)).toBe(0);
    expect(faultLines(server, "read_only")).toHaveLength(1);

    await client.query(`alter database ${name} set default_transaction_read_only = off`);
    await terminateSessions(client, name);
    expect(await server.ready()).toMatchObject({ status: 200 });
    expect((await server.graphql(MAAK_KLANTCONTACT, contact)).status).toBe(200);
  });

  it("a database that is down: reads and writes get 503, /ready is 503, and all recovers when it is back", async () => {
    server = await TestServer.start();
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const name = databaseName(server);
      await client.query(`alter database ${name} allow_connections false`);
      await terminateSessions(client, name);

      for (let i = 0; i < 5; i++) await expectUnavailable(await server.graphql(MAAK_KLANTCONTACT, contact));
      const read = await server.graphql(KLANTCONTACTEN);
      expect(read.status).toBe(503);
      expect(read.body.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(await server.ready()).toMatchObject({ status: 503, body: { fault: "unavailable" } });
      expect(faultLines(server, "unavailable").length).toBeLessThanOrEqual(2); // the write and the read

      await client.query(`alter database ${name} allow_connections true`);
      expect(await server.ready()).toMatchObject({ status: 200 });
      expect((await server.graphql(MAAK_KLANTCONTACT, contact)).status).toBe(200);
      expect(await storedKlantcontacten(server)).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("a start on a read-only database is refused with one JSON line", async () => {
    const database = await createTestDatabase();
    const url = database.options().databaseUrl!;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await (await openDatabase(database.options())).close();
      await client.query(`alter database ${new URL(url).pathname.slice(1)} set default_transaction_read_only = on`);

      const subgraph = startMain({ DATABASE_URL: url });
      expect(await subgraph.exited).toEqual({ code: 1, signal: null });
      expect(subgraph.stderr).toBe("");
      expect(subgraph.lines.at(-1)).toMatchObject({
        level: "fatal",
        msg: "cannot start: database read only",
        fault: "read_only",
        err: { code: "25006" },
      });
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
