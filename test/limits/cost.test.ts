import { getOperationAST, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { estimateCost } from "../../src/limits/cost";
import { buildKlantinteractiesSchema } from "../../src/schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildKlantinteractiesSchema();
});

function cost(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  return estimateCost(schema, document, getOperationAST(document)!, variables);
}

/** partijen(...) { edges { node { uuid } } }: per partij edges (1) + node (1) + uuid (1). */
const PER_PARTIJ = 3;

describe("the cost of an operation", () => {
  it("counts every field once, and what a field selects once per value it returns", () => {
    expect(cost('{ partij(uuid: "x") { uuid bsn } }')).toEqual({ kind: "estimated", cost: 1 + 2 });
    expect(cost('{ partij(uuid: "x") { uuid digitaleAdressen { adres } } }')).toEqual({ kind: "estimated", cost: 1 + 1 + 2 });
  });

  it("multiplies a connection by first: 20 when absent, from a literal or a variable, between 1 and 100", () => {
    const partijen = (args: string) => `query ($n: Int) { partijen${args} { edges { node { uuid } } } }`;
    expect(cost(partijen(""))).toEqual({ kind: "estimated", cost: 1 + 20 * PER_PARTIJ });
    expect(cost(partijen("(first: 5)"))).toEqual({ kind: "estimated", cost: 1 + 5 * PER_PARTIJ });
    expect(cost(partijen("(first: $n)"), { n: 5 })).toEqual({ kind: "estimated", cost: 1 + 5 * PER_PARTIJ });
    expect(cost(partijen("(first: $n)"), { n: null })).toEqual({ kind: "estimated", cost: 1 + 20 * PER_PARTIJ });
    expect(cost(partijen("(first: 1000)"))).toEqual({ kind: "estimated", cost: 1 + 100 * PER_PARTIJ });
    expect(cost(partijen("(first: 0)"))).toEqual({ kind: "estimated", cost: 1 + 1 * PER_PARTIJ });
  });

  it("multiplies nested connections", () => {
    const query = "{ partijen(first: 10) { edges { node { klantcontacten(first: 30) { edges { node { uuid } } } } } } }";
    expect(cost(query)).toEqual({ kind: "estimated", cost: 1 + 10 * (1 + 1 + (1 + 30 * 3)) });
  });

  it("multiplies the router's _entities by the number of representations", () => {
    const query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partij { uuid bsn } } }";
    const representations = Array.from({ length: 7 }, (_, i) => ({ __typename: "Partij", uuid: `u${i}` }));
    expect(cost(query, { r: representations })).toEqual({ kind: "estimated", cost: 1 + 7 * 2 });
  });

  it("counts a fragment at every spread, and the fragments on every member of a union", () => {
    const spreads = '{ a: partij(uuid: "x") { ...Velden } b: partij(uuid: "y") { ...Velden } } fragment Velden on Partij { uuid bsn }';
    expect(cost(spreads)).toEqual({ kind: "estimated", cost: 2 * (1 + 2) });
    const union = '{ partij(uuid: "x") { partijIdentificatie { ... on Persoon { volledigeNaam } ... on Organisatie { naam } } } }';
    expect(cost(union)).toEqual({ kind: "estimated", cost: 1 + 1 + 2 });
  });

  it("leaves out what @skip and @include leave out", () => {
    const query =
      'query ($mee: Boolean!) { partij(uuid: "x") { uuid bsn @skip(if: true) rsin @include(if: $mee) kvkNummer @include(if: true) } }';
    expect(cost(query, { mee: false })).toEqual({ kind: "estimated", cost: 1 + 2 });
    expect(cost(query, { mee: true })).toEqual({ kind: "estimated", cost: 1 + 3 });
  });

  it("does not estimate with variables that do not fit the operation", () => {
    expect(cost("query ($n: Int) { partijen(first: $n) { edges { node { uuid } } } }", { n: "veel" })).toEqual({ kind: "bad-variables" });
    expect(cost("query ($n: Int!) { partijen(first: $n) { edges { node { uuid } } } }", {})).toEqual({ kind: "bad-variables" });
  });
});
