import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from "@mikro-orm/core";
import type { GraphQLFormattedError } from "graphql";
import { ForbiddenError, InvalidInputError, NotFoundError } from "./common/errors";
import { databaseFault } from "./database/faults";
import type { FailureLog } from "./failure-log";

/**
 * What a thrown error becomes for the client, in one place (ARCHITECTURE.md, Errors): its GraphQL
 * `extensions.code`, its message, and the HTTP status of a response that carries it.
 */

/**
 * HTTP status of a response with an error of this code; other codes leave Apollo's status (200 for
 * a well-formed request). A fault of the database is the service's, not the request's: 503 tells
 * a client or load balancer to try again later. 401 asks for a (new) token (the authentication in
 * the context function sets it itself, with its WWW-Authenticate header).
 */
export const HTTP_STATUS_OF_CODE: Readonly<Record<string, number>> = {
  SERVICE_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/**
 * Codes whose status applies only to a response without data. A refused field in an otherwise
 * answered query stays 200: a router drops the whole answer of a subgraph that responds with an
 * error status, also the fields the client may see.
 */
const ONLY_WITHOUT_DATA = new Set(["FORBIDDEN"]);

export const FORBIDDEN_MESSAGE = "U heeft geen toestemming voor deze gegevens of handeling.";

export const SERVICE_UNAVAILABLE_MESSAGE = "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.";

/**
 * Maps what a resolver threw onto the error a client sees: invalid input → BAD_USER_INPUT with
 * invalidParams, not found → NOT_FOUND, a database that cannot be reached, is full or read-only →
 * SERVICE_UNAVAILABLE, GraphQL's own errors as they are, and anything unexpected → a masked
 * INTERNAL_SERVER_ERROR. The last two are logged (once per interval when they repeat), never
 * shown: no stack trace, no message of a driver.
 */
export function formatError(failures: FailureLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof InvalidInputError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "BAD_USER_INPUT", invalidParams: original.invalidParams },
      };
    }
    // The service's message names the missing scope at most: what to ask the administrator for.
    if (original instanceof ForbiddenError) {
      return { message: original.message || FORBIDDEN_MESSAGE, path: formatted.path, extensions: { code: "FORBIDDEN" } };
    }
    if (original instanceof NotFoundError) {
      return { message: original.message, path: formatted.path, extensions: { code: "NOT_FOUND" } };
    }
    // A constraint the services did not foresee (e.g. two requests racing for the same value).
    if (original instanceof UniqueConstraintViolationException) {
      return {
        message: "Deze gegevens bestaan al.",
        path: formatted.path,
        extensions: {
          code: "BAD_USER_INPUT",
          invalidParams: [{ name: "nonFieldErrors", code: "unique", reason: "Deze gegevens bestaan al (gelijktijdige wijziging)." }],
        },
      };
    }
    if (original instanceof ForeignKeyConstraintViolationException) {
      return {
        message: "Dit object wordt nog gebruikt of verwijst naar een object dat niet bestaat.",
        path: formatted.path,
        extensions: {
          code: "BAD_USER_INPUT",
          invalidParams: [{ name: "nonFieldErrors", code: "protected", reason: "Dit object wordt nog gebruikt." }],
        },
      };
    }
    const fault = databaseFault(original);
    if (fault) {
      failures.error(original, "database fault", { fault });
      return { message: SERVICE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    // GraphQL's own errors (parse, validation, variable coercion) arrive with their code. Not
    // checked with instanceof GraphQLError: graphql can be loaded twice (CommonJS and ESM).
    const code = formatted.extensions?.code;
    if (code && code !== "INTERNAL_SERVER_ERROR") {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    failures.error(original, "unexpected error in resolver", { path: formatted.path });
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

/** The HTTP status for these errors: that of the first error whose code has one (for `hasData`, see ONLY_WITHOUT_DATA). */
export function httpStatusOf(errors: readonly GraphQLFormattedError[] | undefined, hasData = false): number | undefined {
  for (const error of errors ?? []) {
    const code = String(error.extensions?.code);
    if (hasData && ONLY_WITHOUT_DATA.has(code)) continue;
    const status = HTTP_STATUS_OF_CODE[code];
    if (status) return status;
  }
  return undefined;
}

/** Sets the response's HTTP status from its errors (Apollo Server reads it from response.http). */
export function httpStatusFromErrors<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { errors, data } = response.body.singleResult;
          const status = httpStatusOf(errors, data !== null && data !== undefined);
          if (status) response.http.status = status;
        },
      };
    },
  };
}
