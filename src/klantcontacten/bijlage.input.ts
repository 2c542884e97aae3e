import { ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";

@InputType({ description: "Een nieuwe bijlage." })
export class BijlageInput {
  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact waarbij het document hoorde." })
  wasBijlageVanKlantcontact?: string | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Identificatie van het document in een extern register, bijvoorbeeld Open Zaak.",
  })
  @ValidateNested()
  bijlageidentificator?: ObjectidentificatorInput | null;
}

@InputType({ description: "Wijziging van een bijlage; weggelaten velden blijven ongewijzigd." })
export class BijlageUpdateInput extends BijlageInput {}

@InputType({ description: "Filter op bijlagen; alle gegeven voorwaarden moeten gelden." })
export class BijlageFilter {
  @Field(() => ID, { nullable: true, description: "Bijlage van het klantcontact met deze uuid." })
  klantcontact?: string | null;

  @Field(() => ObjectidentificatorInput, { nullable: true, description: "Identificator van het document (elk gegeven veld exact gelijk)." })
  bijlageidentificator?: ObjectidentificatorInput | null;
}
