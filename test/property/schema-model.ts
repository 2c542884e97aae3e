import {
  astFromValue,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedOutputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/**
 * What the property test knows of the schema, read from the schema itself so that a mutation
 * added later is covered without editing the test: every Mutation field with its arguments, the
 * operation that calls it, the objects in its answer that can be read back by uuid, and for an
 * ID input the type of object it refers to.
 */

/** An object type with a root query `x(uuid: ID!): X`: the types whose rows a test can read back. */
export interface ReadableType {
  type: GraphQLObjectType;
  queryField: string;
  /** `query ReadBack($uuid: ID!) { x(uuid: $uuid) { ...every field, relations by uuid } }` */
  readBack: string;
}

/** Where in a mutation's answer an object of a readable type sits: [] is the answer itself. */
export interface AnswerObject {
  path: string[];
  type: ReadableType;
}

export interface MutationModel {
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** `mutation Step($a: A!, ...) { name(a: $a, ...) { ...every field, relations by uuid } }` */
  document: string;
  /** The readable type the mutation acts on or makes (createX, updateX, deleteX: X), null when none is evident. */
  target: ReadableType | null;
  /** Without a uuid argument the mutation makes something new rather than changing what exists. */
  creates: boolean;
  /** deleteX: after it succeeds, x(uuid) must answer null. */
  deletes: ReadableType | null;
  /** Objects in the answer to compare with a fresh read. */
  answerObjects: AnswerObject[];
  /**
   * The object types whose fields correspond to the fields of the mutation's input arguments
   * (createX's input fields are X's fields), to tell what an ID input refers to.
   */
  contexts: GraphQLObjectType[];
}

export interface SchemaModel {
  mutations: MutationModel[];
  readable: Map<string, ReadableType>;
  /** The readable type an ID input field refers to, or null when the schema does not tell. */
  referencedType(fieldName: string, contexts: GraphQLObjectType[]): ReadableType | null;
  /** The object types whose fields correspond to the fields of an input field of this name. */
  nestedContexts(fieldName: string, contexts: GraphQLObjectType[]): GraphQLObjectType[];
  /** Per readable type: how many ID inputs of all mutations refer to it (what others need most). */
  referenceCounts: Map<string, number>;
  /** ID inputs whose type the schema does not tell (by input path): they get uuids of any type. */
  untypedIds: string[];
}

/**
 * Inputs whose referent no output field of the same name tells (a workflow's own words:
 * stuurInterneTaakDoor's `naar`, the actors of handelInterneTaakAf's `antwoord`), by field name:
 * an ID of that type, or an input object whose `uuid` is one (ActorVerwijzingInput).
 */
const ID_INPUTS_BY_NAME: Record<string, string> = { naar: "Actor", actoren: "Actor" };

function directiveNames(field: GraphQLField<unknown, unknown>): string[] {
  return field.astNode?.directives?.map((d) => d.name.value) ?? [];
}

/**
 * Fields a client can select without arguments from this subgraph alone: fields with required
 * arguments and the federation fields another subgraph provides (@external) or that need its
 * data (@requires) are left out.
 */
function selectableFields(type: GraphQLObjectType): Array<GraphQLField<unknown, unknown>> {
  return Object.values(type.getFields()).filter(
    (f) =>
      !f.name.startsWith("_") &&
      f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined) &&
      !directiveNames(f).some((d) => d === "external" || d === "requires"),
  );
}

export function buildSchemaModel(schema: GraphQLSchema): SchemaModel {
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  if (!queryType || !mutationType) throw new Error("the schema has no Query or no Mutation type");

  const readableQueries = new Map<string, { type: GraphQLObjectType; queryField: string }>();
  for (const field of Object.values(queryType.getFields())) {
    const [arg, ...rest] = field.args;
    const type = getNamedType(field.type);
    const byUuid = arg?.name === "uuid" && isNonNullType(arg.type) && getNamedType(arg.type).name === "ID" && rest.length === 0;
    if (byUuid && isObjectType(type)) readableQueries.set(type.name, { type, queryField: field.name });
  }
  const isReadable = (type: GraphQLNamedOutputType) => readableQueries.has(type.name);

  /**
   * The selection set that shows everything of an object: scalars, embedded objects in full,
   * related objects of a readable type by `__typename uuid` only (each is compared when it is read
   * itself). `expand` shows a readable type in full (the object a mutation answers with); the
   * readable objects inside an answer that is not readable itself (a result wrapper such as
   * MaakKlantcontactResult) are shown in full as well, since they are what the mutation made.
   */
  function selection(type: GraphQLNamedOutputType, expand: boolean, depth = 0): string {
    if (depth > 6) throw new Error(`selection of ${type.name} nests too deep; does the schema have a cycle of embedded objects?`);
    if (isUnionType(type)) {
      return `{ __typename ${type
        .getTypes()
        .map((member) => `... on ${member.name} ${selection(member, expand, depth + 1)}`)
        .join(" ")} }`;
    }
    if (!isObjectType(type)) return "";
    if (isReadable(type) && !expand) return "{ __typename uuid }";
    const wrapper = depth === 0 && !isReadable(type);
    const parts = selectableFields(type).map((field) => {
      const named = getNamedType(field.type);
      const sub = isObjectType(named) || isUnionType(named) ? ` ${selection(named, wrapper && isReadable(named), depth + 1)}` : "";
      return field.name + sub;
    });
    return `{ __typename ${parts.join(" ")} }`;
  }

  const readable = new Map<string, ReadableType>();
  for (const [name, { type, queryField }] of readableQueries) {
    readable.set(name, {
      type,
      queryField,
      readBack: `query ReadBack($uuid: ID!) { ${queryField}(uuid: $uuid) ${selection(type, true)} }`,
    });
  }

  function answerObjects(type: GraphQLNamedOutputType): AnswerObject[] {
    if (!isObjectType(type)) return [];
    const own = readable.get(type.name);
    if (own) return [{ path: [], type: own }];
    return selectableFields(type).flatMap((field) => {
      const inner = readable.get(getNamedType(field.type).name);
      return inner ? [{ path: [field.name], type: inner }] : [];
    });
  }

  const mutations = Object.values(mutationType.getFields()).map((field): MutationModel => {
    const returned = getNamedType(field.type);
    const uuidArgument = field.args.find((a) => a.name === "uuid");
    // createX/updateX answer with X; deleteX answers with X's uuid, so X comes from the name.
    const byName = readable.get(field.name.replace(/^[a-z]+/, ""));
    // A workflow on one object (handelInterneTaakAf(uuid)) answers with a result whose first readable field is that object.
    const wrapped =
      uuidArgument && isObjectType(returned)
        ? selectableFields(returned)
            .map((f) => readable.get(getNamedType(f.type).name))
            .find((r) => r !== undefined)
        : undefined;
    const target = readable.get(returned.name) ?? byName ?? wrapped ?? null;
    // What the inputs' fields correspond to: the answer's fields (createX's input has X's fields,
    // maakKlantcontact's input the fields of its result), then the type acted on (deleteX's uuid is an X).
    const contexts = [...new Set([...(isObjectType(returned) ? [returned] : []), ...(target ? [target.type] : [])])];
    return {
      name: field.name,
      field,
      document: mutationDocument(field, selection(returned, true)),
      target,
      creates: !uuidArgument,
      deletes: field.name.startsWith("delete") && uuidArgument && byName ? byName : null,
      answerObjects: answerObjects(returned),
      contexts,
    };
  });

  function contextField(fieldName: string, contexts: GraphQLObjectType[]) {
    return contexts.map((c) => c.getFields()[fieldName]).filter((f) => f !== undefined);
  }

  function referencedType(fieldName: string, contexts: GraphQLObjectType[]): ReadableType | null {
    if (fieldName === "uuid") {
      const own = contexts.map((c) => readable.get(c.name)).find((r) => r !== undefined);
      if (own) return own;
    }
    for (const field of contextField(fieldName, contexts)) {
      const found = readable.get(getNamedType(field.type).name);
      if (found) return found;
    }
    const named = ID_INPUTS_BY_NAME[fieldName];
    return (named && readable.get(named)) || null;
  }

  function nestedContexts(fieldName: string, contexts: GraphQLObjectType[]): GraphQLObjectType[] {
    const fields = contextField(fieldName, contexts);
    if (fields.length === 0) {
      const named = readable.get(ID_INPUTS_BY_NAME[fieldName] ?? "");
      return named ? [named.type] : [];
    }
    return fields.flatMap((field) => {
      const named = getNamedType(field.type);
      if (isObjectType(named)) return [named];
      if (isUnionType(named)) return [...named.getTypes()];
      return [];
    });
  }

  const referenceCounts = new Map<string, number>();
  const untypedIds: string[] = [];
  const countReferences = (
    path: string,
    fields: ReadonlyArray<{ name: string; type: GraphQLInputType }>,
    contexts: GraphQLObjectType[],
    argument: boolean,
  ) => {
    for (const field of fields) {
      const named = getNamedType(field.type);
      if (named.name === "ID") {
        const type = referencedType(field.name, contexts)?.type.name;
        if (type) referenceCounts.set(type, (referenceCounts.get(type) ?? 0) + 1);
        else untypedIds.push(`${path}.${field.name}`);
      } else if (isInputObjectType(named)) {
        countReferences(
          `${path}.${field.name}`,
          Object.values(named.getFields()),
          argument ? contexts : nestedContexts(field.name, contexts),
          false,
        );
      }
    }
  };
  for (const mutation of mutations) countReferences(mutation.name, mutation.field.args, mutation.contexts, true);

  return {
    mutations,
    readable,
    referencedType,
    nestedContexts,
    referenceCounts,
    untypedIds,
  };
}

function mutationDocument(field: GraphQLField<unknown, unknown>, selectionSet: string): string {
  // An argument with a default keeps it, so that a step may leave it out.
  const defaultOf = (a: GraphQLArgument) => {
    const value = a.defaultValue === undefined ? undefined : astFromValue(a.defaultValue, a.type);
    return value ? ` = ${print(value)}` : "";
  };
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}${defaultOf(a)}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const head = variables ? `mutation Step(${variables})` : "mutation Step";
  return `${head} { ${field.name}${args ? `(${args})` : ""} ${selectionSet} }`;
}
