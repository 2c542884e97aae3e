import type { EntityClass, EntityKey, EntityManager, ObjectQuery } from "@mikro-orm/core";
import type { ObjectidentificatorInput } from "./embeddables.input";
import { characterCount } from "./validation";
import { checkUuid } from "./validators";

/**
 * Case-insensitive text filters shared by the list queries (Open Klant's iexact and icontains),
 * with one meaning on both databases. SQLite's LIKE folds ASCII only and PostgreSQL's ILIKE folds
 * per the database's LC_CTYPE (nothing beyond ASCII under "C"), and in both '%' and '_' are
 * wildcards. So the needle becomes a regular expression in which every letter is a class of its
 * case variants ('é' → [éÉ]) and everything else is literal: PostgreSQL's `~` and the REGEXP that
 * libsql ships (plain SQLite has none) both match such a class exactly, whatever the locale.
 * MikroORM's `$re` picks the operator per dialect.
 */
export class TextFilters<T extends object> {
  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityClass<T>,
  ) {}

  /** The property equals the value, case-insensitively. */
  iexact(property: EntityKey<T>, value: string): ObjectQuery<T> {
    return this.condition(property, value, (pattern) => `^${pattern}$`);
  }

  /** The property contains the value, case-insensitively. */
  icontains(property: EntityKey<T>, value: string): ObjectQuery<T> {
    return this.condition(property, value, (pattern) => pattern);
  }

  private condition(property: EntityKey<T>, value: string, anchor: (pattern: string) => string): ObjectQuery<T> {
    // A value of at most `length` characters cannot contain or equal a longer needle; bounding
    // the needle so also keeps the pattern within what both regex engines compile (PostgreSQL
    // refuses tens of thousands of classes as "too complex"). Text filters are for bounded columns.
    const length = this.em.getMetadata().get(this.entity.name).properties[property]?.length;
    if (!length) throw new Error(`text filter on ${this.entity.name}.${property}, which has no maximum length`);
    if (characterCount(value) > length) return { [property]: { $in: [] } } as ObjectQuery<T>;
    return { [property]: { $re: anchor(caseInsensitivePattern(value)) } } as ObjectQuery<T>;
  }
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/;

/** The needle as a regular expression: letters as classes of their case variants, the rest literal. */
export function caseInsensitivePattern(value: string): string {
  let pattern = "";
  for (const character of value) {
    const variants = caseVariants(character);
    if (variants.length > 1) pattern += `[${variants.join("")}]`;
    else pattern += REGEX_SPECIAL.test(character) ? `\\${character}` : character;
  }
  return pattern;
}

/** A case mapping that turns one character into several ('ß' → 'SS') is left out: ß stays ß. */
function singleCharacter(mapped: string, original: string): string {
  return characterCount(mapped) === 1 ? mapped : original;
}

/**
 * Characters are case variants of each other when they fold to the same character. Folding through
 * upper and then lower case joins what either mapping joins: Open Klant compares UPPER() forms
 * (σ and ς, i and ı), PostgreSQL's ILIKE lower() forms (ß and ẞ, k and the kelvin sign).
 */
function fold(character: string): string {
  const upper = singleCharacter(character.toUpperCase(), character);
  return singleCharacter(upper.toLowerCase(), upper);
}

let variantsByFold: Map<string, string[]> | undefined;

/** The case variants of a character, itself included (one element when it has none). */
export function caseVariants(character: string): string[] {
  // Built once, on first use, by folding every character of the planes that have cased letters
  // (about 20 ms): only a full table knows that 'ſ' folds to 's', which no mapping of 's' reaches.
  if (!variantsByFold) {
    const groups = new Map<string, Set<string>>();
    for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const candidate = String.fromCodePoint(codePoint);
      const folded = fold(candidate);
      if (folded === candidate) continue;
      let group = groups.get(folded);
      if (!group) {
        group = new Set([folded]);
        groups.set(folded, group);
      }
      group.add(candidate);
    }
    variantsByFold = new Map([...groups].map(([folded, group]) => [folded, [...group]]));
  }
  return variantsByFold.get(fold(character)) ?? [character];
}

/**
 * A uuid filter value as stored (lower case). Text that is no uuid matches nothing: it becomes the
 * nil uuid, which no row has (uuids are random v4). A plain null would match rows whose relation
 * is empty through the left join.
 */
export function uuidFilter(value: string): string {
  return checkUuid(value) === null ? value.toLowerCase() : "00000000-0000-0000-0000-000000000000";
}

/** The four codes shared by objectidentificatoren and partij-identificatoren. */
type IdentificatorCodes = Pick<ObjectidentificatorInput, "codeObjecttype" | "codeRegister" | "codeSoortObjectId" | "objectId">;

/**
 * Exact match on every given field of an objectidentificator or partij-identificator filter
 * (Open Klant's four filters); undefined when no field is given.
 */
export function identificatorCondition(filter: IdentificatorCodes | null | undefined): Record<string, string> | undefined {
  if (!filter) return undefined;
  const condition: Record<string, string> = {};
  for (const key of ["codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== null) condition[key] = value;
  }
  return Object.keys(condition).length ? condition : undefined;
}
