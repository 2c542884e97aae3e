import { ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { AdresInput, ContactnaamInput } from "../common/embeddables.input";
import { MaxLength, NotNull } from "../common/validation";
import { Rol } from "./enums";
import { PartijIdentificatorGroepFilter } from "../partijen/partij-identificator.input";

/** Fields that are optional on create as well as on update. */
@InputType({ description: "Shared fields of the create and update inputs (not emitted itself)." })
abstract class BetrokkeneVelden {
  @Field(() => ID, { nullable: true, description: "uuid van de partij die de betrokkene was (null: onbekende partij)." })
  wasPartij?: string | null;

  @Field(() => AdresInput, { nullable: true, description: "Bezoekadres dat bij dit klantcontact is opgegeven." })
  @ValidateNested()
  bezoekadres?: AdresInput | null;

  @Field(() => AdresInput, { nullable: true, description: "Correspondentieadres dat bij dit klantcontact is opgegeven." })
  @ValidateNested()
  correspondentieadres?: AdresInput | null;

  @Field(() => ContactnaamInput, { nullable: true, description: "Naam die voor de opvolging van het contact gebruikt wordt." })
  @ValidateNested()
  contactnaam?: ContactnaamInput | null;

  @Field(() => String, {
    nullable: true,
    description: "Naam van de organisatie waarmee de betrokkene verbonden was (ten hoogste 200 tekens).",
  })
  @MaxLength(200)
  organisatienaam?: string | null;
}

@InputType({ description: "Een betrokkene bij het klantcontact dat in dezelfde aanroep wordt gemaakt (maakKlantcontact)." })
export class MaakKlantcontactBetrokkeneInput extends BetrokkeneVelden {
  @Field(() => Rol, { description: "Rol die de betrokkene bij het klantcontact had." })
  rol!: Rol;

  @Field(() => Boolean, { description: "Geeft aan of de betrokkene het klantcontact begon." })
  initiator!: boolean;
}

@InputType({ description: "Een nieuwe betrokkene bij een klantcontact." })
export class BetrokkeneInput extends MaakKlantcontactBetrokkeneInput {
  @Field(() => ID, { description: "uuid van het klantcontact." })
  hadKlantcontact!: string;
}

@InputType({ description: "Wijziging van een betrokkene; weggelaten velden blijven ongewijzigd." })
export class BetrokkeneUpdateInput extends BetrokkeneVelden {
  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact." })
  @NotNull()
  hadKlantcontact?: string | null;

  @Field(() => Rol, { nullable: true, description: "Rol die de betrokkene bij het klantcontact had." })
  @NotNull()
  rol?: Rol | null;

  @Field(() => Boolean, { nullable: true, description: "Geeft aan of de betrokkene het klantcontact begon." })
  @NotNull()
  initiator?: boolean | null;
}

@InputType({ description: "Filter op betrokkenen; alle gegeven voorwaarden moeten gelden." })
export class BetrokkeneFilter {
  @Field(() => ID, { nullable: true, description: "Betrokken bij het klantcontact met deze uuid." })
  hadKlantcontact?: string | null;

  @Field(() => ID, { nullable: true, description: "Was de partij met deze uuid." })
  wasPartij?: string | null;

  @Field(() => PartijIdentificatorGroepFilter, {
    nullable: true,
    description: "Was een partij met een identificator met deze gegevens.",
  })
  wasPartijIdentificator?: PartijIdentificatorGroepFilter | null;

  @Field(() => String, { nullable: true, description: "Voorletters in de contactnaam zijn gelijk aan." })
  contactnaamVoorletters?: string | null;

  @Field(() => String, { nullable: true, description: "Voornaam in de contactnaam is gelijk aan." })
  contactnaamVoornaam?: string | null;

  @Field(() => String, { nullable: true, description: "Voorvoegsel van de achternaam in de contactnaam is gelijk aan." })
  contactnaamVoorvoegselAchternaam?: string | null;

  @Field(() => String, { nullable: true, description: "Achternaam in de contactnaam is gelijk aan." })
  contactnaamAchternaam?: string | null;

  @Field(() => String, { nullable: true, description: "Organisatienaam is gelijk aan." })
  organisatienaam?: string | null;

  @Field(() => String, { nullable: true, description: "Verstrekte een digitaal adres dat precies gelijk is aan deze waarde." })
  verstrektDigitaalAdres?: string | null;
}
