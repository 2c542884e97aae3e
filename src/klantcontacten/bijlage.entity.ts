import { Embedded, Entity, ManyToOne, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Objectidentificator } from "../common/embeddables";
import { Klantcontact } from "./klantcontact.entity";

@Entity()
@ObjectType({ description: "Document dat tijdens een klantcontact is gebruikt of uitgewisseld." })
export class Bijlage extends BaseEntity {
  @ManyToOne({ entity: () => Klantcontact, nullable: true, deleteRule: "cascade", index: true })
  wasBijlageVanKlantcontact?: Rel<Klantcontact> | null;

  @Field(() => Objectidentificator, {
    nullable: true,
    description: "Identificatie van het document in een extern register, bijvoorbeeld Open Zaak.",
  })
  @Embedded({ entity: () => Objectidentificator, prefix: "bijlageidentificator_", nullable: true })
  bijlageidentificator?: Objectidentificator | null;
}
