import { Field, InputType, Int } from "type-graphql";
import { MaxLength, Range, Satisfies } from "./validation";
import { checkLand, checkNummeraanduidingId, checkPostcode } from "./validators";
import { Adres, Contactnaam, Objectidentificator } from "./embeddables";

/**
 * Inputs for the gegevensgroepen of embeddables.ts, with the standard's field rules. A group is
 * written as a whole: what is left out of it is cleared.
 */

@InputType({ description: "Adres (bezoek- of correspondentieadres)." })
export class AdresInput {
  @Field(() => String, { nullable: true, description: "Identificatie van een nummeraanduiding in de BAG (16 cijfers)." })
  @MaxLength(16)
  @Satisfies(checkNummeraanduidingId)
  nummeraanduidingId?: string | null;

  @Field(() => String, { nullable: true, description: "Straatnaam (ten hoogste 255 tekens)." })
  @MaxLength(255)
  straatnaam?: string | null;

  @Field(() => Int, { nullable: true, description: "Huisnummer (1 tot en met 99999)." })
  @Range(1, 99999)
  huisnummer?: number | null;

  @Field(() => String, { nullable: true, description: "Huisnummertoevoeging (ten hoogste 20 tekens)." })
  @MaxLength(20)
  huisnummertoevoeging?: string | null;

  @Field(() => String, { nullable: true, description: "Postcode: vier cijfers, een spatie en twee hoofdletters ('1234 AB')." })
  @MaxLength(7)
  @Satisfies(checkPostcode)
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: "Woonplaats (ten hoogste 255 tekens)." })
  @MaxLength(255)
  stad?: string | null;

  @Field(() => String, { nullable: true, description: "Eerste deel van een adres dat niet in de BAG staat (ten hoogste 80 tekens)." })
  @MaxLength(80)
  adresregel1?: string | null;

  @Field(() => String, { nullable: true, description: "Tweede deel van een adres dat niet in de BAG staat (ten hoogste 80 tekens)." })
  @MaxLength(80)
  adresregel2?: string | null;

  @Field(() => String, { nullable: true, description: "Derde deel van een adres dat niet in de BAG staat (ten hoogste 80 tekens)." })
  @MaxLength(80)
  adresregel3?: string | null;

  @Field(() => String, { nullable: true, description: "Landcode volgens ISO 3166-1 alpha-2, in hoofdletters (NL)." })
  @MaxLength(2)
  @Satisfies(checkLand)
  land?: string | null;
}

@InputType({ description: "Naam van een persoon of contactpersoon." })
export class ContactnaamInput {
  @Field(() => String, { nullable: true, description: "Voorletters (ten hoogste 10 tekens)." })
  @MaxLength(10)
  voorletters?: string | null;

  @Field(() => String, { nullable: true, description: "Voornaam (ten hoogste 200 tekens)." })
  @MaxLength(200)
  voornaam?: string | null;

  @Field(() => String, { nullable: true, description: "Voorvoegsel van de achternaam (ten hoogste 10 tekens)." })
  @MaxLength(10)
  voorvoegselAchternaam?: string | null;

  @Field(() => String, { nullable: true, description: "Achternaam (ten hoogste 200 tekens)." })
  @MaxLength(200)
  achternaam?: string | null;
}

@InputType({ description: "Identificatie van een object in een extern register (vrije tekst, elk ten hoogste 200 tekens)." })
export class ObjectidentificatorInput {
  @Field(() => String, { nullable: true, description: "Type van het object, bijvoorbeeld 'zaak'." })
  @MaxLength(200)
  codeObjecttype?: string | null;

  @Field(() => String, { nullable: true, description: "Register waarin het object staat, bijvoorbeeld 'open-zaak'." })
  @MaxLength(200)
  codeRegister?: string | null;

  @Field(() => String, { nullable: true, description: "Naam van de identificerende eigenschap, bijvoorbeeld 'uuid'." })
  @MaxLength(200)
  codeSoortObjectId?: string | null;

  @Field(() => String, { nullable: true, description: "Waarde van de identificerende eigenschap." })
  @MaxLength(200)
  objectId?: string | null;
}

/**
 * The stored group for an input group: undefined stays undefined (leave as is), null stays null
 * (clear), and a group replaces the stored one as a whole; a group with every field empty is
 * stored as null, as if it was not given.
 */
function toGroup<T extends object>(
  type: new () => T,
  fields: readonly (keyof T)[],
  input: object | null | undefined,
): T | null | undefined {
  if (input === undefined || input === null) return input;
  const values = input as Record<keyof T, unknown>;
  const group = Object.assign(new type(), Object.fromEntries(fields.map((f) => [f, values[f] ?? null])));
  return fields.some((f) => group[f] !== null) ? group : null;
}

export const toAdres = (input: AdresInput | null | undefined) =>
  toGroup(
    Adres,
    [
      "nummeraanduidingId",
      "straatnaam",
      "huisnummer",
      "huisnummertoevoeging",
      "postcode",
      "stad",
      "adresregel1",
      "adresregel2",
      "adresregel3",
      "land",
    ],
    input,
  );

export const toContactnaam = (input: ContactnaamInput | null | undefined) =>
  toGroup(Contactnaam, ["voorletters", "voornaam", "voorvoegselAchternaam", "achternaam"], input);

export const toObjectidentificator = (input: ObjectidentificatorInput | null | undefined) =>
  toGroup(Objectidentificator, ["codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"], input);
