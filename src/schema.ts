import "reflect-metadata";
import { isUnionType, type GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage, type ClassType, type NonEmptyArray } from "type-graphql";
import { toSubgraphSchema, type ReferenceResolver } from "./federation/subgraph";
import { Zaak } from "./federation/zaak.type";
import { partijenModule } from "./partijen";
import { klantcontactenModule } from "./klantcontacten";
import { opvolgingModule } from "./opvolging";
import { auditModule } from "./audit";

/** What a domain module contributes to the schema. */
export interface SchemaModule {
  /** The module's resolver classes (@Resolver), as buildSchema takes them. */
  resolvers: ClassType[];
  /** Federation entities of this module: __typename → batched reference resolver. */
  references: Record<string, ReferenceResolver>;
}

const modules: SchemaModule[] = [partijenModule, klantcontactenModule, opvolgingModule, auditModule];

let built: Promise<GraphQLSchema> | undefined;

/** The federated subgraph schema; built once per process (type-graphql's metadata is global). */
export function buildKlantinteractiesSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    plainFieldsReadTheirProperty();
    const schema = await buildSchema({
      resolvers: modules.flatMap((m) => m.resolvers) as NonEmptyArray<ClassType>,
      // Services validate their inputs (and the _entities path meets the same services).
      validate: false,
      skipCheck: true,
      // No field here returns a Zaak; it is in the schema as the entity Zaak.klantcontacten extends.
      orphanedTypes: [Zaak],
    });
    unionsResolveAtOnce(schema);
    return toSubgraphSchema(schema, Object.assign({}, ...modules.map((m) => m.references)));
  })();
  return built;
}

/**
 * type-graphql gives every field without a resolver of its own a resolver that runs the field's
 * middlewares and then reads the property: per field of every answer a call, a closure and an
 * object more than graphql-js's default resolver, which reads the same property. This schema has
 * no middleware and no @Authorized, so such fields are marked `simple` (type-graphql then leaves
 * them to the default resolver), except where the schema name differs from the property, since the
 * default resolver reads the property by the schema name.
 */
function plainFieldsReadTheirProperty(): void {
  const storage = getMetadataStorage();
  const guarded = new Set([...storage.middlewares, ...storage.authorizedFields].map((m) => `${m.target.name}.${m.fieldName}`));
  for (const field of storage.fields) {
    if (field.simple === undefined && field.schemaName === field.name && !guarded.has(`${field.target.name}.${field.name}`))
      field.simple = true;
  }
}

/**
 * type-graphql wraps a union's resolveType in an async function, so that graphql-js completes every
 * value of a union field through a promise, a microtask later. The unions here name their member
 * type at once (a type name, from the value's class), so their own resolveType is used as it is.
 */
function unionsResolveAtOnce(schema: GraphQLSchema): void {
  for (const union of getMetadataStorage().unions) {
    const type = schema.getType(union.name);
    const resolveType = union.resolveType;
    if (!isUnionType(type) || !resolveType) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const name = resolveType(value, context, info, abstractType);
      if (typeof name !== "string") throw new Error(`resolveType of ${union.name} must return a type name`);
      return name;
    };
  }
}
