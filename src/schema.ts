import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { toSubgraphSchema, type ReferenceResolver } from "./federation/subgraph";
import { Zaak } from "./federation/zaak.type";
import { partijenModule } from "./partijen";
import { klantcontactenModule } from "./klantcontacten";
import { opvolgingModule } from "./opvolging";
import { auditModule } from "./audit";

/** What a domain module contributes to the schema. */
export interface SchemaModule {
  resolvers: Function[];
  /** Federation entities of this module: __typename → batched reference resolver. */
  references: Record<string, ReferenceResolver>;
}

const modules: SchemaModule[] = [partijenModule, klantcontactenModule, opvolgingModule, auditModule];

let built: Promise<GraphQLSchema> | undefined;

/** The federated subgraph schema; built once per process (type-graphql's metadata is global). */
export function buildKlantinteractiesSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({
      resolvers: modules.flatMap((m) => m.resolvers) as unknown as NonEmptyArray<Function>,
      // Services validate their inputs (and the _entities path meets the same services).
      validate: false,
      skipCheck: true,
      // No field here returns a Zaak; it is in the schema as the entity Zaak.klantcontacten extends.
      orphanedTypes: [Zaak],
    });
    return toSubgraphSchema(schema, Object.assign({}, ...modules.map((m) => m.references)));
  })();
  return built;
}
