import { GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeISOResolver } from "graphql-scalars";

/**
 * The scalars of the schema, with the names and meaning of the Zaak subgraph contract so that
 * both compose into one supergraph type each.
 */

/** ISO 8601 date-time, always sent as a string (graphql-scalars' DateTime would hand in-process callers a Date). */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: "DateTime",
  description: "ISO 8601 date-time with offset, e.g. 2026-11-23T09:30:00Z.",
});

export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  name: "Date",
  description: "ISO 8601 date, e.g. 2026-11-23.",
});
