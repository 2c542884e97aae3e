import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../common/scalars";
import { MaxLength, NotBlank, NotNull, Satisfies } from "../common/validation";
import { checkReferentie, type Check } from "../common/validators";
import { Rol } from "../klantcontacten/enums";
import { SoortDigitaalAdres, SoortPartij, Zoekwijze } from "./enums";
import { PartijIdentificatorGroepFilter } from "./partij-identificator.input";

/** A referentie may be left empty (the standard's blank slug); a given one must be a slug. */
const referentieOfLeeg: Check = (value) => (value === "" ? null : checkReferentie(value));

/** The adres rules as the schema tells them (checked in DigitaalAdresService with common/validators). */
export const ADRES_BESCHRIJVING = [
  "Digitaal adres (ten hoogste 80 tekens), gecontroleerd volgens de soort en opgeslagen zoals gegeven.",
  "Een e-mailadres moet geldig zijn.",
  "Een telefoonnummer bestaat uit cijfers, eventueel met '+' vooraan en spaties, '-', '.' of haakjes ertussen;",
  "zonder landcode (+31 of 0031) is het een Nederlands nummer. Het moet bestaan in het nummerplan van zijn land, met de lengte van dat land.",
  "Niet toegestaan zijn betaal- en informatienummers (0900, 0906, 0909 en zulke nummers van andere landen) in elke schrijfwijze",
  "en verkorte overheidsnummers (1400, 140xx); gratis 0800-nummers zijn wel toegestaan.",
  "Zoeken vergelijkt telefoonnummers in de internationale vorm (E.164), zodat 0612345678, 06-12345678 en +31612345678 hetzelfde adres vinden, en e-mailadressen hoofdletterongevoelig.",
].join(" ");

/**
 * A new digitaal adres, without its owner: given by a betrokkene inside registreerKlantcontact (the
 * betrokkene is created in the same call). The partij and full inputs below add their fields.
 */
@InputType({ description: "Een nieuw digitaal adres van een betrokkene die in dezelfde aanroep wordt gemaakt (registreerKlantcontact)." })
export class BetrokkeneDigitaalAdresInput {
  @Field(() => String, { description: ADRES_BESCHRIJVING })
  @NotBlank()
  @MaxLength(80)
  adres!: string;

  @Field(() => SoortDigitaalAdres, { description: "Soort digitaal adres." })
  soortDigitaalAdres!: SoortDigitaalAdres;

  @Field(() => String, { nullable: true, description: "Omschrijving (ten hoogste 40 tekens)." })
  @MaxLength(40)
  omschrijving?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Machineleesbare aanduiding (ten hoogste 50 tekens: letters, cijfers, '-' en '_').",
  })
  @Satisfies(referentieOfLeeg)
  @MaxLength(50)
  referentie?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop het adres is geverifieerd." })
  verificatieDatum?: Date | null;
}

/** A new digitaal adres of a partij that is created in the same call (createPartij, vindOfMaakPartij). */
@InputType({
  description: "Een nieuw digitaal adres van een partij die in dezelfde aanroep wordt gemaakt (createPartij, vindOfMaakPartij).",
})
export class PartijDigitaalAdresInput extends BetrokkeneDigitaalAdresInput {
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Maakt dit het standaard adres van deze soort voor de partij (andere worden dan uitgezet); alleen met een partij: verstrektDoorPartij, of binnen een partij-invoer (daar per soort ten hoogste één).",
  })
  isStandaardAdres?: boolean | null;
}

@InputType({ description: "Een nieuw digitaal adres." })
export class DigitaalAdresInput extends PartijDigitaalAdresInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij die het adres verstrekte (voor toekomstig contact)." })
  verstrektDoorPartij?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "uuid van de betrokkene die het adres verstrekte (voor de opvolging van één klantcontact).",
  })
  verstrektDoorBetrokkene?: string | null;
}

@InputType({ description: "Wijziging van een digitaal adres; weggelaten velden blijven ongewijzigd." })
export class DigitaalAdresUpdateInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van de partij die het adres verstrekte; null ontkoppelt. Verplaatsen of ontkoppelen laat het adres vervallen als voorkeursDigitaalAdres van de partij die het had.",
  })
  verstrektDoorPartij?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de betrokkene die het adres verstrekte; null ontkoppelt." })
  verstrektDoorBetrokkene?: string | null;

  @Field(() => String, { nullable: true, description: ADRES_BESCHRIJVING })
  @NotNull()
  @NotBlank()
  @MaxLength(80)
  adres?: string | null;

  @Field(() => SoortDigitaalAdres, { nullable: true, description: "Soort digitaal adres; het adres wordt opnieuw gecontroleerd." })
  @NotNull()
  soortDigitaalAdres?: SoortDigitaalAdres | null;

  @Field(() => Boolean, { nullable: true, description: "Maakt dit het standaard adres van deze soort voor de partij; null zet het uit." })
  isStandaardAdres?: boolean | null;

  @Field(() => String, { nullable: true, description: "Omschrijving (ten hoogste 40 tekens); null maakt leeg." })
  @MaxLength(40)
  omschrijving?: string | null;

  @Field(() => String, { nullable: true, description: "Machineleesbare aanduiding; null maakt leeg." })
  @Satisfies(referentieOfLeeg)
  @MaxLength(50)
  referentie?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop het adres is geverifieerd; null wist de datum." })
  verificatieDatum?: Date | null;
}

@InputType({ description: "Filter op digitale adressen; alle gegeven voorwaarden gelden samen." })
export class DigitaalAdresFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Adres is gelijk aan, in welke schrijfwijze ook: telefoonnummers in de vorm E.164 (0612345678 vindt +31 6 12345678), e-mailadressen hoofdletterongevoelig.",
  })
  adres?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Adres bevat: bij telefoonnummers de cijfers in de vorm E.164 (06-123 vindt +31612345678), anders hoofdletterongevoelig.",
  })
  adresBevat?: string | null;

  @Field(() => SoortDigitaalAdres, { nullable: true, description: "Soort digitaal adres." })
  soortDigitaalAdres?: SoortDigitaalAdres | null;

  @Field(() => Boolean, { nullable: true, description: "Is (of is niet) het standaard adres." })
  isStandaardAdres?: boolean | null;

  @Field(() => String, { nullable: true, description: "Omschrijving bevat (hoofdletterongevoelig)." })
  omschrijving?: string | null;

  @Field(() => String, { nullable: true, description: "Referentie is gelijk aan (exact)." })
  referentie?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Verificatiedatum is gelijk aan." })
  verificatieDatum?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Verificatiedatum op of na deze datum." })
  verificatieDatumVanaf?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Verificatiedatum op of voor deze datum." })
  verificatieDatumTot?: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Heeft (true) of heeft geen (false) verificatiedatum." })
  isGeverifieerd?: boolean | null;

  @Field(() => ID, { nullable: true, description: "uuid van de betrokkene die het adres verstrekte." })
  verstrektDoorBetrokkene?: string | null;

  @Field(() => Rol, { nullable: true, description: "Rol van de betrokkene die het adres verstrekte." })
  verstrektDoorBetrokkeneRol?: Rol | null;

  @Field(() => ID, { nullable: true, description: "uuid van de partij die het adres verstrekte." })
  verstrektDoorPartij?: string | null;

  @Field(() => SoortPartij, { nullable: true, description: "Soort van de partij die het adres verstrekte." })
  verstrektDoorPartijSoort?: SoortPartij | null;

  @Field(() => PartijIdentificatorGroepFilter, {
    nullable: true,
    description: "Een identificator van de partij die het adres verstrekte (alle gegeven codes op dezelfde identificator).",
  })
  verstrektDoorPartijIdentificator?: PartijIdentificatorGroepFilter | null;
}

@InputType({
  description:
    "Zoekt op een digitaal adres dat een betrokkene bij een klantcontact verstrekte (de contactverzoeken van KISS): " +
    "telefoonnummers in elke schrijfwijze, e-mailadressen hoofdletterongevoelig.",
})
export class DigitaalAdresZoekInput {
  @Field(() => String, { description: "Het gezochte adres of deel ervan; een leeg adres vindt niets." })
  adres!: string;

  @Field(() => Zoekwijze, { nullable: true, defaultValue: Zoekwijze.EXACT, description: "EXACT (standaard) of BEVAT." })
  zoekwijze?: Zoekwijze | null;

  @Field(() => SoortDigitaalAdres, { nullable: true, description: "Alleen adressen van deze soort; zonder soort elk adres." })
  soortDigitaalAdres?: SoortDigitaalAdres | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: alleen adressen van betrokkenen zonder partij (wie nog niet als partij bekend was).",
  })
  alleenZonderPartij?: boolean | null;
}
