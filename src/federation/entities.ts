import { entitiesResolver } from "@apollo/subgraph";
import { isUnionType, type GraphQLFieldResolver } from "graphql";
import { InvalidInputError } from "../common/errors";
import type { RequestContext } from "../common/context";

/**
 * `_entities` answered per representation. @apollo/subgraph's own resolver throws for the whole
 * field when one representation names a type this subgraph has no entity of, so one bad
 * representation cost the valid ones of the batch, and the error reached the client masked as an
 * internal error. Here such a representation gets its own error (BAD_USER_INPUT, naming the type)
 * at its own index, and the others go on to @apollo/subgraph and their reference resolvers.
 */
export const entitiesPerRepresentation: GraphQLFieldResolver<unknown, RequestContext, { representations: unknown[] }> = (
  _source,
  { representations },
  context,
  info,
) => {
  const entityType = info.schema.getType("_Entity");
  const entityTypes = new Set(isUnionType(entityType) ? entityType.getTypes().map((type) => type.name) : []);

  const answers: unknown[] = new Array(representations.length);
  const valid: Array<Record<string, unknown>> = [];
  const positions: number[] = [];
  representations.forEach((representation, index) => {
    const typename = isRecord(representation) ? representation.__typename : undefined;
    if (typeof typename === "string" && entityTypes.has(typename)) {
      valid.push(representation as Record<string, unknown>);
      positions.push(index);
    } else {
      // Returned, not thrown: graphql-js reports an Error in a list as the error of that item only.
      answers[index] = unknownEntityType(index, typename);
    }
  });

  const resolved = valid.length ? (entitiesResolver({ representations: valid, context, info }) as unknown[]) : [];
  resolved.forEach((entity, i) => {
    answers[positions[i]] = entity;
  });
  return answers;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownEntityType(index: number, typename: unknown): InvalidInputError {
  const name = `representations.${index}.__typename`;
  if (typeof typename !== "string") return InvalidInputError.of(name, "required", "Een representatie moet een __typename hebben.");
  return InvalidInputError.of(name, "invalid", `"${typename}" is geen entiteit van deze subgraph.`);
}
