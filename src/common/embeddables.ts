import { Embeddable, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";

/**
 * Gegevensgroepen of the standard that are stored inside their owner's table (columns with a
 * prefix) and exposed as GraphQL objects. A group whose columns are all empty reads as null.
 */

@Embeddable()
@ObjectType({ description: "Adres (bezoek- of correspondentieadres)." })
export class Adres {
  @Field(() => String, {
    nullable: true,
    description: "Identificatie van een nummeraanduiding in de BAG (16 cijfers).",
  })
  @Property({ type: "string", length: 16, nullable: true })
  nummeraanduidingId?: string | null;

  @Field(() => String, { nullable: true, description: "Straatnaam in de Basisregistratie Adressen en Gebouwen." })
  @Property({ type: "string", length: 255, nullable: true })
  straatnaam?: string | null;

  @Field(() => Int, { nullable: true, description: "Huisnummer (1 tot en met 99999)." })
  @Property({ type: "integer", nullable: true })
  huisnummer?: number | null;

  @Field(() => String, { nullable: true, description: "Huisnummertoevoeging." })
  @Property({ type: "string", length: 20, nullable: true })
  huisnummertoevoeging?: string | null;

  @Field(() => String, { nullable: true, description: "Postcode, bijvoorbeeld '1234 AB'." })
  @Property({ type: "string", length: 7, nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: "Woonplaats." })
  @Property({ type: "string", length: 255, nullable: true })
  stad?: string | null;

  @Field(() => String, { nullable: true, description: "Eerste deel van een adres dat niet in de BAG staat." })
  @Property({ type: "string", length: 80, nullable: true })
  adresregel1?: string | null;

  @Field(() => String, { nullable: true, description: "Tweede deel van een adres dat niet in de BAG staat." })
  @Property({ type: "string", length: 80, nullable: true })
  adresregel2?: string | null;

  @Field(() => String, { nullable: true, description: "Derde deel van een adres dat niet in de BAG staat." })
  @Property({ type: "string", length: 80, nullable: true })
  adresregel3?: string | null;

  @Field(() => String, { nullable: true, description: "Landcode volgens ISO 3166-1 alpha-2, in hoofdletters (NL)." })
  @Property({ type: "string", length: 2, nullable: true })
  land?: string | null;
}

@Embeddable()
@ObjectType({ description: "Naam van een persoon of contactpersoon." })
export class Contactnaam {
  @Field(() => String, { nullable: true, description: "Voorletters, bijvoorbeeld 'J.K.'." })
  @Property({ type: "string", length: 10, nullable: true })
  voorletters?: string | null;

  @Field(() => String, { nullable: true, description: "Voornaam." })
  @Property({ type: "string", length: 200, nullable: true })
  voornaam?: string | null;

  @Field(() => String, { nullable: true, description: "Voorvoegsel van de achternaam, bijvoorbeeld 'van der'." })
  @Property({ type: "string", length: 10, nullable: true })
  voorvoegselAchternaam?: string | null;

  @Field(() => String, { nullable: true, description: "Achternaam." })
  @Property({ type: "string", length: 200, nullable: true })
  achternaam?: string | null;
}

/** voornaam, voorvoegsel and achternaam joined by spaces, as Open Klant does (voorletters are left out). */
export function volledigeNaam(naam: Contactnaam | null | undefined): string {
  if (!naam) return "";
  return [naam.voornaam, naam.voorvoegselAchternaam, naam.achternaam].filter((part) => part?.trim()).join(" ");
}

@Embeddable()
@ObjectType({ description: "Identificatie van een object in een extern register (vrije tekst)." })
export class Objectidentificator {
  @Field(() => String, { nullable: true, description: "Type van het object, bijvoorbeeld 'zaak'." })
  @Property({ type: "string", length: 200, nullable: true })
  codeObjecttype?: string | null;

  @Field(() => String, { nullable: true, description: "Register waarin het object staat, bijvoorbeeld 'open-zaak'." })
  @Property({ type: "string", length: 200, nullable: true })
  codeRegister?: string | null;

  @Field(() => String, { nullable: true, description: "Naam van de identificerende eigenschap, bijvoorbeeld 'uuid'." })
  @Property({ type: "string", length: 200, nullable: true })
  codeSoortObjectId?: string | null;

  @Field(() => String, { nullable: true, description: "Waarde van de identificerende eigenschap." })
  @Property({ type: "string", length: 200, nullable: true })
  objectId?: string | null;
}
