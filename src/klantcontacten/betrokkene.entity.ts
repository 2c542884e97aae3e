import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Adres, Contactnaam } from "../common/embeddables";
import { Partij } from "../partijen/partij.entity";
import { Rol } from "./enums";
import { Klantcontact } from "./klantcontact.entity";

/** Betrokkene: who took part in one klantcontact, as a known partij or with the name given then. */
@Entity()
// Each foreign key leads an index that also holds the other one, so that the klantcontacten of a
// partij (and the partijen of klantcontacten) are read from the index alone; a partij's in the
// order of their plaatsgevondenOp, newest first (Partij.klantcontacten).
@Index({
  name: "betrokkene_partij_klantcontact_volgorde_index",
  properties: ["wasPartij", "klantcontactPlaatsgevondenOp", "hadKlantcontact"],
})
@Index({ name: "betrokkene_klantcontact_partij_index", properties: ["hadKlantcontact", "wasPartij"] })
@ObjectType({ description: "Persoon of organisatie die betrokken was bij een klantcontact." })
@Directive('@key(fields: "uuid")')
export class Betrokkene extends BaseEntity {
  // index: false, since the composite indexes above serve this key (else SQLite gets one more).
  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade", index: false })
  wasPartij?: Rel<Partij> | null;

  @ManyToOne({ entity: () => Klantcontact, deleteRule: "cascade", index: false })
  hadKlantcontact!: Rel<Klantcontact>;

  @Field(() => Adres, { nullable: true, description: "Bezoekadres dat bij dit klantcontact is opgegeven." })
  @Embedded({ entity: () => Adres, prefix: "bezoekadres_", nullable: true })
  bezoekadres?: Adres | null;

  @Field(() => Adres, { nullable: true, description: "Correspondentieadres dat bij dit klantcontact is opgegeven." })
  @Embedded({ entity: () => Adres, prefix: "correspondentieadres_", nullable: true })
  correspondentieadres?: Adres | null;

  @Field(() => Contactnaam, { nullable: true, description: "Naam die voor de opvolging van het contact gebruikt wordt." })
  @Embedded({ entity: () => Contactnaam, prefix: "contactnaam_", nullable: true })
  contactnaam?: Contactnaam | null;

  @Field(() => Rol, { description: "Rol die de betrokkene bij het klantcontact had." })
  @Enum({ items: () => Rol, type: "string", length: 17 })
  rol!: Rol;

  @Field(() => String, { description: "Naam van de organisatie waarmee de betrokkene verbonden was." })
  @Property({ type: "string", length: 200, default: "" })
  organisatienaam: string = "";

  @Field(() => Boolean, { description: "Geeft aan of de betrokkene het klantcontact begon." })
  @Property({ type: "boolean" })
  initiator!: boolean;

  /**
   * A copy of its klantcontact's plaatsgevondenOp, which database triggers keep (migration
   * 20261201140000): the code never sets it. It orders a partij's klantcontacten within the index above.
   */
  @Property({ type: "datetime", nullable: true })
  klantcontactPlaatsgevondenOp?: Date | null;
}
