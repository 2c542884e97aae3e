import { createPublicKey, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import type { JSONWebKeySet } from "jose";
import { isDevelopmentSecret } from "./dev-client";
import { isScope, type Scope } from "./scopes";

/**
 * Which clients exist, how their tokens are verified, and the router's shared secret: read from
 * the AUTH_* and ROUTER_SECRET* variables of an env object (the caller passes process.env; this
 * module never reads it). Every problem is collected, so that one start names all of them; no
 * problem text repeats a secret.
 */

/** Whether a client's tokens must, must not, or may carry a citizen claim. */
export type BurgerClaim = "required" | "refused" | "optional";

export interface ClientConfig {
  readonly clientId: string;
  /** HS256 shared secret (ZGW); undefined for a client that signs in through the identity provider only. */
  readonly secret: string | undefined;
  readonly scopes: ReadonlySet<Scope>;
  /** "required" for a citizen portal (`burger: true`), "refused" otherwise; "optional" only for the development client. */
  readonly burgerClaim: BurgerClaim;
}

export interface IdentityProviderConfig {
  /** A remote JWKS (fetched and cached by jose) or the keys of a local JWKS file. */
  readonly jwks: { readonly url: URL } | { readonly keys: JSONWebKeySet };
  readonly issuer: string;
  /** The token's `aud` must name one of these. */
  readonly audience: readonly string[];
}

export interface RouterSecretConfig {
  /** Lower-case header name, as Node presents request headers. */
  readonly header: string;
  readonly secret: string;
}

export interface AuthConfig {
  readonly production: boolean;
  /** Empty outside production means: use the development client (see dev-client.ts). */
  readonly clients: readonly ClientConfig[];
  readonly identityProvider: IdentityProviderConfig | undefined;
  /** How long a token without `exp` stays valid after its `iat` (the ZGW practice). */
  readonly tokenMaxAgeSeconds: number;
  /** Allowed clock difference for `exp`, `nbf` and `iat`. */
  readonly clockToleranceSeconds: number;
  readonly routerSecret: RouterSecretConfig | undefined;
  /** Where the development client's secret is kept. */
  readonly devClientFile: string;
}

export type AuthConfigResult = { ok: true; config: AuthConfig } | { ok: false; problems: string[] };

export type Env = Readonly<Record<string, string | undefined>>;

export const MIN_SECRET_LENGTH = 32;
// A tolerance of minutes would make `exp` and `nbf` meaningless.
const MAX_CLOCK_TOLERANCE = 300;
// A token without `exp` that lives longer than a day is as good as a password that never changes.
const MAX_TOKEN_AGE = 86_400;
const CLIENT_PROPERTIES = ["clientId", "secret", "scopes", "burger"];
const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;
// RFC 9110 token characters: what a header name may consist of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k"];

export function isProduction(env: Env): boolean {
  return env.NODE_ENV === "production";
}

export function parseAuthConfig(env: Env): AuthConfigResult {
  const problems: string[] = [];
  const production = isProduction(env);
  const tokenMaxAgeSeconds = seconds(env, "AUTH_TOKEN_MAX_AGE", 3600, 1, MAX_TOKEN_AGE, problems);
  const clockToleranceSeconds = seconds(env, "AUTH_CLOCK_TOLERANCE", 30, 0, MAX_CLOCK_TOLERANCE, problems);
  const identityProvider = parseIdentityProvider(env, production, problems);
  const jwksConfigured = value(env, "AUTH_JWKS_URL") !== undefined || value(env, "AUTH_JWKS_FILE") !== undefined;
  const clients = parseClients(env, production, jwksConfigured, problems);
  const routerSecret = parseRouterSecret(env, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      production,
      clients,
      identityProvider,
      tokenMaxAgeSeconds,
      clockToleranceSeconds,
      routerSecret,
      devClientFile: value(env, "AUTH_DEV_CLIENT_FILE") ?? "data/dev-client.json",
    },
  };
}

/** An empty variable counts as unset, as in the rest of the configuration. */
function value(env: Env, name: string): string | undefined {
  return env[name] === "" ? undefined : env[name];
}

function seconds(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(parsed >= min && parsed <= max)) {
    problems.push(`${name} must be a whole number of seconds from ${min} to ${max}`);
    return fallback;
  }
  return parsed;
}

/** JSON from a variable or from the file a variable names; undefined (with a problem) when unreadable. */
function readJson(env: Env, name: string, fromFile: boolean, problems: string[]): unknown {
  const raw = value(env, name) as string;
  let text = raw;
  if (fromFile) {
    try {
      text = readFileSync(raw, "utf8");
    } catch {
      problems.push(`${name}: cannot read the file ${raw}`);
      return undefined;
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the text, and the text holds secrets.
    problems.push(`${name}${fromFile ? ` (${raw})` : ""} is not valid JSON`);
    return undefined;
  }
}

function parseClients(env: Env, production: boolean, jwksConfigured: boolean, problems: string[]): ClientConfig[] {
  const inline = value(env, "AUTH_CLIENTS") !== undefined;
  const file = value(env, "AUTH_CLIENTS_FILE") !== undefined;
  if (inline && file) {
    problems.push("AUTH_CLIENTS and AUTH_CLIENTS_FILE are both set; configure the clients in one of them");
    return [];
  }
  if (!inline && !file) {
    if (production) problems.push("AUTH_CLIENTS or AUTH_CLIENTS_FILE must configure at least one client in production");
    return [];
  }
  const source = inline ? "AUTH_CLIENTS" : "AUTH_CLIENTS_FILE";
  const json = readJson(env, source, file, problems);
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    problems.push(`${source} must be a JSON array of clients: [{ "clientId": ..., "secret": ..., "scopes": [...] }]`);
    return [];
  }
  if (json.length === 0 && production) problems.push(`${source} must configure at least one client in production`);

  const clients: ClientConfig[] = [];
  const clientIds = new Set<unknown>();
  const ownerOfSecret = new Map<string, string>();
  json.forEach((entry: unknown, index) => {
    const clientId = (entry as { clientId?: unknown } | null)?.clientId;
    if (typeof clientId === "string" && clientIds.has(clientId)) {
      problems.push(`${source}[${index}].clientId "${clientId}" is configured more than once`);
    }
    clientIds.add(clientId);
    const client = parseClient(entry, `${source}[${index}]`, production, jwksConfigured, problems);
    if (!client) return;
    if (client.secret !== undefined) {
      const owner = ownerOfSecret.get(client.secret);
      // A shared secret would let one client sign tokens in the other's name.
      if (owner !== undefined)
        problems.push(`${source}[${index}].secret is the secret of client "${owner}" too; give every client its own`);
      ownerOfSecret.set(client.secret, client.clientId);
    }
    clients.push(client);
  });
  return clients;
}

function parseClient(
  entry: unknown,
  at: string,
  production: boolean,
  jwksConfigured: boolean,
  problems: string[],
): ClientConfig | undefined {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    problems.push(`${at} must be an object with clientId, secret, scopes and optionally burger`);
    return undefined;
  }
  const before = problems.length;
  const fields = entry as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!CLIENT_PROPERTIES.includes(key)) problems.push(`${at} has the unknown property "${key}" (known: ${CLIENT_PROPERTIES.join(", ")})`);
  }
  const { clientId, secret, scopes, burger } = fields;
  if (typeof clientId !== "string" || !CLIENT_ID.test(clientId)) {
    problems.push(`${at}.clientId must be 1 to 200 visible ASCII characters`);
  }
  if (secret === undefined) {
    if (!jwksConfigured) problems.push(`${at}.secret is required: without AUTH_JWKS_URL or AUTH_JWKS_FILE it is the only way to sign in`);
  } else if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) {
    problems.push(`${at}.secret must be a string of at least ${MIN_SECRET_LENGTH} characters`);
  } else if (production && isDevelopmentSecret(secret)) {
    problems.push(`${at}.secret is a development secret (made by npm start outside production); production needs a secret of its own`);
  }
  const granted = new Set<Scope>();
  if (!Array.isArray(scopes)) {
    problems.push(`${at}.scopes must be an array of scope names`);
  } else {
    for (const scope of scopes) {
      if (typeof scope === "string" && isScope(scope)) granted.add(scope);
      else problems.push(`${at}.scopes names the unknown scope ${JSON.stringify(scope)}`);
    }
  }
  if (burger !== undefined && typeof burger !== "boolean") problems.push(`${at}.burger must be true or false`);
  if (problems.length > before) return undefined;
  return {
    clientId: clientId as string,
    secret: secret as string | undefined,
    scopes: granted,
    burgerClaim: burger === true ? "required" : "refused",
  };
}

function parseIdentityProvider(env: Env, production: boolean, problems: string[]): IdentityProviderConfig | undefined {
  const url = value(env, "AUTH_JWKS_URL");
  const file = value(env, "AUTH_JWKS_FILE");
  const issuer = value(env, "AUTH_ISSUER");
  const audience = (value(env, "AUTH_AUDIENCE") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (url === undefined && file === undefined) {
    if (issuer !== undefined) problems.push("AUTH_ISSUER has no effect without AUTH_JWKS_URL or AUTH_JWKS_FILE");
    if (audience.length > 0) problems.push("AUTH_AUDIENCE has no effect without AUTH_JWKS_URL or AUTH_JWKS_FILE");
    return undefined;
  }
  const before = problems.length;
  if (url !== undefined && file !== undefined) problems.push("AUTH_JWKS_URL and AUTH_JWKS_FILE are both set; name one key set");
  if (issuer === undefined) problems.push("AUTH_ISSUER is required with a JWKS: the identity provider's issuer (the token's iss)");
  if (audience.length === 0) problems.push("AUTH_AUDIENCE is required with a JWKS: the audience (aud) its tokens carry for this service");
  let jwks: IdentityProviderConfig["jwks"] | undefined;
  if (url !== undefined) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || !(parsed.protocol === "https:" || (parsed.protocol === "http:" && !production))) {
      problems.push(`AUTH_JWKS_URL must be an https:// URL${production ? "" : " (http:// only outside production)"}`);
    } else jwks = { url: parsed };
  } else {
    const keys = parseJwksFile(env, problems);
    if (keys) jwks = { keys };
  }
  if (problems.length > before || !jwks) return undefined;
  return { jwks, issuer: issuer as string, audience };
}

/** A local JWKS must hold public keys only, at least one of them able to verify RS256 or ES256. */
function parseJwksFile(env: Env, problems: string[]): JSONWebKeySet | undefined {
  const json = readJson(env, "AUTH_JWKS_FILE", true, problems) as { keys?: unknown } | undefined;
  if (json === undefined) return undefined;
  const keys = typeof json === "object" && json !== null ? json.keys : undefined;
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== "object" || key === null || Array.isArray(key))) {
    problems.push(`AUTH_JWKS_FILE must be a JSON Web Key Set: { "keys": [ { "kty": ..., ... } ] }`);
    return undefined;
  }
  const withPrivateParts = keys.findIndex((key) => PRIVATE_JWK_MEMBERS.some((member) => member in key));
  if (withPrivateParts >= 0) {
    problems.push(`AUTH_JWKS_FILE key ${withPrivateParts} holds private or symmetric key material; the file must hold public keys only`);
    return undefined;
  }
  if (!keys.some(verifiesRs256OrEs256)) {
    problems.push("AUTH_JWKS_FILE has no key that verifies RS256 (an RSA key) or ES256 (an EC key on P-256)");
    return undefined;
  }
  return { keys };
}

function verifiesRs256OrEs256(key: Record<string, unknown>): boolean {
  if (key.use !== undefined && key.use !== "sig") return false;
  const rsa = key.kty === "RSA" && (key.alg === undefined || key.alg === "RS256");
  const ec = key.kty === "EC" && key.crv === "P-256" && (key.alg === undefined || key.alg === "ES256");
  if (!rsa && !ec) return false;
  try {
    const details = createPublicKey({ key: key as JsonWebKey, format: "jwk" }).asymmetricKeyDetails;
    // jose refuses RSA keys under 2048 bits when it verifies; better to hear of it at start.
    return !rsa || (details?.modulusLength ?? 0) >= 2048;
  } catch {
    return false;
  }
}

function parseRouterSecret(env: Env, problems: string[]): RouterSecretConfig | undefined {
  const secret = value(env, "ROUTER_SECRET");
  const header = value(env, "ROUTER_SECRET_HEADER");
  if (secret === undefined) {
    if (header !== undefined) problems.push("ROUTER_SECRET_HEADER has no effect without ROUTER_SECRET");
    return undefined;
  }
  const before = problems.length;
  if (secret.length < MIN_SECRET_LENGTH) problems.push(`ROUTER_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  const name = (header ?? "x-router-secret").toLowerCase();
  if (!HEADER_NAME.test(name) || name === "authorization") {
    problems.push("ROUTER_SECRET_HEADER must be an HTTP header name other than Authorization");
  }
  return problems.length > before ? undefined : { header: name, secret };
}
