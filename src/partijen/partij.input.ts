import { ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { AdresInput, ContactnaamInput } from "../common/embeddables.input";
import { MaxLength, NotNull, Satisfies } from "../common/validation";
import { checkGeheelGetal } from "../common/validators";
import { SoortPartij } from "./enums";
import { PartijDigitaalAdresInput } from "./digitaal-adres.input";
import { PartijIdentificatorItemInput, PartijIdentificatorGroepFilter } from "./partij-identificator.input";
import { PartijRekeningnummerInput } from "./rekeningnummer.input";

/**
 * partijIdentificatie in an input. GraphQL has no input unions, so this one input carries the
 * fields of all three subtypes; which ones may be given follows from soortPartij:
 * persoon → contactnaam; organisatie → naam; contactpersoon → contactnaam and werkteVoorPartij.
 */
@InputType({ description: "Identificatie van de partij; welke velden zijn toegestaan hangt af van soortPartij." })
export class PartijIdentificatieInput {
  @Field(() => ContactnaamInput, { nullable: true, description: "Naam van een persoon of contactpersoon." })
  @ValidateNested()
  contactnaam?: ContactnaamInput | null;

  @Field(() => String, { nullable: true, description: "Naam van een organisatie (ten hoogste 200 tekens)." })
  @MaxLength(200)
  naam?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "uuid van de organisatie (een partij van soort organisatie) waarvoor de contactpersoon werkte.",
  })
  werkteVoorPartij?: string | null;
}

/** Fields that are optional on create as well as on update. */
@InputType({ description: "Shared fields of the create and update inputs (not emitted itself)." })
abstract class PartijVelden {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik uuid.",
    description: "Uniek nummer: een geheel getal van ten hoogste 10 tekens.",
  })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: "Interne notitie (ten hoogste 1000 tekens)." })
  @MaxLength(1000)
  interneNotitie?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Geeft aan of de gegevens van de partij geheim zijn." })
  indicatieGeheimhouding?: boolean | null;

  @Field(() => String, { nullable: true, description: "Voorkeurstaal (ISO 639-2/B, bijv. 'nld'), ten hoogste 3 tekens." })
  @MaxLength(3)
  voorkeurstaal?: string | null;

  @Field(() => AdresInput, { nullable: true, description: "Adres waar de partij fysiek bezocht kan worden (vervangt het geheel)." })
  @ValidateNested()
  bezoekadres?: AdresInput | null;

  @Field(() => AdresInput, { nullable: true, description: "Adres waarop de partij post ontvangt (vervangt het geheel)." })
  @ValidateNested()
  correspondentieadres?: AdresInput | null;

  @Field(() => PartijIdentificatieInput, { nullable: true, description: "Identificatie volgens soortPartij (vervangt het geheel)." })
  @ValidateNested()
  partijIdentificatie?: PartijIdentificatieInput | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "uuids van bestaande digitale adressen die aan deze partij gekoppeld worden; weggelaten adressen worden ontkoppeld (niet verwijderd), null = geen. Een adres dat van een andere partij overkomt, is daar niet langer het voorkeursadres.",
  })
  digitaleAdressen?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van het voorkeurs digitaal adres; moet een van de eigen (gekoppelde) adressen van deze partij zijn. null = geen voorkeur.",
  })
  voorkeursDigitaalAdres?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "uuids van bestaande rekeningnummers die aan deze partij gekoppeld worden; weggelaten nummers worden ontkoppeld (niet verwijderd), null = geen. Een rekeningnummer dat van een andere partij overkomt, is daar niet langer het voorkeursrekeningnummer.",
  })
  rekeningnummers?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van het voorkeursrekeningnummer; moet een van de eigen (gekoppelde) rekeningnummers van deze partij zijn. null = geen voorkeur.",
  })
  voorkeursRekeningnummer?: string | null;

  @Field(() => [PartijIdentificatorItemInput], {
    nullable: true,
    description:
      "Alle identificatoren van de partij: met uuid wordt een bestaande bijgewerkt en gekoppeld, zonder uuid wordt er een gemaakt; bij een wijziging worden niet genoemde identificatoren verwijderd, null = geen.",
  })
  @ValidateNested()
  partijIdentificatoren?: PartijIdentificatorItemInput[] | null;
}

@InputType({ description: "Een nieuwe partij." })
export class PartijInput extends PartijVelden {
  @Field(() => SoortPartij, { description: "Soort partij." })
  soortPartij!: SoortPartij;

  @Field(() => Boolean, { description: "Geeft aan of de contactgegevens van de partij nog gebruikt mogen worden." })
  indicatieActief!: boolean;

  // Checked by DigitaalAdresService and RekeningnummerService (checkNested), not by @ValidateNested here.
  @Field(() => [PartijDigitaalAdresInput], {
    nullable: true,
    description:
      "Nieuwe digitale adressen, verstrekt door deze partij; samen met digitaleAdressen (bestaande) de adressen van de partij. Per soort ten hoogste één standaard adres.",
  })
  nieuweDigitaleAdressen?: PartijDigitaalAdresInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Maakt het nieuwe adres op deze positie (vanaf 0) in nieuweDigitaleAdressen het voorkeursDigitaalAdres; niet samen met voorkeursDigitaalAdres.",
  })
  voorkeursDigitaalAdresIndex?: number | null;

  @Field(() => [PartijRekeningnummerInput], {
    nullable: true,
    description: "Nieuwe rekeningnummers van deze partij; samen met rekeningnummers (bestaande) de rekeningnummers van de partij.",
  })
  nieuweRekeningnummers?: PartijRekeningnummerInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Maakt het nieuwe rekeningnummer op deze positie (vanaf 0) in nieuweRekeningnummers het voorkeursRekeningnummer; niet samen met voorkeursRekeningnummer.",
  })
  voorkeursRekeningnummerIndex?: number | null;
}

@InputType({ description: "Wijziging van een partij; weggelaten velden blijven ongewijzigd, null maakt een veld leeg." })
export class PartijUpdateInput extends PartijVelden {
  @Field(() => SoortPartij, { nullable: true, description: "Soort partij." })
  @NotNull()
  soortPartij?: SoortPartij | null;

  @Field(() => Boolean, { nullable: true, description: "Geeft aan of de contactgegevens van de partij nog gebruikt mogen worden." })
  @NotNull()
  indicatieActief?: boolean | null;
}

@InputType({ description: "Filter op een adres van de partij (exacte waarden)." })
export class AdresFilter {
  @Field(() => String, { nullable: true, description: "BAG-id van de nummeraanduiding is gelijk aan." })
  nummeraanduidingId?: string | null;

  @Field(() => String, { nullable: true, description: "Adresregel 1 is gelijk aan." })
  adresregel1?: string | null;

  @Field(() => String, { nullable: true, description: "Adresregel 2 is gelijk aan." })
  adresregel2?: string | null;

  @Field(() => String, { nullable: true, description: "Adresregel 3 is gelijk aan." })
  adresregel3?: string | null;

  @Field(() => String, { nullable: true, description: "Landcode is gelijk aan (ISO 3166-1 alpha-2)." })
  land?: string | null;
}

@InputType({ description: "Filter op partijen; alle gegeven voorwaarden gelden samen." })
export class PartijFilter {
  @Field(() => String, { nullable: true, description: "Nummer is gelijk aan." })
  nummer?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Contactgegevens mogen (true) of mogen niet meer (false) gebruikt worden." })
  indicatieActief?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Indicatie geheimhouding is gelijk aan." })
  indicatieGeheimhouding?: boolean | null;

  @Field(() => SoortPartij, { nullable: true, description: "Soort partij is gelijk aan." })
  soortPartij?: SoortPartij | null;

  @Field(() => AdresFilter, { nullable: true, description: "Voorwaarden op het bezoekadres." })
  bezoekadres?: AdresFilter | null;

  @Field(() => AdresFilter, { nullable: true, description: "Voorwaarden op het correspondentieadres." })
  correspondentieadres?: AdresFilter | null;

  @Field(() => PartijIdentificatorGroepFilter, {
    nullable: true,
    description: "De partij heeft een identificator die aan al deze voorwaarden voldoet.",
  })
  partijIdentificator?: PartijIdentificatorGroepFilter | null;

  @Field(() => PartijIdentificatorGroepFilter, {
    nullable: true,
    description:
      "De partij heeft een identificator die valt onder een identificator met deze gegevens (bijv. de vestiging onder een KvK-nummer); samen met partijIdentificator gelden beide voor dezelfde identificator.",
  })
  subIdentificatorVan?: PartijIdentificatorGroepFilter | null;

  @Field(() => String, { nullable: true, description: "De partij is ingedeeld in een categorie met deze naam (hoofdletterongevoelig)." })
  categorieNaam?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van een partij: geeft de partijen die door die partij vertegenwoordigd worden." })
  vertegenwoordigdDoor?: string | null;
}
