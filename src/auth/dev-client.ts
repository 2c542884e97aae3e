import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AuthConfig, ClientConfig } from "./auth-config";
import { SCOPES } from "./scopes";

/**
 * The development client: outside production, when no client is configured, `npm start` and
 * `npm run token` share one client "dev" with every scope, whose secret is made once and kept in
 * a file only its owner can read (data/dev-client.json unless AUTH_DEV_CLIENT_FILE says otherwise).
 */

export const DEV_CLIENT_ID = "dev";

// Marks the secrets made here, so that production refuses one wherever it was copied to.
const DEV_SECRET_PREFIX = "klantinteracties-dev-";

export class DevClientError extends Error {}

export function isDevelopmentSecret(secret: string): boolean {
  return secret.startsWith(DEV_SECRET_PREFIX);
}

/** The development client from `file`, which is created first when it does not exist yet. */
export function loadOrCreateDevClient(file: string): { client: ClientConfig; created: boolean } {
  const created = existsSync(file) ? false : createOnce(file);
  return { client: devClient(readSecret(file)), created };
}

/**
 * The configuration as the server uses it: outside production and with no client configured, the
 * development client is its only client, and one log line tells how to get a token for it.
 */
export function withDevelopmentClient(config: AuthConfig, logger: { info(fields: object, message: string): void }): AuthConfig {
  if (config.production || config.clients.length > 0) return config;
  const { client, created } = loadOrCreateDevClient(config.devClientFile);
  logger.info(
    { clientId: client.clientId, file: config.devClientFile, created, token: "npm run --silent token" },
    `No client configured: the development client "${client.clientId}" has every scope. ` +
      `Get a token with TOKEN=$(npm run --silent token) and send it as "Authorization: Bearer $TOKEN".`,
  );
  return { ...config, clients: [client] };
}

function devClient(secret: string): ClientConfig {
  // Both kinds of token, so that a developer can also try the citizen portal's view (--bsn, --kvk).
  return { clientId: DEV_CLIENT_ID, secret, scopes: new Set(SCOPES), burgerClaim: "optional" };
}

/**
 * Writes a temporary file and links it into place: linking fails when the file exists, so two
 * processes starting at once agree on one secret, and neither reads a half-written file.
 */
function createOnce(file: string): boolean {
  mkdirSync(dirname(file), { recursive: true });
  const secret = DEV_SECRET_PREFIX + randomBytes(32).toString("base64url");
  const content = {
    clientId: DEV_CLIENT_ID,
    secret,
    note: "Development only (made by npm start or npm run token). Production refuses this secret.",
  };
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(temporary);
  }
}

function readSecret(file: string): string {
  // Any local user who can read the secret can sign tokens with every scope.
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
    throw new DevClientError(`${file} can be read by other users; make it private (chmod 600 ${file}) or delete it to make a new one`);
  }
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    content = undefined;
  }
  const { clientId, secret } = (content ?? {}) as { clientId?: unknown; secret?: unknown };
  if (
    clientId !== DEV_CLIENT_ID ||
    typeof secret !== "string" ||
    !isDevelopmentSecret(secret) ||
    secret.length < 32 + DEV_SECRET_PREFIX.length
  ) {
    throw new DevClientError(`${file} does not hold a development client; delete it to make a new one`);
  }
  return secret;
}
