import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildASTSchema,
  Kind,
  NoUndefinedVariablesRule,
  NoUnusedVariablesRule,
  parse,
  ScalarLeafsRule,
  specifiedRules,
  validate,
  VariablesInAllowedPositionRule,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";

/**
 * docs/rest-mapping.md (and the README's excerpt of it) promises, per REST call, a GraphQL operation of this subgraph (or, "via
 * router", of the supergraph). Each GraphQL cell must be a valid selection on the schema file we
 * publish: fields, arguments, filter fields and enum values that exist, with every required
 * argument. Not checked: leaf selections (a cell may stop at the field that does the work) and
 * variables (a cell writes `$partij` for a value the client has).
 */
const ROOT = path.join(__dirname, "..", "..");
const schemaOf = (file: string): GraphQLSchema =>
  buildASTSchema(parse(readFileSync(path.join(ROOT, "schema", file), "utf8")), { assumeValidSDL: true });
const schemas = { subgraph: schemaOf("klantinteracties.graphql"), router: schemaOf("supergraph.graphql") };
const rules = specifiedRules.filter(
  (rule) => ![ScalarLeafsRule, NoUndefinedVariablesRule, NoUnusedVariablesRule, VariablesInAllowedPositionRule].includes(rule),
);

interface Row {
  file: string;
  line: number;
  graphql: string;
  via: keyof typeof schemas;
}

/** The rows of the mapping tables of a markdown file (tables whose header starts with "REST call"). */
function rows(file: string): Row[] {
  const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
  let inTable = false;
  const found: Row[] = [];
  lines.forEach((text, index) => {
    if (text.startsWith("| REST call")) inTable = true;
    if (!text.startsWith("|")) inTable = false;
    // Every row of a mapping table but the header and its rule.
    if (!inTable || !text.startsWith("| ") || text.startsWith("| REST call")) return;
    const cells = text.split(" | ");
    if (cells.length !== 4) throw new Error(`${file} line ${index + 1}: a row has four cells (REST call, used by, GraphQL, via)`);
    const graphql = /^`(.*)`$/.exec(cells[2].trim())?.[1];
    const via = cells[3].replace(/\|\s*$/, "").trim();
    if (!graphql || (via !== "subgraph" && via !== "router"))
      throw new Error(`${file} line ${index + 1}: a row needs a GraphQL code span and via subgraph or router`);
    found.push({ file, line: index + 1, graphql, via });
  });
  return found;
}

/** The cell as an operation: a mutation when its root field is one. */
function operationOf(graphql: string, schema: GraphQLSchema): string {
  const rootField = /^\w+/.exec(graphql)?.[0] ?? "";
  return schema.getMutationType()?.getFields()[rootField] ? `mutation { ${graphql} }` : `query { ${graphql} }`;
}

describe("the REST mapping tables of docs/rest-mapping.md and the README", () => {
  const table = [...rows("docs/rest-mapping.md"), ...rows("README.md")];

  it("maps the calls of KISS, ITA, Open Inwoner and Open Formulieren", () => {
    const text = readFileSync(path.join(ROOT, "docs", "rest-mapping.md"), "utf8");
    for (const client of ["KISS", "ITA", "OIP", "OF"]) expect(text).toMatch(new RegExp(`\\| [^|]*\\b${client}\\b[^|]* \\| \``));
    expect(rows("docs/rest-mapping.md").length).toBeGreaterThan(30);
    expect(rows("README.md").length).toBeGreaterThan(5);
  });

  it.each(table.map((row) => [`${row.file} line ${row.line}`, row] as const))(
    "%s: the GraphQL side exists in the schema",
    (_where, row) => {
      const schema = schemas[row.via];
      const document = parse(operationOf(row.graphql, schema));
      const operation = document.definitions[0] as OperationDefinitionNode;
      expect(operation.kind).toBe(Kind.OPERATION_DEFINITION);
      expect(validate(schema, document, rules).map((error) => error.message)).toEqual([]);
    },
  );
});
