import { ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { MaxLength, NotBlank, NotNull, Satisfies } from "../common/validation";
import { checkEmail, checkTelefoonnummer } from "../common/validators";
import { SoortActor } from "./enums";

@InputType({
  description: [
    "Identificatie van een actor. Eén invoertype voor alle soorten; welke velden zijn toegestaan en verplicht hangt af van soortActor:",
    "- medewerker: functie (verplicht), emailadres, telefoonnummer (verplicht);",
    "- geautomatiseerde_actor: functie (verplicht), omschrijving;",
    "- organisatorische_eenheid: omschrijving, emailadres, faxnummer, telefoonnummer (geen verplicht).",
    "Een veld dat niet bij de soort hoort wordt geweigerd (code invalid), een ontbrekend verplicht veld geeft code required.",
    "Bij een wijziging vervangt dit object de hele identificatie: weggelaten velden worden leeg.",
  ].join("\n"),
})
export class ActorIdentificatieInput {
  @Field(() => String, {
    nullable: true,
    description: "Functie of beschrijving van de werkzaamheden (ten hoogste 40 tekens); medewerker en geautomatiseerde actor.",
  })
  @MaxLength(40)
  @NotBlank()
  functie?: string | null;

  @Field(() => String, { nullable: true, description: "E-mailadres (ten hoogste 254 tekens); medewerker en organisatorische eenheid." })
  @Satisfies(checkEmail)
  @MaxLength(254)
  emailadres?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Telefoonnummer, bijvoorbeeld 020-1234567 of +31201234567 (ten hoogste 20 tekens; dezelfde regels als een digitaal adres van soort telefoonnummer); medewerker en organisatorische eenheid.",
  })
  @Satisfies(checkTelefoonnummer)
  @MaxLength(20)
  telefoonnummer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Omschrijving (ten hoogste 200 tekens); geautomatiseerde actor en organisatorische eenheid.",
  })
  @MaxLength(200)
  omschrijving?: string | null;

  @Field(() => String, { nullable: true, description: "Faxnummer (ten hoogste 20 tekens); organisatorische eenheid." })
  @MaxLength(20)
  faxnummer?: string | null;
}

@InputType({ description: "Een nieuwe actor." })
export class ActorInput {
  @Field(() => String, { description: "Naam van de actor (ten hoogste 200 tekens)." })
  @MaxLength(200)
  @NotBlank()
  naam!: string;

  @Field(() => SoortActor, { description: "Soort actor; bepaalt de vorm van actorIdentificatie." })
  soortActor!: SoortActor;

  @Field(() => Boolean, {
    nullable: true,
    description: "Of aan de actor nog klantcontacten of taken kunnen worden toegewezen (standaard true).",
  })
  @NotNull()
  indicatieActief?: boolean | null;

  @Field(() => ObjectidentificatorInput, { nullable: true, description: "Identificatie van de actor in een extern register." })
  @ValidateNested()
  actoridentificator?: ObjectidentificatorInput | null;

  @Field(() => ActorIdentificatieInput, {
    nullable: true,
    description: "Identificatie naar soort (zie ActorIdentificatieInput); optioneel.",
  })
  @ValidateNested()
  actorIdentificatie?: ActorIdentificatieInput | null;
}

@InputType({
  description:
    "Wijziging van een actor; weggelaten velden blijven ongewijzigd. Wie soortActor wijzigt zonder een nieuwe actorIdentificatie mee te geven, laat de oude identificatie vervallen.",
})
export class ActorUpdateInput {
  @Field(() => String, { nullable: true, description: "Naam van de actor (ten hoogste 200 tekens)." })
  @NotNull()
  @MaxLength(200)
  @NotBlank()
  naam?: string | null;

  @Field(() => SoortActor, { nullable: true, description: "Soort actor; bepaalt de vorm van actorIdentificatie." })
  @NotNull()
  soortActor?: SoortActor | null;

  @Field(() => Boolean, { nullable: true, description: "Of aan de actor nog klantcontacten of taken kunnen worden toegewezen." })
  @NotNull()
  indicatieActief?: boolean | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Identificatie van de actor in een extern register; null maakt haar leeg.",
  })
  @ValidateNested()
  actoridentificator?: ObjectidentificatorInput | null;

  @Field(() => ActorIdentificatieInput, {
    nullable: true,
    description: "Identificatie naar soort; vervangt de hele identificatie, null maakt haar leeg.",
  })
  @ValidateNested()
  actorIdentificatie?: ActorIdentificatieInput | null;
}

@InputType({ description: "Filter op actoren; alle gegeven voorwaarden moeten gelden." })
export class ActorFilter {
  @Field(() => String, { nullable: true, description: "Naam bevat (hoofdletterongevoelig)." })
  naam?: string | null;

  @Field(() => SoortActor, { nullable: true, description: "Soort actor is gelijk aan." })
  soortActor?: SoortActor | null;

  @Field(() => Boolean, { nullable: true, description: "Indicatie actief is gelijk aan." })
  indicatieActief?: boolean | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Actoridentificator: elk gegeven deel moet exact gelijk zijn (weggelaten delen doen niet mee).",
  })
  actoridentificator?: ObjectidentificatorInput | null;
}
