import { Check, Entity, Index, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeScalar } from "../common/scalars";
import { BaseEntity } from "../common/base.entity";

/**
 * Klantcontact: one contact between the municipality and a customer (a call, an e-mail, a letter,
 * a chat, a form). A contact that succeeded needs no further action: that is a CHECK constraint as
 * well as a service rule.
 */
@Entity()
@Index({ name: "klantcontact_plaatsgevonden_op_index", properties: ["plaatsgevondenOp", "id"] })
@Check({
  name: "klantcontact_geen_verdere_actie_als_gelukt",
  expression: "not (indicatie_contact_gelukt = true and verdere_actie_ondernomen = true)",
})
@ObjectType({
  description: "Contact tussen een klant of andere partij en een medewerker of geautomatiseerde actor van de gemeente.",
})
@Directive('@key(fields: "uuid")')
export class Klantcontact extends BaseEntity {
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

  @Field(() => String, { description: "Kanaal dat bij het klantcontact werd gebruikt, bijvoorbeeld 'telefoon'." })
  @Property({ type: "string", length: 50, index: true })
  kanaal!: string;

  @Field(() => String, { description: "Datgene waarover het klantcontact ging." })
  @Property({ type: "string", length: 200 })
  onderwerp!: string;

  @Field(() => String, { description: "Informatie die tijdens het klantcontact werd overgebracht (de vraag)." })
  @Property({ type: "string", length: 1000, default: "" })
  inhoud: string = "";

  @Field(() => String, { description: "Antwoord of reactie die tijdens het klantcontact is gegeven." })
  @Property({ type: "string", length: 4000, default: "" })
  reactie: string = "";

  @Field(() => Boolean, {
    nullable: true,
    description: "Geeft aan of het contact tussen klant en gemeente gelukt is (null: onbekend).",
  })
  @Property({ type: "boolean", nullable: true })
  indicatieContactGelukt?: boolean | null;

  @Field(() => String, { description: "URL van het type van het hoofdonderwerp, bijvoorbeeld een zaaktype." })
  @Property({ type: "string", length: 200, default: "" })
  hoofdOnderwerpType: string = "";

  @Field(() => Boolean, {
    description: "Geeft aan of er na het klantcontact verdere actie is ondernomen. Kan niet waar zijn als het contact gelukt is.",
  })
  @Property({ type: "boolean", default: false })
  verdereActieOndernomen: boolean = false;

  @Field(() => String, { description: "Taal van het klantcontact (ISO 639-2/B, bijvoorbeeld 'nld')." })
  @Property({ type: "string", length: 3 })
  taal!: string;

  @Field(() => Boolean, { description: "Geeft aan of inhoud of reactie vertrouwelijk zijn." })
  @Property({ type: "boolean" })
  vertrouwelijk!: boolean;

  @Field(() => DateTimeScalar, { description: "Datum en tijdstip waarop het klantcontact plaatsvond." })
  @Property({ type: "datetime" })
  plaatsgevondenOp: Date = new Date();

  @Field(() => JSONObjectResolver, {
    description: "Extra gegevens als sleutel-waardeparen; elke waarde is tekst van ten hoogste 255 tekens.",
  })
  @Property({ type: "json" })
  metadata: Record<string, string> = {};
}
