import { Entity, Index, ManyToOne, Unique, type Rel } from "@mikro-orm/core";
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
// A work queue reads an actor's taken from this index alone (the task ids are in it).
@Index({ name: "toewijzing_actor_interne_taak_index", properties: ["actor", "interneTaak"] })
export class Toewijzing extends BaseEntity {
  @ManyToOne({ entity: () => InterneTaak, deleteRule: "cascade" })
  interneTaak!: Rel<InterneTaak>;

  // index: false, since the index above serves this key (else SQLite gets one more).
  @ManyToOne({ entity: () => Actor, deleteRule: "cascade", index: false })
  actor!: Rel<Actor>;
}
