import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Een nieuwe koppeling van een partij aan een categorie." })
export class CategorieRelatieInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij." })
  partij?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de categorie." })
  categorie?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop de koppeling begint." })
  beginDatum?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop de koppeling eindigt." })
  eindDatum?: Date | null;
}

@InputType({ description: "Wijziging van een categorie-relatie; weggelaten velden blijven ongewijzigd." })
export class CategorieRelatieUpdateInput extends CategorieRelatieInput {}

@InputType({ description: "Filter op categorie-relaties." })
export class CategorieRelatieFilter {
  @Field(() => ID, { nullable: true, description: "uuid van de partij." })
  partij?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de categorie." })
  categorie?: string | null;

  @Field(() => String, { nullable: true, description: "Naam van de categorie." })
  categorieNaam?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Begindatum is gelijk aan." })
  beginDatum?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Einddatum is gelijk aan." })
  eindDatum?: Date | null;
}
