import { Field, ID, InputType } from "type-graphql";
import { NotNull } from "../common/validation";

@InputType({ description: "Een nieuwe koppeling van een actor aan een klantcontact." })
export class ActorKlantcontactInput {
  @Field(() => ID, { description: "uuid van de actor." })
  actor!: string;

  @Field(() => ID, { description: "uuid van het klantcontact." })
  klantcontact!: string;
}

@InputType({ description: "Wijziging van een actor-klantcontactkoppeling; weggelaten velden blijven ongewijzigd." })
export class ActorKlantcontactUpdateInput {
  @Field(() => ID, { nullable: true, description: "uuid van de actor." })
  @NotNull()
  actor?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact." })
  @NotNull()
  klantcontact?: string | null;
}

@InputType({ description: "Filter op actor-klantcontactkoppelingen." })
export class ActorKlantcontactFilter {
  @Field(() => ID, { nullable: true, description: "uuid van de actor." })
  actor?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van het klantcontact." })
  klantcontact?: string | null;
}
