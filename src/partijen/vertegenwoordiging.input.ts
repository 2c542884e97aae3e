import { Field, ID, InputType } from "type-graphql";
import { NotNull } from "../common/validation";

@InputType({ description: "Een nieuwe vertegenwoordiging: de ene partij vertegenwoordigt de andere." })
export class VertegenwoordigingInput {
  @Field(() => ID, { description: "uuid van de partij die de andere partij vertegenwoordigt." })
  vertegenwoordigendePartij!: string;

  @Field(() => ID, { description: "uuid van de partij die vertegenwoordigd wordt." })
  vertegenwoordigdePartij!: string;
}

@InputType({ description: "Wijziging van een vertegenwoordiging; weggelaten velden blijven ongewijzigd." })
export class VertegenwoordigingUpdateInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij die de andere partij vertegenwoordigt." })
  @NotNull()
  vertegenwoordigendePartij?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de partij die vertegenwoordigd wordt." })
  @NotNull()
  vertegenwoordigdePartij?: string | null;
}

@InputType({ description: "Filter op vertegenwoordigingen." })
export class VertegenwoordigingFilter {
  @Field(() => ID, { nullable: true, description: "uuid van de vertegenwoordigende partij." })
  vertegenwoordigendePartij?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de vertegenwoordigde partij." })
  vertegenwoordigdePartij?: string | null;
}
