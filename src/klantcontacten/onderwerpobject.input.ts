import { ValidateNested } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ObjectidentificatorInput } from "../common/embeddables.input";
import { Klantcontact } from "./klantcontact.entity";

@InputType({ description: "Een onderwerpobject van het klantcontact dat in dezelfde aanroep wordt gemaakt (maakKlantcontact)." })
export class MaakKlantcontactOnderwerpobjectInput {
  @Field(() => ID, {
    nullable: true,
    description: "uuid van het klantcontact dat het onderwerp is, bijvoorbeeld de vraag waarop dit contact het antwoord is.",
  })
  wasKlantcontact?: string | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Identificatie van het object in een extern register, bijvoorbeeld een zaak in Open Zaak.",
  })
  @ValidateNested()
  onderwerpobjectidentificator?: ObjectidentificatorInput | null;
}

@InputType({ description: "Een nieuw onderwerpobject." })
export class OnderwerpobjectInput extends MaakKlantcontactOnderwerpobjectInput {
  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact dat over dit object ging." })
  klantcontact?: string | null;
}

@InputType({ description: "Wijziging van een onderwerpobject; weggelaten velden blijven ongewijzigd." })
export class OnderwerpobjectUpdateInput extends OnderwerpobjectInput {}

@InputType({ description: "Filter op onderwerpobjecten; alle gegeven voorwaarden moeten gelden." })
export class OnderwerpobjectFilter {
  @Field(() => ID, { nullable: true, description: "Klantcontact (dat over het object ging) met deze uuid." })
  klantcontact?: string | null;

  @Field(() => ID, { nullable: true, description: "wasKlantcontact met deze uuid." })
  wasKlantcontact?: string | null;

  @Field(() => ObjectidentificatorInput, {
    nullable: true,
    description: "Identificator van het object (elk gegeven veld exact gelijk).",
  })
  onderwerpobjectidentificator?: ObjectidentificatorInput | null;
}

@ObjectType({ description: "Result of deleteOnderwerpobject." })
export class DeleteOnderwerpobjectResult {
  @Field(() => ID, { description: "uuid of the deleted onderwerpobject." })
  uuid!: string;

  @Field(() => [Klantcontact], {
    description:
      "Met cascade: de klantcontacten van het onderwerpobject die behouden zijn omdat een ander onderwerpobject er nog naar verwijst.",
  })
  behouden!: Klantcontact[];
}
