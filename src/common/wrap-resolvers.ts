import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

/** A resolver as graphql-js calls it. */
export type Resolver = GraphQLFieldResolver<unknown, unknown>;

/**
 * Puts `wrap` around the resolver of every field of these object types that has one of its own,
 * once per schema and `mark` (a schema serves every Apollo Server of a process, and tests start
 * several). Fields without a resolver read a property of their parent and start no work, so they
 * are left to graphql-js's default resolver: this is the per-resolver work that Apollo's
 * willResolveField would otherwise do for every field of every operation, at a few resolvers'
 * cost instead of every field's.
 */
export function wrapResolvers(
  schema: GraphQLSchema,
  mark: symbol,
  fields: (schema: GraphQLSchema) => Iterable<GraphQLField<unknown, unknown>>,
  wrap: (resolve: Resolver) => Resolver,
): void {
  const marked = schema as GraphQLSchema & Record<symbol, boolean>;
  if (marked[mark]) return;
  marked[mark] = true;
  for (const field of fields(schema)) {
    if (field.resolve && field.resolve !== defaultFieldResolver) field.resolve = wrap(field.resolve);
  }
}

/** Every field of every object type of the schema (introspection's own types excepted). */
export function* allFields(schema: GraphQLSchema): Iterable<GraphQLField<unknown, unknown>> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith("__")) yield* Object.values(type.getFields());
  }
}

/** The root fields of the schema's mutation type. */
export function* mutationFields(schema: GraphQLSchema): Iterable<GraphQLField<unknown, unknown>> {
  yield* Object.values(schema.getMutationType()?.getFields() ?? {});
}
