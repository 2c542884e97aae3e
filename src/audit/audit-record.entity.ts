import { Entity, Enum, Index, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { DateTimeScalar } from "../common/scalars";
import { AuditSoort, AuditUitkomst } from "./enums";

/** Column lengths of the free-text columns; longer values are cut (audit-collector.ts) rather than refused. */
export const AUDIT_TEXT_LENGTH = 255;

/**
 * One processing of personal data about one data subject, after the Logboek Dataverwerkingen:
 * when, in which trace, by which operation for which processing activity, by which client and
 * employee, of what kind, with what outcome. The data subject is only a keyed hash (audit-hash.ts);
 * nothing else about the citizen is stored. Append-only: the migrations add triggers that refuse
 * UPDATE and DELETE.
 */
@Entity({ tableName: "audit_record" })
// The auditor's lookup: the records of one data subject, newest first (keyset order tijdstip, id).
@Index({ name: "audit_record_betrokkene_index", properties: ["betrokkeneHash", "tijdstip", "id"] })
@ObjectType({
  description:
    "Een verwerking van persoonsgegevens van één betrokkene (Logboek Dataverwerkingen): wie, wanneer, waarvoor en met welke uitkomst.",
})
export class AuditRecord extends BaseEntity {
  @Field(() => DateTimeScalar, { description: "Moment van de verwerking." })
  @Property({ type: "datetime" })
  tijdstip!: Date;

  @Field(() => String, {
    description: "W3C trace-id van het verzoek (uit traceparent, of hier gemaakt), om de verwerking in andere logboeken terug te vinden.",
  })
  @Property({ type: "string", length: 32 })
  traceId!: string;

  @Field(() => String, { description: "De GraphQL-operatie: naam en velden op het hoogste niveau." })
  @Property({ type: "string", length: AUDIT_TEXT_LENGTH })
  operatie!: string;

  @Field(() => String, { description: "De verwerkingsactiviteit uit het verwerkingsregister waarvoor de gegevens zijn verwerkt." })
  @Property({ type: "string", length: AUDIT_TEXT_LENGTH })
  verwerkingsactiviteit!: string;

  @Field(() => String, { description: "De applicatie (client) die de verwerking deed." })
  @Property({ type: "string", length: AUDIT_TEXT_LENGTH })
  clientId!: string;

  @Field(() => String, { description: "De medewerker (user_id), leeg als de client die niet meegaf." })
  @Property({ type: "string", length: AUDIT_TEXT_LENGTH })
  userId!: string;

  @Field(() => String, { description: "De naam van de medewerker zoals de client die meegaf (user_representation), of leeg." })
  @Property({ type: "string", length: AUDIT_TEXT_LENGTH })
  userRepresentation!: string;

  /** HMAC of "bsn:<bsn>" or "partij:<uuid>"; never exposed (it would let clients link records). */
  @Property({ type: "string", length: 64 })
  betrokkeneHash!: string;

  @Field(() => AuditSoort, { description: "Lezen, schrijven of verwijderen." })
  @Enum({ items: () => AuditSoort, type: "string", length: 11 })
  soort!: AuditSoort;

  @Field(() => AuditUitkomst, { description: "Gelukt, geweigerd of mislukt." })
  @Enum({ items: () => AuditUitkomst, type: "string", length: 9 })
  uitkomst!: AuditUitkomst;
}
