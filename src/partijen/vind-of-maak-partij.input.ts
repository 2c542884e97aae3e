import { ValidateNested } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { MaxLength, NotBlank } from "../common/validation";
import { Partij } from "./partij.entity";
import { PartijInput } from "./partij.input";
import { PartijIdentificatorGroepInput } from "./partij-identificator.input";

@InputType({
  description: [
    "Een partij, gezocht op één identificator en gemaakt als die er niet is (de inlog-synchronisatie van Mijn Omgeving, een nieuwe klant in KISS).",
    "Een vestiging wordt gezocht onder haar KvK-nummer (kvkNummer); bestaat er nog geen identificator voor dat KvK-nummer, dan wordt die zonder partij gemaakt.",
  ].join("\n"),
})
export class VindOfMaakPartijInput {
  @Field(() => PartijIdentificatorGroepInput, {
    description: "Waarop gezocht wordt: een BSN, KvK-nummer, vestigingsnummer of RSIN (alle vier gegevens).",
  })
  @ValidateNested()
  identificator!: PartijIdentificatorGroepInput;

  @Field(() => String, {
    nullable: true,
    description: "Het KvK-nummer waaronder de vestiging valt; vereist bij een vestigingsnummer, en alleen dan toegestaan.",
  })
  @NotBlank()
  @MaxLength(200)
  kvkNummer?: string | null;

  @Field(() => PartijInput, {
    nullable: true,
    description: [
      "Wat een nieuwe partij krijgt (een gevonden partij wordt niet gewijzigd). Haar identificatoren bevatten de gezochte vanzelf.",
      "Zonder: een actieve persoon (bij een BSN) of organisatie (anders) met alleen die identificator.",
    ].join("\n"),
  })
  // Checked as a new partij (PartijService.checkNew) when one is made, not here.
  partij?: PartijInput | null;
}

@ObjectType({ description: "Wat vindOfMaakPartij vond of maakte." })
export class VindOfMaakPartijResultaat {
  @Field(() => Partij, { description: "De gevonden of nieuwe partij." })
  partij!: Partij;

  @Field(() => Boolean, { description: "true als de partij in deze aanroep is gemaakt, false als ze al bestond." })
  aangemaakt!: boolean;
}
