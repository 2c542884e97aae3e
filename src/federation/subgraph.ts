import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { gql } from "graphql-tag";
import type { GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import type { RequestContext } from "../common/context";

/** Federation spec this subgraph speaks, and the directives it uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@shareable"])';

/** Resolves an entity reference `{ __typename, uuid }` sent by the router (the `_entities` field). */
export type ReferenceResolver = (reference: { uuid: string }, ctx: RequestContext) => Promise<unknown>;

/**
 * Turns the schema type-graphql built into a federated subgraph schema (STACK.md trap 2):
 * print it with its directives (@key and friends, which graphql's own printer drops), put the
 * federation @link in front, and let @apollo/subgraph build it with type-graphql's resolvers plus
 * a __resolveReference for every entity.
 */
export function toSubgraphSchema(schema: GraphQLSchema, references: Record<string, ReferenceResolver>): GraphQLSchema {
  const typeDefs = gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, resolve] of Object.entries(references)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: (reference: { uuid: string }, ctx: RequestContext) => resolve(reference, ctx),
    } as never;
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
