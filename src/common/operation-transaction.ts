import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { formatError, httpStatusOf } from "../error-mapping";
import type { FailureLog } from "../failure-log";
import type { RequestContext } from "./context";
import { mutationFields, wrapResolvers } from "./wrap-resolvers";

/**
 * One transaction per mutation operation (Open Klant: `@transaction.atomic` at the view). A request
 * with several aliased mutations is all or nothing: when one root field fails, the writes of those
 * that ran before it are rolled back too, the fields after it do not run, and the response names
 * each of them with code NOT_WRITTEN beside the error of the field that failed.
 *
 * The transaction opens with the first write (RequestContext.transaction, which every service's
 * write goes through and which joins it from then on), so a mutation refused before it writes
 * sends no SQL for it; it commits once the whole operation has executed, with the audit records of
 * what it processed, so the result of every root field is read inside it.
 */
export class OperationTransaction {
  /** Response keys (alias or field name) of the root fields that started, in order. */
  private readonly started: string[] = [];
  private readonly succeeded = new Set<string>();
  private failedField: string | undefined;
  private commitError: unknown;
  private rolledBack = false;

  constructor(private readonly ctx: RequestContext) {}

  /** A root field starts: after a failure nothing more may run (its writes would be rolled back). */
  fieldStarted(key: string): void {
    this.started.push(key);
  }

  fieldSucceeded(key: string): void {
    this.succeeded.add(key);
  }

  fieldFailed(key: string): void {
    this.failedField ??= key;
  }

  /** The root field that failed, if any; a field that started and never succeeded failed too. */
  get failure(): string | undefined {
    return this.failedField ?? this.started.find((key) => !this.succeeded.has(key));
  }

  /** Commits when every root field succeeded, else rolls back; a failed commit counts as a failure. */
  async end(): Promise<void> {
    if (!this.ctx.em.isInTransaction()) return;
    if (this.failure === undefined) {
      try {
        await this.ctx.commit();
        return;
      } catch (err) {
        this.commitError = err;
      }
    }
    this.rolledBack = true;
    await this.ctx.rollback();
  }

  /**
   * After a rollback, names every root field whose write is gone: those that ran (their data is
   * withdrawn) and those that never ran. A failed commit also withdraws the data and adds its own
   * error (e.g. SERVICE_UNAVAILABLE).
   */
  report(
    { response, operation, request }: GraphQLRequestContextWillSendResponse<RequestContext>,
    format: ReturnType<typeof formatError>,
    fragments: Record<string, FragmentDefinitionNode>,
  ): void {
    if (!this.rolledBack || response.body.kind !== "single" || !operation) return;
    const result = response.body.singleResult;
    const failed = this.failure;
    const errors: GraphQLFormattedError[] = [...(result.errors ?? [])];
    if (this.commitError !== undefined) {
      errors.push(format({ message: "Commit failed" }, this.commitError));
    }
    for (const key of rootResponseKeys(operation.selectionSet, fragments, request.variables ?? {})) {
      if (key === failed) continue;
      const ran = this.succeeded.has(key);
      errors.push({
        message: ran
          ? `Niet vastgelegd: de hele operatie is teruggedraaid${failed ? ` omdat ${failed} mislukte` : ""}.`
          : `Niet uitgevoerd: ${failed ?? "de operatie"} mislukte eerder in deze operatie.`,
        path: [key],
        extensions: { code: "NOT_WRITTEN", ...(failed && { failedField: failed }) },
      });
    }
    // Rolled-back results must not be shown as if they were stored.
    response.body.singleResult = { ...result, data: null, errors };
    const status = httpStatusOf(errors, false);
    if (status) response.http.status = status;
  }
}

/** The response keys of an operation's root fields, as graphql-js executes them (@skip/@include honoured). */
function rootResponseKeys(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): string[] {
  const keys: string[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) continue;
      if (getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false) continue;
      if (selection.kind === Kind.FIELD) {
        // __typename writes nothing and has no resolver to be started
        if (selection.name.value === "__typename") continue;
        const key = selection.alias?.value ?? selection.name.value;
        if (!keys.includes(key)) keys.push(key);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return keys;
}

/**
 * Gives every mutation operation its OperationTransaction and ends it once the operation has
 * executed. The root fields report to it from their resolvers (`trackRootMutationFields`), not
 * from Apollo's willResolveField: that hook would make Apollo dispatch to the plugins for every
 * field of the result, and, once any operation used it, wrap every resolver of the schema for good.
 */
export function operationTransactionPlugin(failures: FailureLog): ApolloServerPlugin<RequestContext> {
  const format = formatError(failures);
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          contextValue.readsPlainRows = operation.operation === "query";
          if (operation.operation !== "mutation") return;
          const transaction = contextValue.holdTransactionForOperation();
          return {
            async executionDidEnd() {
              await transaction.end();
            },
          };
        },
        // Synchronous up to its end: the audit plugin, next in line, reads the outcome from the
        // errors this adds.
        async willSendResponse(requestContext) {
          requestContext.contextValue.operationTransaction?.report(requestContext, format, fragmentsOf(requestContext));
        },
      };
    },
  };
}

const TRACKED = Symbol("rootMutationFieldsTracked");

/**
 * Makes every root mutation field tell its operation's transaction that it started and how it
 * ended (once per schema). It must wrap the resolvers after the time limit has (see withLimits),
 * so that a root field the time limit refuses counts as started, and failed.
 */
export function trackRootMutationFields(schema: GraphQLSchema): void {
  wrapResolvers(schema, TRACKED, mutationFields, (resolve) => (source, args, context, info) => {
    const transaction = (context as RequestContext | undefined)?.operationTransaction;
    if (!transaction) return resolve(source, args, context, info);
    const key = String(info.path.key);
    transaction.fieldStarted(key);
    let result: unknown;
    try {
      result = resolve(source, args, context, info);
    } catch (err) {
      transaction.fieldFailed(key);
      throw err;
    }
    return Promise.resolve(result).then(
      (value) => {
        transaction.fieldSucceeded(key);
        return value;
      },
      (err: unknown) => {
        transaction.fieldFailed(key);
        throw err;
      },
    );
  });
}

function fragmentsOf({ document }: GraphQLRequestContextWillSendResponse<RequestContext>): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
