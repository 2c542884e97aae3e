import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { DateScalar } from "../common/scalars";
import { BaseEntity } from "../common/base.entity";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { zoekadres } from "./digitaal-adres.normalisation";
import { SoortDigitaalAdres } from "./enums";
import { Partij } from "./partij.entity";

/**
 * DigitaalAdres: an e-mail address, phone number or other digital address, given by a partij (for
 * future contact) or by a betrokkene (for the follow-up of one contact).
 * At most one standaard adres per partij and soort, and a referentie is unique per partij and
 * soort: both are partial unique indexes as well as service checks.
 */
@Entity()
@Unique({
  name: "digitaal_adres_een_standaard_per_partij_en_soort",
  expression:
    "create unique index digitaal_adres_een_standaard_per_partij_en_soort on digitaal_adres " +
    "(verstrekt_door_partij_id, soort_digitaal_adres) where is_standaard_adres = true",
})
@Unique({
  name: "digitaal_adres_referentie_uniek_per_partij_en_soort",
  expression:
    "create unique index digitaal_adres_referentie_uniek_per_partij_en_soort on digitaal_adres " +
    "(verstrekt_door_partij_id, referentie, soort_digitaal_adres) where referentie <> ''",
})
@Index({ name: "digitaal_adres_zoekadres_index", properties: ["zoekadres"] })
@ObjectType({
  description: "Digitaal adres (e-mailadres, telefoonnummer of ander) waarop een partij of betrokkene bereikbaar is.",
})
@Directive('@key(fields: "uuid")')
export class DigitaalAdres extends BaseEntity {
  @ManyToOne({ entity: () => Betrokkene, nullable: true, deleteRule: "set null", index: true })
  verstrektDoorBetrokkene?: Rel<Betrokkene> | null;

  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "cascade", index: true })
  verstrektDoorPartij?: Rel<Partij> | null;

  @Field(() => String, { description: "Digitaal adres waarmee een partij of betrokkene bereikbaar is." })
  @Property({ type: "string", length: 80 })
  adres!: string;

  /**
   * The adres in the form every search compares (digitaal-adres.normalisation.ts), not exposed.
   * Computed by the ORM from adres and soort on every insert and update of the entity, so no write
   * path can leave it behind; a write that bypasses the entity (nativeUpdate) must not touch adres.
   */
  @Property({
    type: "string",
    length: 80,
    default: "",
    onCreate: (row: DigitaalAdres) => zoekadres(row.soortDigitaalAdres, row.adres),
    onUpdate: (row: DigitaalAdres) => zoekadres(row.soortDigitaalAdres, row.adres),
  })
  zoekadres!: string;

  @Field(() => SoortDigitaalAdres, { description: "Soort digitaal adres." })
  @Enum({ items: () => SoortDigitaalAdres, type: "string", length: 14 })
  soortDigitaalAdres!: SoortDigitaalAdres;

  @Field(() => Boolean, { description: "Geeft aan of dit het standaard adres van deze soort is voor de partij." })
  @Property({ type: "boolean", default: false })
  isStandaardAdres: boolean = false;

  @Field(() => String, { description: "Omschrijving van het digitaal adres." })
  @Property({ type: "string", length: 40, default: "" })
  omschrijving: string = "";

  @Field(() => String, {
    description: "Korte machineleesbare aanduiding van het adres, bijvoorbeeld 'portaalvoorkeur'.",
  })
  @Property({ type: "string", length: 50, default: "" })
  referentie: string = "";

  @Field(() => DateScalar, { nullable: true, description: "Datum waarop het adres is geverifieerd." })
  @Property({ type: "date", nullable: true })
  verificatieDatum?: string | null;
}
