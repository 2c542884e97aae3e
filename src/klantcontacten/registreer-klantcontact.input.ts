import { ValidateNested } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { MaxLength, NotBlank } from "../common/validation";
import { ActorVerwijzingInput } from "../opvolging/actor-verwijzing.input";
import { Actor } from "../opvolging/actor.entity";
import { Taakstatus } from "../opvolging/enums";
import { InterneTaak } from "../opvolging/interne-taak.entity";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { BetrokkeneDigitaalAdresInput } from "../partijen/digitaal-adres.input";
import { VindOfMaakPartijInput, VindOfMaakPartijResultaat } from "../partijen/vind-of-maak-partij.input";
import { ActorKlantcontact } from "./actor-klantcontact.entity";
import { Betrokkene } from "./betrokkene.entity";
import { MaakKlantcontactBetrokkeneInput } from "./betrokkene.input";
import { Bijlage } from "./bijlage.entity";
import { Klantcontact } from "./klantcontact.entity";
import { KlantcontactInput } from "./klantcontact.input";
import { Onderwerpobject } from "./onderwerpobject.entity";

@InputType({
  description:
    "Een zaak in het zaaksysteem, op uuid of op identificatie (geef precies één). Vastgelegd als de onderwerpobjectidentificator die de Zaak-subgraph herkent: op uuid als {codeObjecttype: 'zgw-Zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid'} (KISS, ITA), op identificatie als {codeObjecttype: 'zaak', codeRegister: 'openzaak', codeSoortObjectId: 'identificatie'} (Open Inwoner).",
})
export class ZaakVerwijzingInput {
  @Field(() => ID, { nullable: true, description: "uuid van de zaak." })
  uuid?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Identificatie van de zaak, bijvoorbeeld ZAAK-2026-0000042 (ten hoogste 200 tekens).",
  })
  @NotBlank()
  @MaxLength(200)
  identificatie?: string | null;
}

@InputType({ description: "Waarover het klantcontact ging: een zaak, een eerder klantcontact, of een ander object. Geef precies één." })
export class RegistreerOnderwerpobjectInput {
  @Field(() => ZaakVerwijzingInput, { nullable: true, description: "Een zaak, op uuid of identificatie." })
  @ValidateNested()
  zaak?: ZaakVerwijzingInput | null;

  @Field(() => ID, {
    nullable: true,
    description: "uuid van een eerder klantcontact, bijvoorbeeld de vraag waarop dit contact het antwoord is.",
  })
  wasKlantcontact?: string | null;

  @Field(() => ObjectidentificatorInput, { nullable: true, description: "Een ander object in een extern register." })
  @ValidateNested()
  onderwerpobjectidentificator?: ObjectidentificatorInput | null;
}

@InputType({
  description:
    "Een betrokkene bij het nieuwe klantcontact: met een bestaande partij (wasPartij), met een partij die gevonden of gemaakt wordt (vindOfMaakPartij), of alleen met een naam. Hoogstens één van wasPartij en vindOfMaakPartij.",
})
export class RegistreerBetrokkeneInput extends MaakKlantcontactBetrokkeneInput {
  @Field(() => VindOfMaakPartijInput, {
    nullable: true,
    description: [
      "De partij, gezocht op een identificator en gemaakt als ze niet bestaat (zie vindOfMaakPartij).",
      "Zoeken meer betrokkenen op dezelfde identificator (één persoon in twee rollen), dan krijgen ze dezelfde partij; een nieuwe partij krijgt de partijgegevens die een van hen opgeeft. Verschillende partijgegevens voor één identificator zijn ongeldig.",
    ].join("\n"),
  })
  vindOfMaakPartij?: VindOfMaakPartijInput | null;

  // Checked by DigitaalAdresService.checkNested, not by @ValidateNested here.
  @Field(() => [BetrokkeneDigitaalAdresInput], {
    nullable: true,
    description: "Digitale adressen die de betrokkene bij dit contact opgaf (verstrekt door de betrokkene, niet door de partij).",
  })
  nieuweDigitaleAdressen?: BetrokkeneDigitaalAdresInput[] | null;
}

@InputType({ description: "Een interne taak naar aanleiding van het nieuwe klantcontact (een contactverzoek)." })
export class RegistreerInterneTaakInput {
  @Field(() => String, { description: "Handeling die moet worden uitgevoerd (ten hoogste 200 tekens)." })
  @MaxLength(200)
  @NotBlank()
  gevraagdeHandeling!: string;

  @Field(() => String, { nullable: true, description: "Toelichting die de uitvoerder nodig heeft (ten hoogste 1000 tekens)." })
  @MaxLength(1000)
  toelichting?: string | null;

  @Field(() => Taakstatus, { nullable: true, description: "Status van de taak (standaard te_verwerken)." })
  status?: Taakstatus | null;

  @Field(() => [ActorVerwijzingInput], {
    description:
      "De actoren aan wie de taak wordt toegewezen, in volgorde (ten minste één): op uuid of gevonden of gemaakt op actoridentificator.",
  })
  toegewezenAanActoren!: ActorVerwijzingInput[];
}

@InputType({
  description:
    "Alles wat bij één klantcontact hoort, in één keer vast te leggen (een contactmoment met contactverzoek in KISS, een formulierinzending): alles of niets.",
})
export class RegistreerKlantcontactInput {
  @Field(() => KlantcontactInput, { description: "Het klantcontact." })
  klantcontact!: KlantcontactInput;

  @Field(() => [ActorVerwijzingInput], {
    nullable: true,
    description: "De actoren die het klantcontact hadden (de medewerker, het kanaal).",
  })
  actoren?: ActorVerwijzingInput[] | null;

  @Field(() => [RegistreerBetrokkeneInput], { nullable: true, description: "De betrokkenen bij het klantcontact." })
  betrokkenen?: RegistreerBetrokkeneInput[] | null;

  @Field(() => [RegistreerOnderwerpobjectInput], {
    nullable: true,
    description: "Waarover het klantcontact ging (zaken, een eerder klantcontact).",
  })
  onderwerpobjecten?: RegistreerOnderwerpobjectInput[] | null;

  @Field(() => [ObjectidentificatorInput], {
    nullable: true,
    description: "Documenten bij het klantcontact, elk met zijn identificatie in een extern register.",
  })
  bijlagen?: ObjectidentificatorInput[] | null;

  @Field(() => RegistreerInterneTaakInput, { nullable: true, description: "Een interne taak naar aanleiding van het klantcontact." })
  interneTaak?: RegistreerInterneTaakInput | null;
}

@ObjectType({
  description: "Wat registreerKlantcontact heeft vastgelegd (bij een herhaalde aanroep: wat de eerste vastlegde, opnieuw gelezen).",
})
export class RegistreerKlantcontactResultaat {
  @Field(() => Klantcontact, { description: "Het nieuwe klantcontact." })
  klantcontact!: Klantcontact;

  @Field(() => [Actor], { description: "De actoren van het klantcontact (gevonden of gemaakt), in volgorde." })
  actoren!: Actor[];

  @Field(() => [ActorKlantcontact], { description: "De koppelingen van die actoren aan het klantcontact." })
  actorKlantcontacten!: ActorKlantcontact[];

  @Field(() => [Betrokkene], { description: "De nieuwe betrokkenen, in volgorde." })
  betrokkenen!: Betrokkene[];

  @Field(() => [DigitaalAdres], { description: "De nieuwe digitale adressen van de betrokkenen, in volgorde." })
  digitaleAdressen!: DigitaalAdres[];

  @Field(() => [VindOfMaakPartijResultaat], {
    description: "De partijen van de betrokkenen met vindOfMaakPartij, in volgorde, met of ze gemaakt zijn.",
  })
  partijen!: VindOfMaakPartijResultaat[];

  @Field(() => [Onderwerpobject], { description: "De nieuwe onderwerpobjecten, in volgorde." })
  onderwerpobjecten!: Onderwerpobject[];

  @Field(() => [Bijlage], { description: "De nieuwe bijlagen, in volgorde." })
  bijlagen!: Bijlage[];

  @Field(() => InterneTaak, { nullable: true, description: "De nieuwe interne taak (null als er geen is meegegeven)." })
  interneTaak!: InterneTaak | null;

  @Field(() => Boolean, {
    description: "true als dit het antwoord is van een eerdere aanroep met dezelfde idempotentieSleutel (er is niets nieuws vastgelegd).",
  })
  herhaald!: boolean;
}
