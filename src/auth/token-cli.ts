import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { checkBsn, checkKvkNummer, checkVestigingsnummer } from "../common/validators";
import { isProduction, parseAuthConfig, type Env } from "./auth-config";
import { DEV_CLIENT_ID, DevClientError, loadOrCreateDevClient } from "./dev-client";
import type { BurgerBinding } from "./principal";
import { isScope, SCOPES, type Scope } from "./scopes";

/**
 * `npm run token`: prints a token for the development client and nothing else on stdout, so that
 * `TOKEN=$(npm run --silent token)` works. Exit 2 on bad arguments, 1 when there is no
 * development client to sign for.
 */

const USAGE = `Usage: npm run --silent token -- [--scope S ...] [--bsn N | --kvk N [--vestiging N]] [--user-id X] [--user-representation "Naam"]

Prints a token (HS256, ZGW claims) for the development client "${DEV_CLIENT_ID}", valid for AUTH_TOKEN_MAX_AGE
seconds (default 3600). Without --scope the token has every scope; --bsn or --kvk binds it to one citizen
or company, as a token of the Mijn Omgeving portal is.

Scopes: ${SCOPES.join(", ")}`;

export class UsageError extends Error {}

export interface TokenRequest {
  /** Empty: no scope claim, so the token has every scope of the client. */
  readonly scopes: readonly Scope[];
  readonly burger: BurgerBinding | undefined;
  readonly userId: string | undefined;
  readonly userRepresentation: string | undefined;
}

/** The token the arguments ask for; a UsageError names what is wrong without repeating a value. */
export function parseTokenArguments(args: string[]): TokenRequest {
  const parse = () =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        scope: { type: "string", multiple: true },
        bsn: { type: "string" },
        kvk: { type: "string" },
        vestiging: { type: "string" },
        "user-id": { type: "string" },
        "user-representation": { type: "string" },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError("every value needs its option (for example --bsn 999993653)");
  const scopes = values.scope ?? [];
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.map((scope) => `"${scope}"`).join(", ")}`);
  return {
    scopes: scopes as Scope[],
    burger: burgerBinding(values.bsn, values.kvk, values.vestiging),
    userId: values["user-id"],
    userRepresentation: values["user-representation"],
  };
}

function burgerBinding(bsn: string | undefined, kvk: string | undefined, vestiging: string | undefined): BurgerBinding | undefined {
  if (bsn !== undefined) {
    if (kvk !== undefined || vestiging !== undefined) throw new UsageError("--bsn cannot go with --kvk or --vestiging");
    if (checkBsn(bsn) !== null) throw new UsageError("--bsn is not a valid BSN (9 digits that pass the elfproef)");
    return { bsn };
  }
  if (vestiging !== undefined && kvk === undefined) throw new UsageError("--vestiging needs --kvk");
  if (kvk === undefined) return undefined;
  if (checkKvkNummer(kvk) !== null) throw new UsageError("--kvk is not a valid KvK-nummer (8 digits)");
  if (vestiging === undefined) return { kvkNummer: kvk };
  if (checkVestigingsnummer(vestiging) !== null) throw new UsageError("--vestiging is not a valid vestigingsnummer (12 digits)");
  return { kvkNummer: kvk, vestigingsnummer: vestiging };
}

/** A ZGW token: client_id and iss name the client, no exp (the server bounds it by iat). */
export function signToken(clientId: string, secret: string, request: TokenRequest): Promise<string> {
  const { burger } = request;
  return new SignJWT({
    client_id: clientId,
    ...(request.userId !== undefined && { user_id: request.userId }),
    ...(request.userRepresentation !== undefined && { user_representation: request.userRepresentation }),
    ...(request.scopes.length > 0 && { scope: request.scopes.join(" ") }),
    ...(burger && "bsn" in burger && { bsn: burger.bsn }),
    ...(burger && "kvkNummer" in burger && { kvk_nummer: burger.kvkNummer }),
    ...(burger && "vestigingsnummer" in burger && { vestigingsnummer: burger.vestigingsnummer }),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
}

async function main(args: string[], env: Env): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let request: TokenRequest;
  try {
    request = parseTokenArguments(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`npm run token: ${err.message}\n(npm run token -- --help lists the options)\n`);
    return 2;
  }
  if (isProduction(env)) {
    process.stderr.write("npm run token: there is no development client in production (NODE_ENV=production)\n");
    return 1;
  }
  const auth = parseAuthConfig(env);
  if (!auth.ok) {
    process.stderr.write(`npm run token: the configuration has problems:\n${auth.problems.map((p) => `  - ${p}`).join("\n")}\n`);
    return 1;
  }
  if (auth.config.clients.length > 0) {
    process.stderr.write(
      "npm run token: AUTH_CLIENTS configures the clients, so the server has no development client; sign tokens with your client's own secret\n",
    );
    return 1;
  }
  try {
    const { client } = loadOrCreateDevClient(auth.config.devClientFile);
    process.stdout.write(`${await signToken(client.clientId, client.secret as string, request)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof DevClientError)) throw err;
    process.stderr.write(`npm run token: ${err.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
