import { Embedded, Entity, Enum, Index, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Objectidentificator } from "../common/embeddables";
import { SoortActor } from "./enums";

/**
 * Actor: a medewerker, a geautomatiseerde actor or an organisatorische eenheid of the
 * municipality. The three identificatie subtypes are stored in this table; `actorIdentificatie`
 * exposes the one `soortActor` selects.
 */
@Entity()
@Index({
  name: "actor_actoridentificator_index",
  properties: ["actoridentificator.objectId", "actoridentificator.codeObjecttype"],
})
@ObjectType({
  description: "Medewerker, organisatorische eenheid of geautomatiseerde actor die namens de gemeente handelt.",
})
@Directive('@key(fields: "uuid")')
export class Actor extends BaseEntity {
  @Field(() => String, { description: "Naam van de actor." })
  @Property({ type: "string", length: 200 })
  naam!: string;

  @Field(() => SoortActor, { description: "Geeft aan van welke specifieke soort actor sprake is." })
  @Enum({ items: () => SoortActor, type: "string", length: 24 })
  soortActor!: SoortActor;

  @Field(() => Boolean, {
    description: "Geeft aan of aan de actor nog nieuwe klantcontacten of taken kunnen worden toegewezen.",
  })
  @Property({ type: "boolean", default: true })
  indicatieActief: boolean = true;

  @Field(() => Objectidentificator, {
    nullable: true,
    description: "Identificatie van de actor in een extern register, bijvoorbeeld een medewerkersregister.",
  })
  @Embedded({ entity: () => Objectidentificator, prefix: "actoridentificator_", nullable: true })
  actoridentificator?: Objectidentificator | null;

  // actorIdentificatie of a medewerker or geautomatiseerde actor
  @Property({ type: "string", length: 40, nullable: true })
  functie?: string | null;

  // actorIdentificatie of a medewerker or organisatorische eenheid
  @Property({ type: "string", length: 254, nullable: true })
  emailadres?: string | null;

  @Property({ type: "string", length: 20, nullable: true })
  telefoonnummer?: string | null;

  // actorIdentificatie of a geautomatiseerde actor or organisatorische eenheid
  @Property({ type: "string", length: 200, nullable: true })
  omschrijving?: string | null;

  // actorIdentificatie of an organisatorische eenheid
  @Property({ type: "string", length: 20, nullable: true })
  faxnummer?: string | null;
}
