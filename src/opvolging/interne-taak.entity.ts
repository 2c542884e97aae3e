import { Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars";
import { BaseEntity } from "../common/base.entity";
import { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { Taakstatus } from "./enums";

/** InterneTaak: a follow-up task that a klantcontact led to ("bel deze burger terug"). */
@Entity()
// Lists of taken are ordered by toegewezenOp (a work queue: open ones, oldest first).
@Index({ name: "interne_taak_status_toegewezen_op_index", properties: ["status", "toegewezenOp", "id"] })
@Index({ name: "interne_taak_toegewezen_op_index", properties: ["toegewezenOp", "id"] })
@ObjectType({ description: "Taak die naar aanleiding van een klantcontact intern moet worden uitgevoerd." })
@Directive('@key(fields: "uuid")')
export class InterneTaak extends BaseEntity {
  @Field(() => String, {
    nullable: true,
    deprecationReason: "Vervallen in Klantinteracties 0.7.0; gebruik referentienummer.",
    description: "Uniek identificerend nummer dat tijdens communicatie tussen mensen kan worden gebruikt.",
  })
  @Property({ type: "string", length: 10, nullable: true, unique: true })
  nummer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Uniek nummer dat tijdens communicatie tussen mensen kan worden gebruikt (alleen cijfers).",
  })
  @Property({ type: "string", length: 10, nullable: true, unique: true })
  referentienummer?: string | null;

  @Field(() => String, { description: "Handeling die moet worden uitgevoerd, bijvoorbeeld 'terugbellen'." })
  @Property({ type: "string", length: 200 })
  gevraagdeHandeling!: string;

  @ManyToOne({ entity: () => Klantcontact, deleteRule: "cascade", index: true })
  aanleidinggevendKlantcontact!: Rel<Klantcontact>;

  @Field(() => String, { description: "Toelichting die de uitvoerder nodig heeft." })
  @Property({ type: "string", length: 1000, default: "" })
  toelichting: string = "";

  @Field(() => Taakstatus, { description: "Status van de taak." })
  @Enum({ items: () => Taakstatus, type: "string", length: 12 })
  status!: Taakstatus;

  @Field(() => DateTimeScalar, { description: "Datum en tijdstip waarop de taak werd toegewezen (aangemaakt)." })
  @Property({ type: "datetime" })
  toegewezenOp: Date = new Date();

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Datum en tijdstip waarop de taak werd afgehandeld; gezet zodra de status 'verwerkt' wordt.",
  })
  @Property({ type: "datetime", nullable: true })
  afgehandeldOp?: Date | null;
}
