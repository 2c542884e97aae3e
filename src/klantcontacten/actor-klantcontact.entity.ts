import { Entity, ManyToOne, Unique, type Rel } from "@mikro-orm/core";
import { ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Actor } from "../opvolging/actor.entity";
import { Klantcontact } from "./klantcontact.entity";

/** ActorKlantcontact: an actor (medewerker, afdeling, bot) that took part in a klantcontact. */
@Entity()
@Unique({ properties: ["actor", "klantcontact"] })
@ObjectType({ description: "Actor die bij een klantcontact betrokken was." })
export class ActorKlantcontact extends BaseEntity {
  @ManyToOne({ entity: () => Actor, deleteRule: "cascade" })
  actor!: Rel<Actor>;

  @ManyToOne({ entity: () => Klantcontact, deleteRule: "cascade", index: true })
  klantcontact!: Rel<Klantcontact>;
}
