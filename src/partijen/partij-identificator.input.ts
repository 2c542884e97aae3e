import { ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { RequiresScope } from "../auth/access";
import { MaxLength, NotBlank, NotNull } from "../common/validation";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId } from "./enums";

@ObjectType({ description: "De vier gegevens die samen een partij in een register identificeren." })
export class PartijIdentificatorGroep {
  @Field(() => CodeObjecttype, { description: "Type van het geïdentificeerde object." })
  codeObjecttype!: CodeObjecttype;

  @Field(() => CodeSoortObjectId, { description: "Naam van de eigenschap die het object identificeert." })
  codeSoortObjectId!: CodeSoortObjectId;

  @Field(() => String, {
    nullable: true,
    description: "Waarde van de eigenschap die het object identificeert; null voor een client zonder scope identificatoren.lezen.",
  })
  @RequiresScope("identificatoren.lezen")
  objectId!: string | null;

  @Field(() => CodeRegister, { description: "Register waaruit het identificerende gegeven komt." })
  codeRegister!: CodeRegister;
}

@InputType({ description: "De vier gegevens die samen een partij in een register identificeren; alle vier vereist." })
export class PartijIdentificatorGroepInput {
  @Field(() => CodeObjecttype, { description: "Type van het geïdentificeerde object." })
  codeObjecttype!: CodeObjecttype;

  @Field(() => CodeSoortObjectId, { description: "Naam van de eigenschap die het object identificeert." })
  codeSoortObjectId!: CodeSoortObjectId;

  @Field(() => String, { description: "Waarde van de eigenschap (BSN, KvK-nummer, ...), ten hoogste 200 tekens." })
  @NotBlank()
  @MaxLength(200)
  objectId!: string;

  @Field(() => CodeRegister, { description: "Register waaruit het identificerende gegeven komt." })
  codeRegister!: CodeRegister;
}

@InputType({ description: "Een nieuwe partij-identificator." })
export class PartijIdentificatorInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij die geïdentificeerd wordt (mag leeg zijn)." })
  identificeerdePartij?: string | null;

  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen sinds de codes enums zijn (Open Klant 2.9).",
    description: "Vrij tekstveld voor een niet-voorgedefinieerd objecttype, soort object-id of register.",
  })
  @MaxLength(200)
  anderePartijIdentificator?: string | null;

  @Field(() => PartijIdentificatorGroepInput, { description: "Het identificerende gegeven." })
  @ValidateNested()
  partijIdentificator!: PartijIdentificatorGroepInput;

  @Field(() => ID, {
    nullable: true,
    description: "uuid van de identificator waaronder deze uniek is (het kvk_nummer boven een vestigingsnummer).",
  })
  subIdentificatorVan?: string | null;
}

@InputType({ description: "Wijziging van een partij-identificator; weggelaten velden blijven ongewijzigd." })
export class PartijIdentificatorUpdateInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij die geïdentificeerd wordt; null ontkoppelt." })
  identificeerdePartij?: string | null;

  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen sinds de codes enums zijn (Open Klant 2.9).",
    description: "Vrij tekstveld voor een niet-voorgedefinieerd objecttype, soort object-id of register.",
  })
  @MaxLength(200)
  anderePartijIdentificator?: string | null;

  @Field(() => PartijIdentificatorGroepInput, { nullable: true, description: "Het identificerende gegeven (vervangt het geheel)." })
  @NotNull()
  @ValidateNested()
  partijIdentificator?: PartijIdentificatorGroepInput | null;

  @Field(() => ID, { nullable: true, description: "uuid van de identificator waaronder deze uniek is; null maakt hem leeg." })
  subIdentificatorVan?: string | null;
}

/**
 * One identificator inside a Partij input (createPartij/updatePartij). The server sets
 * identificeerdePartij. A vestigingsnummer created in the same request as its kvk_nummer names
 * that kvk_nummer by its position in the list (`subIdentificatorVanIndex`), since a new
 * identificator has no uuid until it is stored.
 */
@InputType({ description: "Een identificator van de partij, binnen een partij-invoer." })
export class PartijIdentificatorItemInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van een bestaande identificator: die wordt bijgewerkt en aan deze partij gekoppeld. Zonder uuid wordt er een gemaakt.",
  })
  uuid?: string | null;

  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen sinds de codes enums zijn (Open Klant 2.9).",
    description: "Vrij tekstveld voor een niet-voorgedefinieerd objecttype, soort object-id of register.",
  })
  @MaxLength(200)
  anderePartijIdentificator?: string | null;

  @Field(() => PartijIdentificatorGroepInput, { description: "Het identificerende gegeven." })
  @ValidateNested()
  partijIdentificator!: PartijIdentificatorGroepInput;

  @Field(() => ID, {
    nullable: true,
    description: "uuid van een bestaande identificator (van deze of een andere partij, of van geen partij) waaronder deze uniek is.",
  })
  subIdentificatorVan?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Technical alternative to subIdentificatorVan: the 0-based position, in this same partijIdentificatoren list, of the identificator this one falls under (for a kvk_nummer created in the same request).",
  })
  subIdentificatorVanIndex?: number | null;
}

@InputType({ description: "Filter op partij-identificatoren; alle voorwaarden gelden samen." })
export class PartijIdentificatorFilter {
  @Field(() => CodeObjecttype, { nullable: true })
  codeObjecttype?: CodeObjecttype | null;

  @Field(() => CodeSoortObjectId, { nullable: true })
  codeSoortObjectId?: CodeSoortObjectId | null;

  @Field(() => String, { nullable: true, description: "objectId is gelijk aan." })
  objectId?: string | null;

  @Field(() => CodeRegister, { nullable: true })
  codeRegister?: CodeRegister | null;

  @Field(() => ID, { nullable: true, description: "uuid van de geïdentificeerde partij." })
  identificeerdePartij?: string | null;
}

@InputType({
  description:
    "Voorwaarden op één partij-identificator; alle gegeven voorwaarden gelden voor dezelfde identificator (anders dan in Open Klant, waar elk veld los filtert).",
})
export class PartijIdentificatorGroepFilter {
  @Field(() => CodeObjecttype, { nullable: true, description: "Type van het geïdentificeerde object." })
  codeObjecttype?: CodeObjecttype | null;

  @Field(() => CodeSoortObjectId, { nullable: true, description: "Naam van de identificerende eigenschap." })
  codeSoortObjectId?: CodeSoortObjectId | null;

  @Field(() => String, { nullable: true, description: "Waarde van de identificerende eigenschap (exact), bijvoorbeeld een BSN." })
  objectId?: string | null;

  @Field(() => CodeRegister, { nullable: true, description: "Register waaruit de identificator komt." })
  codeRegister?: CodeRegister | null;
}
