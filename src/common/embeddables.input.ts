import { Field, InputType } from "type-graphql";
import { MaxLength } from "./validation";

/** Input counterparts of the gegevensgroepen in embeddables.ts. */

@InputType("ObjectidentificatorInput", { description: "Identificatie van een object in een extern register (vrije tekst)." })
export class ObjectidentificatorInput {
  @Field(() => String, { nullable: true, description: "Type van het object, bijvoorbeeld 'zaak' (ten hoogste 200 tekens)." })
  @MaxLength(200)
  codeObjecttype?: string | null;

  @Field(() => String, { nullable: true, description: "Register waarin het object staat, bijvoorbeeld 'open-zaak' (ten hoogste 200 tekens)." })
  @MaxLength(200)
  codeRegister?: string | null;

  @Field(() => String, { nullable: true, description: "Naam van de identificerende eigenschap, bijvoorbeeld 'uuid' (ten hoogste 200 tekens)." })
  @MaxLength(200)
  codeSoortObjectId?: string | null;

  @Field(() => String, { nullable: true, description: "Waarde van de identificerende eigenschap (ten hoogste 200 tekens)." })
  @MaxLength(200)
  objectId?: string | null;
}
