import { GraphQLError } from "graphql";
import type { Limits } from "./limits-config";

/**
 * The error of an operation refused by a limit before it runs: HTTP 400, Apollo's code for a
 * refused document, and `extensions.limit` naming which limit refused it (a key of Limits), so
 * that a client can tell "make the query smaller" from a typo without reading the message.
 */
export function limitExceeded(limit: keyof Limits, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, http: { status: 400 } },
  });
}
