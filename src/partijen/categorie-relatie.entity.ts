import { Entity, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../common/scalars";
import { BaseEntity } from "../common/base.entity";
import { Categorie } from "./categorie.entity";
import { Partij } from "./partij.entity";

@Entity()
@ObjectType({ description: "Indeling van een partij in een categorie, met een geldigheidsperiode (EXPERIMENTEEL)." })
export class CategorieRelatie extends BaseEntity {
  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade", index: true })
  partij?: Rel<Partij> | null;

  @ManyToOne({ entity: () => Categorie, nullable: true, deleteRule: "cascade", index: true })
  categorie?: Rel<Categorie> | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop de categorie aan de partij is gekoppeld." })
  @Property({ type: "date", nullable: true })
  beginDatum?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop de koppeling is beëindigd." })
  @Property({ type: "date", nullable: true })
  eindDatum?: string | null;
}
