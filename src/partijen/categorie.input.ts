import { Field, InputType } from "type-graphql";
import { MaxLength } from "../common/validation";

@InputType({ description: "Een nieuwe categorie." })
export class CategorieInput {
  @Field(() => String, { nullable: true, description: "Naam van de categorie (ten hoogste 80 tekens)." })
  @MaxLength(80)
  naam?: string | null;
}

@InputType({ description: "Wijziging van een categorie; weggelaten velden blijven ongewijzigd." })
export class CategorieUpdateInput extends CategorieInput {}

@InputType({ description: "Filter op categorieën." })
export class CategorieFilter {
  @Field(() => String, { nullable: true, description: "Naam is gelijk aan (hoofdletterongevoelig)." })
  naam?: string | null;
}
