import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAuthConfig } from "../../src/auth/auth-config";
import { loadOrCreateDevClient, withDevelopmentClient } from "../../src/auth/dev-client";
import { SCOPES } from "../../src/auth/scopes";
import { parseTokenArguments, signToken, UsageError } from "../../src/auth/token-cli";
import { TokenVerifier, type VerificationResult } from "../../src/auth/token-verifier";

const ROOT = resolve(__dirname, "../..");
/** One compact JWS and its newline: what `TOKEN=$(npm run --silent token)` captures. */
const TOKEN_LINE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let directory: string;
let devClientFile: string;

/** The process environment of a developer's shell, without whatever AUTH_* this test runner has. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, AUTH_DEV_CLIENT_FILE: devClientFile, ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd: ROOT, env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function token(args: string[] = [], extra: Record<string, string> = {}): Promise<Run> {
  return run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/auth/token-cli.ts"), ...args], environment(extra));
}

/** What the server, started with the same environment, makes of the token. */
async function verified(tokenText: string): Promise<VerificationResult> {
  const result = parseAuthConfig({ AUTH_DEV_CLIENT_FILE: devClientFile });
  if (!result.ok) throw new Error(result.problems.join("; "));
  return new TokenVerifier(withDevelopmentClient(result.config, { info: () => undefined })).verifyToken(tokenText);
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "token-cli-"));
  devClientFile = join(directory, "data", "dev-client.json");
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("npm run token", () => {
  it("prints only a token, for the development client with every scope, which the server accepts", async () => {
    // stdout only: npm itself may warn on stderr about its own configuration.
    const { code, stdout } = await run("npm", ["run", "--silent", "token"], environment());
    expect(code).toBe(0);
    expect(stdout).toMatch(TOKEN_LINE);
    const result = await verified(stdout.trim());
    expect(result).toEqual({ ok: true, principal: { clientId: "dev", userId: "", userRepresentation: "", scopes: new Set(SCOPES) } });
  });

  it("narrows to the scopes named, binds to a citizen and names the user", async () => {
    const { code, stdout } = await token([
      "--scope",
      "partijen.lezen",
      "--scope",
      "klantcontacten.schrijven",
      "--bsn",
      "999993653",
      "--user-id",
      "mdw-42",
      "--user-representation",
      "Sanne Jansen",
    ]);
    expect(code).toBe(0);
    expect(await verified(stdout.trim())).toEqual({
      ok: true,
      principal: {
        clientId: "dev",
        userId: "mdw-42",
        userRepresentation: "Sanne Jansen",
        scopes: new Set(["partijen.lezen", "klantcontacten.schrijven"]),
        burger: { bsn: "999993653" },
      },
    });
  });

  it("bad arguments: a message on stderr, nothing on stdout, exit 2, and no client made", async () => {
    const unknownScope = await token(["--scope", "partijen.lezn"]);
    expect(unknownScope).toMatchObject({ code: 2, stdout: "" });
    expect(unknownScope.stderr).toContain('unknown scope "partijen.lezn"');
    const badBsn = await token(["--bsn", "123456789"]);
    expect(badBsn).toMatchObject({ code: 2, stdout: "" });
    expect(badBsn.stderr).toContain("--bsn is not a valid BSN");
    expect(badBsn.stderr).not.toContain("123456789");
    expect(existsSync(devClientFile)).toBe(false);
  });

  it("refuses in production: there is no development client there", async () => {
    const { code, stdout, stderr } = await token([], { NODE_ENV: "production" });
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toContain("no development client in production");
    expect(existsSync(devClientFile)).toBe(false);
  });

  it("refuses when clients are configured: the server then has no development client", async () => {
    const clients = JSON.stringify([{ clientId: "kiss", secret: "k".repeat(32), scopes: ["partijen.lezen"] }]);
    const { code, stdout, stderr } = await token([], { AUTH_CLIENTS: clients });
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toContain("AUTH_CLIENTS configures the clients");
  });
});

describe("its arguments", () => {
  function usageError(args: string[]): string {
    try {
      parseTokenArguments(args);
    } catch (err) {
      if (err instanceof UsageError) return err.message;
      throw err;
    }
    throw new Error("expected a usage error");
  }

  it("without any: every scope, no citizen, no user", () => {
    expect(parseTokenArguments([])).toEqual({ scopes: [], burger: undefined, userId: undefined, userRepresentation: undefined });
  });

  it("--kvk and --vestiging bind the token to a company and its vestiging", async () => {
    const request = parseTokenArguments(["--kvk", "12345678", "--vestiging", "000012345678"]);
    const { client } = loadOrCreateDevClient(devClientFile);
    const result = await verified(await signToken(client.clientId, client.secret as string, request));
    expect(result.ok && result.principal.burger).toEqual({ kvkNummer: "12345678", vestigingsnummer: "000012345678" });
  });

  it("refuses what cannot become a valid token, without repeating a value", () => {
    expect(usageError(["--bsn", "999993653", "--kvk", "12345678"])).toBe("--bsn cannot go with --kvk or --vestiging");
    expect(usageError(["--vestiging", "000012345678"])).toBe("--vestiging needs --kvk");
    expect(usageError(["--kvk", "1234"])).toBe("--kvk is not a valid KvK-nummer (8 digits)");
    expect(usageError(["--kvk", "12345678", "--vestiging", "1"])).toBe("--vestiging is not a valid vestigingsnummer (12 digits)");
    expect(usageError(["999993653"])).toBe("every value needs its option (for example --bsn 999993653)");
    expect(usageError(["--scope", "x", "--scope", "partijen.lezen", "--scope", "y"])).toBe('unknown scope "x", "y"');
    expect(usageError(["--bsn"])).toContain("--bsn");
    expect(usageError(["--tenant", "x"])).toContain("--tenant");
  });
});
