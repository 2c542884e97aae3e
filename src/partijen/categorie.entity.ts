import { Entity, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";

@Entity()
@ObjectType({ description: "Categorie waarin partijen kunnen worden ingedeeld (EXPERIMENTEEL in de standaard)." })
export class Categorie extends BaseEntity {
  @Field(() => String, { description: "Naam van de categorie." })
  @Property({ type: "string", length: 80, default: "" })
  naam: string = "";
}
