import fc from "fast-check";
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { byFieldName, coherentFields, consistent, text, validDate, validDateTime, validJsonObject, type Leaf } from "./domain-values";
import { describedMaxLength, oddDate, oddDateTime, oddInt, oddJsonObject, oddString } from "./odd-values";
import { Ref } from "./refs";
import type { MutationModel, SchemaModel } from "./schema-model";
import { show } from "./show";

/**
 * Generated mutations: for every Mutation field an arbitrary of its variables, built from the
 * argument types (input objects, lists, enums, nullability, scalars). A uuid of an object made
 * earlier in the same run is not known when the steps are generated, so an ID is a `Ref` into the
 * pools of the run (refs.ts); the steps stay the same for a seed and shrink well.
 */

/** How odd a step's values are: `odd` and `absent` are the chances (of 100) per field. */
export interface Mode {
  name: "valid" | "targeted" | "wild";
  odd: number;
  absent: number;
}

const MODES: Array<{ weight: number; mode: Mode }> = [
  // Everything valid-looking: creates succeed and fill the pools, so that later steps reach deeper rules.
  { weight: 5, mode: { name: "valid", odd: 0, absent: 50 } },
  // About one odd value among valid ones: it passes the other rules and reaches the database.
  { weight: 4, mode: { name: "targeted", odd: 8, absent: 50 } },
  { weight: 1, mode: { name: "wild", odd: 40, absent: 40 } },
];

export class Step {
  constructor(
    readonly mutation: MutationModel,
    readonly variables: Record<string, unknown>,
    readonly mode: Mode["name"],
  ) {}

  [fc.toStringMethod](): string {
    return `${this.mutation.name}(${show(this.variables)}) [${this.mode}]`;
  }
}

const ABSENT = Symbol("absent");

const ODD_IDS = [
  "",
  " ",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "1",
  "0",
  "-1",
  "{00000000-0000-0000-0000-000000000000}",
];

interface FieldContext {
  name: string;
  description: string | null | undefined;
  /** Output object types whose fields correspond to the fields beside this one (see SchemaModel). */
  contexts: GraphQLObjectType[];
  /** For a mutation argument: the types that correspond to its own fields (the mutation's). */
  ownContexts?: GraphQLObjectType[];
  /** The value may be left out (an optional field, a list item). */
  omittable?: boolean;
}

function mixed<T>(mode: Mode, valid: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (mode.odd === 0) return valid;
  // Cross-shrinking turns an odd value that does not matter into a valid one, so a shrunk
  // counterexample shows only the value that matters.
  return fc.oneof({ withCrossShrink: true }, { weight: 100 - mode.odd, arbitrary: valid }, { weight: mode.odd, arbitrary: odd });
}

export function stepArbitrary(model: SchemaModel, mutation: MutationModel): fc.Arbitrary<Step> {
  const readableNames = [...model.readable.keys()];

  function ref(mode: Mode, context: FieldContext): fc.Arbitrary<unknown> {
    const type = model.referencedType(context.name, context.contexts)?.type.name ?? null;
    const others = readableNames.filter((n) => n !== type);
    const pick = fc.nat({ max: 50 });
    const uuid = fc.uuid({ version: 4 });
    const omittable = context.omittable ?? false;
    const valid = fc.oneof(
      { weight: 18, arbitrary: pick.map((p) => new Ref(type, "live", p, "exact", null, omittable)) },
      { weight: 1, arbitrary: uuid },
      // "Sometimes one of another type"
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...others), pick, uuid)
          .map(([other, p, fallback]) => new Ref(other, "live", p, "exact", fallback, omittable)),
      },
    );
    const odd = fc.oneof(
      fc.tuple(pick, uuid).map(([p, fallback]) => new Ref(type, "deleted", p, "exact", fallback, omittable)),
      fc
        .tuple(fc.constantFrom("upper", "padded", "nul") as fc.Arbitrary<Ref["spelling"]>, pick, uuid)
        .map(([spelling, p, fallback]) => new Ref(type, "live", p, spelling, fallback, omittable)),
      fc.constantFrom(...ODD_IDS),
      oddString(fc.constant("x"), context.description),
    );
    return mixed(mode, valid, odd);
  }

  function scalar(name: string, mode: Mode, context: FieldContext): fc.Arbitrary<unknown> {
    const hint = byFieldName[context.name];
    switch (name) {
      case "ID":
        return ref(mode, context);
      case "Boolean":
        return fc.boolean();
      case "Int":
        return mixed(mode, (hint as fc.Arbitrary<number> | undefined) ?? fc.integer({ min: 0, max: 5 }), oddInt());
      case "Float":
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case "Date":
        return mixed(mode, validDate(), oddDate());
      case "DateTime":
        return mixed(mode, validDateTime(), oddDateTime());
      case "JSONObject":
        return mixed(mode, validJsonObject(), oddJsonObject(oddString(text(40), null), text(40)));
      default: // String and any scalar the test does not know: text
        return string(mode, context, (hint as fc.Arbitrary<string> | undefined) ?? text(describedMaxLength(context.description) ?? 60));
    }
  }

  function string(mode: Mode, context: FieldContext, valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
    return mixed(mode, valid, oddString(valid, context.description));
  }

  /** A value of a type that is there (not left out); a nullable one is sometimes null. */
  function present(type: GraphQLInputType, mode: Mode, context: FieldContext): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return value(type.ofType, mode, context);
    const inner = value(type, mode, { ...context, omittable: true });
    return fc.oneof({ weight: 9, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }

  function value(type: GraphQLInputType, mode: Mode, context: FieldContext): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return value(type.ofType, mode, context);
    if (isListType(type)) {
      return fc.array(present(type.ofType, mode, { ...context, omittable: true }), { maxLength: mode.name === "wild" ? 8 : 3 });
    }
    if (isInputObjectType(type)) {
      return inputObject(type, mode, context.ownContexts ?? model.nestedContexts(context.name, context.contexts));
    }
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    return scalar(type.name, mode, context);
  }

  /** A record of fields: required ones always, the others present or left out as the mode says. */
  function fields(
    list: ReadonlyArray<Pick<GraphQLInputField, "name" | "type" | "description" | "defaultValue">>,
    mode: Mode,
    contexts: GraphQLObjectType[],
    isArgument = false,
  ): fc.Arbitrary<Record<string, unknown>> {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of list) {
      const context: FieldContext = {
        name: field.name,
        description: field.description,
        contexts,
        ownContexts: isArgument ? contexts : undefined,
        omittable: false,
      };
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      const arbitrary = present(field.type, mode, context);
      shape[field.name] = required
        ? arbitrary
        : fc.oneof(
            { withCrossShrink: true },
            { weight: mode.absent, arbitrary: fc.constant(ABSENT) },
            { weight: 100 - mode.absent, arbitrary },
          );
    }
    return fc
      .record(shape, { noNullPrototype: true })
      .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ABSENT)));
  }

  function inputObject(type: GraphQLInputObjectType, mode: Mode, contexts: GraphQLObjectType[]): fc.Arbitrary<Record<string, unknown>> {
    const all = Object.values(type.getFields());
    const coherent = coherentFields[type.name];
    const generic = fields(all, mode, contexts);
    // Wild steps also try the combinations that do not agree.
    if (mode.name === "wild") return generic;
    const repair = consistent[type.name] ?? ((input: Record<string, unknown>) => input);
    if (!coherent) return generic.map(repair);
    const leaf: Leaf = (name, valid) => string(mode, { name, description: type.getFields()[name]?.description, contexts }, valid);
    const rest = fields(
      all.filter((f) => !coherent.fields.includes(f.name)),
      mode,
      contexts,
    );
    return fc.tuple(coherent.values(leaf), rest).map(([agreeing, others]) => repair({ ...others, ...agreeing }));
  }

  const byMode = MODES.map(({ weight, mode }) => ({
    weight,
    arbitrary: fields(mutation.field.args, mode, mutation.contexts, true).map((variables) => new Step(mutation, variables, mode.name)),
  }));
  return fc.oneof(...byMode);
}

/**
 * A run: a sequence of steps over all mutations. Makers are weighted up by how many inputs of
 * other mutations refer to what they make, so that the pools fill with what the others need
 * (partijen and klantcontacten most); a change weighs 2, a delete 1.
 */
export function runArbitrary(model: SchemaModel, maxLength: number): fc.Arbitrary<Step[]> {
  const weight = (m: MutationModel) => {
    if (!m.creates) return m.deletes ? 1 : 2;
    const made = [m.target, ...m.answerObjects.map((a) => a.type)].filter((t) => t !== null);
    return 3 + Math.max(0, ...made.map((t) => Math.round(((model.referenceCounts.get(t.type.name) ?? 0) - 2) / 3)));
  };
  const steps = model.mutations.map((m) => ({ weight: weight(m), arbitrary: stepArbitrary(model, m) }));
  // Unbiased: fast-check's bias would keep the first runs short, and a short run never gets to
  // the updates and deletes of what it made. The odd values are generated on purpose instead.
  return fc.noBias(fc.array(fc.oneof(...steps), { minLength: 1, maxLength, size: "max" }));
}
