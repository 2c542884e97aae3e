import { randomUUID } from "node:crypto";
import { PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * Every resource of the standard has a server-generated uuid, which is all a client ever sees.
 * The integer id is the storage key: foreign keys stay small and "newest first" is `id desc`,
 * the order Open Klant uses (`-pk`).
 */
// Registered as an object type only so that subclasses inherit `uuid`; it is never emitted itself.
@ObjectType()
export abstract class BaseEntity {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => ID, { description: "Unieke (technische) identificatie." })
  @Property({ type: "uuid", unique: true })
  uuid: string = randomUUID();
}
