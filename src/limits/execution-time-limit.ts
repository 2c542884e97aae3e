import { performance } from "node:perf_hooks";
import { GraphQLError } from "graphql";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/** Milliseconds on a monotonic clock. */
export type Clock = () => number;

/**
 * An execution time limit: once an operation has executed for `ms`, no further field is resolved.
 * The time is looked at whenever a field is about to resolve, so a refused field never starts its
 * SQL. A query is then answered with one EXECUTION_TIMEOUT error (HTTP 503) instead of a
 * half-filled answer. A mutation's root field that has started runs to its end; a later root field
 * of the same operation does not start and gets the error, which rolls the whole operation back
 * (src/common/operation-transaction.ts).
 *
 * What cannot be stopped, so that the answer can come later than `ms`: a resolver that has started
 * runs on, and an SQL statement in flight (or a DataLoader batch already dispatched) finishes
 * first, since MikroORM cannot cancel a running statement; only what would have been resolved
 * after it is left out. PostgreSQL's `statement_timeout` bounds a single statement.
 */
export function executionTimeLimit(ms: number, clock: Clock = () => performance.now()): ApolloServerPlugin<BaseContext> {
  const timeoutError = () =>
    new GraphQLError(`Execution time limit of ${ms} ms exceeded.`, {
      extensions: { code: "EXECUTION_TIMEOUT", limit: "executionMs" },
    });
  return {
    async requestDidStart() {
      let refusedAField = false;
      return {
        async executionDidStart({ operation }) {
          const started = clock();
          const isMutation = operation.operation === "mutation";
          return {
            willResolveField({ info }) {
              if (isMutation && info.path.prev !== undefined) return;
              if (clock() - started < ms) return;
              refusedAField = true;
              throw timeoutError();
            },
          };
        },
        async willSendResponse({ response, operation }) {
          if (!refusedAField || operation?.operation === "mutation") return;
          const { message, extensions } = timeoutError();
          response.body = { kind: "single", singleResult: { errors: [{ message, extensions }] } };
          response.http.status = 503;
        },
      };
    },
  };
}
