import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/connection";

/**
 * The cost of an operation: an upper estimate of the number of values its answer can hold, known
 * before anything runs. Every field counts 1, and what is selected under a field counts as often
 * as the field can return it:
 * - a connection (a field with `first`): `first` times (DEFAULT_PAGE_SIZE when absent, at most
 *   MAX_PAGE_SIZE, which the services enforce), from a literal or a variable alike;
 * - `_entities` (the router's references): once per representation;
 * - anything else, plain lists included, once. Plain lists are the small bounded ones of
 *   ARCHITECTURE.md (a partij's adressen, a contact's betrokkenen); what makes an answer explode
 *   is connections nested in connections, and those multiply.
 * Fragments on the members of a union all count (an over-estimate, never an under-estimate);
 * fields skipped by @skip/@include do not.
 *
 * Written here rather than taken from graphql-armor, whose cost limit reads `first` from literals
 * only and sees no variables.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): CostEstimate {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return { kind: "bad-variables" };
  const root = schema.getRootType(operation.operation);
  if (!root) return { kind: "estimated", cost: 0 };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return { kind: "estimated", cost: new CostEstimator(schema, fragments, coerced.coerced).selectionSet(operation.selectionSet, root) };
}

export type CostEstimate =
  | { kind: "estimated"; cost: number }
  /** The variables do not fit the operation: execution refuses it before any field runs. */
  | { kind: "bad-variables" };

class CostEstimator {
  /** A fragment costs the same at every spread (its type condition fixes its fields), so it is estimated once. */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  selectionSet(selectionSet: SelectionSetNode, type: GraphQLCompositeType): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (this.included(selection)) cost += this.selection(selection, type);
    }
    return cost;
  }

  private selection(selection: SelectionNode, type: GraphQLCompositeType): number {
    switch (selection.kind) {
      case Kind.FIELD:
        return this.field(selection, type);
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        return isCompositeType(condition) ? this.selectionSet(selection.selectionSet, condition) : 0;
      }
      case Kind.FRAGMENT_SPREAD:
        return this.fragment(selection.name.value);
    }
  }

  private field(node: FieldNode, parent: GraphQLCompositeType): number {
    // __typename, and introspection (off in production), count 1 whatever they select.
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    const type = field && getNamedType(field.type);
    if (!field || !node.selectionSet || !isCompositeType(type)) return 1;
    const times = timesSelected(field, getArgumentValues(field, node, this.variables));
    return 1 + times * this.selectionSet(node.selectionSet, type);
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    this.fragmentCosts.set(name, 0); // a cycle (refused by validation) ends here
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && isCompositeType(type) ? this.selectionSet(fragment.selectionSet, type) : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private included(selection: SelectionNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, selection, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, this.variables)?.if !== false;
  }
}

function timesSelected(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.name === "_entities") return Array.isArray(args.representations) ? args.representations.length : 1;
  if (field.args.some((arg) => arg.name === "first")) {
    const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
  }
  return 1;
}
