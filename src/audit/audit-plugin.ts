import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { GraphQLError, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from "graphql";
import type { RequestContext } from "../common/context";
import { InvalidInputError } from "../common/errors";
import { SERVICE_UNAVAILABLE_MESSAGE } from "../error-mapping";
import type { FailureLog } from "../failure-log";
import { operatieOf, VERWERKINGSACTIVITEIT_HEADER, verwerkingsactiviteitFor } from "./audit-meta";
import { AuditUitkomst } from "./enums";

/**
 * Writes the audit records of an operation before its answer leaves (Logboek Dataverwerkingen):
 * - once the operation is known, and before it executes, it names the operation on the request
 *   context (the request's trace id, operation, processing activity), so that a write's transaction can insert
 *   its records itself (RequestContext.transaction);
 * - when the response is about to be sent, it inserts what the services reported and is not yet
 *   written (the rows a read returned; the data subjects of a write that was rolled back) in one
 *   statement. If that fails, the client gets SERVICE_UNAVAILABLE and no data: data that cannot
 *   be accounted for is not handed out (fail closed).
 * It must be the last plugin to act on the response, since it may replace it.
 */
export function auditPlugin(failures: FailureLog): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, operationName, request }) {
          if (!operation) return;
          const headers = request.http?.headers;
          const kind = operation.operation === "mutation" ? "mutation" : "query";
          let verwerkingsactiviteit: string;
          try {
            verwerkingsactiviteit = verwerkingsactiviteitFor(
              contextValue.config.audit.verwerkingsactiviteiten,
              kind,
              headers?.get(VERWERKINGSACTIVITEIT_HEADER),
            );
          } catch (err) {
            if (!(err instanceof InvalidInputError)) throw err;
            // Refused before it executes, so nothing is read or written without a valid activity.
            throw new GraphQLError(err.message, {
              extensions: { code: "BAD_USER_INPUT", invalidParams: err.invalidParams, http: { status: 400 } },
            });
          }
          contextValue.operation = {
            traceId: contextValue.traceId,
            operatie: operatieOf(operationName ?? operation.name?.value, rootFieldsOf(operation)),
            verwerkingsactiviteit,
          };
        },

        async willSendResponse(requestContext) {
          const ctx = requestContext.contextValue;
          if (ctx.audit.pendingCount === 0) return;
          try {
            await ctx.audit.flush(ctx.em, ctx.auditMeta(uitkomstOf(requestContext)));
          } catch (err) {
            failures.error(err, "audit records could not be stored; the response is withheld");
            refuse(requestContext);
            // The request ends here: what it could not write is no longer in flight (audit-backlog.ts).
            ctx.audit.discardPending();
          }
        },
      };
    },
  };
}

function rootFieldsOf(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

/** geweigerd when access was refused, mislukt for any other error, gelukt without errors. */
function uitkomstOf({ response }: GraphQLRequestContextWillSendResponse<RequestContext>): AuditUitkomst {
  const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
  if (errors.some((error) => error.extensions?.code === "FORBIDDEN")) return AuditUitkomst.GEWEIGERD;
  return errors.length > 0 ? AuditUitkomst.MISLUKT : AuditUitkomst.GELUKT;
}

function refuse({ response }: GraphQLRequestContextWillSendResponse<RequestContext>): void {
  const error: GraphQLFormattedError = { message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } };
  response.body = { kind: "single", singleResult: { errors: [error] } };
  response.http.status = 503;
}
