import { registerDecorator, validate, type ValidationError } from "class-validator";
import type { InvalidParam } from "./errors";
import { path } from "./errors";
import type { Check } from "./validators";

/**
 * Field rules for input classes, on top of class-validator. Each decorator registers a constraint
 * whose name is the VNG error code (max_length, invalid, required), so that a failed constraint
 * maps one to one onto an invalidParam. Absent (undefined) and null values pass every rule but
 * `NotNull`: optionality is the GraphQL type's business, PATCH nulls are NotNull's.
 */

function rule(code: string, message: string, test: (value: unknown) => boolean, always = false): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: code,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: {
        validate: (value: unknown) => (!always && (value === undefined || value === null) ? true : test(value)),
      },
    });
  };
}

/**
 * The number of characters as people count them: code points, so an emoji is one (as in Open
 * Klant's Python, and as PostgreSQL's varchar(n) counts), where a JavaScript string's length counts
 * UTF-16 units.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** At most `max` characters (code points). */
export function MaxLength(max: number): PropertyDecorator {
  return rule(
    "max_length",
    `Zorg ervoor dat dit veld niet meer dan ${max} tekens bevat.`,
    (v) => typeof v !== "string" || characterCount(v) <= max,
  );
}

/** Not an empty (or blank) string. */
export function NotBlank(): PropertyDecorator {
  return rule("blank", "Dit veld mag niet leeg zijn.", (v) => typeof v !== "string" || v.trim() !== "");
}

/** Whole number between min and max. */
export function Range(min: number, max: number): PropertyDecorator {
  return rule(
    "invalid",
    `Gebruik een geheel getal van ${min} tot en met ${max}.`,
    (v) => typeof v !== "number" || (Number.isInteger(v) && v >= min && v <= max),
  );
}

/**
 * A required field that an update (PATCH) may leave out but may not clear: undefined passes,
 * null fails.
 */
export function NotNull(): PropertyDecorator {
  return rule("required", "Dit veld is vereist en mag niet leeg gemaakt worden.", (v) => v !== null, true);
}

/**
 * A format rule from validators.ts. class-validator wants one message per constraint, while a
 * Check explains itself per value; the decorator keeps the reason of the last failure.
 */
export function Satisfies(check: Check): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: "invalid",
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => value === undefined || value === null || (typeof value === "string" && check(value) === null),
        defaultMessage: (args) => (typeof args?.value === "string" && check(args.value)) || "Ongeldige waarde.",
      },
    });
  };
}

function collect(errors: ValidationError[], prefix: string, out: InvalidParam[]): void {
  for (const error of errors) {
    const name = path(prefix, error.property);
    // One reason per field is enough: the first rule that failed.
    // class-validator's "nestedValidation" only says that a nested input is null (GraphQL has
    // checked the shape already): null is how PATCH clears a group, and NotNull forbids it where
    // the standard requires the group.
    const [code, reason] = Object.entries(error.constraints ?? {}).filter(([c]) => c !== "nestedValidation")[0] ?? [];
    if (code && reason) out.push({ name, code, reason });
    if (error.children?.length) collect(error.children, name, out);
  }
}

/**
 * Checks an input object (and, with @ValidateNested, its nested inputs) against its field rules.
 * type-graphql hands resolvers class instances, so the rules declared on the input classes apply.
 */
export async function fieldErrors(input: object | null | undefined, prefix = ""): Promise<InvalidParam[]> {
  if (!input) return [];
  const errors = await validate(input, { forbidUnknownValues: false });
  const out: InvalidParam[] = [];
  collect(errors, prefix, out);
  return out;
}
