import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { InvalidInputError, type InvalidParam } from "./errors";

/**
 * Input hygiene: values that no database stores faithfully are refused before anything runs. A
 * NUL character breaks PostgreSQL's text and jsonb; a lone UTF-16 surrogate turns into U+FFFD on
 * the way to either database (or breaks jsonb and the e-mail check). Dates are held to the years
 * 1000 to 9999: outside them a date is a typing error, and year 0000 (which JavaScript reads as
 * 1 BC) is out of PostgreSQL's range. One generic check over every argument of every field of the
 * operation, so that no field, filter or nested argument can forget it.
 */

const LONE_SURROGATE = /[\uD800-\uDFFF]/u; // with the u flag, paired surrogates are one code point and do not match

/** Why a text cannot be taken as it is, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "Tekst mag geen NUL-teken (U+0000) bevatten.";
  if (LONE_SURROGATE.test(value)) return "Tekst bevat een ongeldig teken: een losse helft van een UTF-16-surrogaatpaar.";
  return null;
}

export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;

/** Why a date or date-time (as the scalars parse it, a Date) cannot be taken, or null. */
export function dateProblem(value: Date): string | null {
  // The year of the moment in UTC, as it is stored and written back: 9999-12-31T23:30:00-01:00 is in year 10000.
  const year = value.getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR ? null : `Gebruik een datum in de jaren ${FIRST_YEAR} tot en met ${LAST_YEAR}.`;
}

/** Enough to fix an input by; also bounds the work and the answer for an input full of bad values. */
const MAX_FINDINGS = 100;

const KEY_REASON = "Een sleutel in dit object bevat een ongeldig teken (NUL of een losse helft van een UTF-16-surrogaatpaar).";

/** An invalid value, found under the root field `root` of the operation. */
interface Finding {
  root: FieldNode;
  param: InvalidParam;
}

/** A field of the operation that is given arguments, and the root field it is under. */
interface ArgumentSite {
  root: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The fields of an operation that are given arguments, in document order, found by walking the
 * operation as execution would (fragments included). Argument values do not depend on where a
 * fragment is spread, so each fragment is walked once per root field. Fields without arguments
 * carry no input (their defaults are the schema's own).
 */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ArgumentSite[] {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const sites: ArgumentSite[] = [];
  const walked = new Set<string>();
  const selectionSet = (parentType: GraphQLCompositeType, set: SelectionSetNode, root: FieldNode | undefined): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(schema, parentType, selection.name.value);
        if (!definition) continue; // validation has refused unknown fields already
        const fieldRoot = root ?? selection;
        if (selection.arguments?.length) sites.push({ root: fieldRoot, definition, node: selection });
        const type = getNamedType(definition.type);
        if (selection.selectionSet && isCompositeType(type)) selectionSet(type, selection.selectionSet, fieldRoot);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (isCompositeType(type)) selectionSet(type, selection.selectionSet, root);
      } else {
        const fragment = fragments.get(selection.name.value);
        const key = `${root ? responseKey(root) : ""}/${selection.name.value}`;
        if (!fragment || walked.has(key)) continue;
        walked.add(key);
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isCompositeType(type)) selectionSet(type, fragment.selectionSet, root);
      }
    }
  };
  selectionSet(rootType, operation.selectionSet, undefined);
  return sites;
}

/**
 * The argument sites of each operation, walked once per document: Apollo Server hands every request
 * with the same query text the same parsed DocumentNode, so only the variables are new.
 */
const sitesOf = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function cachedArgumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ArgumentSite[] {
  let perOperation = sitesOf.get(schema);
  if (!perOperation) {
    perOperation = new WeakMap();
    sitesOf.set(schema, perOperation);
  }
  let sites = perOperation.get(operation);
  if (!sites) {
    sites = argumentSites(schema, document, operation);
    perOperation.set(operation, sites);
  }
  return sites;
}

/** Coerces each site's arguments as execution would (variables included) and checks every text, JSON key and date in them. */
class OperationInputs {
  readonly findings: Finding[] = [];

  constructor(private readonly variables: Record<string, unknown>) {}

  site({ root, definition, node }: ArgumentSite): void {
    const values = getArgumentValues(definition, node, this.variables);
    for (const argument of definition.args) {
      // Names are relative to `input`, as the services name their invalidParams; other arguments by their name.
      if (argument.name in values) this.value(values[argument.name], argument.type, argument.name === "input" ? "" : argument.name, root);
    }
  }

  /** One coerced argument value; an explicit stack, since JSON values can nest deeper than a call stack. */
  private value(value: unknown, type: GraphQLInputType, name: string, root: FieldNode): void {
    const stack: Place[] = [{ value, type, parent: undefined, segment: name }];
    while (stack.length && this.findings.length < MAX_FINDINGS) {
      const place = stack.pop()!;
      const children: Place[] = [];
      const child = (value: unknown, type: GraphQLInputType | undefined, segment: string | number) =>
        children.push({ value, type, parent: place, segment });
      const placeType = place.type && isNonNullType(place.type) ? place.type.ofType : place.type;
      if (place.value === null || place.value === undefined || (placeType && isEnumType(placeType))) continue;
      if (placeType && isListType(placeType)) {
        const items = Array.isArray(place.value) ? place.value : [place.value];
        for (const [index, item] of items.entries()) child(item, placeType.ofType, index);
      } else if (placeType && isInputObjectType(placeType)) {
        const fields = place.value as Record<string, unknown>;
        for (const field of Object.values(placeType.getFields())) {
          if (field.name in fields) child(fields[field.name], field.type, field.name);
        }
      } else if (typeof place.value === "string") {
        this.report(root, place, textProblem(place.value));
      } else if (place.value instanceof Date) {
        this.report(root, place, dateProblem(place.value));
      } else if (Array.isArray(place.value)) {
        for (const [index, item] of place.value.entries()) child(item, undefined, index);
      } else if (typeof place.value === "object") {
        // A JSON scalar (metadata, _Any): its keys are input too; a bad key is reported on the object.
        for (const [key, item] of Object.entries(place.value)) {
          if (textProblem(key)) this.report(root, place, KEY_REASON);
          else child(item, undefined, key);
        }
      }
      // Reversed onto the stack, so that findings come in the order of the input.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  private report(root: FieldNode, place: Place, reason: string | null): void {
    if (reason && this.findings.length < MAX_FINDINGS)
      this.findings.push({ root, param: { name: nameOf(place), code: "invalid", reason } });
  }
}

/**
 * A value inside an argument and the way to it. The name is built only for what is reported: built
 * for every value, names would cost time quadratic in the depth of a JSON value.
 */
interface Place {
  value: unknown;
  type: GraphQLInputType | undefined;
  parent: Place | undefined;
  segment: string | number;
}

/** The input path of a place, as path() joins it ("a.0.b"; the `input` argument's empty segment left out). */
function nameOf(place: Place): string {
  const segments: Array<string | number> = [];
  for (let at: Place | undefined = place; at; at = at.parent) if (at.segment !== "") segments.push(at.segment);
  return segments.reverse().join(".");
}

function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/**
 * The error for every invalid value in the operation, or null when there is none (or when the
 * variables do not coerce, which execution reports itself). One error, with the root field's
 * path when all findings are under one root field, as a resolver's error would have.
 */
export function unsafeInputError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variableInputs: Record<string, unknown> | undefined,
): GraphQLError | null {
  const sites = cachedArgumentSites(schema, document, operation);
  if (sites.length === 0) return null;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], variableInputs ?? {});
  if (variables.errors) return null;
  const inputs = new OperationInputs(variables.coerced);
  for (const site of sites) {
    if (inputs.findings.length >= MAX_FINDINGS) break;
    inputs.site(site);
  }
  if (inputs.findings.length === 0) return null;

  // One reason per field, as the services give.
  const params = new Map<string, InvalidParam>();
  for (const { root, param } of inputs.findings) {
    const key = `${responseKey(root)} ${param.name}`;
    if (!params.has(key)) params.set(key, param);
  }
  const invalid = new InvalidInputError([...params.values()]);
  const rootKeys = new Set(inputs.findings.map((finding) => responseKey(finding.root)));
  const root = rootKeys.size === 1 ? inputs.findings[0].root : undefined;
  return new GraphQLError(invalid.message, {
    nodes: root,
    path: root ? [responseKey(root)] : undefined,
    originalError: invalid,
    // HTTP 200 as for a resolver's BAD_USER_INPUT (Apollo answers a plugin's error with 500 otherwise),
    // so that a router passes the error on rather than reporting a failed subgraph.
    extensions: { code: "BAD_USER_INPUT", invalidParams: invalid.invalidParams, http: { status: 200 } },
  });
}

/** Refuses an operation with invalid text or dates whole, before it executes (and so before any SQL). */
export function inputHygienePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // an unknown operationName: execution reports it
          const error = unsafeInputError(schema, document, operation, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
