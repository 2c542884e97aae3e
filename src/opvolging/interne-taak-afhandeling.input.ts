import { ValidateNested } from "class-validator";
import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { MaxLength, NotBlank } from "../common/validation";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { KlantcontactInput } from "../klantcontacten/klantcontact.input";
import { Onderwerpobject } from "../klantcontacten/onderwerpobject.entity";
import { ActorVerwijzingInput } from "./actor-verwijzing.input";
import { InterneTaak } from "./interne-taak.entity";

/** How stuurInterneTaakDoor passes a task on (case C6114: a task that reached the wrong desk). */
export enum DoorsturenWijze {
  TOEWIJZEN = "toewijzen",
  NIEUWE_TAAK = "nieuwe_taak",
}
registerEnumType(DoorsturenWijze, {
  name: "DoorsturenWijze",
  description: "Hoe een interne taak wordt doorgestuurd.",
  valuesConfig: {
    TOEWIJZEN: { description: "Dezelfde taak wordt aan de nieuwe actoren toegewezen (toegewezenOp wordt nu)." },
    NIEUWE_TAAK: {
      description: "Deze taak wordt verwerkt met de toelichting; een nieuwe taak op hetzelfde klantcontact gaat naar de nieuwe actoren.",
    },
  },
});

// The actor lists carry no @ValidateNested: ActorService.checkVerwijzingen checks them, with their paths.
const ACTOREN_ANTWOORD =
  "De actoren die het antwoord gaven (bijvoorbeeld de medewerker): op uuid of gevonden of gemaakt op actoridentificator, elk ten hoogste één keer.";
const NAAR =
  "De actoren die de taak krijgen, in volgorde; ten minste één: op uuid of gevonden of gemaakt op actoridentificator, elk ten hoogste één keer.";

@InputType({
  description:
    "Het antwoord op de vraag van een interne taak, vastgelegd als nieuw klantcontact: de velden van een klantcontact, de actoren die het gaven en de bijlagen.",
})
export class AntwoordKlantcontactInput extends KlantcontactInput {
  @Field(() => [ActorVerwijzingInput], { nullable: true, description: ACTOREN_ANTWOORD })
  actoren?: ActorVerwijzingInput[] | null;

  @Field(() => [ObjectidentificatorInput], {
    nullable: true,
    description: "Documenten die bij het antwoord horen (bijvoorbeeld de verzonden e-mail), als identificatie in een extern register.",
  })
  @ValidateNested()
  bijlagen?: ObjectidentificatorInput[] | null;
}

@InputType({ description: "Het afhandelen van een interne taak, optioneel met het antwoord aan de klant." })
export class HandelInterneTaakAfInput {
  @Field(() => String, {
    nullable: true,
    description: "Nieuwe toelichting van de taak (ten hoogste 1000 tekens); weggelaten blijft de toelichting zoals ze is.",
  })
  @MaxLength(1000)
  toelichting?: string | null;

  @Field(() => AntwoordKlantcontactInput, {
    nullable: true,
    description:
      "Het antwoord als nieuw klantcontact: het gaat over het aanleidinggevende klantcontact (een onderwerpobject met wasKlantcontact) en de betrokkenen van dat klantcontact worden overgenomen (niet als initiator).",
  })
  antwoord?: AntwoordKlantcontactInput | null;
}

@InputType({ description: "Het doorsturen van een interne taak naar andere actoren." })
export class StuurInterneTaakDoorInput {
  @Field(() => [ActorVerwijzingInput], { description: NAAR })
  naar!: ActorVerwijzingInput[];

  @Field(() => DoorsturenWijze, { description: "Toewijzen (dezelfde taak) of een nieuwe taak maken (deze wordt afgesloten)." })
  wijze!: DoorsturenWijze;

  @Field(() => String, {
    nullable: true,
    description:
      "Toelichting (ten hoogste 1000 tekens). TOEWIJZEN: vervangt de toelichting van de taak. NIEUWE_TAAK: de toelichting waarmee deze taak wordt afgesloten; de nieuwe taak houdt de toelichting van deze taak.",
  })
  @MaxLength(1000)
  toelichting?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Andere gevraagde handeling (ten hoogste 200 tekens): van deze taak (TOEWIJZEN) of van de nieuwe taak (NIEUWE_TAAK); weggelaten blijft die van deze taak.",
  })
  @MaxLength(200)
  @NotBlank()
  gevraagdeHandeling?: string | null;
}

@ObjectType({ description: "Wat handelInterneTaakAf heeft vastgelegd." })
export class HandelInterneTaakAfResultaat {
  @Field(() => InterneTaak, { description: "De taak, nu verwerkt." })
  interneTaak!: InterneTaak;

  @Field(() => Klantcontact, { nullable: true, description: "Het klantcontact van het antwoord (null zonder antwoord)." })
  antwoord!: Klantcontact | null;

  @Field(() => Onderwerpobject, {
    nullable: true,
    description: "Het onderwerpobject dat het antwoord aan de vraag koppelt (klantcontact: het antwoord, wasKlantcontact: de vraag).",
  })
  onderwerpobject!: Onderwerpobject | null;

  @Field(() => [Betrokkene], { description: "De betrokkenen van het antwoord, overgenomen van de vraag (leeg zonder antwoord)." })
  betrokkenen!: Betrokkene[];
}

@ObjectType({ description: "Wat stuurInterneTaakDoor heeft vastgelegd." })
export class StuurInterneTaakDoorResultaat {
  @Field(() => InterneTaak, { description: "De taak die nu openstaat bij de nieuwe actoren." })
  interneTaak!: InterneTaak;

  @Field(() => InterneTaak, { nullable: true, description: "Bij NIEUWE_TAAK: de oorspronkelijke taak, nu verwerkt (anders null)." })
  afgeslotenTaak!: InterneTaak | null;
}
