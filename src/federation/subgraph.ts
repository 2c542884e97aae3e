import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { gql } from "graphql-tag";
import { GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import type { RequestContext } from "../common/context";
import { entitiesPerRepresentation } from "./entities";

/** Federation spec this subgraph speaks, and the directives it uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@shareable", "@authenticated", "@requiresScopes"])';

/**
 * An entity representation from `_entities`: the key and any @required fields. Only `uuid` is
 * checked (a string); the rest is whatever JSON the caller sent.
 */
export interface EntityRepresentation {
  uuid: string;
  [field: string]: unknown;
}

/** Resolves an entity representation sent by the router to the entity, or null when it names none. */
export type ReferenceResolver = (reference: EntityRepresentation, ctx: RequestContext) => unknown;

/**
 * Turns the schema type-graphql built into a federated subgraph schema (STACK.md trap 2):
 * print it with its directives (@key and friends, which graphql's own printer drops), put the
 * federation @link in front, and let @apollo/subgraph build it with type-graphql's resolvers plus
 * a __resolveReference for every entity and an `_entities` that answers per representation.
 */
export function toSubgraphSchema(schema: GraphQLSchema, references: Record<string, ReferenceResolver>): GraphQLSchema {
  const typeDefs = gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(rootTypesFirst(schema))}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, resolve] of Object.entries(references)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      // The `_Any` scalar lets any JSON through: a representation without a string uuid names no entity.
      __resolveReference: (reference: Record<string, unknown>, ctx: RequestContext) =>
        typeof reference.uuid === "string" ? resolve(reference as EntityRepresentation, ctx) : null,
    } as never;
  }
  resolvers.Query = { ...(resolvers.Query as object), _entities: entitiesPerRepresentation } as never;
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/**
 * The same schema with the types reachable from Query and Mutation first, in the order graphql-js
 * finds them, and the orphaned types (the Zaak this subgraph only extends) after them: graphql-js
 * would put orphaned types first, and the printed schema reads best from Query down.
 */
function rootTypesFirst(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const reachable = Object.values(new GraphQLSchema({ query: config.query, mutation: config.mutation }).getTypeMap());
  return new GraphQLSchema({ ...config, types: [...reachable, ...config.types.filter((type) => !reachable.includes(type))] });
}
