import { Embedded, Entity, Index, ManyToOne, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Objectidentificator } from "../common/embeddables";
import { Klantcontact } from "./klantcontact.entity";

/**
 * Onderwerpobject: what a klantcontact was about, often a zaak (by uuid or identificatie), or an
 * earlier klantcontact (`wasKlantcontact`: an answer refers to its question). An entity, so that
 * the Zaak subgraph can add `zaak` to it from the onderwerpobjectidentificator (contract version 2).
 */
@Entity()
// Zaak.klantcontacten and the onderwerpobject filters look links up by objectId.
@Index({
  name: "onderwerpobject_identificator_index",
  properties: ["onderwerpobjectidentificator.objectId", "onderwerpobjectidentificator.codeObjecttype"],
})
@ObjectType({ description: "Object waarover een klantcontact ging, bijvoorbeeld een zaak." })
@Directive('@key(fields: "uuid")')
export class Onderwerpobject extends BaseEntity {
  @ManyToOne({ entity: () => Klantcontact, nullable: true, deleteRule: "cascade", index: true })
  klantcontact?: Rel<Klantcontact> | null;

  @ManyToOne({ entity: () => Klantcontact, nullable: true, deleteRule: "cascade", index: true })
  wasKlantcontact?: Rel<Klantcontact> | null;

  @Field(() => Objectidentificator, {
    nullable: true,
    description: "Identificatie van het object in een extern register, bijvoorbeeld een zaak in Open Zaak.",
  })
  @Embedded({ entity: () => Objectidentificator, prefix: "onderwerpobjectidentificator_", nullable: true })
  onderwerpobjectidentificator?: Objectidentificator | null;
}
