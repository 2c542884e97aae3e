import { HeaderMap } from "@apollo/server";
import { GraphQLError, Kind, parse, type DocumentNode } from "graphql";
import { SERVICE_UNAVAILABLE_MESSAGE } from "../error-mapping";
import type { AuthConfig } from "./auth-config";
import type { Principal } from "./principal";
import { UNAUTHENTICATED_MESSAGE, WWW_AUTHENTICATE, type RefusalReason } from "./refusal";
import { carriesRouterSecret } from "./router-secret";
import { TokenVerifier } from "./token-verifier";

/**
 * Who sends a request, decided in the Apollo context function, before any SQL: the router secret
 * first (when one is configured), then the bearer token. A refused request ends there with
 * UNAUTHENTICATED (HTTP 401) and the one message of refusal.ts; why it was refused goes to the log
 * as a code, never to the client.
 */

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** What the authenticator reads of an HTTP request. */
export interface AuthenticationRequest {
  headers: Headers;
  /** The GraphQL document as sent (POST body or GET parameter), when there is one. */
  query: unknown;
}

/**
 * The router fetching the subgraph's SDL (`_service { sdl }`): with a router secret configured it
 * needs no token, because the router asks without a user. It has no scope, so it reads nothing.
 */
export const SDL_FETCH_PRINCIPAL: Principal = { clientId: "router", userId: "", userRepresentation: "", scopes: new Set() };

/** Why a request without the router secret is refused (a log code like the RefusalReasons). */
export type AuthenticationRefusal = RefusalReason | "missing_router_secret";

export class RequestAuthenticator {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly config: AuthConfig,
    private readonly log: (reason: AuthenticationRefusal) => void,
    /** The parser's token limit (LIMIT_MAX_TOKENS), also for the look at the document made here. */
    private readonly maxTokens: number,
  ) {
    this.verifier = new TokenVerifier(config);
  }

  /** The request's principal; throws the GraphQL error the client gets when it is refused. */
  async principalOf(request: AuthenticationRequest): Promise<Principal> {
    const routerSecret = this.config.routerSecret;
    if (!carriesRouterSecret(routerSecret, request.headers)) throw this.refused("missing_router_secret", false);
    const authorization = request.headers.authorization;
    const header = typeof authorization === "string" ? authorization : undefined;
    if (routerSecret && header === undefined && selectsOnlyService(request.query, this.maxTokens)) return SDL_FETCH_PRINCIPAL;

    const result = await this.verifier.verify(header);
    if (result.ok) return result.principal;
    if (result.reason === "jwks_unavailable") {
      // Not the client's fault: it may try again, and the operator must hear of it.
      this.log(result.reason);
      throw new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, { extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } } });
    }
    throw this.refused(result.reason, header !== undefined);
  }

  private refused(reason: AuthenticationRefusal, tokenPresented: boolean): GraphQLError {
    this.log(reason);
    // RFC 6750: a token that was sent and refused is an invalid_token; a missing one gets the bare challenge.
    const challenge = tokenPresented ? `${WWW_AUTHENTICATE}, error="invalid_token"` : WWW_AUTHENTICATE;
    // Apollo Server reads http.headers as a HeaderMap; typed as a plain object because graphql-yoga
    // (in the tree for the Hive Gateway tests) narrows GraphQLErrorExtensions.http to its own shape.
    const http: object = { status: 401, headers: new HeaderMap([["www-authenticate", challenge]]) };
    return new GraphQLError(UNAUTHENTICATED_MESSAGE, { extensions: { code: "UNAUTHENTICATED", http } });
  }
}

/**
 * True for a document whose every operation is a query of `_service` only (and `__typename`):
 * what a router sends to learn the SDL. Anything else (a fragment, another field, a document that
 * does not parse) is not, and so needs a token.
 */
export function selectsOnlyService(query: unknown, maxTokens: number): boolean {
  if (typeof query !== "string") return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch {
    return false;
  }
  return document.definitions.every(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === "query" &&
      definition.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && (selection.name.value === "_service" || selection.name.value === "__typename"),
      ) &&
      definition.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === "_service"),
  );
}
