import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId } from "./enums";
import { Partij } from "./partij.entity";

/**
 * PartijIdentificator: a BSN, KvK-nummer, vestigingsnummer or RSIN that identifies a partij.
 * The uniqueness rules of the standard are constraints here too, so two concurrent requests cannot
 * both win: globally unique when not scoped, unique under its kvk parent when scoped (a
 * vestigingsnummer), and one identificator of each codeSoortObjectId per partij.
 */
@Entity()
@Unique({
  name: "partij_identificator_globally_unique",
  expression:
    "create unique index partij_identificator_globally_unique on partij_identificator " +
    "(code_objecttype, code_soort_object_id, object_id, code_register) where sub_identificator_van_id is null",
})
@Unique({
  name: "partij_identificator_scoped_unique",
  properties: ["subIdentificatorVan", "codeObjecttype", "codeSoortObjectId", "objectId", "codeRegister"],
})
@Unique({ name: "partij_identificator_locally_unique", properties: ["identificeerdePartij", "codeSoortObjectId"] })
@Index({ name: "partij_identificator_object_id_index", properties: ["objectId", "codeSoortObjectId"] })
@ObjectType({ description: "Gegevens die een partij in een basisregistratie of ander extern register identificeren." })
export class PartijIdentificator extends BaseEntity {
  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade" })
  identificeerdePartij?: Rel<Partij> | null;

  @Field(() => String, {
    deprecationReason: "Vervallen sinds de codes enums zijn (Open Klant 2.9).",
    description: "Vrij tekstveld om een niet-voorgedefinieerd objecttype, soort object-id of register vast te leggen.",
  })
  @Property({ type: "string", length: 200, default: "" })
  anderePartijIdentificator: string = "";

  @Enum({ items: () => CodeObjecttype, type: "string", length: 23 })
  codeObjecttype!: CodeObjecttype;

  @Enum({ items: () => CodeSoortObjectId, type: "string", length: 16 })
  codeSoortObjectId!: CodeSoortObjectId;

  @Property({ type: "string", length: 200 })
  objectId!: string;

  @Enum({ items: () => CodeRegister, type: "string", length: 3 })
  codeRegister!: CodeRegister;

  // PROTECT: a kvk identificator with vestigingen under it cannot be deleted.
  @ManyToOne({ entity: () => PartijIdentificator, nullable: true, deleteRule: "restrict" })
  subIdentificatorVan?: Rel<PartijIdentificator> | null;
}
