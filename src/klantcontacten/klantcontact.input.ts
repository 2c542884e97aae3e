import { Field, ID, InputType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeScalar } from "../common/scalars";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { MaxLength, NotBlank, NotNull, Satisfies } from "../common/validation";
import { checkGeheelGetal } from "../common/validators";
import { Taakstatus } from "../opvolging/enums";
import { DigitaalAdresZoekInput } from "../partijen/digitaal-adres.input";
import { PartijIdentificatorGroepFilter } from "../partijen/partij-identificator.input";

/** Fields that are optional on create as well as on update. */
@InputType({ description: "Shared fields of the create and update inputs (not emitted itself)." })
abstract class KlantcontactVelden {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik referentienummer.",
    description: "Uniek nummer (een geheel getal, ten hoogste 10 tekens).",
  })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: "Uniek referentienummer (een geheel getal, ten hoogste 10 tekens)." })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  referentienummer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Informatie die tijdens het klantcontact werd overgebracht (ten hoogste 1000 tekens).",
  })
  @MaxLength(1000)
  inhoud?: string | null;

  @Field(() => String, { nullable: true, description: "Antwoord of reactie die is gegeven (ten hoogste 4000 tekens)." })
  @MaxLength(4000)
  reactie?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Geeft aan of het contact gelukt is (null: onbekend)." })
  indicatieContactGelukt?: boolean | null;

  @Field(() => String, { nullable: true, description: "URL van het type van het hoofdonderwerp (ten hoogste 200 tekens)." })
  @MaxLength(200)
  hoofdOnderwerpType?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Geeft aan of er verdere actie is ondernomen (standaard false); kan niet waar zijn als het contact gelukt is.",
  })
  verdereActieOndernomen?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Tijdstip waarop het klantcontact plaatsvond (standaard: nu)." })
  plaatsgevondenOp?: Date | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Extra gegevens als sleutel-waardeparen; elke waarde is tekst van ten hoogste 255 tekens.",
  })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: "Een nieuw klantcontact." })
export class KlantcontactInput extends KlantcontactVelden {
  @Field(() => String, { description: "Kanaal dat werd gebruikt (ten hoogste 50 tekens), bijvoorbeeld 'telefoon'." })
  @NotBlank()
  @MaxLength(50)
  kanaal!: string;

  @Field(() => String, { description: "Datgene waarover het klantcontact ging (ten hoogste 200 tekens)." })
  @NotBlank()
  @MaxLength(200)
  onderwerp!: string;

  @Field(() => String, { description: "Taal van het klantcontact (ISO 639-2/B, ten hoogste 3 tekens), bijvoorbeeld 'nld'." })
  @NotBlank()
  @MaxLength(3)
  taal!: string;

  @Field(() => Boolean, { description: "Geeft aan of inhoud of reactie vertrouwelijk zijn." })
  vertrouwelijk!: boolean;
}

@InputType({ description: "Wijziging van een klantcontact; weggelaten velden blijven ongewijzigd." })
export class KlantcontactUpdateInput extends KlantcontactVelden {
  @Field(() => String, { nullable: true, description: "Kanaal dat werd gebruikt (ten hoogste 50 tekens)." })
  @NotNull()
  @NotBlank()
  @MaxLength(50)
  kanaal?: string | null;

  @Field(() => String, { nullable: true, description: "Datgene waarover het klantcontact ging (ten hoogste 200 tekens)." })
  @NotNull()
  @NotBlank()
  @MaxLength(200)
  onderwerp?: string | null;

  @Field(() => String, { nullable: true, description: "Taal van het klantcontact (ISO 639-2/B, ten hoogste 3 tekens)." })
  @NotNull()
  @NotBlank()
  @MaxLength(3)
  taal?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Geeft aan of inhoud of reactie vertrouwelijk zijn." })
  @NotNull()
  vertrouwelijk?: boolean | null;
}

@InputType({ description: "Filter op klantcontacten; alle gegeven voorwaarden moeten gelden." })
export class KlantcontactFilter {
  @Field(() => String, { nullable: true, deprecationReason: "Gebruik referentienummer.", description: "Nummer is gelijk aan." })
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: "Referentienummer is gelijk aan." })
  referentienummer?: string | null;

  @Field(() => String, { nullable: true, description: "Kanaal is gelijk aan." })
  kanaal?: string | null;

  @Field(() => String, { nullable: true, description: "Onderwerp bevat (hoofdletterongevoelig)." })
  onderwerp?: string | null;

  @Field(() => String, { nullable: true, description: "Inhoud bevat (hoofdletterongevoelig)." })
  inhoud?: string | null;

  @Field(() => String, { nullable: true, description: "Reactie bevat (hoofdletterongevoelig)." })
  reactie?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Indicatie contact gelukt is gelijk aan." })
  indicatieContactGelukt?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Vertrouwelijk is gelijk aan." })
  vertrouwelijk?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Plaatsgevonden op precies dit tijdstip." })
  plaatsgevondenOp?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Plaatsgevonden op of na dit tijdstip." })
  plaatsgevondenVanaf?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Plaatsgevonden vóór dit tijdstip (dit tijdstip zelf niet)." })
  plaatsgevondenTot?: Date | null;

  @Field(() => ID, { nullable: true, description: "Had de betrokkene met deze uuid." })
  hadBetrokkene?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: had een betrokkene die een partij was; false: had een betrokkene zonder partij.",
  })
  betrokkeneHeeftPartij?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Had een betrokkene die de partij met deze uuid was." })
  wasPartij?: string | null;

  @Field(() => PartijIdentificatorGroepFilter, {
    nullable: true,
    description: "Had een betrokkene wiens partij een identificator met deze gegevens heeft.",
  })
  wasPartijIdentificator?: PartijIdentificatorGroepFilter | null;

  @Field(() => DigitaalAdresZoekInput, {
    nullable: true,
    description: "Had een betrokkene die een digitaal adres verstrekte dat hieraan voldoet (telefoonnummers in elke schrijfwijze).",
  })
  betrokkeneDigitaalAdres?: DigitaalAdresZoekInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: alleen klantcontacten waarin de partij de initiatiefnemer (initiator) was: die van Partij.klantcontacten, of die van wasPartij of wasPartijIdentificator (in de lijst van alle klantcontacten alleen samen met een van die twee). false of weggelaten: elke betrokkenheid.",
  })
  alleenAlsInitiator?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: laat de antwoorden weg, de klantcontacten die via een onderwerpobject naar een eerder klantcontact verwijzen (het klantcontact van een onderwerpobject met wasKlantcontact); false: alleen die antwoorden.",
  })
  geenAntwoord?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: leidde tot een of meer interne taken; false: tot geen." })
  heeftInterneTaak?: boolean | null;

  @Field(() => Taakstatus, {
    nullable: true,
    description: "Leidde tot een interne taak met deze status (vraagt scope opvolging.lezen).",
  })
  interneTaakStatus?: Taakstatus | null;

  @Field(() => ID, { nullable: true, description: "Ging over het onderwerpobject met deze uuid." })
  onderwerpobject?: string | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Ging over een onderwerpobject met deze identificator (elk gegeven veld exact gelijk).",
  })
  onderwerpobjectidentificator?: ObjectidentificatorInput | null;

  @Field(() => ID, { nullable: true, description: "Is het onderwerpobject (wasKlantcontact) met deze uuid." })
  wasOnderwerpobject?: string | null;
}
