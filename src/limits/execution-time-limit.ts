import { performance } from "node:perf_hooks";
import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { allFields, wrapResolvers } from "../common/wrap-resolvers";

/** Milliseconds on a monotonic clock. */
export type Clock = () => number;

/** A request context that can carry the time limit of its operation (RequestContext does). */
export interface TimeLimitedContext {
  executionTimeLimit?: OperationTimeLimit;
}

/**
 * An execution time limit: once an operation has executed for `ms`, no further resolver runs. The
 * time is looked at whenever a resolver is about to run, so a refused field never starts its SQL.
 * (Fields without a resolver of their own only read a property of their parent and are not
 * stopped; they start nothing.) A query is then answered with one EXECUTION_TIMEOUT error (HTTP
 * 503) instead of a half-filled answer. A mutation's root field that has started runs to its end; a
 * later root field of the same operation does not start and gets the error, which rolls the whole
 * operation back (src/common/operation-transaction.ts).
 *
 * What cannot be stopped, so that the answer can come later than `ms`: a resolver that has started
 * runs on, and an SQL statement in flight (or a DataLoader batch already dispatched) finishes
 * first, since the driver cannot cancel a running statement; only what would have been resolved
 * after it is left out. PostgreSQL's `statement_timeout` bounds a single statement.
 *
 * The check sits in the resolvers themselves (`obeyTimeLimit`), not in Apollo's willResolveField:
 * that hook makes Apollo run its plugin dispatcher and allocate closures for every field of every
 * operation.
 */
export function executionTimeLimit(ms: number, clock: Clock = () => performance.now()): ApolloServerPlugin<TimeLimitedContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          contextValue.executionTimeLimit = new OperationTimeLimit(ms, clock, operation.operation === "mutation");
        },
        async willSendResponse({ response, operation, contextValue }) {
          const limit = contextValue.executionTimeLimit;
          if (!limit?.refusedAField || operation?.operation === "mutation") return;
          const { message, extensions } = limit.error();
          response.body = { kind: "single", singleResult: { errors: [{ message, extensions }] } };
          response.http.status = 503;
        },
      };
    },
  };
}

/** The time limit of one executing operation. */
export class OperationTimeLimit {
  refusedAField = false;
  private readonly started: number;

  constructor(
    private readonly ms: number,
    private readonly clock: Clock,
    /** In a mutation only root fields are held back: a root field that started runs to its end. */
    private readonly isMutation: boolean,
  ) {
    this.started = clock();
  }

  /** Throws EXECUTION_TIMEOUT when the resolver of this field may no longer run. */
  check(info: GraphQLResolveInfo): void {
    if (this.isMutation && info.path.prev !== undefined) return;
    if (this.clock() - this.started < this.ms) return;
    this.refusedAField = true;
    throw this.error();
  }

  error(): GraphQLError {
    return new GraphQLError(`Execution time limit of ${this.ms} ms exceeded.`, {
      extensions: { code: "EXECUTION_TIMEOUT", limit: "executionMs" },
    });
  }
}

const OBEYS_TIME_LIMIT = Symbol("obeysTimeLimit");

/** Makes every resolver of the schema look at its operation's time limit before it runs (once per schema). */
export function obeyTimeLimit(schema: GraphQLSchema): void {
  wrapResolvers(schema, OBEYS_TIME_LIMIT, allFields, (resolve) => (source, args, context, info) => {
    (context as TimeLimitedContext | undefined)?.executionTimeLimit?.check(info);
    return resolve(source, args, context, info);
  });
}
