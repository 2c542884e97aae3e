import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Adres, Contactnaam } from "../common/embeddables";
import { SoortPartij } from "./enums";
import { DigitaalAdres } from "./digitaal-adres.entity";
import { Rekeningnummer } from "./rekeningnummer.entity";

/**
 * Partij: a person or organisation with whom the municipality has (had) contact.
 *
 * The standard's three identificatie subtypes (persoon, organisatie, contactpersoon) are stored
 * in this table (their fields do not overlap); `partijIdentificatie` exposes the one that
 * `soortPartij` selects. Relations are exposed by field resolvers, batched per request.
 */
@Entity()
@Index({ properties: ["soortPartij"] })
@ObjectType({
  description: "Persoon of organisatie waarmee de gemeente een relatie heeft (gehad), of een contactpersoon van een organisatie.",
})
@Directive('@key(fields: "uuid")')
export class Partij extends BaseEntity {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik uuid.",
    description: "Uniek identificerend nummer dat tijdens communicatie tussen mensen kan worden gebruikt.",
  })
  @Property({ type: "string", length: 10, nullable: true, unique: true })
  nummer?: string | null;

  // exposed by PartijResolver.interneNotitie: a citizen-bound token never sees it
  @Property({ type: "string", length: 1000, default: "" })
  interneNotitie: string = "";

  @Field(() => SoortPartij, { description: "Geeft aan van welke specifieke soort partij sprake is." })
  @Enum({ items: () => SoortPartij, type: "string", length: 14 })
  soortPartij!: SoortPartij;

  @Field(() => Boolean, {
    nullable: true,
    description: "Geeft aan of de verstrekker van partijgegevens heeft aangegeven dat deze gegevens geheim zijn.",
  })
  @Property({ type: "boolean", nullable: true })
  indicatieGeheimhouding?: boolean | null;

  @Field(() => String, { description: "Taal waarin de partij bij voorkeur contact heeft (ISO 639-2/B, bijv. 'nld')." })
  @Property({ type: "string", length: 3, default: "" })
  voorkeurstaal: string = "";

  @Field(() => Boolean, { description: "Geeft aan of de contactgegevens van de partij nog gebruikt mogen worden." })
  @Property({ type: "boolean" })
  indicatieActief!: boolean;

  @Field(() => Adres, { nullable: true, description: "Adres waar de partij fysiek bezocht kan worden." })
  @Embedded({ entity: () => Adres, prefix: "bezoekadres_", nullable: true })
  bezoekadres?: Adres | null;

  @Field(() => Adres, { nullable: true, description: "Adres waarop de partij post ontvangt." })
  @Embedded({ entity: () => Adres, prefix: "correspondentieadres_", nullable: true })
  correspondentieadres?: Adres | null;

  @ManyToOne({ entity: () => DigitaalAdres, nullable: true, deleteRule: "set null", index: true })
  voorkeursDigitaalAdres?: Rel<DigitaalAdres> | null;

  @ManyToOne({ entity: () => Rekeningnummer, nullable: true, deleteRule: "set null", index: true })
  voorkeursRekeningnummer?: Rel<Rekeningnummer> | null;

  // partijIdentificatie of a persoon or contactpersoon
  @Embedded({ entity: () => Contactnaam, prefix: "contactnaam_", nullable: true })
  contactnaam?: Contactnaam | null;

  // partijIdentificatie of an organisatie
  @Property({ type: "string", length: 200, nullable: true })
  organisatienaam?: string | null;

  // partijIdentificatie of a contactpersoon: its own uuid and the organisatie it worked for
  @Property({ type: "uuid", nullable: true })
  contactpersoonUuid?: string | null;

  @ManyToOne({ entity: () => Partij, nullable: true, deleteRule: "set null", index: true })
  werkteVoorPartij?: Rel<Partij> | null;
}
