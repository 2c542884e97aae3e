import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAuthConfig, type AuthConfig, type Env } from "../../src/auth/auth-config";
import { DevClientError, withDevelopmentClient } from "../../src/auth/dev-client";
import { SCOPES } from "../../src/auth/scopes";
import { TokenVerifier } from "../../src/auth/token-verifier";
import { signHs256 } from "../support/tokens";

let directory: string;
let file: string;
let logged: Array<{ fields: object; message: string }>;
const logger = { info: (fields: object, message: string) => logged.push({ fields, message }) };

function config(env: Env = {}): AuthConfig {
  const result = parseAuthConfig({ AUTH_DEV_CLIENT_FILE: file, ...env });
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.config;
}

function storedSecret(): string {
  return JSON.parse(readFileSync(file, "utf8")).secret;
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "dev-client-"));
  file = join(directory, "data", "dev-client.json");
  logged = [];
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("the development client", () => {
  it("without configured clients: created once, private to its owner, with every scope", () => {
    const { clients } = withDevelopmentClient(config(), logger);
    expect(clients).toEqual([{ clientId: "dev", secret: storedSecret(), scopes: new Set(SCOPES), burgerClaim: "optional" }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(storedSecret()).toMatch(/^klantinteracties-dev-[A-Za-z0-9_-]{43}$/);
  });

  it("later starts use the same secret", () => {
    const first = withDevelopmentClient(config(), logger).clients[0];
    const second = withDevelopmentClient(config(), logger).clients[0];
    expect(second.secret).toBe(first.secret);
    expect(logged.map((line) => (line.fields as { created: boolean }).created)).toEqual([true, false]);
  });

  it("logs one line that tells how to get a token, without the secret", () => {
    withDevelopmentClient(config(), logger);
    expect(logged).toHaveLength(1);
    expect(logged[0].message).toContain("TOKEN=$(npm run --silent token)");
    expect(JSON.stringify(logged[0])).not.toContain(storedSecret());
  });

  it("signs tokens with and without a citizen claim", async () => {
    const verifier = new TokenVerifier(withDevelopmentClient(config(), logger));
    const iat = Math.floor(Date.now() / 1000);
    const plain = await verifier.verifyToken(await signHs256(storedSecret(), { client_id: "dev", iat }));
    const citizen = await verifier.verifyToken(await signHs256(storedSecret(), { client_id: "dev", iat, bsn: "999993653" }));
    expect(plain.ok && plain.principal.burger).toBeUndefined();
    expect(citizen.ok && citizen.principal.burger).toEqual({ bsn: "999993653" });
  });

  it("does not exist when clients are configured", () => {
    const configured = config({ AUTH_CLIENTS: JSON.stringify([{ clientId: "kiss", secret: "k".repeat(32), scopes: [] }]) });
    expect(withDevelopmentClient(configured, logger)).toBe(configured);
    expect(existsSync(file)).toBe(false);
  });

  it("does not exist in production, even when its file does", () => {
    withDevelopmentClient(config(), logger);
    const production = config({
      NODE_ENV: "production",
      AUTH_CLIENTS: JSON.stringify([{ clientId: "kiss", secret: "k".repeat(32), scopes: [] }]),
    });
    expect(withDevelopmentClient(production, logger).clients.map((client) => client.clientId)).toEqual(["kiss"]);
  });

  it("its secret is refused in production", () => {
    withDevelopmentClient(config(), logger);
    const clients = JSON.stringify([{ clientId: "kiss", secret: storedSecret(), scopes: ["partijen.lezen"] }]);
    const result = parseAuthConfig({ NODE_ENV: "production", AUTH_CLIENTS: clients });
    expect(result.ok || result.problems).toEqual([
      "AUTH_CLIENTS[0].secret is a development secret (made by npm start outside production); production needs a secret of its own",
    ]);
  });

  it("a file that others can read is refused", () => {
    withDevelopmentClient(config(), logger);
    chmodSync(file, 0o644);
    expect(() => withDevelopmentClient(config(), logger)).toThrow(DevClientError);
    expect(() => withDevelopmentClient(config(), logger)).toThrow(/can be read by other users/);
  });

  it("a file that holds no development client is refused, its content not repeated", () => {
    withDevelopmentClient(config(), logger);
    writeFileSync(file, JSON.stringify({ clientId: "dev", secret: "s3cr3t-chosen-by-hand" }), { mode: 0o600 });
    expect(() => withDevelopmentClient(config(), logger)).toThrow(
      `${file} does not hold a development client; delete it to make a new one`,
    );
    writeFileSync(file, "{ not json", { mode: 0o600 });
    expect(() => withDevelopmentClient(config(), logger)).toThrow(DevClientError);
  });
});
