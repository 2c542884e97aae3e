import { Entity, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Partij } from "./partij.entity";

@Entity()
@ObjectType({ description: "Bankrekeningnummer van een partij." })
export class Rekeningnummer extends BaseEntity {
  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade", index: true })
  partij?: Rel<Partij> | null;

  @Field(() => String, { description: "Internationaal bankrekeningnummer (IBAN), met geldig controlegetal." })
  @Property({ type: "string", length: 34 })
  iban!: string;

  @Field(() => String, { description: "Bankidentificatiecode (BIC), 8 tot 11 tekens." })
  @Property({ type: "string", length: 11, default: "" })
  bic: string = "";
}
