import { ValidateIf, ValidateNested } from "class-validator";
import { Adres, Contactnaam, Objectidentificator } from "../common/embeddables";
import type { AdresInput, ContactnaamInput, ObjectidentificatorInput } from "../common/embeddables.input";

/**
 * A nested input object that may be absent or null: class-validator's ValidateNested alone
 * reports null as "not an object", so a null group is skipped here (it clears the group).
 */
export function OptionalNested(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_object, value) => value !== null && value !== undefined)(target, property as string);
    ValidateNested()(target, property as string);
  };
}

/** undefined = leave as is, null = clear, an object = replace the whole group. */
export function toAdres(input: AdresInput | null | undefined): Adres | null | undefined {
  if (input === undefined || input === null) return input;
  return Object.assign(new Adres(), {
    nummeraanduidingId: input.nummeraanduidingId ?? null,
    straatnaam: input.straatnaam ?? null,
    huisnummer: input.huisnummer ?? null,
    huisnummertoevoeging: input.huisnummertoevoeging ?? null,
    postcode: input.postcode ?? null,
    stad: input.stad ?? null,
    adresregel1: input.adresregel1 ?? null,
    adresregel2: input.adresregel2 ?? null,
    adresregel3: input.adresregel3 ?? null,
    land: input.land ?? null,
  });
}

export function toContactnaam(input: ContactnaamInput | null | undefined): Contactnaam | null | undefined {
  if (input === undefined || input === null) return input;
  return Object.assign(new Contactnaam(), {
    voorletters: input.voorletters ?? null,
    voornaam: input.voornaam ?? null,
    voorvoegselAchternaam: input.voorvoegselAchternaam ?? null,
    achternaam: input.achternaam ?? null,
  });
}

export function toObjectidentificator(
  input: ObjectidentificatorInput | null | undefined,
): Objectidentificator | null | undefined {
  if (input === undefined || input === null) return input;
  return Object.assign(new Objectidentificator(), {
    codeObjecttype: input.codeObjecttype ?? null,
    codeRegister: input.codeRegister ?? null,
    codeSoortObjectId: input.codeSoortObjectId ?? null,
    objectId: input.objectId ?? null,
  });
}

/** Exact match on every given field of an objectidentificator filter (Open Klant's four filters). */
export function identificatorCondition(filter: ObjectidentificatorInput | null | undefined): Record<string, string> | undefined {
  if (!filter) return undefined;
  const condition: Record<string, string> = {};
  for (const key of ["codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== null) condition[key] = value;
  }
  return Object.keys(condition).length ? condition : undefined;
}
