import { Entity, ManyToOne, Unique, type Rel } from "@mikro-orm/core";
import { BaseEntity } from "../common/base.entity";
import { Actor } from "./actor.entity";
import { InterneTaak } from "./interne-taak.entity";

/**
 * The actors a task is assigned to, in the order given (the deprecated toegewezenAanActor is the
 * first). Its own table rather than a plain many-to-many so that order is kept and indexed by actor
 * (the work queues of ITA list taken per actor).
 */
@Entity()
@Unique({ properties: ["interneTaak", "actor"] })
export class Toewijzing extends BaseEntity {
  @ManyToOne({ entity: () => InterneTaak, deleteRule: "cascade" })
  interneTaak!: Rel<InterneTaak>;

  @ManyToOne({ entity: () => Actor, deleteRule: "cascade", index: true })
  actor!: Rel<Actor>;
}
