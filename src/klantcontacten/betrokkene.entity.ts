import { Embedded, Entity, Enum, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Adres, Contactnaam } from "../common/embeddables";
import { Partij } from "../partijen/partij.entity";
import { Rol } from "./enums";
import { Klantcontact } from "./klantcontact.entity";

/** Betrokkene: who took part in one klantcontact, as a known partij or with the name given then. */
@Entity()
@ObjectType({ description: "Persoon of organisatie die betrokken was bij een klantcontact." })
@Directive('@key(fields: "uuid")')
export class Betrokkene extends BaseEntity {
  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade", index: true })
  wasPartij?: Rel<Partij> | null;

  @ManyToOne({ entity: () => Klantcontact, deleteRule: "cascade", index: true })
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
}
