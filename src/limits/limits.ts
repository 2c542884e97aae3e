import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from "graphql";
import { estimateCost, type CostEstimate } from "./cost";
import { executionTimeLimit, obeyTimeLimit, type Clock, type TimeLimitedContext } from "./execution-time-limit";
import { limitExceeded } from "./limit-error";
import type { Limits } from "./limits-config";
import { noSuggestions } from "./no-suggestions";
import { maxRootFieldsRule } from "./root-fields";

/** The part of the Apollo Server options that the limits set or extend. */
export interface LimitableOptions<TContext extends BaseContext> {
  /** Its resolvers learn to stop at the time limit. */
  schema: GraphQLSchema;
  plugins?: ApolloServerPlugin<TContext>[];
  validationRules?: ValidationRule[];
}

export interface LimitsEnvironment {
  /** NODE_ENV is "production": no introspection and no landing page. */
  production: boolean;
  /** The clock of the execution time limit (tests pass one they drive themselves). */
  clock?: Clock;
}

/**
 * Apollo Server options with the cost limits of one operation added (see README, Limits). Every
 * static limit refuses an operation before it executes, so a refused operation sends no SQL:
 * - tokens while parsing (graphql-js's own `maxTokens`: the document is never built);
 * - depth, aliases and directives (graphql-armor) and root fields (./root-fields.ts) while
 *   validating; Apollo caches a validated document, so they run once per distinct document;
 * - the cost (./cost.ts) once the operation is known, because it needs the variables (`first`,
 *   the router's representations); graphql-armor's cost limit sees literals only, so it is off.
 * Then, while executing, the time limit (./execution-time-limit.ts), checked by the schema's
 * resolvers themselves. No error suggests field
 * names, and batched HTTP requests (several operations in one request) are refused.
 */
export function withLimits<TContext extends TimeLimitedContext, TOptions extends LimitableOptions<TContext>>(
  options: TOptions,
  limits: Limits,
  environment: LimitsEnvironment,
) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reportAs("maxDepth") },
    maxAliases: { n: limits.maxAliases, ...reportAs("maxAliases") },
    maxDirectives: { n: limits.maxDirectives, ...reportAs("maxDirectives") },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  obeyTimeLimit(options.schema);

  const plugins: ApolloServerPlugin<TContext>[] = [
    ...(options.plugins ?? []),
    costLimit(limits.maxCost),
    executionTimeLimit(limits.executionMs, environment.clock),
    noSuggestions,
    ...(environment.production ? [ApolloServerPluginLandingPageDisabled()] : []),
  ];
  return {
    ...options,
    plugins,
    validationRules: [...(options.validationRules ?? []), ...armor.validationRules, maxRootFieldsRule(limits.maxRootFields)],
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: !environment.production,
    allowBatchedHttpRequests: false,
  };
}

/**
 * graphql-armor's rules report through these callbacks instead of their default error, so that
 * every limit speaks alike (src/limits/limit-error.ts). Their message reads "Syntax Error: Query
 * depth limit of 12 exceeded, found 15."; the document is not misspelled, so the prefix goes.
 */
function reportAs(limit: keyof Limits) {
  const report = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitExceeded(limit, error.message.replace(/^Syntax Error: /, "")));
  return { propagateOnRejection: false, onReject: [report] };
}

/** Refuses an operation whose estimated cost exceeds `max`, before it executes. */
function costLimit(max: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // no such operation: execution says so
          let estimate: CostEstimate;
          try {
            estimate = estimateCost(schema, document, operation, request.variables);
          } catch (err) {
            // An argument the estimate cannot read (the document is valid and the variables fit,
            // so this is unexpected): refused rather than run unmeasured.
            const reason = err instanceof Error ? ` ${err.message}` : "";
            throw limitExceeded("maxCost", `Query cost could not be estimated.${reason}`);
          }
          if (estimate.kind === "estimated" && estimate.cost > max) {
            throw limitExceeded("maxCost", `Query cost limit of ${max} exceeded, found ${estimate.cost}.`);
          }
        },
      };
    },
  };
}
