import { Field, InputType, Int } from "type-graphql";
import { MaxLength, Range, Satisfies } from "./validation";
import { checkLand, checkNummeraanduidingId, checkPostcode } from "./validators";
import { Adres, Contactnaam } from "./embeddables";

/**
 * Input forms of the gegevensgroepen in embeddables.ts (Partij and Betrokkene use them). Every
 * field is optional and independent, as in the standard; a group that is sent replaces the
 * stored one as a whole.
 */

@InputType({ description: "Adres (bezoek- of correspondentieadres); alle velden zijn optioneel." })
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

@InputType({ description: "Naam van een persoon of contactpersoon; alle velden zijn optioneel." })
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

/** The stored group for an input group: null stays null, an all-empty group is stored as null. */
export function toAdres(input: AdresInput | null | undefined): Adres | null {
  if (!input) return null;
  const adres: Adres = Object.assign(new Adres(), {
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
  return Object.values(adres).some((v) => v !== null) ? adres : null;
}

export function toContactnaam(input: ContactnaamInput | null | undefined): Contactnaam | null {
  if (!input) return null;
  const naam: Contactnaam = Object.assign(new Contactnaam(), {
    voorletters: input.voorletters ?? null,
    voornaam: input.voornaam ?? null,
    voorvoegselAchternaam: input.voorvoegselAchternaam ?? null,
    achternaam: input.achternaam ?? null,
  });
  return Object.values(naam).some((v) => v !== null) ? naam : null;
}
