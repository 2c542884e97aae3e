import { Field, ID, InputType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { DateTimeScalar } from "../common/scalars";
import { MaxLength, NotBlank, NotNull, Satisfies } from "../common/validation";
import { checkGeheelGetal } from "../common/validators";
import { DigitaalAdresZoekInput } from "../partijen/digitaal-adres.input";
import { Taakstatus } from "./enums";

/** The most actor uuids one toegewezenAanActoren filter may name (a queue of a medewerker and his afdelingen is a handful). */
export const MAX_ACTOREN_IN_FILTER = 100;

const NUMMER = "Uniek nummer van ten hoogste 10 tekens dat een geheel getal is.";
const ACTOREN =
  "uuids van de actoren aan wie de taak is toegewezen, in volgorde. Geef precies één van toegewezenAanActoren en toegewezenAanActor.";
const ACTOR = "uuid van de actor aan wie de taak is toegewezen. Geef precies één van toegewezenAanActoren en toegewezenAanActor.";
const AFGEHANDELD_OP =
  "Datum en tijdstip van afhandeling; alleen toegestaan als de status verwerkt is (of wordt). Zonder waarde wordt het tijdstip gezet zodra de status verwerkt wordt.";

@InputType({ description: "Een nieuwe interne taak." })
export class InterneTaakInput {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik referentienummer.",
    description: NUMMER,
  })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: NUMMER })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  referentienummer?: string | null;

  @Field(() => String, { description: "Handeling die moet worden uitgevoerd (ten hoogste 200 tekens)." })
  @MaxLength(200)
  @NotBlank()
  gevraagdeHandeling!: string;

  @Field(() => ID, { description: "uuid van het klantcontact dat tot de taak leidde." })
  aanleidinggevendKlantcontact!: string;

  @Field(() => [ID], { nullable: true, description: ACTOREN })
  toegewezenAanActoren?: string[] | null;

  @Field(() => ID, { nullable: true, deprecationReason: "Gebruik toegewezenAanActoren.", description: ACTOR })
  toegewezenAanActor?: string | null;

  @Field(() => String, { nullable: true, description: "Toelichting die de uitvoerder nodig heeft (ten hoogste 1000 tekens)." })
  @MaxLength(1000)
  toelichting?: string | null;

  @Field(() => Taakstatus, { description: "Status van de taak." })
  status!: Taakstatus;

  @Field(() => DateTimeScalar, { nullable: true, description: AFGEHANDELD_OP })
  afgehandeldOp?: Date | null;
}

@InputType({
  description:
    "Wijziging van een interne taak; weggelaten velden blijven ongewijzigd. toegewezenAanActoren (of het vervallen toegewezenAanActor) vervangt de hele lijst van actoren.",
})
export class InterneTaakUpdateInput {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik referentienummer.",
    description: NUMMER,
  })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: NUMMER })
  @MaxLength(10)
  @Satisfies(checkGeheelGetal)
  referentienummer?: string | null;

  @Field(() => String, { nullable: true, description: "Handeling die moet worden uitgevoerd (ten hoogste 200 tekens)." })
  @NotNull()
  @MaxLength(200)
  @NotBlank()
  gevraagdeHandeling?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact dat tot de taak leidde." })
  @NotNull()
  aanleidinggevendKlantcontact?: string | null;

  @Field(() => [ID], { nullable: true, description: ACTOREN })
  @NotNull()
  toegewezenAanActoren?: string[] | null;

  @Field(() => ID, { nullable: true, deprecationReason: "Gebruik toegewezenAanActoren.", description: ACTOR })
  @NotNull()
  toegewezenAanActor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Toelichting die de uitvoerder nodig heeft (ten hoogste 1000 tekens); null maakt haar leeg.",
  })
  @MaxLength(1000)
  toelichting?: string | null;

  @Field(() => Taakstatus, { nullable: true, description: "Status van de taak." })
  @NotNull()
  status?: Taakstatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: AFGEHANDELD_OP })
  afgehandeldOp?: Date | null;
}

@InputType({ description: "Filter op interne taken; alle gegeven voorwaarden moeten gelden." })
export class InterneTaakFilter {
  @Field(() => String, { nullable: true, deprecationReason: "Gebruik referentienummer.", description: "Nummer is gelijk aan." })
  nummer?: string | null;

  @Field(() => String, { nullable: true, description: "Referentienummer is gelijk aan." })
  referentienummer?: string | null;

  @Field(() => Taakstatus, { nullable: true, description: "Status is gelijk aan." })
  status?: Taakstatus | null;

  @Field(() => [Taakstatus], { nullable: true, description: "Status is een van deze (een lege lijst vindt geen taken)." })
  statussen?: Taakstatus[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Toegewezen op precies dit tijdstip." })
  toegewezenOp?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Toegewezen na dit tijdstip (exclusief); voor wie nieuwe taken wil ophalen.",
  })
  toegewezenNa?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Toegewezen voor dit tijdstip (exclusief)." })
  toegewezenVoor?: Date | null;

  @Field(() => ID, { nullable: true, description: "uuid van het aanleidinggevende klantcontact." })
  aanleidinggevendKlantcontact?: string | null;

  @Field(() => String, { nullable: true, description: "Nummer van het aanleidinggevende klantcontact is gelijk aan." })
  klantcontactNummer?: string | null;

  @Field(() => String, { nullable: true, description: "Referentienummer van het aanleidinggevende klantcontact is gelijk aan." })
  klantcontactReferentienummer?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van een actor aan wie de taak (ook) is toegewezen." })
  toegewezenAanActor?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Toegewezen aan (ook) een van deze actoren (uuids, ten hoogste ${MAX_ACTOREN_IN_FILTER}; een lege lijst vindt geen taken): de werkvoorraad van een medewerker en zijn afdelingen.`,
  })
  toegewezenAanActoren?: string[] | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description:
      "Toegewezen aan (ook) een actor met deze actoridentificator: elk gegeven deel exact gelijk (weggelaten delen doen niet mee).",
  })
  actoridentificator?: ObjectidentificatorInput | null;

  @Field(() => String, {
    nullable: true,
    description: "Naam van een actor aan wie de taak (ook) is toegewezen bevat (hoofdletterongevoelig).",
  })
  actorNaam?: string | null;

  @Field(() => DigitaalAdresZoekInput, {
    nullable: true,
    description:
      "Het aanleidinggevende klantcontact had een betrokkene die een digitaal adres verstrekte dat hieraan voldoet (contactverzoeken op telefoonnummer of e-mailadres).",
  })
  betrokkeneDigitaalAdres?: DigitaalAdresZoekInput | null;
}
